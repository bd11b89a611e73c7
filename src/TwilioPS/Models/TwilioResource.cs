using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// What every Twilio 2010-04-01 resource has. Output objects are immutable to PowerShell (internal
    /// setters exist only for the JSON source generator).
    /// </summary>
    public abstract class TwilioResource
    {
        [JsonInclude] public string Sid { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string AccountSid { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateCreated { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateUpdated { get; internal set; }

        /// <summary>The resource's URI, relative to the API host.</summary>
        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>
        /// Fields Twilio sent that this version of TwilioPS does not model yet, so a new field is
        /// visible without a release. Null when there were none.
        /// </summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>
        /// The SID and what identifies the record to a person (numbers, a name, a state), as string
        /// interpolation and Write-Host show it: every resource says what it is, never its type name.
        /// </summary>
        public abstract override string ToString();
    }
}
