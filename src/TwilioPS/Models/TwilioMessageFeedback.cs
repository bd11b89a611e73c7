using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>Whether a message reached its recipient, as you told Twilio (Twilio's Message Feedback resource).</summary>
    public sealed class TwilioMessageFeedback : IMessageReference
    {
        [JsonInclude] public string AccountSid { get; internal set; }
        [JsonInclude] public string MessageSid { get; internal set; }

        /// <summary>confirmed or unconfirmed.</summary>
        [JsonInclude] public string Outcome { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateCreated { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateUpdated { get; internal set; }

        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>Fields this version does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"SMxxx confirmed".</summary>
        public override string ToString() => Describe.Join(MessageSid, Outcome);
    }
}
