using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A number the account owns, with what answers its calls and messages (Twilio's IncomingPhoneNumber resource).</summary>
    public sealed class TwilioIncomingPhoneNumber : TwilioWebhookResource
    {
        /// <summary>The number's own SID under its own name, so it binds to -IncomingPhoneNumberSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string IncomingPhoneNumberSid => Sid;

        /// <summary>E.164: +14155550123.</summary>
        [JsonInclude] public string PhoneNumber { get; internal set; }

        /// <summary>twilio (bought from Twilio) or hosted.</summary>
        [JsonInclude] public string Origin { get; internal set; }

        /// <summary>in-use, or a porting or hosting state.</summary>
        [JsonInclude] public string Status { get; internal set; }

        [JsonInclude] public TwilioPhoneNumberCapabilities Capabilities { get; internal set; }
        [JsonInclude] public bool? Beta { get; internal set; }

        /// <summary>An application that answers calls instead of the voice URLs.</summary>
        [JsonInclude] public string VoiceApplicationSid { get; internal set; }

        /// <summary>voice or fax.</summary>
        [JsonInclude] public string VoiceReceiveMode { get; internal set; }

        /// <summary>An application that answers messages instead of the SMS URLs.</summary>
        [JsonInclude] public string SmsApplicationSid { get; internal set; }

        /// <summary>A SIP trunk that takes the number's calls.</summary>
        [JsonInclude] public string TrunkSid { get; internal set; }

        /// <summary>none, any, local or foreign.</summary>
        [JsonInclude] public string AddressRequirements { get; internal set; }
        [JsonInclude] public string AddressSid { get; internal set; }
        [JsonInclude] public string IdentitySid { get; internal set; }
        [JsonInclude] public string BundleSid { get; internal set; }

        /// <summary>Active or Inactive: whether the number may place emergency calls.</summary>
        [JsonInclude] public string EmergencyStatus { get; internal set; }
        [JsonInclude] public string EmergencyAddressSid { get; internal set; }
        [JsonInclude] public string EmergencyAddressStatus { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this number (its assigned add-ons).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>"PNxxx +14155550100 'Support line'".</summary>
        public override string ToString() => Describe.Join(Sid, PhoneNumber, FriendlyName == PhoneNumber ? null : Describe.Quoted(FriendlyName));
    }
}
