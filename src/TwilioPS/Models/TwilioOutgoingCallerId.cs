using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>A number the account has verified it answers, so calls may show it as their From (Twilio's OutgoingCallerId resource).</summary>
    public sealed class TwilioOutgoingCallerId : TwilioResource
    {
        /// <summary>The caller ID's own SID under its own name, so it binds to -OutgoingCallerIdSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string OutgoingCallerIdSid => Sid;

        [JsonInclude] public string PhoneNumber { get; internal set; }
        [JsonInclude] public string FriendlyName { get; internal set; }

        /// <summary>"PNxxx +14155550100 'Front desk'".</summary>
        public override string ToString() => Describe.Join(Sid, PhoneNumber, FriendlyName == PhoneNumber ? null : Describe.Quoted(FriendlyName));
    }

    /// <summary>
    /// A validation request under way (Twilio's ValidationRequest): the code the person answering
    /// the validation call must key in, and that call. The caller ID exists once the call succeeds.
    /// </summary>
    /// <remarks>
    /// ValidationCode is declared first, so Format-List and Select-Object * show it first too: it is
    /// what the person running the command has to pass on. Not a TwilioResource: Twilio gives it no SID.
    /// </remarks>
    public sealed class TwilioValidationRequest : ICallReference
    {
        /// <summary>The six digits to key in when the validation call rings.</summary>
        [JsonInclude] public string ValidationCode { get; internal set; }
        [JsonInclude] public string PhoneNumber { get; internal set; }
        [JsonInclude] public string FriendlyName { get; internal set; }
        /// <summary>The validation call Twilio places to the number (pipe to Get-TwilioCall to follow it).</summary>
        [JsonInclude] public string CallSid { get; internal set; }
        [JsonInclude] public string AccountSid { get; internal set; }

        /// <summary>Fields Twilio sent that this version of TwilioPS does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"123456 for +14155550100 (call CAxxx)": the code to key in first.</summary>
        public override string ToString() => Describe.Join(ValidationCode, PhoneNumber == null ? null : "for " + PhoneNumber, CallSid == null ? null : "(call " + CallSid + ")");
    }
}
