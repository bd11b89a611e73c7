using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using TwilioPS.Client;
using TwilioPS.Connection;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Session
{
    /// <summary>
    /// Connects to Twilio (or the emulator, Prism, a proxy) and makes that connection the session
    /// default. The credential is verified with one request before anything else uses it.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Twilio", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(TwilioConnection))]
    public sealed class ConnectTwilioCommand : TwilioCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string AuthTokenSet = "AuthToken";
        private const string CredentialSet = "Credential";
        private const string ApiKeySet = "ApiKey";
        private const string EmulatorSet = "Emulator";

        /// <summary>
        /// The account to act for (AC…). With an API key, the account the key belongs to: a key from
        /// New-TwilioApiKey binds it, with -ApiKey and -ApiSecret, by property name.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AuthTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateSid("AC")]
        public string AccountSid { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AuthTokenSet)]
        [ValidateNotNull]
        public SecureString AuthToken { get; set; }

        /// <summary>User name: an account SID (password: auth token) or an API key SID (password: secret).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiKeySid")]
        [ValidateSid("SK")]
        public string ApiKey { get; set; }

        /// <summary>The key's secret; "Secret" is the name New-TwilioApiKey's key carries it under.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ApiKeySet, ValueFromPipelineByPropertyName = true)]
        [Alias("Secret")]
        [ValidateNotNull]
        public SecureString ApiSecret { get; set; }

        /// <summary>Connect to this process's emulator (started now if none is running).</summary>
        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>Another API root: the emulator, Prism or a proxy. HTTPS, except on this machine.</summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = AuthTokenSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        /// <summary>Twilio edge location (e.g. sydney, dublin); also TWILIO_EDGE.</summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = AuthTokenSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidateSet("ashburn", "dublin", "frankfurt", "singapore", "sydney", "tokyo", "umatilla", "sao-paulo", "roaming")]
        public string Edge { get; set; }

        /// <summary>Twilio processing region (e.g. us1, ie1, au1); also TWILIO_REGION.</summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = AuthTokenSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = ApiKeySet)]
        [ValidatePattern(TwilioLocation.RegionPattern)]
        public string Region { get; set; }

        /// <summary>Calls New-TwilioCall may place per second on this connection (Twilio's default is 1).</summary>
        [Parameter]
        [ValidateRange(0.01, 1000.0)]
        public double CallsPerSecond { get; set; } = 1;

        /// <summary>Retries after a transient failure (0 to 10).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = new RetrySettings().MaxRetries;

        /// <summary>Seconds to wait for one response.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Also return the connection (for -Connection on other cmdlets).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object ErrorTarget => AccountSid;

        /// <summary>
        /// A connection that could not be verified is no connection: terminating, so a script's
        /// try/catch (or -ErrorAction Stop) sees it before anything runs without one.
        /// </summary>
        protected override void Fail(ErrorRecord error) => ThrowTerminatingError(error);

        protected override void ProcessInput()
        {
            TwilioConnectionSettings settings = ResolveSettings();
            if (!TwilioConnectionSettings.IsAllowedBaseUri(settings.BaseUri))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"'{settings.BaseUri}' is not allowed: credentials are only sent over HTTPS, or plain HTTP to this machine (localhost, 127.0.0.1, ::1)."),
                    "InsecureBaseUri", ErrorCategory.SecurityError, settings.BaseUri));
            }

            WriteVerbose($"Connecting to {settings.BaseUri} for account {settings.AccountSid} with {(settings.Credential.Kind == TwilioCredentialKind.ApiKey ? "API key " + settings.Credential.UserName : "its auth token")} (from {settings.Source}).");
            var connection = new TwilioConnection(settings);
            try
            {
                connection.FriendlyName = Verify(connection, settings.AccountSid);
            }
            catch (TwilioApiException exception) when (exception.Status == HttpStatusCode.Unauthorized || exception.Status == HttpStatusCode.Forbidden || exception.Status == HttpStatusCode.NotFound)
            {
                connection.Dispose();
                string check = exception.Status == HttpStatusCode.NotFound
                    ? $"No account {settings.AccountSid} is visible to these credentials at {settings.BaseUri} ({exception.TwilioMessage ?? "not found"}). Check the account SID, and that -BaseUri is a Twilio API root."
                    : $"Twilio did not accept the credentials for account {settings.AccountSid} ({exception.TwilioMessage ?? exception.Status.ToString()}). Check the account SID and the {(settings.Credential.Kind == TwilioCredentialKind.ApiKey ? "API key and secret" : "auth token")}.";
                ThrowTerminatingError(new ErrorRecord(new UnauthorizedAccessException(check, exception),
                    "AuthenticationFailed", ErrorCategory.AuthenticationError, settings.AccountSid));
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            TwilioConnection previous = TwilioSession.Default;
            TwilioSession.Default = connection;
            // A connection someone kept with -PassThru may still be in use through -Connection: leave it open.
            if (previous != null && !previous.HandedOut) previous.Dispose();
            WriteVerbose($"Connected to account {connection.AccountSid}{(connection.FriendlyName != null ? " (" + connection.FriendlyName + ")" : string.Empty)}.");
            if (PassThru)
            {
                connection.HandedOut = true;
                WriteObject(connection);
            }
        }

        /// <summary>
        /// One request proves the credential: fetching the account (which also names it). A stand-in
        /// that serves the resources but not the account itself answers 404 there; then one
        /// single-record call list decides instead.
        /// </summary>
        private string Verify(TwilioConnection connection, string accountSid)
        {
            try
            {
                return Await(ct => connection.Client.Accounts.FetchAsync(ResourcePath.Root().Sid(accountSid), ct))?.FriendlyName;
            }
            catch (TwilioApiException exception) when (exception.Status == HttpStatusCode.NotFound)
            {
                WriteVerbose($"The API has no account resource for {accountSid}; verifying with a one-record call list instead.");
                using (TwilioPager<TwilioCall> probe = connection.Client.Calls.List(ResourcePath.ForAccount(accountSid), null, 1))
                {
                    probe.PageLimit = 1;
                    try
                    {
                        Await(probe.NextAsync)?.Dispose();
                    }
                    catch (TwilioApiException second) when (second.Status == HttpStatusCode.NotFound)
                    {
                        throw exception; // neither resource exists: report the account lookup
                    }
                }
                return null;
            }
        }

        private TwilioConnectionSettings ResolveSettings()
        {
            var settings = new TwilioConnectionSettings
            {
                CallsPerSecond = CallsPerSecond,
                Retry = new RetrySettings { MaxRetries = MaxRetries },
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                UserAgent = BuildUserAgent(),
            };

            switch (ParameterSetName)
            {
                case AuthTokenSet:
                    settings.AccountSid = AccountSid;
                    settings.Credential = new TwilioCredential(TwilioCredentialKind.AuthToken, AccountSid, AuthToken);
                    settings.Source = "Parameters";
                    break;
                case ApiKeySet:
                    settings.AccountSid = AccountSid;
                    settings.Credential = new TwilioCredential(TwilioCredentialKind.ApiKey, ApiKey, ApiSecret);
                    settings.Source = "Parameters";
                    break;
                case CredentialSet:
                    ResolveCredential(settings);
                    break;
                case EmulatorSet:
                    TwilioEmulatorInfo emulator = EmulatorHost.Current ?? EmulatorHost.Start(0, 0, 1);
                    settings.AccountSid = emulator.AccountSid;
                    settings.Credential = new TwilioCredential(TwilioCredentialKind.AuthToken, emulator.AccountSid, emulator.Credential.Password);
                    settings.BaseUri = emulator.BaseUri;
                    settings.Source = "Emulator";
                    break;
                default:
                    ResolveEnvironment(settings);
                    break;
            }

            // The environment's edge and region are held to the parameters' rules, even beside -BaseUri.
            string edge = Edge ?? Environment("TWILIO_EDGE");
            if (Edge == null && edge != null && !TwilioLocation.IsEdge(edge))
                Fail($"TWILIO_EDGE is not a Twilio edge: expected one of {string.Join(", ", TwilioLocation.Edges)}.", "InvalidEnvironmentEdge");
            string region = Region ?? Environment("TWILIO_REGION");
            if (Region == null && region != null && !TwilioLocation.IsRegion(region))
                Fail("TWILIO_REGION is not a Twilio region: expected two letters and a digit, such as us1 or ie1.", "InvalidEnvironmentRegion");
            settings.Edge = edge;
            settings.Region = region;
            if (settings.BaseUri == null) settings.BaseUri = BaseUri ?? TwilioConnectionSettings.TwilioBaseUri(edge, region);
            return settings;
        }

        private void ResolveCredential(TwilioConnectionSettings settings)
        {
            string user = Credential.UserName;
            if (ValidateSidAttribute.IsSid(user, "AC"))
            {
                if (AccountSid != null && !string.Equals(AccountSid, user, StringComparison.Ordinal))
                    Fail("The credential's user name is an account SID that differs from -AccountSid. Leave out -AccountSid, or use an API key credential.", "AccountSidMismatch");
                settings.AccountSid = user;
                settings.Credential = new TwilioCredential(TwilioCredentialKind.AuthToken, user, Credential.Password);
            }
            else if (ValidateSidAttribute.IsSid(user, "SK"))
            {
                string account = AccountSid ?? Environment("TWILIO_ACCOUNT_SID");
                if (!ValidateSidAttribute.IsSid(account, "AC"))
                    Fail("An API key credential needs the account it belongs to: add -AccountSid AC… (or set TWILIO_ACCOUNT_SID).", "AccountSidRequired");
                settings.AccountSid = account;
                settings.Credential = new TwilioCredential(TwilioCredentialKind.ApiKey, user, Credential.Password);
            }
            else
            {
                Fail($"The credential's user name '{user}' is neither an account SID (AC…) nor an API key SID (SK…).", "InvalidCredentialUserName");
            }
            settings.Source = "Credential";
        }

        private void ResolveEnvironment(TwilioConnectionSettings settings)
        {
            string account = Environment("TWILIO_ACCOUNT_SID");
            string token = Environment("TWILIO_AUTH_TOKEN");
            string key = Environment("TWILIO_API_KEY");
            string secret = Environment("TWILIO_API_SECRET");

            if (account == null)
                Fail("No credentials: pass -AccountSid and -AuthToken, -Credential, -ApiKey and -ApiSecret, use -Emulator, or set TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).", "NoCredentials");
            if (!ValidateSidAttribute.IsSid(account, "AC"))
                Fail("TWILIO_ACCOUNT_SID is not an account SID (AC followed by 32 hexadecimal characters).", "InvalidEnvironmentAccountSid");

            settings.AccountSid = account;
            settings.Source = "Environment";
            if (key != null && secret != null)
            {
                if (!ValidateSidAttribute.IsSid(key, "SK"))
                    Fail("TWILIO_API_KEY is not an API key SID (SK followed by 32 hexadecimal characters).", "InvalidEnvironmentApiKey");
                settings.Credential = new TwilioCredential(TwilioCredentialKind.ApiKey, key, ToSecureString(secret));
            }
            else if (token != null)
            {
                settings.Credential = new TwilioCredential(TwilioCredentialKind.AuthToken, account, ToSecureString(token));
            }
            else
            {
                Fail("TWILIO_ACCOUNT_SID is set but neither TWILIO_AUTH_TOKEN nor TWILIO_API_KEY with TWILIO_API_SECRET is.", "NoCredentials");
            }
        }

        private static string Environment(string name)
        {
            string value = System.Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        private static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        private void Fail(string message, string errorId) =>
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, null));

        /// <summary>TwilioPS/0.1.0 PowerShell/7.6.0 (Core; Linux 6.1; X64)</summary>
        private string BuildUserAgent()
        {
            string version = typeof(ConnectTwilioCommand).Assembly.GetName().Version.ToString(3);
            string psVersion = "unknown", edition = "Desktop";
            if (SessionState.PSVariable.GetValue("PSVersionTable") is IDictionary table)
            {
                psVersion = table["PSVersion"]?.ToString() ?? psVersion;
                edition = table["PSEdition"]?.ToString() ?? edition;
            }
            string os = RuntimeInformation.OSDescription.Trim();
            return $"TwilioPS/{version} PowerShell/{psVersion} ({edition}; {os}; {RuntimeInformation.OSArchitecture})";
        }
    }
}
