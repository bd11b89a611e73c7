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
    /// The emulator's Notifications family: a call whose Url cannot be fetched (by rule, never by a
    /// network request) or whose Twiml is not well-formed leaves an error when it is answered, and
    /// ends after the application-error message; lists, filters, fetch and account isolation.
    /// </summary>
    public class EmulatorNotificationTests
    {
        private const string Unreachable = "https://unreachable.example/voice.xml";

        // A call created at T0 rings at +1 s and is answered at +3 s.
        private static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock);

        private static string NotificationsPath(Api api) => "/2010-04-01/Accounts/" + api.AccountSid + "/Notifications.json";
        private static string NotificationPath(Api api, string sid) => "/2010-04-01/Accounts/" + api.AccountSid + "/Notifications/" + sid + ".json";
        private static string CallNotificationsPath(Api api, string call) => "/2010-04-01/Accounts/" + api.AccountSid + "/Calls/" + call + "/Notifications.json";
        private static string CallNotificationPath(Api api, string call, string sid) => "/2010-04-01/Accounts/" + api.AccountSid + "/Calls/" + call + "/Notifications/" + sid + ".json";

        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("notifications").EnumerateArray().ToList();
        private static List<string> Sids(ApiResponse r) => Items(r).Select(n => n.GetProperty("sid").GetString()).ToList();

        /// <summary>A call with only these instructions (Api.CreateCall always sends a good Url first).</summary>
        private static async Task<string> CreateCall(Api api, params string[] fields)
        {
            ApiResponse r = await api.Post(api.CallsPath, new[] { "To", "+14155551212", "From", "+15005550006" }.Concat(fields).ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r.Str("sid");
        }

        private static void AssertTwilioError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.True(status == r.Status, r.Status + " " + r.Body);
            Assert.Equal(code, r.Int("code"));
        }

        private static void AssertFieldsOf(JsonElement record, params string[] schemas)
        {
            var rendered = record.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (string schema in schemas)
            {
                List<string> names = OfficialSpec.Schema(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(names.All(rendered.Contains), schema + " lacks " + string.Join(", ", names.Where(n => !rendered.Contains(n))));
                Assert.True(rendered.All(names.Contains), "not in " + schema + ": " + string.Join(", ", rendered.Where(n => !names.Contains(n))));
            }
        }

        [Fact]
        public async Task An_unreachable_Url_leaves_an_11200_error_when_the_call_is_answered()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Url", Unreachable, "Method", "GET");
            Assert.Empty(Items(await api.Get(NotificationsPath(api))));
            clock.Advance(TimeSpan.FromSeconds(3));

            ApiResponse list = await api.Get(NotificationsPath(api));
            JsonElement item = Assert.Single(Items(list));
            AssertFieldsOf(item, "api.v2010.account.notification", "api.v2010.account.call.call_notification");
            string sid = item.GetProperty("sid").GetString();
            Assert.Matches("^NO[0-9a-f]{32}$", sid);

            ApiResponse r = await api.Get(NotificationPath(api, sid));
            Assert.Equal(HttpStatusCode.OK, r.Status);
            AssertFieldsOf(r.Json, "api.v2010.account.notification-instance", "api.v2010.account.call.call_notification-instance");
            Assert.Equal(api.AccountSid, r.Str("account_sid"));
            Assert.Equal("2010-04-01", r.Str("api_version"));
            Assert.Equal(call, r.Str("call_sid"));
            Assert.Equal("11200", r.Str("error_code"));
            Assert.Equal("0", r.Str("log"));
            Assert.Equal("https://www.twilio.com/docs/errors/11200", r.Str("more_info"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("message_date"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("date_created"));
            Assert.Equal("GET", r.Str("request_method"));
            Assert.Equal(Unreachable, r.Str("request_url"));
            Assert.Equal(NotificationPath(api, sid), r.Str("uri"));
            Assert.Contains("LogLevel=ERROR", r.Str("message_text"));
            Assert.Contains("ErrorCode=11200", r.Str("message_text"));
            Assert.Contains("url=https%3A%2F%2Funreachable.example%2Fvoice.xml", r.Str("message_text"));
            string variables = r.Str("request_variables");
            foreach (string pair in new[] { "CallSid=" + call, "AccountSid=" + api.AccountSid, "From=%2B15005550006", "To=%2B14155551212",
                                            "CallStatus=in-progress", "Direction=outbound-api", "ApiVersion=2010-04-01" })
                Assert.Contains(pair, variables.Split('&'));
            Assert.Equal("", r.Str("response_body"));
            Assert.Equal("", r.Str("response_headers"));

            // Under the call, the same notification with the call's uri.
            ApiResponse scoped = await api.Get(CallNotificationPath(api, call, sid));
            Assert.Equal(CallNotificationPath(api, call, sid), scoped.Str("uri"));
            Assert.Equal(new[] { sid }, Sids(await api.Get(CallNotificationsPath(api, call))));

            // Twilio says an application error occurred and hangs up.
            clock.Advance(TimeSpan.FromSeconds(4));
            ApiResponse ended = await api.Get(api.CallPath(call));
            Assert.Equal("completed", ended.Str("status"));
            Assert.Equal("4", ended.Str("duration"));
        }

        [Theory]
        [InlineData("https://voice.invalid/app")]
        [InlineData("http://invalid/app")]
        public async Task Hosts_in_the_invalid_TLD_are_unreachable(string url)
        {
            using var api = Timed(out ManualClock clock);
            await CreateCall(api, "Url", url);
            clock.Advance(TimeSpan.FromSeconds(3));
            ApiResponse list = await api.Get(NotificationsPath(api));
            Assert.Equal("11200", Assert.Single(Items(list)).GetProperty("error_code").GetString());
            Assert.Equal("POST", Items(list)[0].GetProperty("request_method").GetString());
        }

        [Fact]
        public async Task Twiml_that_is_not_well_formed_leaves_a_12100_error()
        {
            using var api = Timed(out ManualClock clock);
            const string broken = "<Response><Say>a & b</Say></Response>";
            string call = await CreateCall(api, "Twiml", broken);
            clock.Advance(TimeSpan.FromSeconds(3));
            string sid = Assert.Single(Sids(await api.Get(CallNotificationsPath(api, call))));
            ApiResponse r = await api.Get(NotificationPath(api, sid));
            Assert.Equal("12100", r.Str("error_code"));
            Assert.Equal("https://www.twilio.com/docs/errors/12100", r.Str("more_info"));
            Assert.Null(r.Str("request_url"));
            Assert.Equal(broken, r.Str("response_body"));
            Assert.Contains("ErrorCode=12100", r.Str("message_text"));
        }

        [Theory]
        [InlineData("Url", "https://example.com/voice.xml")]
        [InlineData("Twiml", "<Response><Say>fine &amp; well</Say><Pause length=\"90\"/></Response>")]
        public async Task Calls_with_good_TwiML_leave_none(string field, string value)
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, field, value);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(Items(await api.Get(NotificationsPath(api))));
            Assert.Equal("60", (await api.Get(api.CallPath(call))).Str("duration"));
        }

        [Fact]
        public async Task A_call_never_answered_never_asks_for_its_TwiML()
        {
            using var api = Timed(out ManualClock clock);
            string canceled = await CreateCall(api, "Url", Unreachable);
            await CreateCall(api, "Url", Unreachable, "Timeout", "1"); // rings for 1 s, answered after 2: no-answer
            clock.Advance(TimeSpan.FromSeconds(1));
            await api.Post(api.CallPath(canceled), "Status", "canceled");
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(Items(await api.Get(NotificationsPath(api))));
        }

        [Fact]
        public async Task Lists_filter_by_log_and_message_date_and_page()
        {
            using var api = Timed(out ManualClock clock);
            string first = await CreateCall(api, "Url", Unreachable);    // answered 2024-03-05 12:00:03
            clock.Advance(TimeSpan.FromDays(1));
            await CreateCall(api, "Url", Unreachable);                                 // 2024-03-06 12:00:03
            await CreateCall(api, "Twiml", "<Response>");                              // 2024-03-06 12:00:04 (queued 1 s)
            clock.Advance(TimeSpan.FromMinutes(1));

            List<string> all = Sids(await api.Get(NotificationsPath(api)));
            Assert.Equal(3, all.Count);
            Assert.Equal(all, Sids(await api.Get(NotificationsPath(api) + "?Log=0")));
            Assert.Empty(Sids(await api.Get(NotificationsPath(api) + "?Log=1")));
            AssertTwilioError(await api.Get(NotificationsPath(api) + "?Log=2"), HttpStatusCode.BadRequest, 20001);
            Assert.Equal(new[] { all[2] }, Sids(await api.Get(NotificationsPath(api) + "?MessageDate=2024-03-05")));
            Assert.Equal(all.Take(2), Sids(await api.Get(NotificationsPath(api) + "?MessageDate%3E=2024-03-06")));
            Assert.Equal(all.Skip(1), Sids(await api.Get(NotificationsPath(api) + "?MessageDate%3C=2024-03-06T12:00:03Z")));
            Assert.Empty(Sids(await api.Get(CallNotificationsPath(api, first) + "?MessageDate=2024-03-06")));
            AssertTwilioError(await api.Get(NotificationsPath(api) + "?MessageDate=soon"), HttpStatusCode.BadRequest, 20001);

            ApiResponse page = await api.Get(NotificationsPath(api) + "?PageSize=2");
            Assert.Equal(all.Take(2), Sids(page));
            string next = page.Str("next_page_uri");
            Assert.StartsWith(NotificationsPath(api) + "?PageSize=2&Page=1&PageToken=PANO", next);
            ApiResponse second = await api.Get(next);
            Assert.Equal(all.Skip(2), Sids(second));
            Assert.Null(second.Str("next_page_uri"));
        }

        [Fact]
        public async Task A_notification_is_only_reached_under_its_own_call_and_account()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Url", Unreachable);
            string other = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(5));
            string sid = Assert.Single(Sids(await api.Get(NotificationsPath(api))));
            AssertTwilioError(await api.Get(CallNotificationPath(api, other, sid)), HttpStatusCode.NotFound, 20404);
            Assert.Empty(Items(await api.Get(CallNotificationsPath(api, other))));
            AssertTwilioError(await api.Get(CallNotificationsPath(api, "CA" + new string('0', 32))), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(NotificationPath(api, "NO" + new string('0', 32))), HttpStatusCode.NotFound, 20404);

            string sub = api.Emulator.CreateSubaccount("team");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            string subPath = "/2010-04-01/Accounts/" + sub + "/Notifications";
            Assert.Empty(Items(await subApi.Get(subPath + ".json")));
            AssertTwilioError(await subApi.Get(subPath + "/" + sid + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(NotificationPath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(CallNotificationsPath(api, call)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await api.Delete(NotificationPath(api, sid))).Status);
        }
    }
}
