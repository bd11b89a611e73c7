using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// A call waiting in a queue (Twilio's Member resource). Keyed by its call's SID: CallSid and
    /// QueueSid name it.
    /// </summary>
    public sealed class TwilioQueueMember : ICallReference, IQueueReference
    {
        [JsonInclude] public string CallSid { get; internal set; }

        [JsonInclude] public string QueueSid { get; internal set; }

        /// <summary>1 for the call at the front of the queue.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? Position { get; internal set; }

        /// <summary>Seconds the call has waited.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? WaitTime { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateEnqueued { get; internal set; }

        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>Fields this version does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"CAxxx in QUxxx at 1".</summary>
        public override string ToString() => Describe.Join(CallSid, QueueSid == null ? null : "in " + QueueSid, Position == null ? null : "at " + Describe.Number(Position));
    }
}
