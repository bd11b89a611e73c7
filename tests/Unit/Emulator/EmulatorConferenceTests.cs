using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Emulator;
using TwilioPS.Tests.Spec;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's Conferences and Participants: conferences made by calls whose TwiML dials them and
    /// by participants added through the API, their status from the calls in them on the manual clock,
    /// ending (last leaves, endConferenceOnExit, the API), kicks, updates, lists and account isolation.
    /// </summary>
    public class EmulatorConferenceTests
    {
        // A call created at T0 rings at +1 s, is answered (and joins) at +3 s and ends at +63 s.
        internal static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock, o => o.CallsPerSecond = 100);

        private static readonly TimeSpan ToAnswer = TimeSpan.FromSeconds(3);

        internal static string Path(string template, Api api, params string[] values)
        {
            var all = new Dictionary<string, string> { ["AccountSid"] = api.AccountSid };
            for (int i = 0; i < values.Length; i += 2) all[values[i]] = values[i + 1];
            return all.Aggregate(template, (path, v) => path.Replace("{" + v.Key + "}", v.Value));
        }

        private static string Conferences(Api api) => Path(ApiCatalog.Conferences.Scopes[0].CollectionPath, api);
        private static string ConferencePath(Api api, string sid) => Path(ApiCatalog.Conferences.Scopes[0].InstancePath, api, "Sid", sid);
        private static string Participants(Api api, string conference) => Path(ApiCatalog.Participants.Scopes[0].CollectionPath, api, "ConferenceSid", conference);
        private static string ParticipantPath(Api api, string conference, string call) =>
            Path(ApiCatalog.Participants.Scopes[0].InstancePath, api, "ConferenceSid", conference, "CallSid", call);

        /// <summary>A call whose TwiML dials a conference (no Url: Twilio runs Twiml only without one).</summary>
        internal static async Task<string> CallWithTwiml(Api api, string twiml)
        {
            ApiResponse r = await api.Post(api.CallsPath, "To", "+14155551212", "From", "+15005550006", "Twiml", twiml);
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r.Str("sid");
        }

        private static Task<string> Join(Api api, string room, string attributes = "") =>
            CallWithTwiml(api, "<Response><Dial><Conference " + attributes + ">" + room + "</Conference></Dial></Response>");

        private static List<JsonElement> Items(ApiResponse r, string key) => r.Json.GetProperty(key).EnumerateArray().ToList();

        private static async Task<JsonElement> OnlyConference(Api api, string query = "")
        {
            ApiResponse list = await api.Get(Conferences(api) + query);
            return Assert.Single(Items(list, "conferences"));
        }

        internal static void AssertTwilioError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.True(status == r.Status, r.Body);
            Assert.Equal(code, r.Int("code"));
            Assert.Equal((int)status, r.Int("status"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + code, r.Str("more_info"));
            Assert.False(string.IsNullOrEmpty(r.Str("message")));
        }

        internal static void AssertHasSpecFields(JsonElement record, string schema)
        {
            var rendered = record.EnumerateObject().Select(p => p.Name).ToHashSet();
            List<string> missing = OfficialSpec.Schema(schema).GetProperty("properties").EnumerateObject()
                .Select(p => p.Name).Where(name => !rendered.Contains(name)).ToList();
            Assert.True(missing.Count == 0, schema + " lacks " + string.Join(", ", missing));
        }

        internal static List<string> Enum(string schema) =>
            OfficialSpec.Schema(schema).GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();

        // ---- routes -----------------------------------------------------------------------------

        [Fact]
        public async Task Every_operation_the_catalog_allows_is_routed_and_the_others_are_405()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Join(api, "room");
            string member = await CallWithTwiml(api, "<Response><Enqueue>routes</Enqueue></Response>");
            clock.Advance(ToAnswer);
            string conference = (await OnlyConference(api)).GetProperty("sid").GetString();
            string queue = (await api.Get(Path(ApiCatalog.Queues.Scopes[0].CollectionPath, api))).Json.GetProperty("queues")[0].GetProperty("sid").GetString();
            var values = new Dictionary<string, string>
            {
                ["AccountSid"] = api.AccountSid, ["ConferenceSid"] = conference, ["QueueSid"] = queue, ["CallSid"] = call,
            };
            // Members before queues, so the member is still waiting when its routes are tried.
            foreach (ResourceDefinition resource in new[] { ApiCatalog.Conferences, ApiCatalog.Participants, ApiCatalog.QueueMembers, ApiCatalog.Queues })
            {
                values["Sid"] = resource == ApiCatalog.Conferences ? conference : queue;
                values["CallSid"] = resource == ApiCatalog.QueueMembers ? member : call;
                foreach (ResourceScope scope in resource.Scopes)
                    foreach ((Operations operation, HttpMethod method) in new[]
                    {
                        (Operations.Create, HttpMethod.Post), (Operations.List, HttpMethod.Get),
                        (Operations.Fetch, HttpMethod.Get), (Operations.Update, HttpMethod.Post), (Operations.Delete, HttpMethod.Delete),
                    })
                    {
                        string path = values.Aggregate(scope.PathFor(operation), (p, v) => p.Replace("{" + v.Key + "}", v.Value));
                        var request = new HttpRequestMessage(method, path);
                        if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new KeyValuePair<string, string>[0]);
                        ApiResponse r = await api.Send(request);
                        if (!scope.Allows(operation)) Assert.True(r.Status == HttpStatusCode.MethodNotAllowed, scope + " " + operation + ": " + r.Body);
                        else Assert.True(r.Status != HttpStatusCode.MethodNotAllowed && r.Status != HttpStatusCode.NotFound,
                            scope + " " + operation + ": " + r.Status + " " + r.Body);
                    }
            }
        }

        // ---- conferences from TwiML -------------------------------------------------------------

        [Fact]
        public async Task A_call_dialling_a_conference_makes_it_when_answered_with_every_field_of_the_spec()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Join(api, "Sales Room", "muted=\"true\" beep=\"false\" waitUrl=\"https://example.com/wait\"");
            Assert.Empty(Items(await api.Get(Conferences(api)), "conferences"));
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Empty(Items(await api.Get(Conferences(api)), "conferences")); // ringing: not yet in it

            clock.Advance(TimeSpan.FromSeconds(1));
            JsonElement c = await OnlyConference(api);
            string sid = c.GetProperty("sid").GetString();
            Assert.Matches("^CF[0-9a-f]{32}$", sid);
            Assert.Equal("Sales Room", c.GetProperty("friendly_name").GetString());
            Assert.Equal("in-progress", c.GetProperty("status").GetString());
            Assert.Equal(api.AccountSid, c.GetProperty("account_sid").GetString());
            Assert.Equal("2010-04-01", c.GetProperty("api_version").GetString());
            Assert.Equal("us1", c.GetProperty("region").GetString());
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", c.GetProperty("date_created").GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("reason_conference_ended").ValueKind);
            Assert.Equal(JsonValueKind.Null, c.GetProperty("call_sid_ending_conference").ValueKind);
            Assert.Equal(ConferencePath(api, sid), c.GetProperty("uri").GetString());
            JsonElement subresources = c.GetProperty("subresource_uris");
            Assert.Equal(Participants(api, sid), subresources.GetProperty("participants").GetString());
            Assert.Equal(Path(ApiCatalog.Recordings.Scopes.Single(s => s.Name == "Conference").CollectionPath, api, "ConferenceSid", sid),
                subresources.GetProperty("recordings").GetString());
            AssertHasSpecFields(c, "api.v2010.account.conference");
            Assert.Contains(c.GetProperty("status").GetString(), Enum("conference_enum_status"));

            ApiResponse p = await api.Get(ParticipantPath(api, sid, call));
            Assert.Equal(HttpStatusCode.OK, p.Status);
            Assert.Equal(call, p.Str("call_sid"));
            Assert.Equal(sid, p.Str("conference_sid"));
            Assert.Equal("connected", p.Str("status"));
            Assert.True(p.Json.GetProperty("muted").GetBoolean());
            Assert.True(p.Json.GetProperty("start_conference_on_enter").GetBoolean());
            Assert.False(p.Json.GetProperty("end_conference_on_exit").GetBoolean());
            Assert.False(p.Json.GetProperty("hold").GetBoolean());
            Assert.False(p.Json.GetProperty("coaching").GetBoolean());
            Assert.Null(p.Str("queue_time")); // only in the create response
            Assert.Equal(ParticipantPath(api, sid, call), p.Str("uri"));
            AssertHasSpecFields(p.Json, "api.v2010.account.conference.participant");
            Assert.Contains("connected", Enum("participant_enum_status"));

            // A second call to the same name joins the same live conference.
            string second = await Join(api, "Sales Room");
            clock.Advance(ToAnswer);
            Assert.Equal(sid, (await OnlyConference(api)).GetProperty("sid").GetString());
            Assert.Equal(2, Items(await api.Get(Participants(api, sid)), "participants").Count);
            Assert.Equal("connected", (await api.Get(ParticipantPath(api, sid, second))).Str("status"));
        }

        [Fact]
        public async Task Twiml_without_a_conference_or_with_a_url_joins_nothing()
        {
            using var api = Timed(out ManualClock clock);
            await CallWithTwiml(api, "<Response><Say>Hello</Say></Response>");
            await CallWithTwiml(api, "<Response><Dial><Conference>");
            await api.CreateCall("Twiml", "<Response><Dial><Conference>ignored</Conference></Dial></Response>");
            clock.Advance(ToAnswer);
            Assert.Empty(Items(await api.Get(Conferences(api)), "conferences"));
        }

        [Fact]
        public async Task A_conference_is_init_until_a_participant_who_starts_it_joins()
        {
            using var api = Timed(out ManualClock clock);
            await Join(api, "waiting", "startConferenceOnEnter=\"false\"");
            clock.Advance(ToAnswer);
            JsonElement c = await OnlyConference(api);
            Assert.Equal("init", c.GetProperty("status").GetString());
            string sid = c.GetProperty("sid").GetString();
            Assert.False(Items(await api.Get(Participants(api, sid)), "participants")[0].GetProperty("start_conference_on_enter").GetBoolean());

            clock.Advance(TimeSpan.FromSeconds(10));
            await Join(api, "waiting");
            clock.Advance(ToAnswer);
            c = await OnlyConference(api);
            Assert.Equal("in-progress", c.GetProperty("status").GetString());
            Assert.Equal("Tue, 05 Mar 2024 12:00:16 +0000", c.GetProperty("date_updated").GetString());
        }

        [Fact]
        public async Task The_conference_completes_when_the_last_participant_leaves()
        {
            using var api = Timed(out ManualClock clock);
            string first = await Join(api, "room");
            clock.Advance(TimeSpan.FromSeconds(10));
            string last = await Join(api, "room");
            clock.Advance(TimeSpan.FromSeconds(62)); // first left at +63 s
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            Assert.Equal("in-progress", (await OnlyConference(api)).GetProperty("status").GetString());
            AssertTwilioError(await api.Get(ParticipantPath(api, sid, first)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(last, Assert.Single(Items(await api.Get(Participants(api, sid)), "participants")).GetProperty("call_sid").GetString());

            clock.Advance(TimeSpan.FromSeconds(20)); // last left at +73 s
            JsonElement c = await OnlyConference(api);
            Assert.Equal("completed", c.GetProperty("status").GetString());
            Assert.Equal("last-participant-left", c.GetProperty("reason_conference_ended").GetString());
            Assert.Equal(last, c.GetProperty("call_sid_ending_conference").GetString());
            Assert.Equal("Tue, 05 Mar 2024 12:01:13 +0000", c.GetProperty("date_updated").GetString());
            Assert.Empty(Items(await api.Get(Participants(api, sid)), "participants"));
            Assert.Contains("last-participant-left", Enum("conference_enum_reason_conference_ended"));

            // The next call to that name makes a new conference.
            await Join(api, "room");
            clock.Advance(ToAnswer);
            List<JsonElement> all = Items(await api.Get(Conferences(api) + "?FriendlyName=room"), "conferences");
            Assert.Equal(2, all.Count);
            Assert.Equal("in-progress", all[0].GetProperty("status").GetString());
        }

        [Fact]
        public async Task Hanging_up_a_participant_with_endConferenceOnExit_ends_the_conference_and_every_call_in_it()
        {
            using var api = Timed(out ManualClock clock);
            string moderator = await Join(api, "board", "endConferenceOnExit=\"true\"");
            string guest = await Join(api, "board");
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await api.Post(api.CallPath(moderator), "Status", "completed")).Status);

            JsonElement c = await OnlyConference(api);
            Assert.Equal("completed", c.GetProperty("status").GetString());
            Assert.Equal("participant-with-end-conference-on-exit-left", c.GetProperty("reason_conference_ended").GetString());
            Assert.Equal(moderator, c.GetProperty("call_sid_ending_conference").GetString());
            ApiResponse guestCall = await api.Get(api.CallPath(guest));
            Assert.Equal("completed", guestCall.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:10 +0000", guestCall.Str("end_time"));
            Assert.Equal("7", guestCall.Str("duration"));
        }

        [Fact]
        public async Task Ending_a_conference_through_the_API_completes_it_and_hangs_up_its_participants()
        {
            using var api = Timed(out ManualClock clock);
            string a = await Join(api, "town hall");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            string ringing = (await api.Post(Participants(api, sid), "From", "+15005550006", "To", "+14155550100")).Str("call_sid");
            clock.Advance(TimeSpan.FromSeconds(2));

            ApiResponse ended = await api.Post(ConferencePath(api, sid), "Status", "completed",
                "AnnounceUrl", "https://example.com/announce", "AnnounceMethod", "GET");
            Assert.Equal(HttpStatusCode.OK, ended.Status);
            Assert.Equal("completed", ended.Str("status"));
            Assert.Equal("conference-ended-via-api", ended.Str("reason_conference_ended"));
            Assert.Null(ended.Str("call_sid_ending_conference"));
            Assert.Equal("completed", (await api.Get(api.CallPath(a))).Str("status"));
            Assert.Equal("canceled", (await api.Get(api.CallPath(ringing))).Str("status")); // still ringing when it ended
            Assert.Equal(new[] { "completed" }, Enum("conference_enum_update_status"));

            AssertTwilioError(await api.Post(Participants(api, sid), "From", "+15005550006", "To", "+14155550100"), HttpStatusCode.NotFound, 20404);
        }

        [Fact]
        public async Task Conference_updates_are_validated()
        {
            using var api = Timed(out ManualClock clock);
            await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            AssertTwilioError(await api.Post(ConferencePath(api, sid), "Status", "in-progress"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ConferencePath(api, sid), "AnnounceUrl", "not a url"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ConferencePath(api, sid), "AnnounceMethod", "PUT"), HttpStatusCode.BadRequest, 20001);
            ApiResponse announce = await api.Post(ConferencePath(api, sid), "AnnounceUrl", "https://example.com/a.mp3");
            Assert.Equal(HttpStatusCode.OK, announce.Status);
            Assert.Equal("in-progress", announce.Str("status"));
            AssertTwilioError(await api.Get(ConferencePath(api, "CF" + new string('0', 32))), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(ConferencePath(api, "CF" + new string('0', 32)), "Status", "completed"), HttpStatusCode.NotFound, 20404);
        }

        // ---- participants through the API -------------------------------------------------------

        [Fact]
        public async Task Adding_a_participant_dials_a_real_call_that_joins_when_answered()
        {
            using var api = Timed(out ManualClock clock);
            await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();

            ApiResponse created = await api.Post(Participants(api, sid), "From", "+15005550006", "To", "+14155550100",
                "Label", "agent smith", "Muted", "true", "EndConferenceOnExit", "true", "Beep", "onEnter", "Timeout", "30",
                "StatusCallbackEvent", "initiated ringing", "ConferenceStatusCallbackEvent", "start end join");
            Assert.Equal(HttpStatusCode.Created, created.Status);
            string call = created.Str("call_sid");
            Assert.Matches("^CA[0-9a-f]{32}$", call);
            Assert.Equal("queued", created.Str("status"));
            Assert.Equal("0", created.Str("queue_time"));
            Assert.Equal("agent smith", created.Str("label"));
            Assert.True(created.Json.GetProperty("muted").GetBoolean());
            Assert.True(created.Json.GetProperty("end_conference_on_exit").GetBoolean());
            AssertHasSpecFields(created.Json, "api.v2010.account.conference.participant");

            ApiResponse dialled = await api.Get(api.CallPath(call));
            Assert.Equal("+14155550100", dialled.Str("to"));
            Assert.Equal("+15005550006", dialled.Str("from"));
            Assert.Equal(2, Items(await api.Get(api.CallsPath), "calls").Count);

            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("ringing", (await api.Get(ParticipantPath(api, sid, call))).Str("status"));
            clock.Advance(TimeSpan.FromSeconds(2));
            // A label stands in for the CallSid (percent-encoded like any path segment).
            ApiResponse byLabel = await api.Get(ParticipantPath(api, sid, "agent%20smith"));
            Assert.Equal(call, byLabel.Str("call_sid"));
            Assert.Equal("connected", byLabel.Str("status"));
            Assert.Equal(2, Items(await api.Get(Participants(api, sid)), "participants").Count);
        }

        [Fact]
        public async Task Adding_a_participant_by_friendly_name_makes_the_conference()
        {
            using var api = Timed(out ManualClock clock);
            ApiResponse created = await api.Post(Participants(api, "Fresh%20Room"), "From", "+15005550006", "To", "client:alice");
            Assert.Equal(HttpStatusCode.Created, created.Status);
            JsonElement c = await OnlyConference(api);
            Assert.Equal("Fresh Room", c.GetProperty("friendly_name").GetString());
            Assert.Equal("init", c.GetProperty("status").GetString());
            Assert.Equal(created.Str("conference_sid"), c.GetProperty("sid").GetString());
            clock.Advance(ToAnswer);
            Assert.Equal("in-progress", (await OnlyConference(api)).GetProperty("status").GetString());
        }

        [Theory]
        [InlineData(21201, "From", "+15005550006")]
        [InlineData(21213, "To", "+14155550100")]
        [InlineData(21211, "From", "+15005550006", "To", "12345")]
        [InlineData(21212, "From", "nobody", "To", "+14155550100")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "Timeout", "4")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "Beep", "loud")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "Muted", "maybe")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "WaitUrl", "ftp://example.com")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "WaitMethod", "PUT")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "MaxParticipants", "251")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "ConferenceRecord", "always")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "ConferenceStatusCallbackEvent", "start finish")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "Region", "mars1")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "Coaching", "true")]
        [InlineData(20001, "From", "+15005550006", "To", "+14155550100", "CallSidToCoach", "CA00")]
        public async Task Adding_a_participant_validates_its_parameters(int code, params string[] fields)
        {
            using var api = Timed(out ManualClock clock);
            await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            AssertTwilioError(await api.Post(Participants(api, sid), fields), HttpStatusCode.BadRequest, code);
            Assert.Single(Items(await api.Get(api.CallsPath), "calls"));
        }

        [Fact]
        public async Task Updates_are_reflected_in_the_participant_and_the_list_filters()
        {
            using var api = Timed(out ManualClock clock);
            string a = await Join(api, "room");
            string b = await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();

            clock.Advance(TimeSpan.FromSeconds(5));
            ApiResponse held = await api.Post(ParticipantPath(api, sid, a), "Hold", "true", "HoldUrl", "https://example.com/hold",
                "HoldMethod", "POST", "Muted", "true", "BeepOnExit", "false", "EndConferenceOnExit", "true",
                "AnnounceUrl", "https://example.com/a", "AnnounceMethod", "GET", "WaitUrl", "https://example.com/w", "WaitMethod", "GET");
            Assert.Equal(HttpStatusCode.OK, held.Status);
            Assert.True(held.Json.GetProperty("hold").GetBoolean());
            Assert.True(held.Json.GetProperty("muted").GetBoolean());
            Assert.True(held.Json.GetProperty("end_conference_on_exit").GetBoolean());
            Assert.Equal("Tue, 05 Mar 2024 12:00:08 +0000", held.Str("date_updated"));

            ApiResponse coach = await api.Post(ParticipantPath(api, sid, b), "Coaching", "true", "CallSidToCoach", a);
            Assert.True(coach.Json.GetProperty("coaching").GetBoolean());
            Assert.Equal(a, coach.Str("call_sid_to_coach"));
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, b), "CallSidToCoach", b), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, a), "Coaching", "true"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, a), "Hold", "yes"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, a), "HoldUrl", "nope"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, a), "AnnounceMethod", "PATCH"), HttpStatusCode.BadRequest, 20001);

            async Task<string[]> Filtered(string query) =>
                Items(await api.Get(Participants(api, sid) + query), "participants").Select(p => p.GetProperty("call_sid").GetString()).ToArray();
            Assert.Equal(new[] { a }, await Filtered("?Muted=true"));
            Assert.Equal(new[] { b }, await Filtered("?Muted=false"));
            Assert.Equal(new[] { a }, await Filtered("?Hold=true"));
            Assert.Equal(new[] { b }, await Filtered("?Coaching=true"));
            Assert.Empty(await Filtered("?Coaching=true&Hold=true"));
            AssertTwilioError(await api.Get(Participants(api, sid) + "?Muted=sometimes"), HttpStatusCode.BadRequest, 20001);

            ApiResponse unheld = await api.Post(ParticipantPath(api, sid, a), "Hold", "false", "Coaching", "false");
            Assert.False(unheld.Json.GetProperty("hold").GetBoolean());
            Assert.True(unheld.Json.GetProperty("muted").GetBoolean()); // only what was sent changes
        }

        [Fact]
        public async Task Kicking_the_last_participant_ends_the_conference_as_kicked()
        {
            using var api = Timed(out ManualClock clock);
            string a = await Join(api, "room");
            string b = await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            clock.Advance(TimeSpan.FromSeconds(5));

            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(ParticipantPath(api, sid, a))).Status);
            Assert.Equal("completed", (await api.Get(api.CallPath(a))).Str("status"));
            Assert.Equal("in-progress", (await OnlyConference(api)).GetProperty("status").GetString());
            AssertTwilioError(await api.Delete(ParticipantPath(api, sid, a)), HttpStatusCode.NotFound, 20404);

            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(ParticipantPath(api, sid, b))).Status);
            JsonElement c = await OnlyConference(api);
            Assert.Equal("completed", c.GetProperty("status").GetString());
            Assert.Equal("last-participant-kicked", c.GetProperty("reason_conference_ended").GetString());
            Assert.Equal(b, c.GetProperty("call_sid_ending_conference").GetString());
        }

        [Fact]
        public async Task Kicking_a_participant_with_endConferenceOnExit_ends_the_conference_as_kicked()
        {
            using var api = Timed(out ManualClock clock);
            string host = await Join(api, "room", "endConferenceOnExit=\"true\"");
            string guest = await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(ParticipantPath(api, sid, host))).Status);
            JsonElement c = await OnlyConference(api);
            Assert.Equal("participant-with-end-conference-on-exit-kicked", c.GetProperty("reason_conference_ended").GetString());
            Assert.Equal("completed", (await api.Get(api.CallPath(guest))).Str("status"));
        }

        [Fact]
        public async Task Participant_routes_of_unknown_conferences_and_calls_are_404()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Join(api, "room");
            clock.Advance(ToAnswer);
            string sid = (await OnlyConference(api)).GetProperty("sid").GetString();
            string missing = "CF" + new string('0', 32), nobody = "CA" + new string('0', 32);
            AssertTwilioError(await api.Get(Participants(api, missing)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(ParticipantPath(api, missing, call)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(ParticipantPath(api, sid, nobody)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(ParticipantPath(api, sid, "no-such-label")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(ParticipantPath(api, sid, nobody), "Muted", "true"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(ParticipantPath(api, sid, nobody)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(Participants(api, missing), "From", "+15005550006", "To", "+14155550100"), HttpStatusCode.NotFound, 20404);
        }

        // ---- lists ------------------------------------------------------------------------------

        [Fact]
        public async Task The_conference_list_filters_by_name_status_and_dates()
        {
            using var api = Timed(out ManualClock clock);
            await Join(api, "alpha");
            clock.Advance(ToAnswer);
            clock.Advance(TimeSpan.FromDays(1));
            await Join(api, "beta");
            clock.Advance(ToAnswer); // alpha completed a day ago, beta in progress

            async Task<string[]> Names(string query) =>
                Items(await api.Get(Conferences(api) + query), "conferences").Select(c => c.GetProperty("friendly_name").GetString()).ToArray();
            Assert.Equal(new[] { "beta", "alpha" }, await Names(""));
            Assert.Equal(new[] { "alpha" }, await Names("?FriendlyName=alpha"));
            Assert.Equal(new[] { "beta" }, await Names("?Status=in-progress"));
            Assert.Equal(new[] { "alpha" }, await Names("?Status=completed"));
            Assert.Empty(await Names("?Status=init"));
            Assert.Equal(new[] { "alpha" }, await Names("?DateCreated=2024-03-05"));
            Assert.Equal(new[] { "beta" }, await Names("?DateCreated%3E=2024-03-06"));
            Assert.Equal(new[] { "alpha" }, await Names("?DateCreated%3C=2024-03-05T23:00:00Z"));
            Assert.Equal(new[] { "alpha" }, await Names("?DateUpdated=2024-03-05"));
            Assert.Equal(new[] { "beta" }, await Names("?DateUpdated%3E=2024-03-06"));
            Assert.Equal(new[] { "alpha" }, await Names("?DateUpdated%3C=2024-03-06"));
            AssertTwilioError(await api.Get(Conferences(api) + "?Status=ended"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Get(Conferences(api) + "?DateCreated=yesterday"), HttpStatusCode.BadRequest, 20001);
        }

        [Fact]
        public async Task Conference_and_participant_lists_page_like_the_others()
        {
            using var api = Timed(out ManualClock clock);
            for (int i = 0; i < 3; i++) await Join(api, "room" + i);
            for (int i = 0; i < 3; i++) await Join(api, "room0");
            clock.Advance(ToAnswer);

            ApiResponse first = await api.Get(Conferences(api) + "?PageSize=2");
            Assert.Equal(2, Items(first, "conferences").Count);
            Assert.Equal(Conferences(api) + "?PageSize=2&Page=0", first.Str("uri"));
            ApiResponse second = await api.Get(first.Str("next_page_uri"));
            Assert.Single(Items(second, "conferences"));
            Assert.Null(second.Str("next_page_uri"));
            Assert.Equal(1, second.Int("page"));

            string room0 = (await OnlyConference(api, "?FriendlyName=room0")).GetProperty("sid").GetString();
            ApiResponse people = await api.Get(Participants(api, room0) + "?PageSize=3");
            Assert.Equal(3, Items(people, "participants").Count);
            ApiResponse rest = await api.Get(people.Str("next_page_uri"));
            Assert.Single(Items(rest, "participants"));
            Assert.Equal(4, Items(people, "participants").Concat(Items(rest, "participants")).Select(p => p.GetProperty("call_sid").GetString()).Distinct().Count());
        }

        // ---- accounts ---------------------------------------------------------------------------

        [Fact]
        public async Task Subaccount_conferences_are_isolated()
        {
            using var api = Timed(out ManualClock clock);
            string sub = api.Emulator.CreateSubaccount("team");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            string subCalls = "/2010-04-01/Accounts/" + sub + "/Calls.json";
            ApiResponse subCall = await subApi.Post(subCalls, "To", "+14155551212", "From", "+15005550006",
                "Twiml", "<Response><Dial><Conference>room</Conference></Dial></Response>");
            Assert.Equal(HttpStatusCode.Created, subCall.Status);
            await Join(api, "room");
            clock.Advance(ToAnswer);

            string subConferences = "/2010-04-01/Accounts/" + sub + "/Conferences.json";
            JsonElement subConference = Assert.Single(Items(await subApi.Get(subConferences), "conferences"));
            Assert.Equal(sub, subConference.GetProperty("account_sid").GetString());
            string mainSid = (await OnlyConference(api)).GetProperty("sid").GetString();
            string subSid = subConference.GetProperty("sid").GetString();
            Assert.NotEqual(mainSid, subSid);

            // The main account reaches the subaccount's conference only under the subaccount's path.
            Assert.Equal(HttpStatusCode.OK, (await api.Get("/2010-04-01/Accounts/" + sub + "/Conferences/" + subSid + ".json")).Status);
            AssertTwilioError(await api.Get(ConferencePath(api, subSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(ConferencePath(api, mainSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get("/2010-04-01/Accounts/" + sub + "/Conferences/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(Participants(api, mainSid)), HttpStatusCode.NotFound, 20404);
        }
    }
}
