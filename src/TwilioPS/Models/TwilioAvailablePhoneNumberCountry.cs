using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A country Twilio sells numbers in, and the number types it has (Twilio's AvailablePhoneNumberCountry resource).</summary>
    public sealed class TwilioAvailablePhoneNumberCountry
    {
        /// <summary>ISO 3166-1 alpha-2: US, GB, …</summary>
        [JsonInclude] public string CountryCode { get; internal set; }

        /// <summary>The country's name.</summary>
        [JsonInclude] public string Country { get; internal set; }

        [JsonInclude] public bool? Beta { get; internal set; }

        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>One search URI per number type the country has (local, toll_free, mobile, …).</summary>
        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>One search URI per number type the country has (local, toll_free, mobile, …).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"US United States".</summary>
        public override string ToString() => Describe.Join(CountryCode, Country);
    }
}
