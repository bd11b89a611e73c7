using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// A call in a conference (Twilio's Participant resource). Twilio keys participants by their call's
    /// SID, so a participant has no SID of its own: CallSid and ConferenceSid name it.
    /// </summary>
    public sealed class TwilioConferenceParticipant : ICallReference, IConferenceReference
    {
        [JsonInclude] public string AccountSid { get; internal set; }

        /// <summary>The participant's call; with ConferenceSid, what names the participant.</summary>
        [JsonInclude] public string CallSid { get; internal set; }

        [JsonInclude] public string ConferenceSid { get; internal set; }

        /// <summary>A name you gave the participant when you added it.</summary>
        [JsonInclude] public string Label { get; internal set; }

        /// <summary>queued, connecting, ringing, connected, complete or failed.</summary>
        [JsonInclude] public string Status { get; internal set; }

        [JsonInclude] public bool? Muted { get; internal set; }
        [JsonInclude] public bool? Hold { get; internal set; }

        /// <summary>Whether the participant coaches another (CallSidToCoach), heard by that one alone.</summary>
        [JsonInclude] public bool? Coaching { get; internal set; }

        [JsonInclude] public string CallSidToCoach { get; internal set; }
        [JsonInclude] public bool? StartConferenceOnEnter { get; internal set; }
        [JsonInclude] public bool? EndConferenceOnExit { get; internal set; }

        /// <summary>Milliseconds the participant's call waited in Twilio's calls-per-second queue.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? QueueTime { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateCreated { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateUpdated { get; internal set; }

        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>Fields this version does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"CAxxx in CFxxx connected": the participant's call, its conference and state.</summary>
        public override string ToString() => Describe.Join(CallSid, ConferenceSid == null ? null : "in " + ConferenceSid, Describe.Quoted(Label), Status);
    }
}
