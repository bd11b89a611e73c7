using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
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

        public AccountFlows(string accountSid, SortedStore<Call> calls)
        {
            _accountSid = accountSid;
            _calls = calls;
        }

        public readonly object Gate = new object();
        public SortedStore<Conference> Conferences { get; } = new SortedStore<Conference>();
        public SortedStore<Queue> Queues { get; } = new SortedStore<Queue>();

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
                    foreach (Queue queue in _queues)
                        foreach (QueueMember member in queue.Waiting())
                            Offer(member.Call.Timeline.EndAt, 0, () => queue.Members.Remove(member.Sid));

                    if (apply == null) return;
                    apply();
                }
            }
        }

        private static bool Answered(CallTimeline t) => t.AnswerAt.HasValue && t.AnswerAt.Value < t.EndAt;

        /// <summary>
        /// &lt;Dial&gt;&lt;Conference&gt;: the call joins the live conference of that name (a new one if none)
        /// at <paramref name="at"/>; record="record-from-start" records the conference from then on.
        /// </summary>
        public Participant JoinConference(Call call, string name, ParticipantSettings settings, DateTimeOffset at, string record, Func<Call, Conference, DateTimeOffset, Recording> startRecording)
        {
            lock (Gate)
            {
                Conference conference = LiveConference(name) ?? NewConference(name, at);
                var p = new Participant { Conference = conference, Call = call, DateCreated = at, DateUpdated = at, Settings = settings, JoinedByTwiml = true };
                conference.Participants.Add(p);
                Join(p, at);
                if ((record == "record-from-start" || record == "true") && conference.Recording == null)
                    conference.Recording = startRecording(call, conference, at);
                return p;
            }
        }

        /// <summary>A call redirected away from its conference leaves it (which may end it).</summary>
        public void LeaveConference(Call call, DateTimeOffset at)
        {
            lock (Gate)
                foreach (Conference conference in _live.ToArray())
                    if (conference.Participants.TryGet(call.Sid, out Participant p)) Leave(p, at);
        }

        /// <summary>&lt;Enqueue&gt;: the call waits at the back of the named queue (made on first use, as Twilio does); null when it is full.</summary>
        public QueueMember Enqueue(Call call, string name, DateTimeOffset at, out Queue queue)
        {
            lock (Gate)
            {
                queue = QueueNamed(name) ?? NewQueue(name, Queue.DefaultMaxSize, at);
                if (queue.Members.Count >= queue.MaxSize) return null;
                var member = new QueueMember { Queue = queue, Call = call, DateEnqueued = at };
                queue.Members.Add(member);
                return member;
            }
        }

        public void LeaveQueue(QueueMember member)
        {
            lock (Gate) member.Queue.Members.Remove(member.Sid);
        }

        /// <summary>&lt;Dial&gt;&lt;Queue&gt;: takes the call at the front of the named queue; null when nobody waits.</summary>
        public Call DequeueOldest(string name, DateTimeOffset at, out string queueSid)
        {
            lock (Gate)
            {
                Queue queue = QueueNamed(name);
                queueSid = queue?.Sid;
                if (queue == null) return null;
                List<QueueMember> waiting = queue.Waiting();
                if (waiting.Count == 0) return null;
                queue.Members.Remove(waiting[0].Sid);
                queue.DateUpdated = at;
                return waiting[0].Call;
            }
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

        /// <summary>Completes a conference; the calls in it or being dialled into it leave it (see the comment inside).</summary>
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
                // A call whose TwiML dialled the conference goes on with the verb after <Dial> (its
                // runner sees the conference end); one added through the API has nothing to go on with.
                if (!p.JoinedByTwiml) HangUp(p.Call, at);
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
