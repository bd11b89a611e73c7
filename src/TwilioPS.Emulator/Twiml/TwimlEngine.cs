using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using TwilioPS.Emulator.Infrastructure;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Twiml
{
    /// <summary>
    /// Runs every call's TwiML in time order. Work is due at instants on the emulator's clock (a call
    /// answered, a verb over, a dialled call ended); <see cref="Advance"/> does all that is due up to
    /// an instant, earliest first, and settles the account's conferences and queues up to each step, so
    /// the REST API reads the state at the request's instant. The emulator advances before every
    /// request and on a 50 ms pump, so a real or sped-up clock runs calls with nobody asking.
    /// </summary>
    internal sealed class TwimlEngine : IDisposable
    {
        private readonly TwilioEmulator _emulator;
        private readonly object _gate = new object();
        private readonly List<CallRunner> _runners = new List<CallRunner>();
        private readonly Dictionary<Call, CallRunner> _byCall = new Dictionary<Call, CallRunner>();
        private readonly Timer _timer;
        private int _pumping;

        public TwimlEngine(TwilioEmulator emulator)
        {
            _emulator = emulator;
            Fetcher = new TwimlFetcher(emulator);
            _timer = new Timer(_ => Pump(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        }

        public TwimlFetcher Fetcher { get; }

        /// <summary>Runs the call's TwiML (Twiml, Url or its application's voice URL) once it is answered.</summary>
        public void Follow(Call call)
        {
            lock (_gate) Add(call);
        }

        private CallRunner Add(Call call)
        {
            var runner = new CallRunner(this, call);
            _runners.Add(runner);
            _byCall[call] = runner;
            return runner;
        }

        /// <summary>A call update or a dequeued member with new TwiML: an answered call runs it from <paramref name="at"/>.</summary>
        public void Redirect(Call call, DateTimeOffset at, string url, string method, string twiml)
        {
            lock (_gate)
            {
                AdvanceLocked(at);
                CallTimeline t = call.Timeline;
                if (t.EndAt <= at) return;
                if (!_byCall.TryGetValue(call, out CallRunner runner)) runner = Add(call);
                // Not answered yet: the call asks for its (new) Url or Twiml when it is.
                if (!(t.AnswerAt.HasValue && t.AnswerAt.Value <= at)) return;
                runner.Redirect(at, url, method, twiml);
            }
        }

        /// <summary>
        /// Does everything due by <paramref name="now"/>. While a webhook is being fetched this waits at
        /// most a second, then reads without advancing: the TwiML app being asked may itself call the
        /// API before it answers.
        /// </summary>
        public void Advance(DateTimeOffset now)
        {
            if (Fetcher.InFlight) { if (!Monitor.TryEnter(_gate, TimeSpan.FromSeconds(1))) return; }
            else Monitor.Enter(_gate);
            try { AdvanceLocked(now); }
            finally { Monitor.Exit(_gate); }
        }

        /// <summary>Callers hold <see cref="_gate"/>.</summary>
        private void AdvanceLocked(DateTimeOffset now)
        {
            while (true)
            {
                CallRunner next = null;
                DateTimeOffset best = DateTimeOffset.MaxValue;
                for (int i = 0; i < _runners.Count; i++)
                {
                    DateTimeOffset due = _runners[i].Due();
                    if (due < best) { best = due; next = _runners[i]; }
                }
                if (next == null || best > now) break;
                Flows(next.Call).Settle(best);
                try { next.Step(best); }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // A flaw in the emulator must not fail every later request: the call ends as Twilio
                    // ends a call it cannot go on with, logging an internal failure.
                    next.Done = true;
                    HangUp(next.Call, best);
                    Notify(next.Call, best, TwimlDocument.InternalFailure, null, null);
                }
                if (next.Done) { _runners.Remove(next); _byCall.Remove(next.Call); }
            }
        }

        private void Pump()
        {
            if (Interlocked.Exchange(ref _pumping, 1) == 1) return;
            try { Advance(_emulator.Clock.UtcNow); }
            catch (Exception)
            {
                // A timer callback must not throw (it would end the process); the next request advances again.
            }
            finally { Volatile.Write(ref _pumping, 0); }
        }

        public void MarkBridged(Call member)
        {
            if (_byCall.TryGetValue(member, out CallRunner runner)) runner.Bridged = true;
        }

        // ---- what verbs do to the rest of the emulator -------------------------------------------

        public AccountFlows Flows(Call call) => _emulator.Flows.For(call.AccountSid);

        public Application Application(Call call) =>
            _emulator.Applications.For(call.AccountSid).TryGet(call.ApplicationSid, out Application app) ? app : null;

        public void HangUp(Call call, DateTimeOffset at) => Flows(call).HangUp(call, at);

        /// <summary>&lt;Reject&gt;: the call is not answered after all and ends busy or no-answer.</summary>
        public void Reject(Call call, DateTimeOffset at, string status)
        {
            _emulator.Calls.For(call.AccountSid).Mutate(() =>
            {
                CallTimeline t = call.Timeline.Clone();
                t.AnswerAt = null;
                t.EndAt = at;
                t.FinalStatus = status;
                if (t.LastUpdate < at) t.LastUpdate = at;
                call.Timeline = t;
            });
        }

        /// <summary>
        /// &lt;Dial&gt;&lt;Number&gt; (or Client, Sip): a child call with parent_call_sid, ringing after the
        /// options' RingDelay and answered after AnswerDelay unless the Dial's timeout comes first; the
        /// person reached hangs up after CallDuration, the Dial's timeLimit ends it sooner.
        /// </summary>
        public Call DialChild(Call parent, string to, string from, DateTimeOffset at, TimeSpan timeout, TimeSpan timeLimit)
        {
            EmulatorOptions o = _emulator.Options;
            Call child = _emulator.Calls.NewCall(parent.AccountSid, Sids.New("CA"), at);
            child.To = to; child.ToFormatted = Call.Format(to);
            child.From = from; child.FromFormatted = Call.Format(from);
            child.ParentCallSid = parent.Sid;
            child.Direction = "outbound-dial";
            var t = new CallTimeline { RingAt = at + o.RingDelay, LastUpdate = at };
            if (o.AnswerDelay > timeout)
            {
                t.EndAt = t.RingAt + timeout;
                t.FinalStatus = "no-answer";
            }
            else
            {
                t.AnswerAt = t.RingAt + o.AnswerDelay;
                t.EndAt = t.AnswerAt.Value + (o.CallDuration < timeLimit ? o.CallDuration : timeLimit);
                t.FinalStatus = "completed";
            }
            child.Timeline = t;
            _emulator.Calls.For(parent.AccountSid).Add(child);
            return child;
        }

        /// <summary>&lt;Record&gt;: a recording from <paramref name="at"/> that stops after maxLength or with the call; transcribed when asked.</summary>
        public Recording StartRecording(Call call, DateTimeOffset at, TimeSpan maxLength, TwimlVerb verb)
        {
            var options = new RecordingOptions
            {
                Channels = 1, Track = "both", Trim = verb.Attr("trim") ?? "trim-silence",
                StatusCallback = verb.Attr("recordingStatusCallback"),
                StatusCallbackMethod = verb.Attr("recordingStatusCallbackMethod") ?? "POST",
                StatusCallbackEvents = new[] { "completed" },
            };
            Recording recording = Recording.New(call, at, "RecordVerb", options);
            recording.Timeline.StoppedAt = at + maxLength;
            _emulator.Recordings.For(call.AccountSid).Add(recording);
            if (verb.Flag("transcribe", false) || verb.Attr("transcribeCallback") != null)
                _emulator.Transcriptions.For(call.AccountSid).Add(Transcription.Of(recording));
            return recording;
        }

        /// <summary>&lt;Dial record&gt;: the parent call recorded from the dialled call's answer until it ends.</summary>
        public Recording StartDialRecording(Call call, DateTimeOffset from, DateTimeOffset until)
        {
            var options = new RecordingOptions { Channels = 1, Track = "both", Trim = "do-not-trim", StatusCallbackMethod = "POST", StatusCallbackEvents = Array.Empty<string>() };
            Recording recording = Recording.New(call, from, "DialVerb", options);
            recording.Timeline.StoppedAt = until;
            _emulator.Recordings.For(call.AccountSid).Add(recording);
            return recording;
        }

        /// <summary>A recording the TwiML stops early (its Record was redirected away): it ends at <paramref name="at"/>.</summary>
        public void StopRecording(Recording recording, DateTimeOffset at)
        {
            _emulator.Recordings.For(recording.AccountSid).Mutate(() =>
            {
                RecordingTimeline t = recording.Timeline.Clone();
                if (!t.StoppedAt.HasValue || t.StoppedAt.Value > at) t.StoppedAt = at;
                if (t.LastUpdate < at) t.LastUpdate = at;
                recording.Timeline = t;
            });
        }

        /// <summary>A conference's recording, from its first recording participant's join until the conference ends.</summary>
        public Recording StartConferenceRecording(Call call, Conference conference, DateTimeOffset at)
        {
            var options = new RecordingOptions { Channels = 1, Track = "both", Trim = "trim-silence", StatusCallbackMethod = "POST", StatusCallbackEvents = Array.Empty<string>() };
            Recording recording = Recording.New(call, at, "Conference", options);
            recording.ConferenceSid = conference.Sid;
            recording.Conference = conference;
            _emulator.Recordings.For(call.AccountSid).Add(recording);
            return recording;
        }

        public string RecordingUrl(Recording recording) =>
            new Uri(_emulator.BaseUri, "/2010-04-01/Accounts/" + recording.AccountSid + "/Recordings/" + recording.Sid).AbsoluteUri;

        /// <summary>Logs what went wrong with a call's TwiML as a notification (Get-TwilioNotification shows it).</summary>
        public void Notify(Call call, DateTimeOffset at, int code, FetchResult request, TwimlDocument document)
        {
            var variables = new StringBuilder(request?.Variables ?? "");
            if (request == null)
                foreach (KeyValuePair<string, string> p in CallDocument.WebhookParameters(call, "in-progress"))
                    UrlEncoding.AppendPair(variables, p.Key, p.Value);
            _emulator.Notifications.For(call.AccountSid).Add(new Notification
            {
                Sid = Sids.New("NO"),
                AccountSid = call.AccountSid,
                Call = call,
                ErrorCode = code,
                Log = code == TwimlDocument.SchemaWarning ? "1" : "0",
                MessageDate = at,
                RequestMethod = request?.Method,
                RequestUrl = request?.Url,
                RequestVariables = variables.ToString(),
                ResponseBody = request != null ? request.Body ?? "" : call.Twiml,
                ResponseHeaders = "",
                Detail = document != null && document.UnknownVerbs.Count > 0 ? "Invalid verb <" + document.UnknownVerbs[0] + ">" : null,
            });
        }

        public void Dispose()
        {
            _timer.Dispose();
            Fetcher.Dispose();
        }
    }
}
