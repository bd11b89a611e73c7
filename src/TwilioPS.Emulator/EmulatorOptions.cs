using System;

namespace TwilioPS.Emulator
{
    /// <summary>
    /// Settings for <see cref="TwilioEmulator.Start"/>. Every property has a usable default, so
    /// <c>TwilioEmulator.Start()</c> alone gives a working API on a free loopback port.
    /// </summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The well-known default account: "AC" + "0e" x 16.</summary>
        public const string DefaultAccountSid = "AC0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e";
        /// <summary>The well-known default auth token: "7e57" x 8 (32 hex digits, like a real token).</summary>
        public const string DefaultAuthToken = "7e577e577e577e577e577e577e577e57";
        /// <summary>The well-known default API key: "SK" + "0e" x 16, owned by the default account.</summary>
        public const string DefaultApiKeySid = "SK0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e";
        /// <summary>The well-known default API key secret (32 characters).</summary>
        public const string DefaultApiKeySecret = "5ec75ec75ec75ec75ec75ec75ec75ec7";

        /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
        public int Port { get; set; }
        public string AccountSid { get; set; } = DefaultAccountSid;
        public string AuthToken { get; set; } = DefaultAuthToken;
        /// <summary>Basic auth with ApiKeySid:ApiKeySecret is accepted for AccountSid and its subaccounts.</summary>
        public string ApiKeySid { get; set; } = DefaultApiKeySid;
        public string ApiKeySecret { get; set; } = DefaultApiKeySecret;
        /// <summary>The account's calls per second: calls created faster than this are queued (queue_time &gt; 0).</summary>
        public int CallsPerSecond { get; set; } = 1;
        /// <summary>
        /// Requests the emulator serves at once; beyond it a request is answered 429 (20429) at once,
        /// as Twilio answers an account over its concurrency limit. 0, the default, sets no cap.
        /// </summary>
        public int MaxRequestsInFlight { get; set; }
        /// <summary>queued -&gt; ringing, after any queue time.</summary>
        public TimeSpan RingDelay { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>ringing -&gt; in-progress.</summary>
        public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromSeconds(2);
        /// <summary>in-progress -&gt; completed.</summary>
        public TimeSpan CallDuration { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>
        /// Time source; null means the system clock, sped up by <see cref="ClockSpeed"/>. Tests pass a
        /// <see cref="ManualClock"/>, which moves only when advanced.
        /// </summary>
        public IEmulatorClock Clock { get; set; }
        /// <summary>
        /// How fast emulated time runs against real time when <see cref="Clock"/> is null: 1 (the
        /// default) is real time, 10 runs a minute-long call in six seconds. Everything on the clock
        /// follows it: ringing, answering, TwiML verbs, recordings and status callbacks.
        /// </summary>
        public double ClockSpeed { get; set; } = 1;
        /// <summary>
        /// A folder of TwiML documents the emulator serves, without authentication, at
        /// {BaseUri}/twiml/{file} (GET or POST): a local TwiML app for calls' Url, Redirect and actions.
        /// Null (the default) serves nothing.
        /// </summary>
        public string TwimlFolder { get; set; }
        /// <summary>Synthetic finished calls created at start, spread over the past 30 days.</summary>
        public int SeedCalls { get; set; }
        /// <summary>Synthetic completed recordings created at start, each with the answered call it records (added to the calls).</summary>
        public int SeedRecordings { get; set; }
        /// <summary>Synthetic delivered messages created at start, spread over the past 30 days, every fourth with a picture.</summary>
        public int SeedMessages { get; set; }
        /// <summary>Numbers for sale per country and type (US Local, GB Mobile, …), spread over the type's area codes and ranges.</summary>
        public int AvailableNumbersPerType { get; set; } = 100;
        /// <summary>The seed of the numbers for sale: the same seed gives the same numbers, places and capabilities.</summary>
        public int AvailableNumberSeed { get; set; } = 2010;
        /// <summary>What calls and messages cost: their price, their usage records' price and what leaves the balance.</summary>
        public EmulatorPrices Prices { get; set; } = new EmulatorPrices();
        /// <summary>The main account's balance before any call or message is priced (in USD); subaccounts spend from it.</summary>
        public decimal StartingBalance { get; set; } = 20.00m;
    }

    /// <summary>
    /// The emulator's price table, Twilio's US list prices by default, in USD. A call is billed per
    /// started minute of its answered time (61 seconds are two minutes); an SMS per segment; an MMS
    /// per message, whatever its pictures.
    /// </summary>
    public sealed class EmulatorPrices
    {
        /// <summary>Per started minute of an answered call.</summary>
        public decimal CallPerMinute { get; set; } = 0.0130m;
        /// <summary>Per segment of an SMS (or of a WhatsApp message, which is one segment).</summary>
        public decimal SmsPerSegment { get; set; } = 0.0079m;
        /// <summary>Per MMS.</summary>
        public decimal MmsPerMessage { get; set; } = 0.0200m;

        /// <summary>The minutes Twilio bills for a call of this many answered seconds: each started minute.</summary>
        internal static long BilledMinutes(long seconds) => seconds <= 0 ? 0 : (seconds + 59) / 60;

        /// <summary>What a finished call costs: completed calls only, per started minute.</summary>
        internal decimal ForCall(string finalStatus, long seconds) =>
            finalStatus == "completed" ? CallPerMinute * BilledMinutes(seconds) : 0m;

        /// <summary>What a sent message costs: an MMS by the message, anything else by the segment.</summary>
        internal decimal ForMessage(int numMedia, int segments) => numMedia > 0 ? MmsPerMessage : SmsPerSegment * segments;
    }

    /// <summary>The emulator's notion of "now". Call status is computed from it on every read.</summary>
    public interface IEmulatorClock
    {
        DateTimeOffset UtcNow { get; }
    }

    /// <summary>The real clock.</summary>
    public sealed class SystemClock : IEmulatorClock
    {
        public static readonly SystemClock Instance = new SystemClock();
        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }

    /// <summary>
    /// Real time sped up (or slowed down) by a factor, from the moment it is made; it can also be
    /// moved forward at once. Thread-safe.
    /// </summary>
    public sealed class ScaledClock : IEmulatorClock
    {
        private readonly object _gate = new object();
        private readonly System.Diagnostics.Stopwatch _elapsed = System.Diagnostics.Stopwatch.StartNew();
        private readonly DateTimeOffset _origin;
        private TimeSpan _skipped;

        public ScaledClock(double speed) : this(speed, DateTimeOffset.UtcNow) { }

        public ScaledClock(double speed, DateTimeOffset origin)
        {
            if (!(speed > 0) || double.IsInfinity(speed)) throw new ArgumentOutOfRangeException(nameof(speed), "The clock speed must be a positive number.");
            Speed = speed;
            _origin = origin.ToUniversalTime();
        }

        public double Speed { get; }

        public DateTimeOffset UtcNow
        {
            get { lock (_gate) return _origin + TimeSpan.FromTicks((long)(_elapsed.Elapsed.Ticks * Speed)) + _skipped; }
        }

        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
            lock (_gate) _skipped += by;
        }
    }

    /// <summary>A clock that only moves when told to; thread-safe.</summary>
    public sealed class ManualClock : IEmulatorClock
    {
        private readonly object _gate = new object();
        private DateTimeOffset _now;

        public ManualClock(DateTimeOffset start) { _now = start.ToUniversalTime(); }

        public DateTimeOffset UtcNow { get { lock (_gate) return _now; } }

        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "A manual clock only moves forward.");
            lock (_gate) _now = _now.Add(by);
        }

        public void Set(DateTimeOffset now)
        {
            lock (_gate) _now = now.ToUniversalTime();
        }
    }
}
