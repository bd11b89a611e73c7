using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using TwilioPS.Tests.Spec;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's Messages family: create with Twilio's validation and error codes, the life of a
    /// message on the manual clock, scheduling and canceling, redaction, delete, lists and their
    /// filters, and account isolation.
    /// </summary>
    public class EmulatorMessageTests
    {
        internal const string To = "+14155551212", From = "+14155550100";

        internal static string MessagesPath(Api api, string account = null) => "/2010-04-01/Accounts/" + (account ?? api.AccountSid) + "/Messages.json";
        internal static string MessagePath(Api api, string sid, string account = null) => "/2010-04-01/Accounts/" + (account ?? api.AccountSid) + "/Messages/" + sid + ".json";

        internal static async Task<ApiResponse> Send(Api api, params string[] fields)
        {
            var pairs = new List<string> { "To", To, "From", From };
            pairs.AddRange(fields);
            ApiResponse r = await api.Post(MessagesPath(api), pairs.ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r;
        }

        internal static void AssertTwilioError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.True(status == r.Status && code == r.Int("code"), r.Status + " " + r.Body);
            Assert.Equal((int)status, r.Int("status"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + code, r.Str("more_info"));
            Assert.False(string.IsNullOrEmpty(r.Str("message")));
        }

        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("messages").EnumerateArray().ToList();

        // ---- create -----------------------------------------------------------------------------

        [Fact]
        public async Task SmartEncoded_replaces_look_alikes_before_counting_and_sending()
        {
            using var api = Api.WithClock(out _);
            string body = "Your order has shipped \u2013 it arrives \u201CThursday\u201D\u2026 " + new string('x', 60);
            ApiResponse plain = await Send(api, "Body", body);
            Assert.Equal("2", plain.Str("num_segments"));      // the en dash and curly quotes make it UCS-2: 70/67
            ApiResponse smart = await Send(api, "Body", body, "SmartEncoded", "true");
            Assert.Equal("1", smart.Str("num_segments"));      // GSM-7 once replaced: 160
            Assert.Equal("Your order has shipped - it arrives \"Thursday\"... " + new string('x', 60), smart.Str("body"));
        }

        [Fact]
        public async Task A_created_sms_renders_every_field_of_the_spec()
        {
            using var api = Api.WithClock(out _);
            ApiResponse r = await Send(api, "Body", "Hello from the emulator");
            string sid = r.Str("sid");
            Assert.Matches("^SM[0-9a-f]{32}$", sid);
            Assert.Equal(api.AccountSid, r.Str("account_sid"));
            Assert.Equal("2010-04-01", r.Str("api_version"));
            Assert.Equal("Hello from the emulator", r.Str("body"));
            Assert.Equal("queued", r.Str("status"));
            Assert.Equal("outbound-api", r.Str("direction"));
            Assert.Equal(To, r.Str("to"));
            Assert.Equal(From, r.Str("from"));
            Assert.Equal("1", r.Str("num_segments"));
            Assert.Equal("0", r.Str("num_media"));
            Assert.Null(r.Str("price"));
            Assert.Equal("USD", r.Str("price_unit"));
            Assert.Null(r.Str("date_sent"));
            Assert.Null(r.Str("messaging_service_sid"));
            Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("error_code").ValueKind);
            Assert.Null(r.Str("error_message"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", r.Str("date_created"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", r.Str("date_updated"));
            Assert.Equal(MessagePath(api, sid), r.Str("uri"));
            JsonElement subresources = r.Json.GetProperty("subresource_uris");
            Assert.Equal(MessagePath(api, sid).Replace(".json", "/Media.json"), subresources.GetProperty("media").GetString());
            Assert.False(subresources.TryGetProperty("feedback", out _));

            var rendered = r.Json.EnumerateObject().Select(p => p.Name).ToHashSet();
            var declared = OfficialSpec.Schema("api.v2010.account.message").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Equal(declared.OrderBy(n => n), rendered.OrderBy(n => n));
            Assert.Contains(r.Str("status"), OfficialSpec.Schema("message_enum_status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public async Task Status_follows_the_clock_to_delivered_with_date_sent_and_a_price_per_segment()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string body = new string('a', 161); // two GSM-7 segments
            string sid = (await Send(api, "Body", body)).Str("sid");
            var seen = new List<(string Status, string DateSent, string Price)>();
            for (int second = 0; second <= 6; second++)
            {
                ApiResponse m = await api.Get(MessagePath(api, sid));
                seen.Add((m.Str("status"), m.Str("date_sent"), m.Str("price")));
                Assert.Equal("2", m.Str("num_segments"));
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            Assert.Equal(new[] { "queued", "sending", "sent", "sent", "sent", "delivered", "delivered" }, seen.Select(s => s.Status));
            Assert.Null(seen[1].DateSent);
            Assert.Equal("Tue, 05 Mar 2024 12:00:02 +0000", seen[2].DateSent);
            Assert.Null(seen[4].Price);
            Assert.Equal("-0.01580", seen[5].Price);
            Assert.Equal("Tue, 05 Mar 2024 12:00:02 +0000", seen[6].DateSent);
        }

        [Theory]
        [InlineData("+15005550001", "failed", 30006, false)]
        [InlineData("+15005550009", "undelivered", 30003, true)]
        public async Task Numbers_chosen_to_fail_end_failed_or_undelivered_with_Twilio_codes(string to, string status, int code, bool sent)
        {
            using var api = Api.WithClock(out ManualClock clock);
            ApiResponse created = await api.Post(MessagesPath(api), "To", to, "From", From, "Body", "hi");
            clock.Advance(TimeSpan.FromMinutes(1));
            ApiResponse m = await api.Get(MessagePath(api, created.Str("sid")));
            Assert.Equal(status, m.Str("status"));
            Assert.Equal(code, m.Int("error_code"));
            Assert.False(string.IsNullOrEmpty(m.Str("error_message")));
            Assert.Equal(sent, m.Str("date_sent") != null);
        }

        [Theory]
        [InlineData("hello", 1)]
        [InlineData(160, 1)]
        [InlineData(161, 2)]
        [InlineData(306, 2)]
        [InlineData(307, 3)]
        public async Task Gsm7_bodies_count_160_then_153_per_segment(object body, int segments)
        {
            using var api = Api.WithClock(out _);
            string text = body as string ?? new string('x', (int)body);
            Assert.Equal(segments.ToString(), (await Send(api, "Body", text)).Str("num_segments"));
        }

        [Theory]
        [InlineData(70, 1)]
        [InlineData(71, 2)]
        [InlineData(134, 2)]
        [InlineData(135, 3)]
        public async Task Ucs2_bodies_count_70_then_67_per_segment(int length, int segments)
        {
            using var api = Api.WithClock(out _);
            string text = "ж" + new string('a', length - 1);
            Assert.Equal(segments.ToString(), (await Send(api, "Body", text)).Str("num_segments"));
        }

        [Fact]
        public async Task Gsm7_extension_characters_take_two_septets_and_are_never_split()
        {
            using var api = Api.WithClock(out _);
            // 80 euro signs are 160 septets: one segment. 81 are 162: split, 76 pairs fit in 153 septets each.
            Assert.Equal("1", (await Send(api, "Body", new string('€', 80))).Str("num_segments"));
            Assert.Equal("2", (await Send(api, "Body", new string('€', 81))).Str("num_segments"));
            // 152 septets then an escape pair: the pair does not fit in the first 153, so it starts the second.
            Assert.Equal("2", (await Send(api, "Body", new string('a', 152) + "€" + new string('a', 10))).Str("num_segments"));
        }

        [Fact]
        public async Task Whatsapp_and_messenger_addresses_are_accepted()
        {
            using var api = Api.WithClock(out _);
            ApiResponse w = await api.Post(MessagesPath(api), "To", "whatsapp:+14155551212", "From", "whatsapp:+15005550006", "Body", "hi");
            Assert.True(w.Status == HttpStatusCode.Created, w.Body);
            Assert.Equal("whatsapp:+14155551212", w.Str("to"));
            ApiResponse m = await api.Post(MessagesPath(api), "To", "messenger:1234567890", "From", "messenger:555000111", "Body", "hi");
            Assert.True(m.Status == HttpStatusCode.Created, m.Body);
            AssertTwilioError(await api.Post(MessagesPath(api), "To", "whatsapp:+14155551212", "From", From, "Body", "hi"), HttpStatusCode.BadRequest, 21910);
        }

        [Fact]
        public async Task Every_documented_create_failure_has_Twilio_code()
        {
            using var api = Api.WithClock(out _);
            async Task Fails(int code, params string[] fields) =>
                AssertTwilioError(await api.Post(MessagesPath(api), fields), HttpStatusCode.BadRequest, code);

            await Fails(21604, "From", From, "Body", "hi");
            await Fails(21211, "To", "555-1212", "From", From, "Body", "hi");
            await Fails(21211, "To", "+14155551212\n", "From", From, "Body", "hi");
            await Fails(21603, "To", To, "Body", "hi");
            await Fails(21212, "To", To, "From", "not a number", "Body", "hi");
            await Fails(21606, "To", To, "From", "+14155559999", "Body", "hi");
            await Fails(21705, "To", To, "MessagingServiceSid", "MG123", "Body", "hi");
            await Fails(21602, "To", To, "From", From);
            await Fails(21602, "To", To, "From", From, "Body", "");
            await Fails(21617, "To", To, "From", From, "Body", new string('a', 1601));
            var eleven = new List<string> { "To", To, "From", From };
            for (int i = 0; i < 11; i++) eleven.AddRange(new[] { "MediaUrl", "https://example.com/" + i + ".png" });
            await Fails(21623, eleven.ToArray());
            await Fails(21620, "To", To, "From", From, "MediaUrl", "not a url");
            await Fails(21609, "To", To, "From", From, "Body", "hi", "StatusCallback", "nope");
            await Fails(21656, "To", To, "From", From, "ContentSid", "HX" + new string('a', 32), "ContentVariables", "[1]");
            await Fails(35111, "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "hi", "ScheduleType", "fixed");
            await Fails(35118, "To", To, "From", From, "Body", "hi", "ScheduleType", "fixed", "SendAt", "2024-03-05T13:00:00Z");
            await Fails(35114, "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "hi", "ScheduleType", "fixed", "SendAt", "2024-03-05T12:04:59Z");
            await Fails(35114, "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "hi", "ScheduleType", "fixed", "SendAt", "2024-04-09T12:00:01Z");
            await Fails(35114, "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "hi", "ScheduleType", "fixed", "SendAt", "soon");
            // Parameters the spec types: booleans, integers in range, enums, SID patterns.
            await Fails(20001, "To", To, "From", From, "Body", "hi", "ValidityPeriod", "36001");
            await Fails(20001, "To", To, "From", From, "Body", "hi", "ProvideFeedback", "yes");
            await Fails(20001, "To", To, "From", From, "Body", "hi", "ContentRetention", "keep");
            await Fails(20001, "To", To, "From", From, "Body", "hi", "ApplicationSid", "AP1");
            await Fails(20001, "To", To, "From", From, "Body", "hi", "MaxPrice", "cheap");
            Assert.Empty(Items(await api.Get(MessagesPath(api))));
        }

        [Fact]
        public async Task Every_spec_parameter_is_accepted()
        {
            using var api = Api.WithClock(out _);
            ApiResponse r = await api.Post(MessagesPath(api), "To", To, "From", From, "MessagingServiceSid", "MG" + new string('a', 32),
                "Body", "hi", "MediaUrl", "https://example.com/a.gif", "ContentSid", "HX" + new string('b', 32), "ContentVariables", "{\"1\":\"x\"}",
                "StatusCallback", "https://example.com/status", "ApplicationSid", "AP" + new string('c', 32), "MaxPrice", "0.5",
                "ProvideFeedback", "true", "Attempt", "2", "ValidityPeriod", "600", "ForceDelivery", "false", "ContentRetention", "retain",
                "AddressRetention", "obfuscate", "SmartEncoded", "true", "PersistentAction", "geo:37.78,-122.39", "TrafficType", "free",
                "ShortenUrls", "true", "SendAsMms", "true", "RiskCheck", "disable");
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            Assert.Matches("^MM[0-9a-f]{32}$", r.Str("sid"));
            Assert.Equal("1", r.Str("num_media"));
            Assert.Equal("MG" + new string('a', 32), r.Str("messaging_service_sid"));
        }

        [Fact]
        public async Task A_messaging_service_alone_is_accepted_then_picks_a_sender()
        {
            using var api = Api.WithClock(out ManualClock clock);
            ApiResponse r = await api.Post(MessagesPath(api), "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "hi");
            Assert.Equal("accepted", r.Str("status"));
            Assert.Null(r.Str("from"));
            Assert.Equal("0", r.Str("num_segments"));
            clock.Advance(TimeSpan.FromSeconds(1));
            ApiResponse m = await api.Get(MessagePath(api, r.Str("sid")));
            Assert.Equal("queued", m.Str("status"));
            Assert.Equal("+15005550006", m.Str("from"));
            Assert.Equal("1", m.Str("num_segments"));
        }

        // ---- scheduling, cancel, redact, delete -------------------------------------------------

        [Fact]
        public async Task A_scheduled_message_waits_for_SendAt_and_can_be_canceled_only_while_scheduled()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string[] schedule = { "To", To, "MessagingServiceSid", "MG" + new string('a', 32), "Body", "later", "ScheduleType", "fixed", "SendAt", "2024-03-05T13:00:00Z" };
            ApiResponse first = await api.Post(MessagesPath(api), schedule);
            Assert.Equal("scheduled", first.Str("status"));
            ApiResponse second = await api.Post(MessagesPath(api), schedule);

            clock.Advance(TimeSpan.FromMinutes(30));
            ApiResponse canceled = await api.Post(MessagePath(api, first.Str("sid")), "Status", "canceled");
            Assert.Equal(HttpStatusCode.OK, canceled.Status);
            Assert.Equal("canceled", canceled.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 12:30:00 +0000", canceled.Str("date_updated"));

            clock.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal("queued", (await api.Get(MessagePath(api, second.Str("sid")))).Str("status"));
            Assert.Equal("canceled", (await api.Get(MessagePath(api, first.Str("sid")))).Str("status"));
            clock.Advance(TimeSpan.FromSeconds(5));
            ApiResponse delivered = await api.Get(MessagePath(api, second.Str("sid")));
            Assert.Equal("delivered", delivered.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 13:00:02 +0000", delivered.Str("date_sent"));
            AssertTwilioError(await api.Post(MessagePath(api, second.Str("sid")), "Status", "canceled"), HttpStatusCode.BadRequest, 30409);
        }

        [Fact]
        public async Task Redaction_empties_the_body_of_a_finished_message_only()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string sid = (await Send(api, "Body", "secret 123456")).Str("sid");
            AssertTwilioError(await api.Post(MessagePath(api, sid), "Body", ""), HttpStatusCode.BadRequest, 30400);
            clock.Advance(TimeSpan.FromMinutes(1));
            AssertTwilioError(await api.Post(MessagePath(api, sid), "Body", "other"), HttpStatusCode.BadRequest, 30400);
            AssertTwilioError(await api.Post(MessagePath(api, sid), "Body", "", "Status", "canceled"), HttpStatusCode.BadRequest, 30400);
            AssertTwilioError(await api.Post(MessagePath(api, sid)), HttpStatusCode.BadRequest, 30400);
            ApiResponse redacted = await api.Post(MessagePath(api, sid), "Body", "");
            Assert.Equal(HttpStatusCode.OK, redacted.Status);
            Assert.Equal("", redacted.Str("body"));
            Assert.Equal("delivered", redacted.Str("status"));
            Assert.Equal("1", redacted.Str("num_segments"));
            Assert.Equal("", (await api.Get(MessagePath(api, sid))).Str("body"));
        }

        [Fact]
        public async Task Delete_removes_a_finished_message_and_refuses_one_on_its_way()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string sid = (await Send(api, "Body", "bye", "MediaUrl", "https://example.com/a.png")).Str("sid");
            AssertTwilioError(await api.Delete(MessagePath(api, sid)), HttpStatusCode.BadRequest, 20009);
            clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(MessagePath(api, sid))).Status);
            AssertTwilioError(await api.Get(MessagePath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MessagePath(api, sid).Replace(".json", "/Media.json")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(MessagePath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(MessagePath(api, "SM" + new string('0', 32)), "Body", ""), HttpStatusCode.NotFound, 20404);
        }

        // ---- list -------------------------------------------------------------------------------

        [Fact]
        public async Task List_is_newest_first_and_filters_by_To_From_and_DateSent()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string a = (await Send(api, "Body", "a")).Str("sid");
            clock.Advance(TimeSpan.FromDays(1));
            string b = (await api.Post(MessagesPath(api), "To", "+14155550199", "From", "+14155550101", "Body", "b")).Str("sid");
            clock.Advance(TimeSpan.FromDays(1));
            string c = (await Send(api, "Body", "c")).Str("sid"); // not sent yet: no date filter matches it

            List<string> Sids(ApiResponse r) => Items(r).Select(m => m.GetProperty("sid").GetString()).ToList();
            Assert.Equal(new[] { c, b, a }, Sids(await api.Get(MessagesPath(api))));
            Assert.Equal(new[] { b }, Sids(await api.Get(MessagesPath(api) + "?To=%2B14155550199")));
            Assert.Equal(new[] { c, a }, Sids(await api.Get(MessagesPath(api) + "?From=%2B14155550100")));
            Assert.Equal(new[] { a }, Sids(await api.Get(MessagesPath(api) + "?DateSent=2024-03-05")));
            Assert.Equal(new[] { b, a }, Sids(await api.Get(MessagesPath(api) + "?DateSent%3C=2024-03-07")));
            Assert.Equal(new[] { b }, Sids(await api.Get(MessagesPath(api) + "?DateSent%3E=2024-03-06")));
            Assert.Equal(new[] { b }, Sids(await api.Get(MessagesPath(api) + "?DateSent%3E=2024-03-06T12:00:02Z&DateSent%3C=2024-03-06T12:00:02Z")));
            AssertTwilioError(await api.Get(MessagesPath(api) + "?DateSent=yesterday"), HttpStatusCode.BadRequest, 20001);
        }

        [Fact]
        public async Task List_pages_follow_next_page_uri_without_gaps_or_repeats()
        {
            using var api = Api.WithClock(out _, o => o.SeedMessages = 25);
            var seen = new List<string>();
            string next = MessagesPath(api) + "?PageSize=10";
            int pages = 0;
            while (next != null)
            {
                ApiResponse page = await api.Get(next);
                Assert.Equal(10, page.Int("page_size"));
                Assert.Equal(pages, page.Int("page"));
                seen.AddRange(Items(page).Select(m => m.GetProperty("sid").GetString()));
                next = page.Str("next_page_uri");
                pages++;
            }
            Assert.Equal(3, pages);
            Assert.Equal(25, seen.Distinct().Count());
            Assert.Equal(25, seen.Count);
        }

        [Fact]
        public async Task Seeded_messages_are_delivered_past_messages_some_with_media()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.SeedMessages(12);
            List<JsonElement> messages = Items(await api.Get(MessagesPath(api) + "?PageSize=100"));
            Assert.Equal(12, messages.Count);
            Assert.All(messages, m =>
            {
                Assert.Equal("delivered", m.GetProperty("status").GetString());
                Assert.True(DateTimeOffset.ParseExact(m.GetProperty("date_sent").GetString(), "ddd, dd MMM yyyy HH:mm:ss '+0000'",
                    System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal) < Api.T0);
                Assert.StartsWith("-", m.GetProperty("price").GetString());
            });
            Assert.Equal(3, messages.Count(m => m.GetProperty("num_media").GetString() == "1"));
            Assert.Throws<ArgumentException>(() => api.Emulator.SeedMessages(1, "AC" + new string('9', 32)));
        }

        [Fact]
        public async Task A_subaccount_sees_only_its_own_messages()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string sub = api.Emulator.CreateSubaccount("isolated");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            string mine = (await Send(api, "Body", "main")).Str("sid");
            ApiResponse theirs = await subApi.Post(MessagesPath(api, sub), "To", To, "From", From, "Body", "sub");
            Assert.Equal(HttpStatusCode.Created, theirs.Status);
            Assert.Equal(sub, theirs.Str("account_sid"));

            AssertTwilioError(await subApi.Get(MessagePath(api, mine, sub)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(MessagePath(api, mine)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(MessagesPath(api)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(new[] { theirs.Str("sid") }, Items(await subApi.Get(MessagesPath(api, sub))).Select(m => m.GetProperty("sid").GetString()));
            // The main account's credential reaches the subaccount's messages, under the subaccount's path only.
            Assert.Equal(HttpStatusCode.OK, (await api.Get(MessagePath(api, theirs.Str("sid"), sub))).Status);
            AssertTwilioError(await api.Get(MessagePath(api, theirs.Str("sid"))), HttpStatusCode.NotFound, 20404);
        }
    }
}
