using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Emulator;
using Xunit;
using static TwilioPS.Tests.Emulator.EmulatorConferenceTests;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's Queues and Members: queues made through the API and by &lt;Enqueue&gt;, members
    /// waiting from the moment their call is answered, positions and waits on the manual clock, dequeue,
    /// leaving when the call ends, lists, errors and account isolation.
    /// </summary>
    public class EmulatorQueueTests
    {
        private static readonly TimeSpan ToAnswer = TimeSpan.FromSeconds(3);

        private static string Queues(Api api) => Path(ApiCatalog.Queues.Scopes[0].CollectionPath, api);
        private static string QueuePath(Api api, string sid) => Path(ApiCatalog.Queues.Scopes[0].InstancePath, api, "Sid", sid);
        private static string Members(Api api, string queue) => Path(ApiCatalog.QueueMembers.Scopes[0].CollectionPath, api, "QueueSid", queue);
        private static string MemberPath(Api api, string queue, string call) =>
            Path(ApiCatalog.QueueMembers.Scopes[0].InstancePath, api, "QueueSid", queue, "CallSid", call);

        private static Task<string> Enqueue(Api api, string queue) =>
            CallWithTwiml(api, "<Response><Enqueue waitUrl=\"https://example.com/wait\">" + queue + "</Enqueue></Response>");

        private static List<JsonElement> Items(ApiResponse r, string key) => r.Json.GetProperty(key).EnumerateArray().ToList();

        private static async Task<ApiResponse> Create(Api api, params string[] fields)
        {
            ApiResponse r = await api.Post(Queues(api), fields);
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r;
        }

        private static async Task<string> QueueSid(Api api, string name) =>
            Items(await api.Get(Queues(api)), "queues").Single(q => q.GetProperty("friendly_name").GetString() == name).GetProperty("sid").GetString();

        // ---- queues -----------------------------------------------------------------------------

        [Fact]
        public async Task Create_fetch_update_list_and_delete_with_every_field_of_the_spec()
        {
            using var api = Timed(out ManualClock clock);
            ApiResponse created = await Create(api, "FriendlyName", "support");
            string sid = created.Str("sid");
            Assert.Matches("^QU[0-9a-f]{32}$", sid);
            Assert.Equal("support", created.Str("friendly_name"));
            Assert.Equal(1000, created.Int("max_size")); // the spec's default
            Assert.Equal(0, created.Int("current_size"));
            Assert.Equal(0, created.Int("average_wait_time"));
            Assert.Equal(api.AccountSid, created.Str("account_sid"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", created.Str("date_created"));
            Assert.Equal(QueuePath(api, sid), created.Str("uri"));
            AssertHasSpecFields(created.Json, "api.v2010.account.queue");

            clock.Advance(TimeSpan.FromMinutes(1));
            ApiResponse updated = await api.Post(QueuePath(api, sid), "FriendlyName", "help desk", "MaxSize", "5000");
            Assert.Equal(HttpStatusCode.OK, updated.Status);
            Assert.Equal("help desk", updated.Str("friendly_name"));
            Assert.Equal(5000, updated.Int("max_size"));
            Assert.Equal("Tue, 05 Mar 2024 12:01:00 +0000", updated.Str("date_updated"));
            Assert.Equal("help desk", (await api.Get(QueuePath(api, sid))).Str("friendly_name"));

            await Create(api, "FriendlyName", "sales", "MaxSize", "1");
            Assert.Equal(new[] { "sales", "help desk" }, Items(await api.Get(Queues(api)), "queues").Select(q => q.GetProperty("friendly_name").GetString()));

            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(QueuePath(api, sid))).Status);
            AssertTwilioError(await api.Get(QueuePath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(QueuePath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(QueuePath(api, sid), "MaxSize", "2"), HttpStatusCode.NotFound, 20404);
            Assert.Single(Items(await api.Get(Queues(api)), "queues"));
        }

        [Theory]
        [InlineData(20001)]
        [InlineData(20001, "FriendlyName", "")]
        [InlineData(20001, "FriendlyName", "q", "MaxSize", "0")]
        [InlineData(20001, "FriendlyName", "q", "MaxSize", "5001")]
        [InlineData(20001, "FriendlyName", "q", "MaxSize", "ten")]
        public async Task Create_validates_its_parameters(int code, params string[] fields)
        {
            using var api = Timed(out _);
            AssertTwilioError(await api.Post(Queues(api), fields), HttpStatusCode.BadRequest, code);
            AssertTwilioError(await api.Post(Queues(api), "FriendlyName", new string('x', 65)), HttpStatusCode.BadRequest, 20001);
        }

        [Fact]
        public async Task Friendly_names_are_unique_in_an_account_with_Twilio_error_22003()
        {
            using var api = Timed(out _);
            await Create(api, "FriendlyName", "support");
            string other = (await Create(api, "FriendlyName", "sales")).Str("sid");
            AssertTwilioError(await api.Post(Queues(api), "FriendlyName", "support"), HttpStatusCode.BadRequest, 22003);
            AssertTwilioError(await api.Post(QueuePath(api, other), "FriendlyName", "support"), HttpStatusCode.BadRequest, 22003);
            Assert.Equal(HttpStatusCode.OK, (await api.Post(QueuePath(api, other), "FriendlyName", "sales")).Status);

            // Another account may use the name.
            string sub = api.Emulator.CreateSubaccount("team");
            Assert.Equal(HttpStatusCode.Created, (await api.Post("/2010-04-01/Accounts/" + sub + "/Queues.json", "FriendlyName", "support")).Status);
        }

        // ---- members ----------------------------------------------------------------------------

        [Fact]
        public async Task An_answered_call_waits_in_the_queue_its_twiml_names_which_is_made_on_first_use()
        {
            using var api = Timed(out ManualClock clock);
            string first = await Enqueue(api, "support");
            Assert.Empty(Items(await api.Get(Queues(api)), "queues"));
            clock.Advance(ToAnswer);
            string sid = await QueueSid(api, "support");
            ApiResponse queue = await api.Get(QueuePath(api, sid));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", queue.Str("date_created"));
            Assert.Equal(1, queue.Int("current_size"));

            clock.Advance(TimeSpan.FromSeconds(10));
            string second = await Enqueue(api, "support");
            clock.Advance(ToAnswer); // first has waited 13 s, second 0 s

            ApiResponse front = await api.Get(MemberPath(api, sid, "Front"));
            Assert.Equal(first, front.Str("call_sid"));
            Assert.Equal(1, front.Int("position"));
            Assert.Equal(13, front.Int("wait_time"));
            Assert.Equal(sid, front.Str("queue_sid"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", front.Str("date_enqueued"));
            Assert.Equal(MemberPath(api, sid, first), front.Str("uri"));
            AssertHasSpecFields(front.Json, "api.v2010.account.queue.member");

            ApiResponse back = await api.Get(MemberPath(api, sid, second));
            Assert.Equal(2, back.Int("position"));
            Assert.Equal(0, back.Int("wait_time"));

            List<JsonElement> members = Items(await api.Get(Members(api, sid)), "queue_members");
            Assert.Equal(new[] { first, second }, members.Select(m => m.GetProperty("call_sid").GetString()));
            Assert.Equal(new[] { 1, 2 }, members.Select(m => m.GetProperty("position").GetInt32()));

            clock.Advance(TimeSpan.FromSeconds(4)); // waits 17 s and 4 s
            queue = await api.Get(QueuePath(api, sid));
            Assert.Equal(2, queue.Int("current_size"));
            Assert.Equal(10, queue.Int("average_wait_time"));
            Assert.Equal("in-progress", (await api.Get(api.CallPath(first))).Str("status"));
        }

        [Fact]
        public async Task Dequeuing_a_member_sends_its_call_on_and_moves_the_others_up()
        {
            using var api = Timed(out ManualClock clock);
            string first = await Enqueue(api, "support");
            string second = await Enqueue(api, "support");
            clock.Advance(ToAnswer);
            string sid = await QueueSid(api, "support");

            AssertTwilioError(await api.Post(MemberPath(api, sid, first)), HttpStatusCode.BadRequest, 21205);
            AssertTwilioError(await api.Post(MemberPath(api, sid, first), "Url", "not a url"), HttpStatusCode.BadRequest, 21205);
            AssertTwilioError(await api.Post(MemberPath(api, sid, first), "Url", "https://example.com/agent", "Method", "PUT"), HttpStatusCode.BadRequest, 20001);

            ApiResponse dequeued = await api.Post(MemberPath(api, sid, "Front"), "Url", "https://example.com/agent", "Method", "GET");
            Assert.Equal(HttpStatusCode.OK, dequeued.Status);
            Assert.Equal(first, dequeued.Str("call_sid"));
            Assert.Equal(1, dequeued.Int("position"));
            AssertTwilioError(await api.Get(MemberPath(api, sid, first)), HttpStatusCode.NotFound, 20404);
            Assert.Equal("in-progress", (await api.Get(api.CallPath(first))).Str("status"));
            Assert.Equal(1, (await api.Get(MemberPath(api, sid, second))).Int("position"));
            Assert.Equal(1, (await api.Get(QueuePath(api, sid))).Int("current_size"));
        }

        [Fact]
        public async Task A_member_leaves_when_its_call_ends()
        {
            using var api = Timed(out ManualClock clock);
            string hangsUp = await Enqueue(api, "support");
            string waits = await Enqueue(api, "support");
            clock.Advance(ToAnswer);
            string sid = await QueueSid(api, "support");
            Assert.Equal(HttpStatusCode.OK, (await api.Post(api.CallPath(hangsUp), "Status", "completed")).Status);
            AssertTwilioError(await api.Get(MemberPath(api, sid, hangsUp)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(waits, (await api.Get(MemberPath(api, sid, "Front"))).Str("call_sid"));

            clock.Advance(TimeSpan.FromMinutes(2)); // the other call's talk time is over
            Assert.Empty(Items(await api.Get(Members(api, sid)), "queue_members"));
            Assert.Equal(0, (await api.Get(QueuePath(api, sid))).Int("current_size"));
            AssertTwilioError(await api.Get(MemberPath(api, sid, "Front")), HttpStatusCode.NotFound, 20404);
        }

        [Fact]
        public async Task Deleting_a_queue_is_refused_while_calls_wait_in_it()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Enqueue(api, "support");
            clock.Advance(ToAnswer);
            string sid = await QueueSid(api, "support");
            AssertTwilioError(await api.Delete(QueuePath(api, sid)), HttpStatusCode.BadRequest, 20009);
            await api.Post(MemberPath(api, sid, call), "Url", "https://example.com/agent");
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(QueuePath(api, sid))).Status);
        }

        [Fact]
        public async Task A_full_queue_turns_calls_away()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await Create(api, "FriendlyName", "tiny", "MaxSize", "1")).Str("sid");
            string inside = await Enqueue(api, "tiny");
            string turnedAway = await Enqueue(api, "tiny");
            clock.Advance(ToAnswer);
            Assert.Equal(inside, Assert.Single(Items(await api.Get(Members(api, sid)), "queue_members")).GetProperty("call_sid").GetString());
            AssertTwilioError(await api.Get(MemberPath(api, sid, turnedAway)), HttpStatusCode.NotFound, 20404);
            // Nothing follows the Enqueue: the call turned away ends, as on Twilio.
            Assert.Equal("completed", (await api.Get(api.CallPath(turnedAway))).Str("status"));
        }

        [Fact]
        public async Task Member_routes_of_unknown_queues_and_calls_are_404()
        {
            using var api = Timed(out _);
            string sid = (await Create(api, "FriendlyName", "empty")).Str("sid");
            string missing = "QU" + new string('0', 32), nobody = "CA" + new string('0', 32);
            AssertTwilioError(await api.Get(Members(api, missing)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MemberPath(api, missing, nobody)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MemberPath(api, sid, nobody)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MemberPath(api, sid, "Front")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(MemberPath(api, sid, nobody), "Url", "https://example.com/agent"), HttpStatusCode.NotFound, 20404);
        }

        // ---- lists ------------------------------------------------------------------------------

        [Fact]
        public async Task Queue_and_member_lists_page_like_the_others()
        {
            using var api = Timed(out ManualClock clock);
            for (int i = 0; i < 3; i++) await Create(api, "FriendlyName", "q" + i);
            var calls = new List<string>();
            for (int i = 0; i < 3; i++) calls.Add(await Enqueue(api, "q0"));
            clock.Advance(ToAnswer);

            ApiResponse first = await api.Get(Queues(api) + "?PageSize=2");
            Assert.Equal(2, Items(first, "queues").Count);
            Assert.Equal(Queues(api) + "?PageSize=2&Page=0", first.Str("uri"));
            ApiResponse second = await api.Get(first.Str("next_page_uri"));
            Assert.Equal("q0", Assert.Single(Items(second, "queues")).GetProperty("friendly_name").GetString());
            Assert.Null(second.Str("next_page_uri"));

            string q0 = await QueueSid(api, "q0");
            ApiResponse page = await api.Get(Members(api, q0) + "?PageSize=2");
            Assert.Equal(new[] { 1, 2 }, Items(page, "queue_members").Select(m => m.GetProperty("position").GetInt32()));
            ApiResponse rest = await api.Get(page.Str("next_page_uri"));
            JsonElement last = Assert.Single(Items(rest, "queue_members"));
            Assert.Equal(3, last.GetProperty("position").GetInt32());
            Assert.Equal(calls[2], last.GetProperty("call_sid").GetString());
        }

        // ---- accounts ---------------------------------------------------------------------------

        [Fact]
        public async Task Subaccount_queues_are_isolated()
        {
            using var api = Timed(out ManualClock clock);
            string sub = api.Emulator.CreateSubaccount("team");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            string subQueues = "/2010-04-01/Accounts/" + sub + "/Queues.json";
            Assert.Equal(HttpStatusCode.Created, (await subApi.Post("/2010-04-01/Accounts/" + sub + "/Calls.json", "To", "+14155551212",
                "From", "+15005550006", "Twiml", "<Response><Enqueue>support</Enqueue></Response>")).Status);
            await Enqueue(api, "support");
            clock.Advance(ToAnswer);

            JsonElement subQueue = Assert.Single(Items(await subApi.Get(subQueues), "queues"));
            Assert.Equal(sub, subQueue.GetProperty("account_sid").GetString());
            Assert.Equal(1, subQueue.GetProperty("current_size").GetInt32());
            string subSid = subQueue.GetProperty("sid").GetString();
            string mainSid = await QueueSid(api, "support");
            Assert.NotEqual(mainSid, subSid);

            Assert.Equal(HttpStatusCode.OK, (await api.Get("/2010-04-01/Accounts/" + sub + "/Queues/" + subSid + ".json")).Status);
            AssertTwilioError(await api.Get(QueuePath(api, subSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(QueuePath(api, mainSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get("/2010-04-01/Accounts/" + sub + "/Queues/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(Members(api, mainSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Delete("/2010-04-01/Accounts/" + sub + "/Queues/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
        }
    }
}
