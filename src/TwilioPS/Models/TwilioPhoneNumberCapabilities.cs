using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>What a phone number can receive: calls, SMS, MMS, faxes (Twilio's phone-number-capabilities object).</summary>
    public sealed class TwilioPhoneNumberCapabilities
    {
        [JsonInclude] public bool? Voice { get; internal set; }
        [JsonInclude] public bool? Sms { get; internal set; }
        [JsonInclude] public bool? Mms { get; internal set; }
        [JsonInclude] public bool? Fax { get; internal set; }

        /// <summary>The capabilities the number has, as a table shows them: "voice, sms, mms".</summary>
        public override string ToString()
        {
            var names = new List<string>(4);
            if (Voice == true) names.Add("voice");
            if (Sms == true) names.Add("sms");
            if (Mms == true) names.Add("mms");
            if (Fax == true) names.Add("fax");
            return string.Join(", ", names);
        }
    }
}
