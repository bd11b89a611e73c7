using System;
using System.Collections.Generic;
using System.Globalization;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The changes made to a recording through the API. Immutable like <see cref="CallTimeline"/>: an
    /// update swaps in a new one. When the recording ends is not stored: it ends when stopped or when
    /// its call ends, whichever comes first, so a call hung up later still ends its recording.
    /// </summary>
    internal sealed class RecordingTimeline
    {
        public DateTimeOffset? StoppedAt;
        public DateTimeOffset? PausedAt;   // set while paused
        public bool PauseSkips;            // PauseBehavior=skip: the pause is cut from the file, not filled with silence
        public TimeSpan Skipped;           // cut by pauses already resumed
        public DateTimeOffset LastUpdate;
        public DateTimeOffset? DeletedAt;  // soft-deleted: seen only with IncludeSoftDeleted=true

        public RecordingTimeline Clone() => (RecordingTimeline)MemberwiseClone();
    }

    /// <summary>A recording's computed state at one instant.</summary>
    internal struct RecordingState
    {
        /// <summary>False before the recording starts, and for ever if it starts with an answer that never came.</summary>
        public bool Exists;
        public string Status;
        /// <summary>Whole seconds in the file; null until the recording is completed.</summary>
        public int? Seconds;
        /// <summary>When the recording stopped (stopped through the API or with its call); null while live.</summary>
        public DateTimeOffset? EndedAt;
        public DateTimeOffset DateUpdated;

        public bool IsLive => Status == "in-progress" || Status == "paused";
    }

    /// <summary>api.v2010.account.recording (and the call scope's call_recording, which adds track).</summary>
    internal sealed class Recording : IStoredResource
    {
        /// <summary>Twilio's price per started minute of recording.</summary>
        public const decimal PricePerMinute = 0.0025m;

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Recording>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string CallSid;
        /// <summary>Set for conference recordings, which end with their conference rather than a call.</summary>
        public string ConferenceSid { get; set; }
        public Conference Conference;
        public Call Call;
        /// <summary>When recording began; also date_created and start_time.</summary>
        public DateTimeOffset DateCreated;
        /// <summary>Record=true: the recording is of the answered part, so it exists only if the call is answered at DateCreated.</summary>
        public bool StartsWithAnswer;
        public string Source;
        public int Channels = 1;
        public string Track = "both";
        public volatile RecordingTimeline Timeline;

        // Callback settings (not rendered; kept so later features and tests can see them).
        public string StatusCallback, StatusCallbackMethod, Trim;
        public IReadOnlyList<string> StatusCallbackEvents;

        /// <summary>A recording of <paramref name="call"/> from <paramref name="start"/>; not yet stored.</summary>
        public static Recording New(Call call, DateTimeOffset start, string source, RecordingOptions options)
        {
            return new Recording
            {
                Sid = Sids.New("RE"),
                AccountSid = call.AccountSid,
                CallSid = call.Sid,
                Call = call,
                DateCreated = start,
                Source = source,
                Channels = options.Channels,
                Track = options.Track,
                Trim = options.Trim,
                StatusCallback = options.StatusCallback,
                StatusCallbackMethod = options.StatusCallbackMethod,
                StatusCallbackEvents = options.StatusCallbackEvents,
                Timeline = new RecordingTimeline { LastUpdate = start },
            };
        }

        public RecordingState Evaluate(DateTimeOffset now)
        {
            CallTimeline call = Call.Timeline;
            RecordingTimeline t = Timeline;
            var s = new RecordingState
            {
                Exists = now >= DateCreated && (!StartsWithAnswer || call.AnswerAt == DateCreated),
            };
            DateTimeOffset over = Conference != null ? Conference.EndedAt ?? DateTimeOffset.MaxValue : call.EndAt;
            DateTimeOffset end = t.StoppedAt.HasValue && t.StoppedAt.Value < over ? t.StoppedAt.Value : over;
            if (now < end && !t.DeletedAt.HasValue)
            {
                s.Status = t.PausedAt.HasValue ? "paused" : "in-progress";
                s.DateUpdated = Max(DateCreated, t.LastUpdate);
                return s;
            }
            s.EndedAt = end;
            TimeSpan cut = t.Skipped;
            if (t.PausedAt.HasValue && t.PauseSkips) cut += end - t.PausedAt.Value;
            s.Seconds = Math.Max(0, (int)Math.Floor((end - DateCreated - cut).TotalSeconds));
            if (t.DeletedAt.HasValue)
            {
                s.Status = "deleted";
                s.DateUpdated = t.DeletedAt.Value;
            }
            else
            {
                s.Status = "completed";
                s.DateUpdated = Max(end, t.LastUpdate);
            }
            return s;
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

        /// <summary>The record as Twilio renders it; <paramref name="uri"/> is the path it was reached through.</summary>
        public RecordingJson ToJson(RecordingState s, string uri, Uri baseUri)
        {
            string accountPath = "/2010-04-01/Accounts/" + AccountSid + "/Recordings/" + Sid;
            return new RecordingJson
            {
                AccountSid = AccountSid,
                ApiVersion = "2010-04-01",
                CallSid = CallSid,
                Channels = Channels,
                ConferenceSid = ConferenceSid,
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(s.DateUpdated),
                // Twilio reports -1 until the file exists.
                Duration = (s.Seconds ?? -1).ToString(CultureInfo.InvariantCulture),
                MediaUrl = new Uri(baseUri, accountPath).AbsoluteUri,
                Price = s.Seconds.HasValue
                    ? (-PricePerMinute * (decimal)Math.Ceiling(s.Seconds.Value / 60.0)).ToString("0.0000", CultureInfo.InvariantCulture)
                    : null,
                PriceUnit = "USD",
                Sid = Sid,
                Source = Source,
                StartTime = TwilioJson.Rfc2822(DateCreated),
                Status = s.Status,
                SubresourceUris = new RecordingSubresources
                {
                    AddOnResults = accountPath + "/AddOnResults.json",
                    Transcriptions = accountPath + "/Transcriptions.json",
                },
                Track = ConferenceSid == null ? Track : null,
                Uri = uri,
            };
        }
    }

    /// <summary>The wire form of a recording; property names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal sealed class RecordingJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string CallSid { get; set; }
        public int Channels { get; set; }
        public string ConferenceSid { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string Duration { get; set; }
        /// <summary>Recordings are never encrypted here.</summary>
        public object EncryptionDetails { get; set; }
        public int? ErrorCode { get; set; }
        public string MediaUrl { get; set; }
        public string Price { get; set; }
        public string PriceUnit { get; set; }
        public string Sid { get; set; }
        public string Source { get; set; }
        public string StartTime { get; set; }
        public string Status { get; set; }
        public RecordingSubresources SubresourceUris { get; set; }
        /// <summary>Only call recordings have a track (the spec's call_recording); conference recordings omit it.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string Track { get; set; }
        public string Uri { get; set; }
    }

    internal sealed class RecordingSubresources
    {
        public string AddOnResults { get; set; }
        public string Transcriptions { get; set; }
    }

    /// <summary>
    /// RecordingChannels, RecordingTrack, Trim and the RecordingStatusCallback* parameters, which
    /// starting a recording and creating a call with Record=true share.
    /// </summary>
    internal sealed class RecordingOptions
    {
        private static readonly string[] ChannelValues = { "mono", "dual" };
        private static readonly string[] TrackValues = { "inbound", "outbound", "both" };
        private static readonly string[] TrimValues = { "trim-silence", "do-not-trim" };
        private static readonly string[] CallbackEvents = { "in-progress", "completed", "absent" };

        public int Channels;
        public string Track, Trim, StatusCallback, StatusCallbackMethod;
        public IReadOnlyList<string> StatusCallbackEvents;

        public static RecordingOptions Parse(EmulatorRequest r)
        {
            string channels = r.FormValue("RecordingChannels"), track = r.FormValue("RecordingTrack"), trim = r.FormValue("Trim");
            string callback = r.FormValue("RecordingStatusCallback"), method = r.FormValue("RecordingStatusCallbackMethod");
            Validate.Enum("RecordingChannels", channels, ChannelValues);
            Validate.Enum("RecordingTrack", track, TrackValues);
            Validate.Enum("Trim", trim, TrimValues);
            Validate.Enum("RecordingStatusCallbackMethod", method, Validate.HttpMethods);
            if (!string.IsNullOrEmpty(callback) && !Validate.IsAbsoluteHttpUrl(callback))
                throw TwilioErrors.InvalidParameter("Invalid RecordingStatusCallback '" + callback + "': must be an absolute http or https URL");
            return new RecordingOptions
            {
                Channels = channels == "dual" ? 2 : 1,
                Track = track ?? "both",
                Trim = trim ?? "do-not-trim",
                StatusCallback = string.IsNullOrEmpty(callback) ? null : callback,
                StatusCallbackMethod = method ?? "POST",
                StatusCallbackEvents = Validate.Events(r.FormValues("RecordingStatusCallbackEvent"), "RecordingStatusCallbackEvent", CallbackEvents),
            };
        }
    }

    /// <summary>
    /// Finished recordings of synthetic answered calls (which <see cref="CallSeeder"/> adds to the calls
    /// too), and their transcriptions when a transcription store is given.
    /// </summary>
    internal static class RecordingSeeder
    {
        private static readonly string[] Sources = { "OutboundAPI", "RecordVerb", "DialVerb", "StartCallRecordingAPI" };

        public static void Seed(CallStore calls, ResourceCollection<Recording> recordings, ResourceCollection<Transcription> transcriptions, string accountSid, int count, DateTimeOffset now)
        {
            if (count <= 0) return;
            List<Call> answered = CallSeeder.Seed(calls, accountSid, count, now, answeredOnly: true);
            var random = new Random(count);
            var batch = new List<Recording>(answered.Count);
            foreach (Call call in answered)
            {
                var options = new RecordingOptions { Channels = 1 + random.Next(2), Track = "both", Trim = "do-not-trim", StatusCallbackMethod = "POST", StatusCallbackEvents = Array.Empty<string>() };
                Recording recording = Recording.New(call, call.Timeline.AnswerAt.Value, Sources[random.Next(Sources.Length)], options);
                recording.StartsWithAnswer = true;
                recording.Timeline.LastUpdate = call.Timeline.EndAt;
                batch.Add(recording);
            }
            recordings.For(accountSid).AddRange(batch);
            if (transcriptions != null) transcriptions.For(accountSid).AddRange(batch.ConvertAll(Transcription.Of));
        }
    }
}
