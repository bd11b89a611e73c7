using System;
using System.Collections.Generic;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// Synthetic finished calls spread over the past 30 days: varied To/From/Status/Direction, some child
    /// legs; with answeredOnly, every call was answered and completed (the calls seeded recordings are of).
    /// A million of them must fit well under a gigabyte, so a seeded call shares every string it can: the
    /// customers come from a fixed clientele (people call again), each of our numbers has one
    /// PhoneNumberSid, and everything else is a literal or derived when rendered.
    /// </summary>
    internal static class CallSeeder
    {
        private const int Clientele = 5000;
        private static int _seed = 20100401;

        private static readonly string[] TwilioNumbers = { "+15005550006", "+14155550100", "+12065550123" };
        private static readonly string[] Endpoints = { "client:alice", "client:bob", "sip:support@example.sip.twilio.com" };

        /// <summary>An endpoint and its *_formatted form, made once and shared by every call that uses it.</summary>
        private struct Party
        {
            public string Endpoint, Formatted;
            public Party(string endpoint) { Endpoint = endpoint; Formatted = Call.Format(endpoint); }
        }

        public static List<Call> Seed(CallStore calls, string accountSid, int count, DateTimeOffset now, bool answeredOnly = false)
        {
            if (count <= 0) return new List<Call>();
            var random = new Random(System.Threading.Interlocked.Increment(ref _seed));
            var customers = new Party[Math.Min(count, Clientele)];
            for (int i = 0; i < customers.Length; i++)
                customers[i] = new Party("+1" + (200 + random.Next(800)).ToString() + "555" + random.Next(10000).ToString("0000"));
            var endpoints = Array.ConvertAll(Endpoints, e => new Party(e));
            var ours = Array.ConvertAll(TwilioNumbers, n => new Party(n));
            var ourSids = Array.ConvertAll(TwilioNumbers, n => "PN" + Sids.Hex32());

            // The creation times are drawn first and the calls made oldest first, so the calls (and the
            // strings and timeline each one has to itself) lie in memory in the order a list walks them.
            // Made in random order, a page of 1000 out of a million touched memory all over the heap: a
            // walk of all its pages took a median of 2.2-2.7 ms a page, against 1.6-1.9 ms in list order.
            // A child leg's parent is then always an older call, as it would be.
            long span = TimeSpan.FromDays(30).Ticks;
            var ages = new long[count];
            for (int i = 0; i < count; i++) ages[i] = (long)(random.NextDouble() * span);
            Array.Sort(ages);
            Array.Reverse(ages);

            var batch = new List<Call>(count);
            Call lastInbound = null;
            for (int i = 0; i < count; i++)
            {
                DateTimeOffset created = now - TimeSpan.FromMinutes(20) - TimeSpan.FromTicks(ages[i]);
                Call call = calls.NewCall(accountSid, Sids.New("CA"), created);
                Party customer = random.Next(20) == 0 ? endpoints[random.Next(endpoints.Length)] : customers[random.Next(customers.Length)];
                int our = random.Next(ours.Length);
                int d = random.Next(100);
                if (d < 50) { call.Direction = "outbound-api"; SetParties(call, ours[our], customer); }
                else if (d < 85 || lastInbound == null) { call.Direction = "inbound"; SetParties(call, customer, ours[our]); call.PhoneNumberSid = ourSids[our]; }
                else
                {
                    call.Direction = "outbound-dial";
                    SetParties(call, new Party { Endpoint = lastInbound.To, Formatted = lastInbound.ToFormatted }, customer);
                    call.ParentCallSid = lastInbound.Sid;
                }

                var t = new CallTimeline { RingAt = created + TimeSpan.FromSeconds(1) };
                int s = answeredOnly ? 0 : random.Next(100);
                if (s < 70)
                {
                    t.AnswerAt = t.RingAt + TimeSpan.FromSeconds(2 + random.Next(15));
                    t.EndAt = t.AnswerAt.Value + TimeSpan.FromSeconds(5 + random.Next(900));
                    t.FinalStatus = "completed";
                }
                else if (s < 80) { t.EndAt = t.RingAt + TimeSpan.FromSeconds(30 + random.Next(30)); t.FinalStatus = "no-answer"; }
                else if (s < 88) { t.EndAt = t.RingAt + TimeSpan.FromSeconds(3 + random.Next(5)); t.FinalStatus = "busy"; }
                else if (s < 93) { t.EndAt = created + TimeSpan.FromSeconds(1); t.FinalStatus = "failed"; }
                else { t.EndAt = t.RingAt + TimeSpan.FromSeconds(random.Next(10)); t.FinalStatus = "canceled"; }
                t.LastUpdate = t.EndAt;
                call.Timeline = t;
                batch.Add(call);
                if (call.Direction == "inbound") lastInbound = call;
            }
            calls.For(accountSid).AddRange(batch);
            return batch;
        }

        private static void SetParties(Call call, Party from, Party to)
        {
            call.From = from.Endpoint; call.FromFormatted = from.Formatted;
            call.To = to.Endpoint; call.ToFormatted = to.Formatted;
        }
    }
}
