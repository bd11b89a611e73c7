using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>
    /// An account or subaccount (api.v2010.account). The account's auth token, which Twilio includes
    /// in this resource, is deliberately not modelled: TwilioPS never puts a secret in the pipeline.
    /// </summary>
    public sealed class TwilioAccount : TwilioResource
    {
        [JsonInclude] public string FriendlyName { get; internal set; }
        [JsonInclude] public string OwnerAccountSid { get; internal set; }

        /// <summary>active, suspended or closed.</summary>
        [JsonInclude] public string Status { get; internal set; }

        /// <summary>Trial or Full.</summary>
        [JsonInclude] public string Type { get; internal set; }

        [JsonInclude] public Dictionary<string, string> SubresourceUris { get; internal set; }
    }
}
