using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>What a call does once answered, read from its TwiML: join a conference or wait in a queue.</summary>
    internal sealed class CallInstruction
    {
        public Call Call;
        /// <summary>&lt;Dial&gt;&lt;Conference&gt;NAME: the conference's friendly name; else null.</summary>
        public string ConferenceName;
        public ParticipantSettings Settings;
        /// <summary>&lt;Enqueue&gt;NAME: the queue's friendly name; else null.</summary>
        public string QueueName;

        /// <summary>
        /// The first &lt;Dial&gt;&lt;Conference&gt; or &lt;Enqueue&gt; of a &lt;Response&gt;, or null. Only these two
        /// constructs are read until a TwiML interpreter replaces this; anything else (or TwiML that does
        /// not parse, which Twilio reports only when the call runs it) leaves the call talking on its own.
        /// </summary>
        public static CallInstruction Parse(Call call, string twiml)
        {
            if (string.IsNullOrEmpty(twiml)) return null;
            var document = new XmlDocument { XmlResolver = null };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            try
            {
                using (var reader = XmlReader.Create(new StringReader(twiml), settings)) document.Load(reader);
            }
            catch (XmlException) { return null; }
            if (document.DocumentElement == null || document.DocumentElement.Name != "Response") return null;
            foreach (XmlNode verb in document.DocumentElement.ChildNodes)
            {
                if (!(verb is XmlElement element)) continue;
                if (element.Name == "Enqueue")
                {
                    string name = element.InnerText.Trim();
                    if (name.Length > 0) return new CallInstruction { Call = call, QueueName = name };
                }
                else if (element.Name == "Dial" && element["Conference"] is XmlElement conference)
                {
                    string name = conference.InnerText.Trim();
                    if (name.Length == 0) continue;
                    var s = new ParticipantSettings
                    {
                        Muted = Flag(conference, "muted", false),
                        StartConferenceOnEnter = Flag(conference, "startConferenceOnEnter", true),
                        EndConferenceOnExit = Flag(conference, "endConferenceOnExit", false),
                    };
                    string beep = conference.GetAttribute("beep");
                    if (beep.Length > 0) s.Beep = beep;
                    string waitUrl = conference.GetAttribute("waitUrl");
                    if (waitUrl.Length > 0) s.WaitUrl = waitUrl;
                    return new CallInstruction { Call = call, ConferenceName = name, Settings = s };
                }
            }
            return null;
        }

        private static bool Flag(XmlElement element, string name, bool fallback)
        {
            string value = element.GetAttribute(name);
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return fallback;
        }
    }

    /// <summary>Conferences and queues of every account: one <see cref="AccountFlows"/> per account.</summary>
    internal sealed class FlowStore
    {
        private readonly Dictionary<string, AccountFlows> _byAccount = new Dictionary<string, AccountFlows>(StringComparer.Ordinal);
        private readonly CallStore _calls;

        public FlowStore(CallStore calls) { _calls = calls; }

        public AccountFlows For(string accountSid)
        {
            lock (_byAccount)
            {
                if (!_byAccount.TryGetValue(accountSid, out AccountFlows flows))
                    _byAccount[accountSid] = flows = new AccountFlows(accountSid, _calls.For(accountSid));
                return flows;
            }
        }
    }

    /// <summary>
    /// One account's conferences and queues, and the calls on their way into them. Calls are answered
    /// and end on the clock, so membership changes are events in time: <see cref="Settle"/> applies
    /// every event up to an instant in time order (a conference that ends hangs up the calls in it,
    /// which is itself an effect on later events). The emulator settles the route's account before
    /// every handler runs, so every read sees the state at the request's instant. All changes happen
    /// under <see cref="Gate"/>.
    /// </summary>
    internal sealed class AccountFlows
    {
        private readonly string _accountSid;
        private readonly SortedStore<Call> _calls;
        private readonly List<Conference> _live = new List<Conference>();
        private readonly List<Queue> _queues = new List<Queue>();
        private readonly List<CallInstruction> _pending = new List<CallInstruction>();

        public AccountFlows(string accountSid, SortedStore<Call> calls)
        {
            _accountSid = accountSid;
            _calls = calls;
        }

        public readonly object Gate = new object();
        public SortedStore<Conference> Conferences { get; } = new SortedStore<Conference>();
        public SortedStore<Queue> Queues { get; } = new SortedStore<Queue>();

        /// <summary>Remembers what a new call's TwiML makes it do once answered.</summary>
        public void Follow(Call call, string twiml)
        {
            CallInstruction instruction = CallInstruction.Parse(call, twiml);
            if (instruction == null) return;
            lock (Gate) _pending.Add(instruction);
        }

        /// <summary>Applies every join, leave and end due by <paramref name="now"/>, earliest first (leaves before joins at one instant).</summary>
        public void Settle(DateTimeOffset now)
        {
            lock (Gate)
            {
                while (true)
                {
                    DateTimeOffset best = DateTimeOffset.MaxValue;
                    int bestOrder = int.MaxValue;
                    Action apply = null;
                    void Offer(DateTimeOffset at, int order, Action action)
                    {
                        if (at > now || at > best || (at == best && order >= bestOrder)) return;
                        best = at; bestOrder = order; apply = action;
                    }

                    foreach (Conference conference in _live)
                        foreach (Participant p in conference.Participants.ReadPage(null, int.MaxValue, 0, null).Items)
                        {
                            CallTimeline t = p.Call.Timeline;
                            if (p.JoinedAt.HasValue) Offer(t.EndAt, 0, () => Leave(p, t.EndAt));
                            else if (Answered(t)) Offer(t.AnswerAt.Value, 2, () => Join(p, t.AnswerAt.Value));
                            else Offer(t.EndAt, 1, () => Leave(p, t.EndAt));
                        }
                    foreach (CallInstruction instruction in _pending)
                    {
                        CallTimeline t = instruction.Call.Timeline;
                        if (Answered(t)) Offer(t.AnswerAt.Value, 2, () => Begin(instruction, t.AnswerAt.Value));
                        else Offer(t.EndAt, 1, () => _pending.Remove(instruction));
                    }
                    foreach (Queue queue in _queues)
                        foreach (QueueMember member in queue.Waiting())
                            Offer(member.Call.Timeline.EndAt, 0, () => queue.Members.Remove(member.Sid));

                    if (apply == null) return;
                    apply();
                }
            }
        }

        private static bool Answered(CallTimeline t) => t.AnswerAt.HasValue && t.AnswerAt.Value < t.EndAt;

        private void Begin(CallInstruction instruction, DateTimeOffset at)
        {
            _pending.Remove(instruction);
            if (instruction.ConferenceName != null)
            {
                Conference conference = LiveConference(instruction.ConferenceName) ?? NewConference(instruction.ConferenceName, at);
                var p = new Participant { Conference = conference, Call = instruction.Call, DateCreated = at, DateUpdated = at, Settings = instruction.Settings };
                conference.Participants.Add(p);
                Join(p, at);
                return;
            }
            // <Enqueue> creates the queue on first use, as Twilio does; a full queue turns the call away
            // (Twilio goes on with QueueResult=queue-full), so the call simply talks on.
            Queue queue = QueueNamed(instruction.QueueName) ?? NewQueue(instruction.QueueName, Queue.DefaultMaxSize, at);
            if (queue.Members.Count >= queue.MaxSize) return;
            queue.Members.Add(new QueueMember { Queue = queue, Call = instruction.Call, DateEnqueued = at });
        }

        private static void Join(Participant p, DateTimeOffset at)
        {
            p.JoinedAt = at;
            p.DateUpdated = at;
            Conference conference = p.Conference;
            if (p.Settings.StartConferenceOnEnter && !conference.StartedAt.HasValue) conference.StartedAt = at;
            conference.DateUpdated = at;
        }

        /// <summary>
        /// A participant's call ended (or was never answered). The conference ends when one with
        /// endConferenceOnExit leaves, or when nobody is left in it or on the way in.
        /// </summary>
        private void Leave(Participant p, DateTimeOffset at)
        {
            Conference conference = p.Conference;
            conference.Participants.Remove(p.Sid);
            conference.DateUpdated = at;
            if (p.JoinedAt.HasValue && p.Settings.EndConferenceOnExit)
                End(conference, at, p.Kicked ? "participant-with-end-conference-on-exit-kicked" : "participant-with-end-conference-on-exit-left", p.Sid);
            else if (conference.Participants.Count == 0)
                End(conference, at, p.Kicked ? "last-participant-kicked" : "last-participant-left", p.Sid);
        }

        /// <summary>Completes a conference and hangs up every call still in it or being dialled into it.</summary>
        public void End(Conference conference, DateTimeOffset at, string reason, string callSid)
        {
            if (!conference.IsLive) return;
            conference.EndedAt = at;
            conference.ReasonEnded = reason;
            conference.CallSidEnding = callSid;
            conference.DateUpdated = at;
            _live.Remove(conference);
            foreach (Participant p in conference.Participants.ReadPage(null, int.MaxValue, 0, null).Items)
            {
                HangUp(p.Call, at);
                conference.Participants.Remove(p.Sid);
            }
        }

        /// <summary>Ends a call at <paramref name="at"/> unless it ended already: completed if answered by then, else canceled.</summary>
        public void HangUp(Call call, DateTimeOffset at)
        {
            _calls.Mutate(() =>
            {
                CallTimeline t = call.Timeline;
                if (t.EndAt <= at) return;
                CallTimeline ended = t.Clone();
                if (!(t.AnswerAt.HasValue && t.AnswerAt.Value <= at)) ended.AnswerAt = null;
                ended.EndAt = at;
                ended.FinalStatus = ended.AnswerAt.HasValue ? "completed" : "canceled";
                if (ended.LastUpdate < at) ended.LastUpdate = at;
                call.Timeline = ended;
            });
        }

        public Conference LiveConference(string friendlyName) => _live.Find(c => c.FriendlyName == friendlyName);

        public Conference NewConference(string friendlyName, DateTimeOffset at)
        {
            var conference = new Conference
            {
                Sid = Sids.New("CF"),
                AccountSid = _accountSid,
                FriendlyName = friendlyName,
                DateCreated = at,
                DateUpdated = at,
            };
            Conferences.Add(conference);
            _live.Add(conference);
            return conference;
        }

        public Queue QueueNamed(string friendlyName) => _queues.Find(q => q.FriendlyName == friendlyName);

        public Queue NewQueue(string friendlyName, int maxSize, DateTimeOffset at)
        {
            var queue = new Queue
            {
                Sid = Sids.New("QU"),
                AccountSid = _accountSid,
                FriendlyName = friendlyName,
                MaxSize = maxSize,
                DateCreated = at,
                DateUpdated = at,
            };
            Queues.Add(queue);
            _queues.Add(queue);
            return queue;
        }

        public void DeleteQueue(Queue queue)
        {
            Queues.Remove(queue.Sid);
            _queues.Remove(queue);
        }
    }
}
