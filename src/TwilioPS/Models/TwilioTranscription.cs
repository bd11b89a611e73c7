using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>The text of a recording (Twilio's Transcription resource, api.v2010.account.transcription).</summary>
    public sealed class TwilioTranscription : TwilioResource, IRecordingReference
    {
        /// <summary>The transcription's own SID under its own name, so it binds to -TranscriptionSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string TranscriptionSid => Sid;

        /// <summary>The recording transcribed.</summary>
        [JsonInclude] public string RecordingSid { get; internal set; }

        /// <summary>in-progress, completed or failed.</summary>
        [JsonInclude] public string Status { get; internal set; }

        /// <summary>The text (filled from the .txt download by Get-TwilioTranscription -IncludeText when a list leaves it out).</summary>
        [JsonInclude] public string TranscriptionText { get; internal set; }

        /// <summary>Length of the recording transcribed, in seconds.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? Duration { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Price { get; internal set; }

        [JsonInclude] public string PriceUnit { get; internal set; }

        /// <summary>The transcription engine ("fast").</summary>
        [JsonInclude] public string Type { get; internal set; }

        [JsonInclude] public string ApiVersion { get; internal set; }

        /// <summary>"TRxxx of RExxx completed".</summary>
        public override string ToString() => Describe.Join(Sid, RecordingSid == null ? null : "of " + RecordingSid, Status);
    }
}
