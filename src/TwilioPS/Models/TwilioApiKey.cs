using System.Management.Automation;
using System.Security;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// A standard API key (Twilio's Key resource). Twilio returns the secret once, when the key is
    /// created: it is held here as a SecureString and is null on every key read later.
    /// </summary>
    /// <remarks>
    /// Twilio's key records carry no account SID; the cmdlets set AccountSid to the account the key
    /// was created or read in, so a new key pipes straight into Connect-Twilio (ApiKeySid, Secret,
    /// AccountSid bind by name) and any key into Remove-TwilioApiKey for the right account.
    /// </remarks>
    public sealed class TwilioApiKey : TwilioResource
    {
        /// <summary>The key's own SID under its own name, so it binds to -ApiKeySid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string ApiKeySid => Sid;

        [JsonInclude] public string FriendlyName { get; internal set; }

        /// <summary>The key's secret, only on the object New-TwilioApiKey returns; never shown, never sent back.</summary>
        [JsonInclude, JsonConverter(typeof(SecureStringConverter))]
        public SecureString Secret { get; internal set; }

        internal TwilioApiKey InAccount(string accountSid)
        {
            if (AccountSid == null) AccountSid = accountSid;
            return this;
        }

        /// <summary>"SKxxx 'CI deploys'".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName));
    }
}
