using System;
using System.Globalization;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>A transcription's computed state at one instant.</summary>
    internal struct TranscriptionState
    {
        /// <summary>False while its recording does not exist (before the call is answered, or for ever if it never is).</summary>
        public bool Exists;
        public string Status;
        public int? Seconds;
        public DateTimeOffset DateUpdated;
        /// <summary>The text, once the transcription is finished.</summary>
        public string Text;
    }

    /// <summary>
    /// api.v2010.account.transcription: the text of a recording, derived from it and the clock. It is
    /// in-progress while the recording is, then completed <see cref="Delay"/> after the recording
    /// ends; a recording with no whole second of audio fails with Twilio's "(blank)".
    /// </summary>
    internal sealed class Transcription : IStoredResource
    {
        /// <summary>How long transcribing takes once the recording is complete.</summary>
        public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);
        /// <summary>Twilio's price per started minute of transcribed audio.</summary>
        public const decimal PricePerMinute = 0.05m;
        public const string Blank = "(blank)";

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Transcription>.NextSeq();
        public long SortTicks => Recording.DateCreated.UtcTicks;
        public string AccountSid;
        public Recording Recording;

        public TranscriptionState Evaluate(DateTimeOffset now)
        {
            RecordingState r = Recording.Evaluate(now);
            var s = new TranscriptionState { Exists = r.Exists };
            DateTimeOffset? done = r.EndedAt + Delay;
            if (!done.HasValue || now < done.Value)
            {
                s.Status = "in-progress";
                s.DateUpdated = Recording.DateCreated;
                return s;
            }
            s.Seconds = r.Seconds;
            s.DateUpdated = done.Value;
            if (r.Seconds > 0)
            {
                s.Status = "completed";
                Call call = Recording.Call;
                s.Text = "This is a test message from " + call.From + " to " + call.To + ".";
            }
            else
            {
                s.Status = "failed";
                s.Text = Blank;
            }
            return s;
        }

        /// <summary>The transcription of <paramref name="recording"/>; not yet stored.</summary>
        public static Transcription Of(Recording recording) => new Transcription
        {
            Sid = Sids.New("TR"),
            AccountSid = recording.AccountSid,
            Recording = recording,
        };

        public TranscriptionJson ToJson(TranscriptionState s, string uri) => new TranscriptionJson
        {
            AccountSid = AccountSid,
            ApiVersion = "2010-04-01",
            DateCreated = TwilioJson.Rfc2822(Recording.DateCreated),
            DateUpdated = TwilioJson.Rfc2822(s.DateUpdated),
            Duration = s.Seconds?.ToString(CultureInfo.InvariantCulture),
            // Twilio writes the price as a string ("-0.05000"), though the spec types it as a number.
            Price = s.Status == "completed"
                ? (-PricePerMinute * (decimal)Math.Ceiling(s.Seconds.Value / 60.0)).ToString("0.00000", CultureInfo.InvariantCulture)
                : null,
            PriceUnit = "USD",
            RecordingSid = Recording.Sid,
            Sid = Sid,
            Status = s.Status,
            TranscriptionText = s.Text,
            Type = "fast",
            Uri = uri,
        };
    }

    /// <summary>The wire form of a transcription; property names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal sealed class TranscriptionJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string Duration { get; set; }
        public string Price { get; set; }
        public string PriceUnit { get; set; }
        public string RecordingSid { get; set; }
        public string Sid { get; set; }
        public string Status { get; set; }
        public string TranscriptionText { get; set; }
        public string Type { get; set; }
        public string Uri { get; set; }
    }
}
