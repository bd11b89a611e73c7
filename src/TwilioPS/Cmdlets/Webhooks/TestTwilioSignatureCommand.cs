using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using TwilioPS.Client;
using TwilioPS.Connection;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Webhooks
{
    /// <summary>
    /// Tells whether a webhook request came from Twilio: checks its X-Twilio-Signature against the
    /// URL, the form parameters (or the JSON body) and the account's auth token. Needs no request.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "TwilioSignature", DefaultParameterSetName = FormSet)]
    [OutputType(typeof(bool))]
    public sealed class TestTwilioSignatureCommand : TwilioCmdlet
    {
        private const string FormSet = "Form";
        private const string JsonSet = "Json";

        /// <summary>The full URL Twilio requested, query string included, as Twilio knows it (the public one, not a proxy's).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateWebhookUrl]   // a relative URL can never match: Twilio signs the absolute one
        public string Url { get; set; }

        /// <summary>The X-Twilio-Signature header's value.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Signature { get; set; }

        /// <summary>The POST form parameters (a hashtable; a value may be an array for a repeated name). Leave out for a GET.</summary>
        [Parameter(ParameterSetName = FormSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary Parameters { get; set; }

        /// <summary>The raw JSON body, for requests whose URL carries bodySHA256.</summary>
        [Parameter(Mandatory = true, ParameterSetName = JsonSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Body { get; set; }

        /// <summary>The auth token that signs the account's webhooks; defaults to the connection's, when it was made with one.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString AuthToken { get; set; }

        /// <summary>The connection whose auth token to use (instead of the session's default).</summary>
        [Parameter]
        [ValidateNotNull]
        public TwilioConnection Connection { get; set; }

        protected override object ErrorTarget => Url;

        protected override void BeginProcessing()
        {
            if (AuthToken != null) return;
            TwilioConnection connection = Connection ?? TwilioSession.Default;
            if (connection == null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -AuthToken, or run Connect-Twilio with the account's auth token first."),
                    "AuthTokenMissing", ErrorCategory.InvalidArgument, null));
            if (connection.CredentialKind != TwilioCredentialKind.AuthToken)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Webhooks are signed with the account's auth token, not an API key's secret: give -AuthToken."),
                    "AuthTokenMissing", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessInput()
        {
            bool valid = WithToken(token => ParameterSetName == JsonSet
                ? WebhookSignature.IsValidJson(token, Url, Body, Signature)
                : WebhookSignature.IsValid(token, Url, Pairs(Parameters), Signature));
            WriteObject(valid);
        }

        private bool WithToken(Func<string, bool> check)
        {
            if (AuthToken == null) return (Connection ?? TwilioSession.Default).Credential.WithSecret(check);
            IntPtr unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(AuthToken);
                return check(Marshal.PtrToStringUni(unmanaged));
            }
            finally
            {
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        /// <summary>The form as name/value pairs; an array value is a repeated name, as Twilio sends lists.</summary>
        private static IEnumerable<KeyValuePair<string, string>> Pairs(IDictionary parameters)
        {
            if (parameters == null) yield break;
            foreach (DictionaryEntry entry in parameters)
            {
                string name = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture);
                object value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is IEnumerable list && !(value is string))
                {
                    foreach (object item in list)
                        yield return new KeyValuePair<string, string>(name, Convert.ToString(item is PSObject w ? w.BaseObject : item, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    yield return new KeyValuePair<string, string>(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
