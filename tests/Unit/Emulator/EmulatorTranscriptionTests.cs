using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Emulator;
using TwilioPS.Tests.Spec;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's Transcriptions family: a call whose TwiML records with transcribe="true" gets one,
    /// in-progress while the recording is and completed a few seconds after it; routes from
    /// the catalog in both scopes, lists, delete, the .txt text and account isolation.
    /// </summary>
    public class EmulatorTranscriptionTests
    {
        private const string TranscribingTwiml = "<Response><Record transcribe=\"true\"/></Response>";

        // A call created at T0 rings at +1 s, is answered at +3 s and ends at +63 s: a 60 s recording.
        private static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock);

        private static string TranscriptionsPath(Api api) => "/2010-04-01/Accounts/" + api.AccountSid + "/Transcriptions.json";
        private static string TranscriptionPath(Api api, string sid, string extension = ".json") => "/2010-04-01/Accounts/" + api.AccountSid + "/Transcriptions/" + sid + extension;
        private static string RecordingTranscriptionsPath(Api api, string recording) => api.RecordingPath(recording, "/Transcriptions.json");
        private static string RecordingTranscriptionPath(Api api, string recording, string sid) => api.RecordingPath(recording, "/Transcriptions/" + sid + ".json");

        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("transcriptions").EnumerateArray().ToList();

        private static void AssertTwilioError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.True(status == r.Status, r.Status + " " + r.Body);
            Assert.Equal(code, r.Int("code"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + code, r.Str("more_info"));
        }

        /// <summary>A call running <paramref name="twiml"/> (no Url, which would win over it).</summary>
        private static async Task<string> CallRunning(Api api, string twiml, params string[] extra)
        {
            ApiResponse r = await api.Post(api.CallsPath, new[] { "To", "+14155551212", "From", "+15005550006", "Twiml", twiml }.Concat(extra).ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r.Str("sid");
        }

        /// <summary>A call recording with transcribe="true", answered just now: (call, recording, transcription).</summary>
        private static async Task<(string Call, string Recording, string Transcription)> TranscribedCall(Api api, ManualClock clock)
        {
            string call = await CallRunning(api, TranscribingTwiml);
            clock.Advance(TimeSpan.FromSeconds(3));
            string recording = (await api.Get(api.CallRecordingsPath(call))).Json.GetProperty("recordings")[0].GetProperty("sid").GetString();
            string transcription = Assert.Single(Items(await api.Get(RecordingTranscriptionsPath(api, recording)))).GetProperty("sid").GetString();
            return (call, recording, transcription);
        }

        [Fact]
        public async Task Every_scope_and_operation_of_the_catalog_is_routed_and_nothing_else()
        {
            using var api = Timed(out ManualClock clock);
            (_, string recording, string sid) = await TranscribedCall(api, clock);
            clock.Advance(TimeSpan.FromMinutes(2));
            var values = new Dictionary<string, string> { ["AccountSid"] = api.AccountSid, ["RecordingSid"] = recording, ["Sid"] = sid };
            string Fill(string template) => values.Aggregate(template, (path, v) => path.Replace("{" + v.Key + "}", v.Value));
            foreach (ResourceScope scope in ApiCatalog.Transcriptions.Scopes)
            {
                foreach ((Operations operation, HttpMethod method) in new[]
                {
                    (Operations.Create, HttpMethod.Post), (Operations.List, HttpMethod.Get),
                    (Operations.Fetch, HttpMethod.Get), (Operations.Update, HttpMethod.Post),
                })
                {
                    var request = new HttpRequestMessage(method, Fill(scope.PathFor(operation)));
                    if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new KeyValuePair<string, string>[0]);
                    ApiResponse r = await api.Send(request);
                    if (scope.Allows(operation)) Assert.True(r.Status == HttpStatusCode.OK, scope + " " + operation + ": " + r.Status + " " + r.Body);
                    else Assert.True(r.Status == HttpStatusCode.MethodNotAllowed, scope + " " + operation + ": " + r.Body);
                }
            }
            // Delete is allowed in both scopes: the recording's scope deletes it, then the account's finds nothing.
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(RecordingTranscriptionPath(api, recording, sid))).Status);
            AssertTwilioError(await api.Delete(TranscriptionPath(api, sid)), HttpStatusCode.NotFound, 20404);
        }

        [Fact]
        public async Task A_transcription_is_in_progress_while_recording_then_completes_with_text_duration_and_price()
        {
            using var api = Timed(out ManualClock clock);
            (string call, string recording, string sid) = await TranscribedCall(api, clock);

            ApiResponse live = await api.Get(TranscriptionPath(api, sid));
            Assert.Equal("in-progress", live.Str("status"));
            Assert.Null(live.Str("transcription_text"));
            Assert.Null(live.Str("duration"));
            Assert.Null(live.Str("price"));
            AssertTwilioError(await api.Get(TranscriptionPath(api, sid, ".txt")), HttpStatusCode.NotFound, 20404);

            clock.Advance(TimeSpan.FromSeconds(60)); // the call and its recording end at +63 s
            Assert.Equal("completed", (await api.Get(api.RecordingPath(recording))).Str("status"));
            Assert.Equal("in-progress", (await api.Get(TranscriptionPath(api, sid))).Str("status"));
            clock.Advance(TimeSpan.FromSeconds(5));

            ApiResponse r = await api.Get(RecordingTranscriptionPath(api, recording, sid));
            Assert.Matches("^TR[0-9a-f]{32}$", r.Str("sid"));
            Assert.Equal(api.AccountSid, r.Str("account_sid"));
            Assert.Equal("2010-04-01", r.Str("api_version"));
            Assert.Equal(recording, r.Str("recording_sid"));
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("fast", r.Str("type"));
            Assert.Equal("60", r.Str("duration"));
            Assert.Equal("-0.05000", r.Str("price"));
            Assert.Equal("USD", r.Str("price_unit"));
            Assert.Equal("This is a test message from +15005550006 to +14155551212.", r.Str("transcription_text"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("date_created"));
            Assert.Equal("Tue, 05 Mar 2024 12:01:08 +0000", r.Str("date_updated"));
            Assert.Equal(RecordingTranscriptionPath(api, recording, sid), r.Str("uri"));
            Assert.Equal(TranscriptionPath(api, sid), (await api.Get(TranscriptionPath(api, sid))).Str("uri"));

            var rendered = r.Json.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (string schema in new[] { "api.v2010.account.transcription", "api.v2010.account.recording.recording_transcription" })
            {
                List<string> names = OfficialSpec.Schema(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(names.All(rendered.Contains), schema + " lacks " + string.Join(", ", names.Where(n => !rendered.Contains(n))));
                Assert.True(rendered.All(names.Contains), "not in " + schema + ": " + string.Join(", ", rendered.Where(n => !names.Contains(n))));
            }
            List<string> statuses = OfficialSpec.Schema("transcription_enum_status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains("in-progress", statuses);
            Assert.Contains("completed", statuses);

            (HttpResponseMessage message, byte[] text) = await api.GetBytes(TranscriptionPath(api, sid, ".txt"));
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal("text/plain; charset=utf-8", message.Content.Headers.ContentType.ToString());
            Assert.Equal(r.Str("transcription_text"), Encoding.UTF8.GetString(text));
        }

        [Fact]
        public async Task A_recording_with_no_audio_fails_as_blank()
        {
            using var api = Timed(out ManualClock clock);
            (string call, string recording, string sid) = await TranscribedCall(api, clock);
            await api.Post(api.CallRecordingPath(call, recording), "Status", "stopped");
            clock.Advance(TimeSpan.FromSeconds(5));
            ApiResponse r = await api.Get(TranscriptionPath(api, sid));
            Assert.Equal("failed", r.Str("status"));
            Assert.Equal("(blank)", r.Str("transcription_text"));
            Assert.Equal("0", r.Str("duration"));
            Assert.Null(r.Str("price"));
        }

        [Theory]
        [InlineData("<Response><Record/></Response>", "Record", "true")]
        [InlineData("<Response><Record transcribe=\"false\"/></Response>")]
        [InlineData("<Response><Pause length=\"60\"/></Response>", "Record", "true")]
        public async Task Only_recordings_whose_Record_verb_asks_for_it_are_transcribed(string twiml, params string[] fields)
        {
            using var api = Timed(out ManualClock clock);
            await CallRunning(api, twiml, fields);
            await api.CreateCall("Twiml", TranscribingTwiml); // the Url wins: this TwiML never runs
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(Items(await api.Get(TranscriptionsPath(api))));
        }

        [Fact]
        public async Task A_call_never_answered_has_no_transcription()
        {
            using var api = Timed(out ManualClock clock);
            string call = await CallRunning(api, TranscribingTwiml);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Empty(Items(await api.Get(TranscriptionsPath(api)))); // ringing: nothing recorded yet
            await api.Post(api.CallPath(call), "Status", "canceled");
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(Items(await api.Get(TranscriptionsPath(api))));
        }

        [Fact]
        public async Task Lists_page_newest_first_and_the_recording_scope_lists_its_own()
        {
            using var api = Timed(out _);
            api.Emulator.SeedRecordings(75, transcribed: true);
            api.Emulator.SeedRecordings(5);
            var seen = new List<JsonElement>();
            string uri = TranscriptionsPath(api) + "?PageSize=50";
            int pages = 0;
            while (uri != null)
            {
                ApiResponse page = await api.Get(uri);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                seen.AddRange(Items(page));
                uri = page.Str("next_page_uri");
                if (uri != null) Assert.StartsWith(TranscriptionsPath(api) + "?PageSize=50&Page=1&PageToken=PATR", uri);
                Assert.True(++pages < 5, "runaway paging");
            }
            Assert.Equal(2, pages);
            Assert.Equal(75, seen.Select(t => t.GetProperty("sid").GetString()).Distinct().Count());
            Assert.All(seen, t => Assert.Equal("completed", t.GetProperty("status").GetString()));
            List<DateTimeOffset> created = seen.Select(t => DateTimeOffset.ParseExact(t.GetProperty("date_created").GetString(),
                "ddd, dd MMM yyyy HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(created.OrderByDescending(d => d).ToList(), created);

            JsonElement one = seen[10];
            string recording = one.GetProperty("recording_sid").GetString();
            ApiResponse scoped = await api.Get(RecordingTranscriptionsPath(api, recording));
            Assert.Equal(one.GetProperty("sid").GetString(), Assert.Single(Items(scoped)).GetProperty("sid").GetString());
            Assert.Equal(RecordingTranscriptionsPath(api, recording) + "?PageSize=50&Page=0", scoped.Str("uri"));
            Assert.Equal((await api.Get(api.RecordingPath(recording))).Str("duration"), one.GetProperty("duration").GetString());
        }

        [Fact]
        public async Task Delete_removes_it_for_good()
        {
            using var api = Timed(out ManualClock clock);
            (_, string recording, string sid) = await TranscribedCall(api, clock);
            clock.Advance(TimeSpan.FromMinutes(2));
            ApiResponse deleted = await api.Delete(TranscriptionPath(api, sid));
            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            Assert.Equal("", deleted.Body);
            AssertTwilioError(await api.Get(TranscriptionPath(api, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(TranscriptionPath(api, sid, ".txt")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(RecordingTranscriptionPath(api, recording, sid)), HttpStatusCode.NotFound, 20404);
            Assert.Empty(Items(await api.Get(RecordingTranscriptionsPath(api, recording))));
            Assert.Equal("completed", (await api.Get(api.RecordingPath(recording))).Str("status"));
        }

        [Fact]
        public async Task A_transcription_is_only_reached_under_its_own_recording()
        {
            using var api = Timed(out ManualClock clock);
            (_, _, string sid) = await TranscribedCall(api, clock);
            (_, string other, _) = await TranscribedCall(api, clock);
            string unknown = "RE" + new string('0', 32);
            AssertTwilioError(await api.Get(RecordingTranscriptionPath(api, other, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(RecordingTranscriptionPath(api, other, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(RecordingTranscriptionsPath(api, unknown)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(TranscriptionPath(api, "TR" + new string('0', 32))), HttpStatusCode.NotFound, 20404);
            Assert.Equal(HttpStatusCode.OK, (await api.Get(TranscriptionPath(api, sid))).Status);
        }

        [Fact]
        public async Task Subaccount_transcriptions_are_isolated_and_the_text_needs_credentials()
        {
            using var api = Timed(out _);
            string sub = api.Emulator.CreateSubaccount("team");
            api.Emulator.SeedRecordings(2, sub, transcribed: true);
            api.Emulator.SeedRecordings(1, transcribed: true);
            string subPath = "/2010-04-01/Accounts/" + sub + "/Transcriptions";
            List<JsonElement> subItems = Items(await api.Get(subPath + ".json"));
            Assert.Equal(2, subItems.Count);
            Assert.All(subItems, t => Assert.Equal(sub, t.GetProperty("account_sid").GetString()));
            string subSid = subItems[0].GetProperty("sid").GetString();
            string mainSid = Assert.Single(Items(await api.Get(TranscriptionsPath(api)))).GetProperty("sid").GetString();

            AssertTwilioError(await api.Get(TranscriptionPath(api, subSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(TranscriptionPath(api, subSid, ".txt")), HttpStatusCode.NotFound, 20404);
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            Assert.Equal(HttpStatusCode.OK, (await subApi.GetBytes(subPath + "/" + subSid + ".txt")).Message.StatusCode);
            AssertTwilioError(await subApi.Get(TranscriptionPath(api, mainSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(subPath + "/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Delete(subPath + "/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);

            using Api anonymous = api.As("", "");
            AssertTwilioError(await anonymous.Get(TranscriptionPath(api, mainSid, ".txt")), HttpStatusCode.Unauthorized, 20003);
        }
    }
}
