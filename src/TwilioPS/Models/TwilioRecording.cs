using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A recording of a call or a conference (Twilio's Recording resource, api.v2010.account.recording).</summary>
    public sealed class TwilioRecording : TwilioResource, ICallReference, IRecordingReference
    {
        /// <summary>The recording's own SID under its own name, so it binds to -RecordingSid down the pipeline (see TwilioConnectedCmdlet).</summary>
        [Hidden, JsonIgnore] public string RecordingSid => Sid;

        /// <summary>The call recorded (for a conference recording, the call that started it).</summary>
        [JsonInclude] public string CallSid { get; internal set; }

        /// <summary>The conference recorded, if it was one.</summary>
        [JsonInclude] public string ConferenceSid { get; internal set; }

        /// <summary>in-progress, paused, stopped, processing, completed, absent or deleted.</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Status { get; internal set; }

        /// <summary>How the recording was made: DialVerb, Conference, OutboundAPI, Trunking, RecordVerb, StartCallRecordingAPI or StartConferenceRecordingAPI.</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Source { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? StartTime { get; internal set; }

        /// <summary>Length in seconds; null while recording.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? Duration { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? Channels { get; internal set; }

        /// <summary>inbound, outbound or both (recordings started on a call).</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Track { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Price { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string PriceUnit { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? ErrorCode { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string ApiVersion { get; internal set; }

        /// <summary>Where the audio is (append .wav or .mp3); Save-TwilioRecording downloads it with the connection's credentials.</summary>
        [JsonInclude] public string MediaUrl { get; internal set; }

        [JsonInclude] public JsonElement? EncryptionDetails { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this recording (its transcriptions, add-on results).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>"RExxx of CAxxx completed 42s".</summary>
        public override string ToString()
        {
            string parent = CallSid ?? ConferenceSid;
            return Describe.Join(Sid, parent == null ? null : "of " + parent, Status, Duration == null ? null : Describe.Number(Duration) + "s");
        }
    }
}
