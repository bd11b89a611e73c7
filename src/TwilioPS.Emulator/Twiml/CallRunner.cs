using System;
using System.Collections.Generic;
using System.Globalization;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Twiml
{
    /// <summary>
    /// Runs one call's TwiML on the emulator's clock, from the instant the call is answered. Each verb
    /// starts at an exact instant and takes a known time (<see cref="TwimlTiming"/>), so a run is the
    /// same on a manual clock, a fast one or the real one. A verb that waits for something else (a
    /// conference, a queue, a dialled call) parks the runner until that ends or the call does.
    /// </summary>
    internal sealed class CallRunner
    {
        private enum Wait { None, Gather, Record, Dial, Conference, Enqueue }

        /// <summary>Documents loaded at one instant before the runner gives up (a Redirect loop).</summary>
        private const int MaxDocumentsPerInstant = 20;

        private readonly TwimlEngine _engine;
        private TwimlDocument _document;
        private int _index;
        private bool _started;
        private Wait _wait;
        private TwimlVerb _verb;
        private DateTimeOffset _waitStart;
        private string _gathered;
        private Recording _recording;
        private Call _partner;
        private bool _partnerIsQueueMember;
        private QueueMember _member;
        private Participant _participant;
        private string _dequeuedFrom;
        private string _pendingDigits;
        private int _loadsThisInstant;
        private DateTimeOffset _lastLoad;

        public CallRunner(TwimlEngine engine, Call call)
        {
            _engine = engine;
            Call = call;
            _pendingDigits = Form(call, "SendDigits");
        }

        public Call Call { get; }
        /// <summary>When the current verb is over; null while parked.</summary>
        public DateTimeOffset? NextAt;
        public bool Done;
        /// <summary>Set when a queue member is taken by &lt;Dial&gt;&lt;Queue&gt;: its QueueResult is "bridged".</summary>
        public bool Bridged;

        /// <summary>The next instant this runner has something to do: its answer, its current verb's end, its partner's or its own call's end.</summary>
        public DateTimeOffset Due()
        {
            if (Done) return DateTimeOffset.MaxValue;
            CallTimeline t = Call.Timeline;
            if (!_started) return t.AnswerAt.HasValue && t.AnswerAt.Value < t.EndAt ? t.AnswerAt.Value : t.EndAt;
            DateTimeOffset due = t.EndAt;
            if (NextAt.HasValue && NextAt.Value < due) due = NextAt.Value;
            if (_partner != null && _partner.Timeline.EndAt < due) due = _partner.Timeline.EndAt;
            if (_wait == Wait.Conference && _participant.Conference.EndedAt is DateTimeOffset ended && ended < due) due = ended;
            return due;
        }

        public void Step(DateTimeOffset at)
        {
            CallTimeline t = Call.Timeline;
            if (!_started)
            {
                if (!(t.AnswerAt.HasValue && t.AnswerAt.Value == at && at < t.EndAt)) { Done = true; return; }
                _started = true;
                LoadInitial(at);
                Run(at);
                return;
            }
            if (at >= t.EndAt) { Finish(at); return; }
            Resume(at);
        }

        /// <summary>The call was redirected through the API (a call update or a dequeued member): new TwiML from now.</summary>
        public void Redirect(DateTimeOffset at, string url, string method, string twiml)
        {
            LeaveWhatItWaitsIn(at);
            _started = true;
            Done = false;
            if (!string.IsNullOrEmpty(url)) Load(at, Fetched(at, url, method, null));
            else Load(at, TwimlDocument.Parse(twiml));
            Run(at);
        }

        // ---- documents ---------------------------------------------------------------------------

        private void LoadInitial(DateTimeOffset at)
        {
            string url = Call.Url, method = Call.Method, fallback = Call.FallbackUrl, fallbackMethod = Call.FallbackMethod;
            if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(Call.Twiml) && Call.ApplicationSid != null)
            {
                Application app = _engine.Application(Call);
                url = app?.Setting("VoiceUrl");
                method = app?.Setting("VoiceMethod") ?? "POST";
                fallback = app?.Setting("VoiceFallbackUrl");
                fallbackMethod = app?.Setting("VoiceFallbackMethod") ?? "POST";
            }
            if (!string.IsNullOrEmpty(url)) Load(at, Fetched(at, url, method, null, fallback, fallbackMethod));
            else Load(at, TwimlDocument.Parse(Call.Twiml ?? "<Response/>"));
        }

        /// <summary>Fetches and parses a document; on failure tries the fallback URL, and logs 11200 if that fails too.</summary>
        private TwimlDocument Fetched(DateTimeOffset at, string url, string method, List<KeyValuePair<string, string>> extra, string fallback = null, string fallbackMethod = null)
        {
            FetchResult r = _engine.Fetcher.Fetch(Call, url, method, "in-progress", extra, at);
            if (!r.Ok && !string.IsNullOrEmpty(fallback))
            {
                var withError = new List<KeyValuePair<string, string>>(extra ?? new List<KeyValuePair<string, string>>())
                {
                    new KeyValuePair<string, string>("ErrorCode", CallDocument.RetrievalFailure.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, string>("ErrorUrl", url),
                };
                FetchResult second = _engine.Fetcher.Fetch(Call, fallback, fallbackMethod, "in-progress", withError, at);
                if (second.Ok) r = second;
                else _engine.Notify(Call, at, CallDocument.RetrievalFailure, r, null);
            }
            else if (!r.Ok) _engine.Notify(Call, at, CallDocument.RetrievalFailure, r, null);
            if (!r.Ok) return null;
            TwimlDocument document = TwimlDocument.Parse(r.Body, r.Url, r.Method);
            if (document.Error.HasValue || document.UnknownVerbs.Count > 0) _engine.Notify(Call, at, document.Error ?? TwimlDocument.SchemaWarning, r, document);
            return document;
        }

        /// <summary>Makes <paramref name="document"/> the one running; a document that cannot run plays Twilio's application error, then hangs up.</summary>
        private void Load(DateTimeOffset at, TwimlDocument document)
        {
            if (_lastLoad != at) { _lastLoad = at; _loadsThisInstant = 0; }
            // Inline TwiML is checked here; a fetched document was checked with its request.
            if (document != null && document.SourceUrl == null && (document.Error.HasValue || document.UnknownVerbs.Count > 0))
                _engine.Notify(Call, at, document.Error ?? TwimlDocument.SchemaWarning, null, document);
            if (document == null || document.Error.HasValue || ++_loadsThisInstant > MaxDocumentsPerInstant)
            {
                document = new TwimlDocument();
                var pause = new TwimlVerb { Name = "Pause" };
                pause.Attributes["length"] = ((int)CallDocument.ApplicationErrorMessage.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                document.Verbs.Add(pause);
            }
            _document = document;
            _index = 0;
            _wait = Wait.None;
        }

        // ---- running -----------------------------------------------------------------------------

        /// <summary>Runs verbs from the current one until one takes time or waits; the end of the document hangs up.</summary>
        private void Run(DateTimeOffset at)
        {
            while (!Done)
            {
                if (_index >= _document.Verbs.Count)
                {
                    _engine.HangUp(Call, at);
                    Finish(at);
                    return;
                }
                TwimlVerb verb = _document.Verbs[_index++];
                TimeSpan? takes = Execute(verb, at);
                if (Done) return;
                if (takes == null) { NextAt = null; return; } // parked
                if (takes.Value > TimeSpan.Zero || _wait != Wait.None) { NextAt = at + takes.Value; return; }
            }
        }

        /// <summary>Starts a verb at <paramref name="at"/>: how long until the runner goes on, or null to park.</summary>
        private TimeSpan? Execute(TwimlVerb verb, DateTimeOffset at)
        {
            _verb = verb;
            _waitStart = at;
            switch (verb.Name)
            {
                case "Say": return TwimlTiming.Say(verb);
                case "Play": return TwimlTiming.Play(verb);
                case "Pause": return TimeSpan.FromSeconds(Math.Max(0, verb.Int("length", 1)));
                case "Leave": return TimeSpan.Zero;
                case "Hangup":
                    _engine.HangUp(Call, at);
                    Finish(at);
                    return TimeSpan.Zero;
                case "Reject":
                    _engine.Reject(Call, at, verb.Attr("reason") == "busy" ? "busy" : "no-answer");
                    Finish(at);
                    return TimeSpan.Zero;
                case "Redirect":
                    if (string.IsNullOrEmpty(verb.Text)) return TimeSpan.Zero;
                    Load(at, Fetched(at, Absolute(verb.Text), verb.Attr("method") ?? "POST", null));
                    return TimeSpan.Zero;
                case "Gather": return StartGather(verb);
                case "Record": return StartRecord(verb, at);
                case "Dial": return StartDial(verb, at);
                case "Enqueue": return StartEnqueue(verb, at);
                default: return TimeSpan.Zero;
            }
        }

        private void Resume(DateTimeOffset at)
        {
            Wait wait = _wait;
            _wait = Wait.None;
            NextAt = null;
            switch (wait)
            {
                case Wait.Gather:
                    if (_gathered != null || _verb.Flag("actionOnEmptyResult", false))
                        Action(at, Pair("Digits", _gathered ?? ""), Pair("FinishedOnKey", _gathered != null ? FinishKey(_verb) : ""));
                    _gathered = null;
                    break;
                case Wait.Record:
                    Action(at, RecordingParameters(at, null));
                    break;
                case Wait.Dial:
                    DialEnded(at, callEnded: false);
                    return;
                case Wait.Conference:
                    // The conference ended: the Dial is over, and Twilio goes on with its action or the next verb.
                    if (_verb.Attr("action") != null) Action(at, Pair("DialCallStatus", "completed"), Pair("ConferenceSid", _participant.Conference.Sid));
                    break;
                case Wait.Enqueue:
                    _wait = wait; // parked until the call ends
                    return;
            }
            Run(at);
        }

        /// <summary>The call ended: what it waited for ends with it, and Twilio still tells the action URL.</summary>
        private void Finish(DateTimeOffset at)
        {
            if (Done) return;
            Done = true;
            NextAt = null;
            switch (_wait)
            {
                case Wait.Record:
                    Notify(at, RecordingParameters(at, "hangup"));
                    break;
                case Wait.Dial:
                    DialEnded(at, callEnded: true);
                    break;
                case Wait.Enqueue:
                    Notify(at, Pair("QueueResult", Bridged ? "bridged" : "hangup"), Pair("QueueSid", _member.Queue.Sid),
                        Pair("QueueTime", ((long)(at - _waitStart).TotalSeconds).ToString(CultureInfo.InvariantCulture)));
                    break;
            }
            _wait = Wait.None;
        }

        private void LeaveWhatItWaitsIn(DateTimeOffset at)
        {
            if (_wait == Wait.Enqueue) _engine.Flows(Call).LeaveQueue(_member);
            if (_wait == Wait.Conference) _engine.Flows(Call).LeaveConference(Call, at);
            if (_wait == Wait.Dial && _partner != null) _engine.HangUp(_partner, at);
            if (_wait == Wait.Record) _engine.StopRecording(_recording, at);
            _wait = Wait.None;
            _partner = null;
        }

        // ---- Gather ------------------------------------------------------------------------------

        private TimeSpan? StartGather(TwimlVerb verb)
        {
            TimeSpan prompt = TimeSpan.Zero;
            foreach (TwimlVerb nested in verb.Children)
                prompt += nested.Name == "Say" ? TwimlTiming.Say(nested) ?? TimeSpan.Zero
                        : nested.Name == "Play" ? TwimlTiming.Play(nested) ?? TimeSpan.Zero
                        : nested.Name == "Pause" ? TimeSpan.FromSeconds(Math.Max(0, nested.Int("length", 1))) : TimeSpan.Zero;
            _wait = Wait.Gather;
            _gathered = TakeDigits(verb);
            if (_gathered != null) return prompt + TwimlTiming.KeyPress;
            return prompt + TimeSpan.FromSeconds(Math.Max(1, verb.Int("timeout", 5)));
        }

        /// <summary>
        /// The caller's key presses: the call's SendDigits, read by the first Gather that listens for
        /// them, up to numDigits or finishOnKey ('w' pauses are skipped). Null when there are none.
        /// </summary>
        private string TakeDigits(TwimlVerb verb)
        {
            if (string.IsNullOrEmpty(_pendingDigits)) return null;
            string finish = FinishKey(verb);
            int max = verb.Int("numDigits", int.MaxValue);
            var digits = new System.Text.StringBuilder();
            int i = 0;
            for (; i < _pendingDigits.Length && digits.Length < max; i++)
            {
                char c = _pendingDigits[i];
                if (c == 'w' || c == 'W') continue;
                if (finish.Length > 0 && c == finish[0]) { i++; break; }
                digits.Append(c);
            }
            _pendingDigits = _pendingDigits.Substring(i);
            return digits.ToString();
        }

        private static string FinishKey(TwimlVerb verb) =>
            verb.Attributes.TryGetValue("finishOnKey", out string key) ? key : "#";

        // ---- Record ------------------------------------------------------------------------------

        private TimeSpan? StartRecord(TwimlVerb verb, DateTimeOffset at)
        {
            int maxLength = Math.Max(1, verb.Int("maxLength", 3600));
            _recording = _engine.StartRecording(Call, at, TimeSpan.FromSeconds(maxLength), verb);
            _wait = Wait.Record;
            return TimeSpan.FromSeconds(maxLength);
        }

        private KeyValuePair<string, string>[] RecordingParameters(DateTimeOffset at, string digits)
        {
            RecordingState s = _recording.Evaluate(at);
            var list = new List<KeyValuePair<string, string>>
            {
                Pair("RecordingSid", _recording.Sid),
                Pair("RecordingUrl", _engine.RecordingUrl(_recording)),
                Pair("RecordingDuration", (s.Seconds ?? 0).ToString(CultureInfo.InvariantCulture)),
            };
            if (digits != null) list.Add(Pair("Digits", digits));
            string callback = _verb.Attr("recordingStatusCallback");
            if (callback != null)
                _engine.Fetcher.Notify(Call, Absolute(callback), _verb.Attr("recordingStatusCallbackMethod") ?? "POST", "in-progress", new[]
                {
                    Pair("RecordingSid", _recording.Sid), Pair("RecordingUrl", _engine.RecordingUrl(_recording)),
                    Pair("RecordingStatus", "completed"), Pair("RecordingDuration", (s.Seconds ?? 0).ToString(CultureInfo.InvariantCulture)),
                    Pair("RecordingChannels", "1"), Pair("RecordingSource", "RecordVerb"),
                }, at);
            return list.ToArray();
        }

        // ---- Dial --------------------------------------------------------------------------------

        private TimeSpan? StartDial(TwimlVerb verb, DateTimeOffset at)
        {
            AccountFlows flows = _engine.Flows(Call);
            TwimlVerb conference = verb.Child("Conference"), queue = verb.Child("Queue");
            if (conference != null && conference.Text.Length > 0)
            {
                _participant = flows.JoinConference(Call, conference.Text, SettingsOf(conference), at, conference.Attr("record"), _engine.StartConferenceRecording);
                _wait = Wait.Conference;
                return null;
            }
            if (queue != null && queue.Text.Length > 0)
            {
                _partner = flows.DequeueOldest(queue.Text, at, out _dequeuedFrom);
                _partnerIsQueueMember = true;
                if (_partner != null) _engine.MarkBridged(_partner);
                _wait = Wait.Dial;
                if (_partner == null) return TimeSpan.Zero; // nobody waiting: the Dial ends at once
                return null;
            }
            TwimlVerb noun = verb.Children.Find(c => c.Name == "Number" || c.Name == "Client" || c.Name == "Sip");
            string to = noun != null ? noun.Text : verb.Text;
            if (string.IsNullOrEmpty(to)) return TimeSpan.Zero;
            if (noun?.Name == "Client" && !to.StartsWith("client:", StringComparison.Ordinal)) to = "client:" + to;
            _partner = _engine.DialChild(Call, to, verb.Attr("callerId") ?? Call.From, at,
                TimeSpan.FromSeconds(Math.Max(5, verb.Int("timeout", 30))), TimeSpan.FromSeconds(Math.Max(1, verb.Int("timeLimit", 14400))));
            _partnerIsQueueMember = false;
            _wait = Wait.Dial;
            // record="record-from-answer" (or -ringing, -dual): the parent call's audio while the two talk.
            _recording = null;
            CallTimeline child = _partner.Timeline;
            if ((verb.Attr("record") ?? "do-not-record").StartsWith("record-from-", StringComparison.Ordinal) && child.AnswerAt.HasValue)
                _recording = _engine.StartDialRecording(Call, child.AnswerAt.Value, child.EndAt);
            return null;
        }

        private void DialEnded(DateTimeOffset at, bool callEnded)
        {
            Call partner = _partner;
            _partner = null;
            var parameters = new List<KeyValuePair<string, string>>();
            if (partner == null)
                parameters.Add(Pair("DialCallStatus", "failed"));
            else
            {
                // The other call ends with this one; a bridged queue member is hung up when the agent's side ends.
                if (partner.Timeline.EndAt > at) _engine.HangUp(partner, at);
                CallState s = partner.Evaluate(at);
                parameters.Add(Pair("DialCallSid", partner.Sid));
                parameters.Add(Pair("DialCallStatus", _partnerIsQueueMember ? "completed" : s.Status));
                parameters.Add(Pair("DialCallDuration", s.Duration ?? "0"));
                if (_recording != null && !_partnerIsQueueMember)
                {
                    RecordingState recorded = _recording.Evaluate(at);
                    parameters.Add(Pair("RecordingSid", _recording.Sid));
                    parameters.Add(Pair("RecordingUrl", _engine.RecordingUrl(_recording)));
                    parameters.Add(Pair("RecordingDuration", (recorded.Seconds ?? 0).ToString(CultureInfo.InvariantCulture)));
                }
                if (_partnerIsQueueMember) parameters.Add(Pair("QueueSid", _dequeuedFrom ?? ""));
            }
            _wait = Wait.None;
            if (callEnded) Notify(at, parameters.ToArray());
            else
            {
                // Without an action, Twilio goes on with the verb after Dial.
                if (_verb.Attr("action") != null) Action(at, parameters.ToArray());
                Run(at);
            }
        }

        private static ParticipantSettings SettingsOf(TwimlVerb conference) => new ParticipantSettings
        {
            Muted = conference.Flag("muted", false),
            StartConferenceOnEnter = conference.Flag("startConferenceOnEnter", true),
            EndConferenceOnExit = conference.Flag("endConferenceOnExit", false),
            Beep = conference.Attr("beep") ?? "true",
            WaitUrl = conference.Attr("waitUrl"),
            WaitMethod = conference.Attr("waitMethod") ?? "POST",
        };

        // ---- Enqueue -----------------------------------------------------------------------------

        private TimeSpan? StartEnqueue(TwimlVerb verb, DateTimeOffset at)
        {
            if (verb.Text.Length == 0) return TimeSpan.Zero;
            _member = _engine.Flows(Call).Enqueue(Call, verb.Text, at, out Queue queue);
            if (_member == null)
            {
                if (verb.Attr("action") != null) Action(at, Pair("QueueResult", "queue-full"), Pair("QueueSid", queue.Sid));
                return TimeSpan.Zero;
            }
            _wait = Wait.Enqueue;
            string waitUrl = verb.Attr("waitUrl");
            if (waitUrl != null)
                // Twilio plays the wait URL's TwiML to the caller while it waits; the emulator asks for it once.
                _engine.Fetcher.Fetch(Call, Absolute(waitUrl), verb.Attr("waitUrlMethod") ?? "POST", "in-progress", new[]
                {
                    Pair("QueueSid", queue.Sid), Pair("QueuePosition", queue.Members.Count.ToString(CultureInfo.InvariantCulture)),
                    Pair("QueueTime", "0"), Pair("AvgQueueTime", "0"), Pair("CurrentQueueSize", queue.Members.Count.ToString(CultureInfo.InvariantCulture)),
                }, at);
            return null;
        }

        // ---- actions -----------------------------------------------------------------------------

        /// <summary>
        /// Requests the verb's action (or, for Gather and Record without one, the document's own URL, as
        /// Twilio does) and runs what it answers; inline TwiML without an action goes on with the next verb.
        /// </summary>
        private void Action(DateTimeOffset at, params KeyValuePair<string, string>[] parameters)
        {
            string action = _verb.Attr("action");
            string method = _verb.Attr("method") ?? "POST";
            if (action == null)
            {
                if (_verb.Name == "Dial" || _verb.Name == "Enqueue" || _document.SourceUrl == null) return;
                action = _document.SourceUrl;
                method = _document.SourceMethod ?? "POST";
            }
            Load(at, Fetched(at, Absolute(action), method, new List<KeyValuePair<string, string>>(parameters)));
        }

        /// <summary>After the call ended: the action still hears what happened, but its answer is not run.</summary>
        private void Notify(DateTimeOffset at, params KeyValuePair<string, string>[] parameters)
        {
            string action = _verb?.Attr("action");
            if (action == null) return;
            _engine.Fetcher.Notify(Call, Absolute(action), _verb.Attr("method") ?? "POST", "completed", parameters, at);
        }

        /// <summary>A relative URL is resolved against the document's own, as Twilio does.</summary>
        private string Absolute(string url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri absolute) && (absolute.Scheme == "http" || absolute.Scheme == "https")) return url;
            string source = _document?.SourceUrl ?? Call.Url;
            if (source != null && Uri.TryCreate(new Uri(source), url, out Uri resolved)) return resolved.AbsoluteUri;
            return url;
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value ?? "");

        private static string Form(Call call, string name)
        {
            if (call.CreateParameters == null) return null;
            foreach (KeyValuePair<string, string> p in call.CreateParameters) if (p.Key == name) return p.Value;
            return null;
        }
    }

    /// <summary>How long verbs take on the emulator's clock.</summary>
    internal static class TwimlTiming
    {
        /// <summary>&lt;Say&gt; speaks 2.5 words a second (150 words a minute), at least half a second per loop.</summary>
        public const double WordsPerSecond = 2.5;
        /// <summary>Every &lt;Play&gt;ed media file lasts 5 seconds; its digits attribute takes half a second a key.</summary>
        public static readonly TimeSpan MediaLength = TimeSpan.FromSeconds(5);
        public static readonly TimeSpan DigitTone = TimeSpan.FromSeconds(0.5);
        /// <summary>How long the caller takes to press the keys a Gather reads.</summary>
        public static readonly TimeSpan KeyPress = TimeSpan.FromSeconds(1);

        /// <summary>Null for loop="0" (repeats until the call ends).</summary>
        public static TimeSpan? Say(TwimlVerb verb)
        {
            int loop = verb.Int("loop", 1);
            if (loop <= 0) return null;
            int words = verb.Text.Split((char[])null, StringSplitOptions.RemoveEmptyEntries).Length;
            return TimeSpan.FromSeconds(Math.Max(0.5, words / WordsPerSecond) * loop);
        }

        public static TimeSpan? Play(TwimlVerb verb)
        {
            string digits = verb.Attr("digits");
            if (digits != null) return TimeSpan.FromTicks(DigitTone.Ticks * digits.Length);
            int loop = verb.Int("loop", 1);
            if (loop <= 0) return null;
            return TimeSpan.FromTicks(MediaLength.Ticks * loop);
        }
    }
}
