using System;
using System.Linq;
using System.Management.Automation;
using TwilioPS.Connection;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>Environment variables are process-wide: tests that set them never run in parallel.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
        public const string Name = "Process environment";
    }

    [Collection(EnvironmentCollection.Name)]
    public class ConnectTwilioTests : IDisposable
    {
        private static readonly string[] Variables =
            { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_EDGE", "TWILIO_REGION" };

        private readonly TwilioEmulator _emulator = TwilioEmulator.Start(new EmulatorOptions { SeedCalls = 3 });
        private readonly PowerShellSession _ps = new PowerShellSession();

        public ConnectTwilioTests()
        {
            foreach (string name in Variables) Environment.SetEnvironmentVariable(name, null);
            _ps.SetVariable("uri", _emulator.BaseUri);
            _ps.SetVariable("account", _emulator.AccountSid);
            _ps.SetVariable("token", EmulatedSession.Secure(_emulator.AuthToken));
            _ps.SetVariable("key", _emulator.ApiKeySid);
            _ps.SetVariable("secret", EmulatedSession.Secure(_emulator.ApiKeySecret));
        }

        public void Dispose()
        {
            foreach (string name in Variables) Environment.SetEnvironmentVariable(name, null);
            _ps.Dispose();
            _emulator.Dispose();
        }

        private TwilioConnection Connected(PowerShellResult r)
        {
            r.ThrowIfFailed();
            return Assert.IsType<TwilioConnection>(_ps.Run("Get-TwilioContext").Output.Single().BaseObject);
        }

        [Fact]
        public void AccountSid_and_AuthToken_SecureString()
        {
            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri"));
            Assert.Equal(_emulator.AccountSid, c.AccountSid);
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.AuthToken, c.CredentialKind);
            Assert.Equal("Parameters", c.Source);
            Assert.Equal("TwilioPS Emulator", c.FriendlyName);
            Assert.Equal(_emulator.AccountSid, _emulator.Requests.Last().AuthUsername);
        }

        [Fact]
        public void PSCredential_with_an_account_sid()
        {
            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -Credential ([pscredential]::new($account, $token)) -BaseUri $uri"));
            Assert.Equal("Credential", c.Source);
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.AuthToken, c.CredentialKind);
        }

        [Fact]
        public void PSCredential_with_an_api_key_needs_the_account()
        {
            PowerShellResult missing = _ps.Run("Connect-Twilio -Credential ([pscredential]::new($key, $secret)) -BaseUri $uri");
            Assert.StartsWith("AccountSidRequired,", missing.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(0, _emulator.RequestCount);

            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -Credential ([pscredential]::new($key, $secret)) -AccountSid $account -BaseUri $uri"));
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.ApiKey, c.CredentialKind);
            Assert.Equal(_emulator.ApiKeySid, c.ApiKeySid);
            Assert.Equal(_emulator.ApiKeySid, _emulator.Requests.Last().AuthUsername);
        }

        [Fact]
        public void ApiKey_and_ApiSecret()
        {
            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -AccountSid $account -ApiKey $key -ApiSecret $secret -BaseUri $uri"));
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.ApiKey, c.CredentialKind);
            PowerShellResult r = _ps.Run("(Get-TwilioCall -All).Count");
            Assert.Equal(3, (int)r.Output.Single().BaseObject);
        }

        [Fact]
        public void Environment_variables_when_no_credential_parameters_are_given()
        {
            Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", _emulator.AccountSid);
            Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", _emulator.AuthToken);
            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -BaseUri $uri"));
            Assert.Equal("Environment", c.Source);
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.AuthToken, c.CredentialKind);
        }

        [Fact]
        public void Environment_api_key_wins_over_the_auth_token()
        {
            Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", _emulator.AccountSid);
            Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", "wrong-token-never-used-000000000");
            Environment.SetEnvironmentVariable("TWILIO_API_KEY", _emulator.ApiKeySid);
            Environment.SetEnvironmentVariable("TWILIO_API_SECRET", _emulator.ApiKeySecret);
            TwilioConnection c = Connected(_ps.Run("Connect-Twilio -BaseUri $uri"));
            Assert.Equal(TwilioPS.Client.TwilioCredentialKind.ApiKey, c.CredentialKind);
        }

        [Fact]
        public void No_credentials_anywhere_is_a_clear_error_without_a_request()
        {
            PowerShellResult r = _ps.Run("Connect-Twilio -BaseUri $uri");
            Assert.StartsWith("NoCredentials,", r.FirstError?.FullyQualifiedErrorId);
            Assert.Contains("TWILIO_ACCOUNT_SID", r.FirstError.Exception.Message);
            Assert.Equal(0, _emulator.RequestCount);
        }

        [Fact]
        public void Wrong_token_fails_with_AuthenticationFailed_and_leaves_no_connection()
        {
            _ps.SetVariable("bad", EmulatedSession.Secure("0123456789abcdef0123456789abcdef"));
            PowerShellResult r = _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $bad -BaseUri $uri");
            ErrorRecord error = r.FirstError;
            Assert.Equal("AuthenticationFailed,TwilioPS.Cmdlets.Session.ConnectTwilioCommand", error?.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(1, _emulator.RequestCount); // verified with exactly one request, and not retried
            Assert.Empty(_ps.Run("Get-TwilioContext").Output);
            Assert.DoesNotContain("0123456789abcdef0123456789abcdef", string.Join("\n", r.AllText()));
        }

        [Fact]
        public void A_stand_in_without_the_account_resource_is_verified_with_a_call_list()
        {
            _emulator.Interceptor = new Answer404(r => r.Path == "/2010-04-01/Accounts/" + _emulator.AccountSid + ".json");
            PowerShellResult r = _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri -Verbose");
            TwilioConnection c = Connected(r);
            Assert.Null(c.FriendlyName);
            Assert.Contains(r.Verbose, v => v.Contains("one-record call list"));
            Assert.Contains(_emulator.Requests, q => q.Path.EndsWith("/Calls.json", StringComparison.Ordinal) && q.QueryValue("PageSize") == "1");
        }

        [Fact]
        public void A_server_with_neither_resource_is_not_a_Twilio_API()
        {
            _emulator.Interceptor = new Answer404(r => true);
            PowerShellResult r = _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri");
            Assert.Equal("AuthenticationFailed,TwilioPS.Cmdlets.Session.ConnectTwilioCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Contains("is a Twilio API root", r.FirstError.Exception.Message);
        }

        private sealed class Answer404 : IRequestInterceptor
        {
            private readonly Func<EmulatorRequest, bool> _when;

            public Answer404(Func<EmulatorRequest, bool> when) => _when = when;

            public EmulatorFault Intercept(EmulatorRequest request) =>
                _when(request) ? new EmulatorFault { Status = 404, Code = 20404, Message = "The requested resource " + request.Path + " was not found" } : null;
        }

        [Theory]
        [InlineData("http://example.com")]
        [InlineData("http://10.0.0.1:4010")]
        [InlineData("ftp://127.0.0.1")]
        public void Plain_http_is_only_allowed_to_this_machine(string baseUri)
        {
            PowerShellResult r = _ps.Run($"Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri '{baseUri}'");
            Assert.StartsWith("InsecureBaseUri,", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.SecurityError, r.FirstError.CategoryInfo.Category);
        }

        [Fact]
        public void Localhost_by_name_is_allowed_over_http()
        {
            Connected(_ps.Run($"Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri 'http://localhost:{_emulator.Port}'"));
        }

        [Theory]
        [InlineData(null, null, "https://api.twilio.com/")]
        [InlineData("sydney", null, "https://api.sydney.us1.twilio.com/")]
        [InlineData("sydney", "au1", "https://api.sydney.au1.twilio.com/")]
        [InlineData(null, "ie1", "https://api.ie1.twilio.com/")]
        public void Edge_and_region_choose_Twilios_host(string edge, string region, string expected)
        {
            Assert.Equal(expected, TwilioConnectionSettings.TwilioBaseUri(edge, region).ToString());
        }

        [Fact]
        public void Emulator_switch_starts_and_connects_an_in_process_emulator()
        {
            PowerShellResult r = _ps.Run("Connect-Twilio -Emulator -PassThru; (Get-TwilioCall -All).Count; Stop-TwilioEmulator");
            r.ThrowIfFailed();
            var c = Assert.IsType<TwilioConnection>(r.Output[0].BaseObject);
            Assert.Equal("Emulator", c.Source);
            Assert.Equal(0, (int)r.Output[1].BaseObject);
        }

        [Fact]
        public void Cmdlets_without_a_connection_fail_with_NotConnected()
        {
            PowerShellResult r = _ps.Run("Get-TwilioCall");
            Assert.Equal("NotConnected,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", r.FirstError?.FullyQualifiedErrorId);
            Assert.Contains("Connect-Twilio", r.FirstError.Exception.Message);
        }

        [Fact]
        public void Disconnect_forgets_the_default_connection()
        {
            _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri").ThrowIfFailed();
            PowerShellResult r = _ps.Run("Disconnect-Twilio; Get-TwilioCall");
            Assert.StartsWith("NotConnected,", r.FirstError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Connection_parameter_targets_another_account_without_touching_the_default()
        {
            using var other = TwilioEmulator.Start(new EmulatorOptions { SeedCalls = 7 });
            _ps.SetVariable("otherUri", other.BaseUri);
            _ps.SetVariable("otherToken", EmulatedSession.Secure(other.AuthToken));
            PowerShellResult r = _ps.Run(@"
                Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri
                $second = Connect-Twilio -AccountSid $account -AuthToken $otherToken -BaseUri $otherUri -PassThru
                Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri
                (Get-TwilioCall -All).Count
                (Get-TwilioCall -All -Connection $second).Count
                (Get-TwilioContext).BaseUri -eq $uri");
            r.ThrowIfFailed();
            Assert.Equal(new object[] { 3, 7, true }, r.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Each_runspace_has_its_own_default_connection()
        {
            using var second = new PowerShellSession();
            _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri").ThrowIfFailed();
            Assert.Equal("NotConnected,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", second.Run("Get-TwilioCall").FirstError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void AccountSid_on_a_cmdlet_targets_a_subaccount()
        {
            string sub = _emulator.CreateSubaccount("Support line");
            _emulator.SeedCalls(4, sub);
            _ps.SetVariable("sub", sub);
            PowerShellResult r = _ps.Run(@"
                Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri
                $calls = Get-TwilioCall -All -AccountSid $sub
                $calls.Count
                ($calls | Where-Object AccountSid -eq $sub).Count
                # objects from the subaccount carry it down the pipeline by property name
                ($calls | Get-TwilioCall).Count");
            r.ThrowIfFailed();
            Assert.Equal(new object[] { 4, 4, 4 }, r.Output.Select(o => o.BaseObject));
            Assert.All(_emulator.Requests.Where(q => q.Path.Contains("/Calls")), q => Assert.Contains("/Accounts/" + sub + "/", q.Path));
        }

        [Fact]
        public void User_agent_names_TwilioPS_its_version_PowerShell_and_the_OS()
        {
            _ps.Run("Connect-Twilio -AccountSid $account -AuthToken $token -BaseUri $uri").ThrowIfFailed();
            string agent = _emulator.Requests.Last().UserAgent;
            Assert.Matches(@"^TwilioPS/\d+\.\d+\.\d+ PowerShell/7\.\d+\.\d+\S* \(Core; .+\)$", agent);
        }

        [Fact]
        public void No_stream_ever_carries_the_secret()
        {
            const string token = "7e577e577e577e577e577e577e577e57";
            Assert.Equal(token, _emulator.AuthToken);
            Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", _emulator.AccountSid);
            Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", token);
            var everything = new System.Collections.Generic.List<string>();
            foreach (string script in new[]
            {
                "Connect-Twilio -BaseUri $uri -Verbose -Debug -PassThru | Format-List * | Out-String",
                "Get-TwilioContext | Format-List * | Out-String; Get-TwilioContext | Out-String; (Get-TwilioContext).ToString()",
                "Get-TwilioContext | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue",
                "Get-TwilioCall -All -Verbose -Debug | Out-String",
                "Get-TwilioCall -Sid ('CA' + '0' * 32) -Verbose",
                "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -Verbose -Debug | Format-List * | Out-String",
                "$Error | Format-List * -Force | Out-String",
            })
            {
                PowerShellResult r = _ps.Run(script);
                everything.AddRange(r.AllText().Where(t => t != null));
            }
            string all = string.Join("\n", everything);
            Assert.Contains(_emulator.AccountSid, all);                    // the run really produced output
            Assert.DoesNotContain(token, all);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_emulator.AccountSid + ":" + token)), all);
        }
    }
}
