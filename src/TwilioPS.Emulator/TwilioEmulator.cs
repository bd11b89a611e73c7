using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Emulator.Infrastructure;
using TwilioPS.Emulator.Resources;
using TwilioPS.Emulator.Twiml;

namespace TwilioPS.Emulator
{
    /// <summary>
    /// A stateful, in-memory Twilio 2010-04-01 REST API on a loopback port, speaking the wire format of
    /// Twilio's OpenAPI spec: Basic auth, form-encoded requests, snake_case JSON, RFC 2822 dates,
    /// Twilio's error bodies and list envelopes. Call status advances with <see cref="EmulatorOptions.Clock"/>.
    /// </summary>
    /// <remarks>
    /// Pipeline per request: count + record -> <see cref="Interceptor"/> (fault injection seam) -> Basic
    /// auth -> route (404/405) -> {AccountSid} access check (404) -> handler. Adding a resource means its
    /// ApiCatalog declaration, a record and its JSON form, and a handler class that declares a
    /// <see cref="ResourceCollection{T}"/> (filters, parents, visibility, writer) and maps it through
    /// CatalogRoutes with hand-written handlers only for real behaviour (see Resources/RecordingHandlers.cs).
    /// </remarks>
    public sealed class TwilioEmulator : IDisposable
    {
        private const int MaxRecordedRequests = 1000;

        private readonly HttpListener _listener;
        private readonly Router _router = new Router();
        private readonly IEmulatorClock _clock;
        private readonly Queue<EmulatorRequest> _recent = new Queue<EmulatorRequest>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private long _requestCount;
        private int _inFlight;
        private int _peakInFlight;
        private int _admitted;
        private int _rejectedOverCap;
        private Task _acceptLoop;

        private TwilioEmulator(EmulatorOptions options, HttpListener listener, int port, string host)
        {
            Options = options;
            _listener = listener;
            _clock = options.Clock ?? (options.ClockSpeed == 1 ? (IEmulatorClock)SystemClock.Instance : new ScaledClock(options.ClockSpeed));
            Port = port;
            BaseUri = new Uri("http://" + host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Accounts = new AccountStore(options, _clock.UtcNow);
            ApiKeys = new ApiKeyStore();
            // The configured key is a key of the main account like any other: listed, and deleted like one.
            if (options.ApiKeySid != null && options.ApiKeySecret != null)
                ApiKeys.Add(options.AccountSid, "TwilioPS Emulator", _clock.UtcNow, options.ApiKeySid, options.ApiKeySecret);
            Calls = new CallStore(options, CallHandlers.Collection());
            Recordings = RecordingHandlers.Collection();
            Transcriptions = TranscriptionHandlers.Collection();
            Notifications = NotificationHandlers.Collection();
            Flows = new FlowStore(Calls);
            Messages = new MessageStore(options.Prices);
            StatusCallbacks = new StatusCallbackSender(this);
            Usage = new UsageLedger(this);
            UsageTriggers = new UsageTriggerWatcher(this, Usage);
            Twiml = new TwimlEngine(this);
            AccountHandlers.Register(_router);
            CallHandlers.Register(_router, Calls.Records);
            CallEventHandlers.Register(_router);
            RecordingHandlers.Register(_router, Recordings);
            TranscriptionHandlers.Register(_router, Transcriptions);
            NotificationHandlers.Register(_router, Notifications);
            ConferenceHandlers.Register(_router);
            QueueHandlers.Register(_router, Flows);
            Applications = ApplicationHandlers.Register(_router);
            PhoneNumbers = new PhoneNumberInventory(options.AvailableNumbersPerType, options.AvailableNumberSeed);
            IncomingPhoneNumbers = IncomingPhoneNumberHandlers.Register(_router, PhoneNumbers, Applications, Accounts);
            AvailablePhoneNumberHandlers.Register(_router, PhoneNumbers, OwnedNumber);
            OutgoingCallerIdHandlers.Register(_router);
            ApiKeyHandlers.Register(_router, ApiKeys);
            MessageHandlers.Register(_router, Messages);
            UsageRecordHandlers.Register(_router, Usage);
            UsageTriggers.Register(_router);
            BalanceHandlers.Register(_router, Usage, options.StartingBalance);
        }

        /// <summary>Starts an emulator; with Port = 0 (the default) on a free loopback port.</summary>
        public static TwilioEmulator Start(EmulatorOptions options = null)
        {
            options = options ?? new EmulatorOptions();
            if (string.IsNullOrEmpty(options.AccountSid)) options.AccountSid = EmulatorOptions.DefaultAccountSid;
            if (string.IsNullOrEmpty(options.AuthToken)) options.AuthToken = EmulatorOptions.DefaultAuthToken;
            if (!Validate.IsSid(options.AccountSid, "AC")) throw new ArgumentException("AccountSid must be AC followed by 32 hex digits.", nameof(options));
            if (options.MaxRequestsInFlight < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxRequestsInFlight must be 0 (no cap) or more.");
            if (options.CallsPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(options), "CallsPerSecond must be at least 1.");
            if (options.Prices == null) options.Prices = new EmulatorPrices();
            if (!(options.ClockSpeed > 0) || double.IsInfinity(options.ClockSpeed)) throw new ArgumentOutOfRangeException(nameof(options), "ClockSpeed must be a positive number.");

            Exception last = null;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                int port = options.Port != 0 ? options.Port : FreePort();
                var listener = new HttpListener { IgnoreWriteExceptions = true };
                string host = "127.0.0.1";
                listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
                // Clients may name this machine either way; HttpListener matches the Host header.
                listener.Prefixes.Add("http://localhost:" + port + "/");
                try
                {
                    listener.Start();
                }
                catch (HttpListenerException ex) when (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && ex.ErrorCode == 5)
                {
                    // http.sys lets non-administrators register "localhost" but not "127.0.0.1".
                    listener.Close();
                    listener = new HttpListener { IgnoreWriteExceptions = true };
                    listener.Prefixes.Add("http://localhost:" + port + "/");
                    host = "localhost";
                    try { listener.Start(); }
                    catch (HttpListenerException ex2) { last = ex2; listener.Close(); if (options.Port != 0) break; continue; }
                }
                catch (HttpListenerException ex)
                {
                    last = ex;
                    listener.Close();
                    if (options.Port != 0) break; // the caller asked for this port: don't silently pick another
                    continue;
                }

                var emulator = new TwilioEmulator(options, listener, port, host);
                if (options.SeedCalls > 0) emulator.SeedCalls(options.SeedCalls);
                if (options.SeedRecordings > 0) emulator.SeedRecordings(options.SeedRecordings);
                if (options.SeedMessages > 0) emulator.SeedMessages(options.SeedMessages);
                if ((long)options.SeedCalls + options.SeedRecordings + options.SeedMessages >= LargeSeed) ReleaseSeedingGarbage();
                emulator._acceptLoop = Task.Run(emulator.AcceptLoop);
                return emulator;
            }
            throw new InvalidOperationException("Could not start the Twilio emulator: " + (last?.Message ?? "no free port"), last);
        }

        /// <summary>From how many seeded records a forced collection after seeding pays for its pause.</summary>
        private const long LargeSeed = 100_000;

        /// <summary>
        /// Seeding a large store leaves its scratch lists and the arrays grown past behind; one compacting
        /// collection returns them before the first request instead of whenever the next full collection comes.
        /// </summary>
        private static void ReleaseSeedingGarbage()
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
            finally { probe.Stop(); }
        }

        internal EmulatorOptions Options { get; }
        internal AccountStore Accounts { get; }
        /// <summary>Every account's API keys: authentication reads them on each request.</summary>
        internal ApiKeyStore ApiKeys { get; }
        internal CallStore Calls { get; }
        internal ResourceCollection<Recording> Recordings { get; }
        internal ResourceCollection<Transcription> Transcriptions { get; }
        internal ResourceCollection<Notification> Notifications { get; }
        /// <summary>Conferences and queues, which calls join and leave as the clock moves.</summary>
        internal FlowStore Flows { get; }
        internal MessageStore Messages { get; }
        internal ResourceCollection<Application> Applications { get; }
        /// <summary>Runs each call's TwiML on the clock.</summary>
        internal TwimlEngine Twiml { get; }
        /// <summary>Sends calls' signed status callbacks as the clock passes their events.</summary>
        internal StatusCallbackSender StatusCallbacks { get; }
        /// <summary>The numbers for sale, shared by every account.</summary>
        internal PhoneNumberInventory PhoneNumbers { get; }
        internal ResourceCollection<IncomingNumber> IncomingPhoneNumbers { get; }

        /// <summary>How many numbers of a country and type are for sale now (US Local, GB Mobile, …).</summary>
        public int AvailablePhoneNumberCount(string countryCode, string type) => PhoneNumbers.Count(countryCode, type);

        /// <summary>An owned number of any account, by its E.164 form; null if none owns it.</summary>
        private IncomingNumber OwnedNumber(string phoneNumber)
        {
            foreach (Account account in Accounts.Store.ReadPage(null, int.MaxValue, 0, null).Items)
            {
                IncomingNumber owned = IncomingPhoneNumbers.For(account.Sid).ReadPage(n => n.Available.PhoneNumber == phoneNumber, 1, 0, null).Items.FirstOrDefault();
                if (owned != null) return owned;
            }
            return null;
        }

        /// <summary>What calls and messages have been billed, for usage records and the balance.</summary>
        internal UsageLedger Usage { get; }
        /// <summary>Usage triggers, and the pump that fires them.</summary>
        internal UsageTriggerWatcher UsageTriggers { get; }

        /// <summary>Status callbacks delivered so far (the listener answered).</summary>
        public long StatusCallbacksSent => StatusCallbacks.Sent;

        /// <summary>http://127.0.0.1:{port} (no trailing path).</summary>
        public Uri BaseUri { get; }
        public int Port { get; }
        public string AccountSid => Options.AccountSid;
        public string AuthToken => Options.AuthToken;
        public string ApiKeySid => Options.ApiKeySid;
        public string ApiKeySecret => Options.ApiKeySecret;
        public IEmulatorClock Clock => _clock;

        /// <summary>
        /// Moves emulated time forward at once (a <see cref="ManualClock"/> or the sped-up clock of
        /// <see cref="EmulatorOptions.ClockSpeed"/>) and runs what became due; the real clock cannot be moved.
        /// </summary>
        public void AdvanceClock(TimeSpan by)
        {
            switch (_clock)
            {
                case ManualClock manual: manual.Advance(by); break;
                case ScaledClock scaled: scaled.Advance(by); break;
                default: throw new InvalidOperationException("The real clock cannot be advanced; start the emulator with a ClockSpeed or a ManualClock.");
            }
            Twiml.Advance(_clock.UtcNow);
        }

        /// <summary>The most requests this emulator has served at once (for tests of client concurrency).</summary>
        public int PeakRequestsInFlight => Volatile.Read(ref _peakInFlight);

        /// <summary>Requests answered 429 because <see cref="EmulatorOptions.MaxRequestsInFlight"/> were already being served.</summary>
        public int RejectedOverCap => Volatile.Read(ref _rejectedOverCap);

        /// <summary>Every HTTP request received, including rejected ones.</summary>
        public long RequestCount => Interlocked.Read(ref _requestCount);

        /// <summary>The most recent requests (up to 1000), oldest first.</summary>
        public IReadOnlyList<EmulatorRequest> Requests
        {
            get { lock (_recent) return _recent.ToArray(); }
        }

        public void ClearRequests()
        {
            lock (_recent) _recent.Clear();
        }

        /// <summary>Fault-injection hook: consulted for every request before authentication. Null = none.</summary>
        public IRequestInterceptor Interceptor { get; set; }

        /// <summary>Creates a subaccount owned by the main account and returns its SID.</summary>
        public string CreateSubaccount(string friendlyName) => Accounts.CreateSubaccount(friendlyName, _clock.UtcNow).Sid;

        /// <summary>The auth token of the main account or one of its subaccounts.</summary>
        public string GetAuthToken(string accountSid) =>
            Accounts.Find(accountSid)?.AuthToken ?? throw new ArgumentException("Unknown account " + accountSid, nameof(accountSid));

        /// <summary>Adds <paramref name="count"/> synthetic finished calls to an account (default: the main account).</summary>
        public void SeedCalls(int count, string accountSid = null)
        {
            accountSid = accountSid ?? AccountSid;
            if (Accounts.Find(accountSid) == null) throw new ArgumentException("Unknown account " + accountSid, nameof(accountSid));
            CallSeeder.Seed(Calls, accountSid, count, _clock.UtcNow);
        }

        /// <summary>
        /// Adds <paramref name="count"/> completed recordings to an account (default: the main account),
        /// each of a synthetic answered call seeded with it, covering the call's answered part; with
        /// <paramref name="transcribed"/>, each also has a completed transcription.
        /// </summary>
        public void SeedRecordings(int count, string accountSid = null, bool transcribed = false)
        {
            accountSid = accountSid ?? AccountSid;
            if (Accounts.Find(accountSid) == null) throw new ArgumentException("Unknown account " + accountSid, nameof(accountSid));
            RecordingSeeder.Seed(Calls, Recordings, transcribed ? Transcriptions : null, accountSid, count, _clock.UtcNow);
        }

        /// <summary>
        /// Adds <paramref name="count"/> delivered messages from the past 30 days to an account (default:
        /// the main account), every fourth an MMS with one picture.
        /// </summary>
        public void SeedMessages(int count, string accountSid = null)
        {
            accountSid = accountSid ?? AccountSid;
            if (Accounts.Find(accountSid) == null) throw new ArgumentException("Unknown account " + accountSid, nameof(accountSid));
            MessageSeeder.Seed(Messages, accountSid, count, _clock.UtcNow);
        }

        public void Stop()
        {
            if (_stopping.IsCancellationRequested) return;
            _stopping.Cancel();
            // Close alone: it stops the listener too. On Linux, Stop followed by Close unregisters the
            // port twice, and the second time can try to bind it again, failing with "Address already
            // in use" when another listener has since taken the freed port; Dispose must not throw
            // for that, since the port is being given up either way.
            try { _listener.Close(); } catch (Exception e) when (e is ObjectDisposedException || e is HttpListenerException) { }
            try { _acceptLoop?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            UsageTriggers.Dispose();
            StatusCallbacks.Dispose();
            Twiml.Dispose();
        }

        public void Dispose() => Stop();

        // ---- pipeline -------------------------------------------------------------------------------

        private async Task AcceptLoop()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) when (_stopping.IsCancellationRequested) { return; }
                catch (HttpListenerException) { continue; }
                catch (ObjectDisposedException) { return; }
                catch (InvalidOperationException) { return; }
                // Serve concurrently; the accept loop goes straight back to waiting.
                long arrived = Stopwatch.GetTimestamp();
                _ = Task.Run(() => Serve(context, arrived));
            }
        }

        private async Task Serve(HttpListenerContext http, long arrived)
        {
            int inFlight = Interlocked.Increment(ref _inFlight);
            for (int peak = _peakInFlight; inFlight > peak; peak = _peakInFlight)
                Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
            try
            {
                EmulatorRequest request = ReadRequest(http.Request);
                var ctx = new RequestContext(this, request, http, request.Timestamp, arrived);
                // Only admitted requests count against the cap, so the 429s themselves never crowd out admitted ones.
                int cap = Options.MaxRequestsInFlight;
                if (cap > 0 && Interlocked.Increment(ref _admitted) > cap)
                {
                    Interlocked.Decrement(ref _admitted);
                    Interlocked.Increment(ref _rejectedOverCap);
                    ctx.Error(429, 20429, "Too Many Requests");
                    return;
                }
                try
                {
                    try
                    {
                        EmulatorFault fault = Interceptor?.Intercept(request);
                        if (fault != null) ctx.HoldFor(fault.Delay);
                        Answer(ctx, fault);
                    }
                    catch (TwilioApiException error)
                    {
                        if (!ctx.Responded) ctx.Error(error);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException))
                    {
                        if (!ctx.Responded) ctx.Error(500, 20500, "Emulator error: " + ex.GetType().Name + ": " + ex.Message);
                    }
                    // Prepared at once, sent when the injected latency, counted from arrival, is over.
                    await ctx.ReleaseAsync(_stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    if (cap > 0) Interlocked.Decrement(ref _admitted);
                }
            }
            catch (Exception)
            {
                // The client went away or the listener stopped mid-response; nothing to answer.
                try { http.Response.Abort(); } catch { }
            }
            finally { Interlocked.Decrement(ref _inFlight); }
        }

        /// <summary>The request's answer: the injected fault's, or the route's (cut off on the wire for a "cut").</summary>
        private void Answer(RequestContext ctx, EmulatorFault fault)
        {
            HttpListenerRequest http = ctx.HttpRequest;
            if (fault == null || fault.IsLatencyOnly) { Dispatch(ctx, http); return; }
            if (fault.DropBeforeAnyResponse) { ctx.Reset(); return; }
            if (fault.DropConnection) { ctx.DropMidResponse(); return; }
            if (fault.CutResponseAfterProcessing)
            {
                // Whatever the handler answers (a 201, or an error it raises) is cut off on the wire.
                ctx.CutResponse = true;
                Dispatch(ctx, http);
                return;
            }
            if (fault.RetryAfter.HasValue)
                ctx.AddHeader("Retry-After", ((int)Math.Ceiling(fault.RetryAfter.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (fault.Location != null) ctx.AddHeader("Location", fault.Location);
            if (fault.Body != null) ctx.Text(fault.Status, fault.ContentType ?? "text/plain", fault.Body);
            else ctx.Error(fault.Status, fault.Code, fault.Message ?? "Injected fault");
        }

        private void Dispatch(RequestContext ctx, HttpListenerRequest http)
        {
            if (TwimlFolder.TryServe(Options.TwimlFolder, ctx)) return;
            string username = null, password = null;
            ParseBasic(http.Headers["Authorization"], ref username, ref password);
            Account principal = Accounts.Authenticate(username, password, ApiKeys.Find);
            if (principal == null) throw TwilioErrors.Authenticate();
            if (principal.Status == "suspended") throw TwilioErrors.AccountNotActive();
            ctx.Principal = principal;

            RouteMatch match = _router.Match(ctx.Request.Method, ctx.Request.Path);
            if (match.Handler == null)
            {
                if (match.PathMatchedOtherMethod) throw TwilioErrors.MethodNotAllowed();
                throw TwilioErrors.NotFound(ctx.Request.Path);
            }
            ctx.RouteValues = match.Values;
            string accountSid = ctx.Route("AccountSid");
            if (accountSid != null)
            {
                Account account = Accounts.Find(accountSid);
                // Twilio answers 404 (not 403) for an account the credential may not see.
                if (account == null || !AccountStore.CanAccess(principal, account)) throw TwilioErrors.NotFound(ctx.Request.Path);
                // The owner still reads and updates a suspended or closed subaccount itself (to
                // reactivate it); nothing else of it answers.
                if (account.Status != "active" && ctx.Request.Path != AccountStore.InstancePath(account.Sid)) throw TwilioErrors.AccountNotActive();
                ctx.Account = account;
                // Calls run their TwiML, join and leave conferences and queues on the clock: apply what is due before reading.
                Twiml.Advance(ctx.Now);
                Flows.For(account.Sid).Settle(ctx.Now);
                // A call or message is billed once it ends; bill it before a delete can take it away.
                if (ctx.Request.Method == "DELETE") Usage.Settle(ctx.Now);
            }
            match.Handler(ctx);
        }

        private EmulatorRequest ReadRequest(HttpListenerRequest http)
        {
            long number = Interlocked.Increment(ref _requestCount);
            string raw = http.RawUrl ?? "/";
            int q = raw.IndexOf('?');
            string path = q < 0 ? raw : raw.Substring(0, q);
            List<KeyValuePair<string, string>> query = q < 0 ? null : UrlEncoding.Parse(raw.Substring(q + 1));
            List<KeyValuePair<string, string>> form = null;
            string contentType = http.ContentType;
            if (http.HasEntityBody)
            {
                string body;
                using (var reader = new StreamReader(http.InputStream, Encoding.UTF8)) body = reader.ReadToEnd();
                if (contentType == null || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                    form = UrlEncoding.Parse(body);
            }
            string username = null, password = null;
            ParseBasic(http.Headers["Authorization"], ref username, ref password);
            var request = new EmulatorRequest(number, _clock.UtcNow, http.HttpMethod.ToUpperInvariant(), raw, path, query, form, username, contentType, http.UserAgent);
            lock (_recent)
            {
                _recent.Enqueue(request);
                while (_recent.Count > MaxRecordedRequests) _recent.Dequeue();
            }
            return request;
        }

        private static void ParseBasic(string header, ref string username, ref string password)
        {
            if (header == null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return;
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
                int colon = decoded.IndexOf(':');
                if (colon < 0) { username = decoded; return; }
                username = decoded.Substring(0, colon);
                password = decoded.Substring(colon + 1);
            }
            catch (FormatException) { }
        }
    }
}
