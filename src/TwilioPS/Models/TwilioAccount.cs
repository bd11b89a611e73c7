using System.Collections.Generic;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// An account or subaccount (api.v2010.account). The account's auth token, which Twilio includes
    /// in this resource, is deliberately not modelled and dropped when read: TwilioPS never puts a
    /// secret in the pipeline.
    /// </summary>
    public sealed class TwilioAccount : TwilioResource, IJsonOnDeserialized
    {
        [JsonInclude] public string FriendlyName { get; internal set; }
        [JsonInclude] public string OwnerAccountSid { get; internal set; }

        /// <summary>active, suspended or closed.</summary>
        [JsonInclude] public string Status { get; internal set; }

        /// <summary>Trial or Full.</summary>
        [JsonInclude] public string Type { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this account (its calls, messages, recordings, …).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>
        /// An account belongs to itself: AccountSid is its own SID, so accounts piped into any other
        /// cmdlet bind to -AccountSid and act in that (sub)account.
        /// </summary>
        void IJsonOnDeserialized.OnDeserialized()
        {
            if (AccountSid == null) AccountSid = Sid;
            AdditionalProperties?.Remove("auth_token");
            if (AdditionalProperties != null && AdditionalProperties.Count == 0) AdditionalProperties = null;
        }

        /// <summary>"ACxxx 'Production' full (active)".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName), Type, Describe.InBrackets(Status));
    }
}
