using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// When a call rings, answers and ends. Immutable: an update swaps in a new timeline, so readers
    /// never see half an update. Status is derived from it and the clock on every read.
    /// </summary>
    internal sealed class CallTimeline
    {
        public DateTimeOffset RingAt;      // queued until then (queue time + RingDelay)
        public DateTimeOffset? AnswerAt;   // null: never answered
        public DateTimeOffset EndAt;       // FinalStatus from then on
        public string FinalStatus;         // completed, canceled, busy, failed, no-answer
        public DateTimeOffset LastUpdate;  // last explicit change through the API

        public CallTimeline Clone() => (CallTimeline)MemberwiseClone();
    }

    /// <summary>What a call was told to do and whom to tell: set by the API's create and update, absent on seeded calls.</summary>
    internal sealed class CallInstructions
    {
        public string Url, Method, Twiml, ApplicationSid, FallbackUrl, FallbackMethod, StatusCallback, StatusCallbackMethod;
        public IReadOnlyList<string> StatusCallbackEvents;
        public int? TimeLimit;
        public IReadOnlyList<KeyValuePair<string, string>> CreateParameters;
        public readonly List<CallEvent> Requests = new List<CallEvent>();
    }

    /// <summary>A call's computed state at one instant.</summary>
    internal struct CallState
    {
        public string Status;
        public DateTimeOffset? StartTime;
        public DateTimeOffset? EndTime;
        /// <summary>Whole seconds from answer to end, once the call is over.</summary>
        public long? DurationSeconds;
        /// <summary>What the finished call cost, negative as Twilio writes charges.</summary>
        public decimal? PriceValue;
        public DateTimeOffset DateUpdated;
        public string AnsweredBy;

        public string Duration => DurationSeconds?.ToString(CultureInfo.InvariantCulture);
        public string Price => PriceValue?.ToString("0.00000", CultureInfo.InvariantCulture);

        public bool IsActive => Status == "queued" || Status == "ringing" || Status == "in-progress";
    }

    /// <summary>api.v2010.account.call</summary>
    internal sealed class Call : IStoredResource
    {
        /// <summary>The emulator's price table (set when the call is made).</summary>
        public EmulatorPrices Prices;

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Call>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string To, ToFormatted, From, FromFormatted;
        public string ParentCallSid, PhoneNumberSid;
        public string GroupSid { get; set; }
        public string TrunkSid { get; set; }
        public string Direction = "outbound-api";
        public string ApiVersion => "2010-04-01";
        public string ForwardedFrom { get; set; }
        public string CallerName { get; set; }
        public string Annotation { get; set; }
        public DateTimeOffset DateCreated;
        public long QueueTimeMs;
        public bool MachineDetection;
        public volatile CallTimeline Timeline;

        /// <summary>/2010-04-01/Accounts/{AC}/Calls/{CA}: derived, not stored (a million seeded calls would hold a million copies).</summary>
        public string UriBase => "/2010-04-01/Accounts/" + AccountSid + "/Calls/" + Sid;

        // Instructions and callbacks (not rendered; kept so later features and tests can see them). They live
        // in a side record made on first write, so a seeded call, which has none, does not carry their slots.
        private CallInstructions _instructions;

        private CallInstructions Instructions =>
            _instructions ?? System.Threading.Interlocked.CompareExchange(ref _instructions, new CallInstructions(), null) ?? _instructions;

        public string Url { get => _instructions?.Url; set => Instructions.Url = value; }
        public string Method { get => _instructions?.Method; set => Instructions.Method = value; }
        public string Twiml { get => _instructions?.Twiml; set => Instructions.Twiml = value; }
        public string ApplicationSid { get => _instructions?.ApplicationSid; set => Instructions.ApplicationSid = value; }
        public string FallbackUrl { get => _instructions?.FallbackUrl; set => Instructions.FallbackUrl = value; }
        public string FallbackMethod { get => _instructions?.FallbackMethod; set => Instructions.FallbackMethod = value; }
        public string StatusCallback { get => _instructions?.StatusCallback; set => Instructions.StatusCallback = value; }
        public string StatusCallbackMethod { get => _instructions?.StatusCallbackMethod; set => Instructions.StatusCallbackMethod = value; }
        public IReadOnlyList<string> StatusCallbackEvents { get => _instructions?.StatusCallbackEvents; set => Instructions.StatusCallbackEvents = value; }
        public int? TimeLimit { get => _instructions?.TimeLimit; set => Instructions.TimeLimit = value; }
        public IReadOnlyList<KeyValuePair<string, string>> CreateParameters { get => _instructions?.CreateParameters; set => Instructions.CreateParameters = value; }

        /// <summary>The webhook requests made for the call's TwiML and their answers, in order (lock it to read).</summary>
        public List<CallEvent> Requests => Instructions.Requests;

        public CallState Evaluate(DateTimeOffset now, bool asCreated = false)
        {
            CallTimeline t = Timeline;
            var s = new CallState();
            if (asCreated)
            {
                s.Status = "queued";
                s.DateUpdated = DateCreated;
                return s;
            }
            if (now >= t.EndAt)
            {
                s.Status = t.FinalStatus;
                s.EndTime = t.EndAt;
                long seconds = 0;
                if (t.AnswerAt.HasValue && t.AnswerAt.Value <= t.EndAt)
                {
                    s.StartTime = t.AnswerAt;
                    seconds = (long)Math.Floor((t.EndAt - t.AnswerAt.Value).TotalSeconds);
                    s.AnsweredBy = MachineDetection ? "human" : null;
                }
                else if (t.FinalStatus != "canceled") s.StartTime = t.RingAt <= t.EndAt ? t.RingAt : t.EndAt;
                s.DurationSeconds = seconds;
                s.PriceValue = -Prices.ForCall(t.FinalStatus, seconds);
                s.DateUpdated = Max(t.EndAt, t.LastUpdate);
            }
            else if (now < t.RingAt)
            {
                s.Status = "queued";
                s.DateUpdated = Max(DateCreated, t.LastUpdate);
            }
            else if (!t.AnswerAt.HasValue || now < t.AnswerAt.Value)
            {
                s.Status = "ringing";
                s.DateUpdated = Max(t.RingAt, t.LastUpdate);
            }
            else
            {
                s.Status = "in-progress";
                s.StartTime = t.AnswerAt;
                s.AnsweredBy = MachineDetection ? "human" : null;
                s.DateUpdated = Max(t.AnswerAt.Value, t.LastUpdate);
            }
            return s;
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

        /// <summary>NANP numbers as "(415) 867-5309", like Twilio's *_formatted fields; anything else unchanged.</summary>
        public static string Format(string endpoint)
        {
            if (endpoint != null && endpoint.Length == 12 && endpoint.StartsWith("+1", StringComparison.Ordinal) && Validate.IsE164(endpoint))
                return "(" + endpoint.Substring(2, 3) + ") " + endpoint.Substring(5, 3) + "-" + endpoint.Substring(8, 4);
            return endpoint;
        }

        /// <summary>Every property of the spec's api.v2010.account.call, plus "annotation" (returned by Twilio and in the spec's examples).</summary>
        public void Write(Utf8JsonWriter w, DateTimeOffset now, bool asCreated = false) => CallWriter.Write(w, this, now, asCreated);
    }

    /// <summary>Calls of every account, and the queue time their calls-per-second limit makes.</summary>
    internal sealed class CallStore
    {
        private readonly EmulatorOptions _options;

        public CallStore(EmulatorOptions options, ResourceCollection<Call> records)
        {
            _options = options;
            Records = records;
        }

        /// <summary>The calls as a catalog collection: one store per account, the generic list, fetch and delete.</summary>
        public ResourceCollection<Call> Records { get; }

        public SortedStore<Call> For(string accountSid) => Records.For(accountSid);

        public Call NewCall(string accountSid, string sid, DateTimeOffset created)
        {
            return new Call
            {
                Sid = sid,
                AccountSid = accountSid,
                DateCreated = created,
                Prices = _options.Prices,
            };
        }

        /// <summary>
        /// Queue time from the account's calls per second: a token bucket holding CPS tokens, refilled
        /// at CPS per second. A call that finds no token is the k-th excess call and waits k/CPS seconds.
        /// </summary>
        public TimeSpan TakeQueueTime(Account account, DateTimeOffset now)
        {
            int cps = Math.Max(1, _options.CallsPerSecond);
            lock (account.CpsGate)
            {
                // NextCallSlot holds the bucket as "the time at which it was/will be full minus CPS tokens":
                // tokens(now) = min(cps, (now - NextCallSlot) * cps).
                double tokens = account.NextCallSlot == DateTimeOffset.MinValue
                    ? cps
                    : Math.Min(cps, (now - account.NextCallSlot).TotalSeconds * cps);
                tokens -= 1;
                account.NextCallSlot = now - TimeSpan.FromTicks((long)(tokens / cps * TimeSpan.TicksPerSecond));
                if (tokens >= 0) return TimeSpan.Zero;
                return TimeSpan.FromTicks((long)Math.Round(-tokens / cps * TimeSpan.TicksPerSecond));
            }
        }

        public EmulatorOptions Options => _options;
    }
}
