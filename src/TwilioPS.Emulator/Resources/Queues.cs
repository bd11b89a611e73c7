using System;
using System.Collections.Generic;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account.queue. Members change only inside <see cref="AccountFlows"/>, under its gate.</summary>
    internal sealed class Queue : IStoredResource
    {
        /// <summary>The spec: "The default is 1000 and the maximum is 5000."</summary>
        public const int DefaultMaxSize = 1000;
        public const int MaxMaxSize = 5000;

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Queue>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string FriendlyName;
        public int MaxSize = DefaultMaxSize;
        public DateTimeOffset DateCreated;
        public DateTimeOffset DateUpdated;
        /// <summary>The calls waiting, front first (see <see cref="QueueMember"/>'s sort key).</summary>
        public readonly SortedStore<QueueMember> Members = new SortedStore<QueueMember>();

        public List<QueueMember> Waiting() => Members.ReadPage(null, int.MaxValue, 0, null).Items;

        public QueueJson ToJson(DateTimeOffset now)
        {
            List<QueueMember> waiting = Waiting();
            long totalWait = 0;
            foreach (QueueMember m in waiting) totalWait += m.WaitSeconds(now);
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = AccountSid, ["Sid"] = Sid };
            return new QueueJson
            {
                AccountSid = AccountSid,
                // Twilio computes it at the time of the request, over the calls waiting now.
                AverageWaitTime = waiting.Count == 0 ? 0 : (int)(totalWait / waiting.Count),
                CurrentSize = waiting.Count,
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(DateUpdated),
                FriendlyName = FriendlyName,
                MaxSize = MaxSize,
                Sid = Sid,
                Uri = CatalogRoutes.Expand(ApiCatalog.Queues.Scopes[0].InstancePath, values),
            };
        }
    }

    /// <summary>
    /// api.v2010.account.queue.member, keyed by its call's SID. Stores read newest first, so the key
    /// is the negated enqueue time (and a negated sequence for ties): the front of the queue reads first.
    /// </summary>
    internal sealed class QueueMember : IStoredResource
    {
        public string Sid => Call.Sid;
        public long Seq { get; } = -SortedStore<QueueMember>.NextSeq();
        public long SortTicks => -DateEnqueued.UtcTicks;
        public Queue Queue;
        public Call Call;
        public DateTimeOffset DateEnqueued;

        public long WaitSeconds(DateTimeOffset now) => Math.Max(0, (long)Math.Floor((now - DateEnqueued).TotalSeconds));

        public MemberJson ToJson(DateTimeOffset now, int position)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AccountSid"] = Queue.AccountSid, ["QueueSid"] = Queue.Sid, ["CallSid"] = Call.Sid,
            };
            return new MemberJson
            {
                CallSid = Call.Sid,
                DateEnqueued = TwilioJson.Rfc2822(DateEnqueued),
                Position = position,
                QueueSid = Queue.Sid,
                Uri = CatalogRoutes.Expand(ApiCatalog.QueueMembers.Scopes[0].InstancePath, values),
                WaitTime = (int)WaitSeconds(now),
            };
        }
    }

    internal sealed class QueueJson
    {
        public string AccountSid { get; set; }
        public int AverageWaitTime { get; set; }
        public int CurrentSize { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string FriendlyName { get; set; }
        public int MaxSize { get; set; }
        public string Sid { get; set; }
        public string Uri { get; set; }
    }

    internal sealed class MemberJson
    {
        public string CallSid { get; set; }
        public string DateEnqueued { get; set; }
        public int Position { get; set; }
        public string QueueSid { get; set; }
        public string Uri { get; set; }
        public int WaitTime { get; set; }
    }
}
