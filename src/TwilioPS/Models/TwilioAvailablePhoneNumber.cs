using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// A number for sale (Twilio's AvailablePhoneNumber resources: Local, TollFree, Mobile, …). It has no
    /// SID: it is bought by its PhoneNumber, which binds to New-TwilioIncomingPhoneNumber down the
    /// pipeline, with the account it was searched for.
    /// </summary>
    public sealed class TwilioAvailablePhoneNumber
    {
        /// <summary>E.164: +14155550123.</summary>
        [JsonInclude] public string PhoneNumber { get; internal set; }

        /// <summary>The number as people write it: (415) 555-0123.</summary>
        [JsonInclude] public string FriendlyName { get; internal set; }

        /// <summary>The ISO 3166-1 country of the number.</summary>
        [JsonInclude] public string IsoCountry { get; internal set; }

        /// <summary>The country searched (as -CountryCode gave it).</summary>
        [JsonIgnore] public string CountryCode { get; internal set; }

        /// <summary>The type searched: Local, TollFree, Mobile, National, Voip, SharedCost or MachineToMachine.</summary>
        [JsonIgnore] public string Type { get; internal set; }

        /// <summary>The account the search was made for, so a purchase down the pipeline is made for it too.</summary>
        [JsonIgnore] public string AccountSid { get; internal set; }

        [JsonInclude] public string Locality { get; internal set; }

        /// <summary>State or province (US and Canada).</summary>
        [JsonInclude] public string Region { get; internal set; }

        [JsonInclude] public string PostalCode { get; internal set; }
        [JsonInclude] public string RateCenter { get; internal set; }
        [JsonInclude] public string Lata { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Latitude { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Longitude { get; internal set; }

        /// <summary>none, any, local or foreign: the Address the number needs before it can be bought.</summary>
        [JsonInclude] public string AddressRequirements { get; internal set; }

        /// <summary>New to Twilio's platform.</summary>
        [JsonInclude] public bool? Beta { get; internal set; }

        [JsonInclude] public TwilioPhoneNumberCapabilities Capabilities { get; internal set; }

        /// <summary>Fields this version of TwilioPS does not model yet; null when there were none.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"+14155550100 Local San Francisco CA US": the number, then where it is.</summary>
        public override string ToString() => Describe.Join(PhoneNumber, Type, Locality, Region, IsoCountry);
    }
}
