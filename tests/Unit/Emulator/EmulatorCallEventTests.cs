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
    /// The emulator's call events: the requests Twilio makes for a call (the create request, the fetch
    /// of its Url when answered, each status callback), derived from the call's timeline and the clock.
    /// </summary>
    public class EmulatorCallEventTests
    {
        // A call created at T0 rings at +1 s, is answered at +3 s and ends at +63 s.
        private static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock);

        private static string EventsPath(Api api, string call) => "/2010-04-01/Accounts/" + api.AccountSid + "/Calls/" + call + "/Events.json";
        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("events").EnumerateArray().ToList();
        private static string Url(JsonElement e) => e.GetProperty("request").GetProperty("url").GetString();
        private static JsonElement Parameters(JsonElement e) => e.GetProperty("request").GetProperty("parameters");

        private const string App = "https://example.com/voice.xml";
        private const string Callback = "https://example.com/status";

        private static async Task<string> CreateCall(Api api, params string[] fields)
        {
            ApiResponse r = await api.Post(api.CallsPath, new[] { "To", "+14155551212", "From", "+15005550006" }.Concat(fields).ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r.Str("sid");
        }

        [Fact]
        public async Task A_call_logs_its_create_request_its_TwiML_fetch_and_each_status_callback_newest_first()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Url", App, "StatusCallback", Callback, "StatusCallbackMethod", "GET",
                "StatusCallbackEvent", "initiated ringing", "StatusCallbackEvent", "answered", "StatusCallbackEvent", "completed");

            List<JsonElement> created = Items(await api.Get(EventsPath(api, call)));
            Assert.Equal(2, created.Count); // the create request and "initiated"
            clock.Advance(TimeSpan.FromMinutes(2));
            ApiResponse r = await api.Get(EventsPath(api, call));
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.Equal(EventsPath(api, call) + "?PageSize=50&Page=0", r.Str("uri"));
            List<JsonElement> events = Items(r);
            Assert.Equal(new[] { Callback, Callback, App, Callback, Callback, new Uri(api.Emulator.BaseUri, api.CallsPath).AbsoluteUri },
                events.Select(Url));
            Assert.Equal(new[] { "completed", "in-progress", "in-progress", "ringing", "initiated", null },
                events.Select(e => Parameters(e).TryGetProperty("CallStatus", out JsonElement s) ? s.GetString() : null));

            List<string> names = OfficialSpec.Schema("api.v2010.account.call.call_event").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(events, e => Assert.Equal(names.OrderBy(n => n), e.EnumerateObject().Select(p => p.Name).OrderBy(n => n)));

            JsonElement fetch = events[2];
            Assert.Equal("POST", fetch.GetProperty("request").GetProperty("method").GetString());
            JsonElement sent = Parameters(fetch);
            Assert.Equal(call, sent.GetProperty("CallSid").GetString());
            Assert.Equal(api.AccountSid, sent.GetProperty("AccountSid").GetString());
            Assert.Equal("+15005550006", sent.GetProperty("From").GetString());
            Assert.Equal("+14155551212", sent.GetProperty("To").GetString());
            Assert.Equal("outbound-api", sent.GetProperty("Direction").GetString());
            Assert.Equal("2010-04-01", sent.GetProperty("ApiVersion").GetString());
            JsonElement answer = fetch.GetProperty("response");
            Assert.Equal(200, answer.GetProperty("response_code").GetInt32());
            Assert.Equal("text/xml", answer.GetProperty("content_type").GetString());
            Assert.Contains("<Response>", answer.GetProperty("response_body").GetString());
            Assert.True(answer.GetProperty("request_duration").GetInt32() >= 0);
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", answer.GetProperty("date_created").GetString());

            JsonElement completed = events[0];
            Assert.Equal("GET", completed.GetProperty("request").GetProperty("method").GetString());
            Assert.Equal("60", Parameters(completed).GetProperty("CallDuration").GetString());
            Assert.Equal("3", Parameters(completed).GetProperty("SequenceNumber").GetString());

            JsonElement create = events[5];
            Assert.Equal(201, create.GetProperty("response").GetProperty("response_code").GetInt32());
            Assert.Equal("+14155551212", Parameters(create).GetProperty("to").GetString());
            Assert.Equal("initiated ringing answered completed", Parameters(create).GetProperty("status_callback_event").GetString());
            Assert.Equal(call, JsonDocument.Parse(create.GetProperty("response").GetProperty("response_body").GetString()).RootElement.GetProperty("sid").GetString());
        }

        [Fact]
        public async Task Without_events_only_completed_is_sent_and_inline_Twiml_is_not_fetched()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Twiml", "<Response><Pause length=\"5\"/></Response>", "StatusCallback", Callback);
            clock.Advance(TimeSpan.FromMinutes(2));
            List<JsonElement> events = Items(await api.Get(EventsPath(api, call)));
            Assert.Equal(2, events.Count);
            Assert.Equal("completed", Parameters(events[0]).GetProperty("CallStatus").GetString());
            Assert.Equal("0", Parameters(events[0]).GetProperty("SequenceNumber").GetString());
        }

        [Fact]
        public async Task An_unreachable_host_gives_no_response()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Url", "https://unreachable.example/app", "StatusCallback", "https://hooks.invalid/status");
            clock.Advance(TimeSpan.FromMinutes(2));
            List<JsonElement> events = Items(await api.Get(EventsPath(api, call)));
            Assert.Equal(3, events.Count);
            foreach (JsonElement e in events.Take(2))
            {
                JsonElement response = e.GetProperty("response");
                Assert.Equal(JsonValueKind.Null, response.GetProperty("response_code").ValueKind);
                Assert.Equal(JsonValueKind.Null, response.GetProperty("response_body").ValueKind);
            }
            // The TwiML never came, so the call ended after the application-error message.
            Assert.Equal("4", Parameters(events[0]).GetProperty("CallDuration").GetString());
        }

        [Fact]
        public async Task Events_page_like_every_list()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CreateCall(api, "Url", App, "StatusCallback", Callback,
                "StatusCallbackEvent", "initiated ringing answered completed");
            clock.Advance(TimeSpan.FromMinutes(2));
            List<string> all = Items(await api.Get(EventsPath(api, call))).Select(e => e.GetRawText()).ToList();
            var paged = new List<string>();
            string uri = EventsPath(api, call) + "?PageSize=4";
            for (int pages = 0; uri != null; pages++)
            {
                Assert.True(pages < 5, "runaway paging");
                ApiResponse page = await api.Get(uri);
                paged.AddRange(Items(page).Select(e => e.GetRawText()));
                uri = page.Str("next_page_uri");
            }
            Assert.Equal(6, all.Count);
            Assert.Equal(all, paged);
        }

        [Fact]
        public async Task Events_of_an_unknown_call_or_another_account_are_404()
        {
            using var api = Timed(out _);
            string call = await CreateCall(api, "Url", App);
            ApiResponse unknown = await api.Get(EventsPath(api, "CA" + new string('0', 32)));
            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            Assert.Equal(20404, unknown.Int("code"));
            string sub = api.Emulator.CreateSubaccount("team");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            Assert.Equal(HttpStatusCode.NotFound, (await subApi.Get(EventsPath(api, call))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get("/2010-04-01/Accounts/" + sub + "/Calls/" + call + "/Events.json")).Status);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await api.Post(EventsPath(api, call))).Status);
        }
    }
}
