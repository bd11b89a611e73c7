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
    /// The emulator's Recordings family: routes from the catalog in every scope, recordings started
    /// through the API and by Record=true (derived from the call's timeline and the manual clock),
    /// pause/resume/stop, soft delete, lists, media and account isolation.
    /// </summary>
    public class EmulatorRecordingTests
    {
        // With these delays a call created at T0 rings at +1 s, is answered at +3 s and ends at +63 s.
        private static Api Timed(out ManualClock clock, Action<EmulatorOptions> configure = null) => Api.WithMinuteCalls(out clock, configure);

        private static readonly TimeSpan ToAnswer = TimeSpan.FromSeconds(3);

        /// <summary>A call answered just now.</summary>
        private static async Task<string> InProgressCall(Api api, ManualClock clock, params string[] extra)
        {
            string sid = (await api.CreateCall(extra)).Str("sid");
            clock.Advance(ToAnswer);
            Assert.Equal("in-progress", (await api.Get(api.CallPath(sid))).Str("status"));
            return sid;
        }

        private static async Task<ApiResponse> StartRecording(Api api, string callSid, params string[] fields)
        {
            ApiResponse r = await api.Post(api.CallRecordingsPath(callSid), fields);
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r;
        }

        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("recordings").EnumerateArray().ToList();

        private static void AssertTwilioError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.Equal(status, r.Status);
            Assert.Equal(code, r.Int("code"));
            Assert.Equal((int)status, r.Int("status"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + code, r.Str("more_info"));
            Assert.False(string.IsNullOrEmpty(r.Str("message")));
        }

        // ---- routes -----------------------------------------------------------------------------

        [Fact]
        public async Task Every_scope_and_operation_of_the_catalog_is_routed_and_nothing_else()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string recording = (await StartRecording(api, call)).Str("sid");
            var values = new Dictionary<string, string>
            {
                ["AccountSid"] = api.AccountSid, ["CallSid"] = call, ["ConferenceSid"] = "CF" + new string('0', 32), ["Sid"] = recording,
            };
            string Fill(string template) => values.Aggregate(template, (path, v) => path.Replace("{" + v.Key + "}", v.Value));

            foreach (ResourceScope scope in ApiCatalog.Recordings.Scopes)
            {
                foreach ((Operations operation, HttpMethod method) in new[]
                {
                    (Operations.Create, HttpMethod.Post), (Operations.List, HttpMethod.Get),
                    (Operations.Fetch, HttpMethod.Get), (Operations.Update, HttpMethod.Post), (Operations.Delete, HttpMethod.Delete),
                })
                {
                    string path = scope.PathFor(operation);
                    if (path == null) continue;
                    // An empty POST: an update without Status is a 400, never a routing answer.
                    var request = new HttpRequestMessage(method, Fill(path));
                    if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent(new KeyValuePair<string, string>[0]);
                    ApiResponse r = await api.Send(request);
                    if (!scope.Allows(operation)) Assert.True(r.Status == HttpStatusCode.MethodNotAllowed, scope + " " + operation + ": " + r.Body);
                    else Assert.True(r.Status != HttpStatusCode.MethodNotAllowed && !(r.Status == HttpStatusCode.NotFound && scope.Name == "Account"),
                        scope + " " + operation + ": " + r.Status + " " + r.Body);
                }
            }
        }

        [Fact]
        public async Task Conference_recordings_list_is_empty_and_its_instances_are_404()
        {
            using var api = Timed(out _, o => o.SeedRecordings = 3);
            string conference = "CF" + new string('a', 32);
            string basePath = "/2010-04-01/Accounts/" + api.AccountSid + "/Conferences/" + conference + "/Recordings";
            ApiResponse list = await api.Get(basePath + ".json");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Empty(Items(list));
            Assert.Equal(basePath + ".json?PageSize=50&Page=0", list.Str("uri"));

            string seeded = Items(await api.Get(api.RecordingsPath))[0].GetProperty("sid").GetString();
            AssertTwilioError(await api.Get(basePath + "/" + seeded + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(basePath + "/" + seeded + ".json", "Status", "paused"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(basePath + "/" + seeded + ".json"), HttpStatusCode.NotFound, 20404);
        }

        // ---- start a recording ------------------------------------------------------------------

        [Fact]
        public async Task Starting_a_recording_on_an_in_progress_call_renders_every_field_of_the_spec()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            ApiResponse r = await StartRecording(api, call,
                "RecordingChannels", "dual", "RecordingTrack", "inbound", "Trim", "trim-silence",
                "RecordingStatusCallback", "https://example.com/recording", "RecordingStatusCallbackMethod", "GET",
                "RecordingStatusCallbackEvent", "in-progress completed", "RecordingStatusCallbackEvent", "absent");

            string sid = r.Str("sid");
            Assert.Matches("^RE[0-9a-f]{32}$", sid);
            Assert.Equal(api.AccountSid, r.Str("account_sid"));
            Assert.Equal(call, r.Str("call_sid"));
            Assert.Null(r.Str("conference_sid"));
            Assert.Equal("2010-04-01", r.Str("api_version"));
            Assert.Equal("in-progress", r.Str("status"));
            Assert.Equal("StartCallRecordingAPI", r.Str("source"));
            Assert.Equal(2, r.Int("channels"));
            Assert.Equal("inbound", r.Str("track"));
            Assert.Equal("-1", r.Str("duration"));
            Assert.Null(r.Str("price"));
            Assert.Equal("USD", r.Str("price_unit"));
            Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("error_code").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("encryption_details").ValueKind);
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("date_created"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("start_time"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("date_updated"));
            Assert.Equal(api.CallRecordingPath(call, sid), r.Str("uri"));
            Assert.Equal(new Uri(api.Emulator.BaseUri, api.RecordingPath(sid, "")).AbsoluteUri, r.Str("media_url"));
            JsonElement subresources = r.Json.GetProperty("subresource_uris");
            Assert.Equal(api.RecordingPath(sid, "/Transcriptions.json"), subresources.GetProperty("transcriptions").GetString());
            Assert.Equal(api.RecordingPath(sid, "/AddOnResults.json"), subresources.GetProperty("add_on_results").GetString());

            var rendered = r.Json.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (string schema in new[] { "api.v2010.account.recording", "api.v2010.account.call.call_recording" })
            {
                List<string> missing = OfficialSpec.Schema(schema).GetProperty("properties").EnumerateObject()
                    .Select(p => p.Name).Where(name => !rendered.Contains(name)).ToList();
                Assert.True(missing.Count == 0, schema + " lacks " + string.Join(", ", missing));
            }
            List<string> statuses = OfficialSpec.Schema("recording_enum_status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains("in-progress", statuses);
            Assert.Contains("deleted", statuses);

            // The account scope renders the same recording with its own uri.
            ApiResponse fetched = await api.Get(api.RecordingPath(sid));
            Assert.Equal(api.RecordingPath(sid), fetched.Str("uri"));
            Assert.Equal("inbound", fetched.Str("track"));
        }

        [Fact]
        public async Task Defaults_are_mono_and_both_tracks()
        {
            using var api = Timed(out ManualClock clock);
            ApiResponse r = await StartRecording(api, await InProgressCall(api, clock));
            Assert.Equal(1, r.Int("channels"));
            Assert.Equal("both", r.Str("track"));
        }

        [Fact]
        public async Task Recording_a_call_that_is_not_in_progress_is_Twilio_error_21220()
        {
            using var api = Timed(out ManualClock clock);
            string call = (await api.CreateCall()).Str("sid");
            ApiResponse queued = await api.Post(api.CallRecordingsPath(call));
            AssertTwilioError(queued, HttpStatusCode.BadRequest, 21220);
            Assert.Equal("Requested resource is not eligible for recording", queued.Str("message"));

            clock.Advance(TimeSpan.FromSeconds(1));
            AssertTwilioError(await api.Post(api.CallRecordingsPath(call)), HttpStatusCode.BadRequest, 21220); // ringing
            clock.Advance(TimeSpan.FromMinutes(5));
            AssertTwilioError(await api.Post(api.CallRecordingsPath(call)), HttpStatusCode.BadRequest, 21220); // completed
            Assert.Empty(Items(await api.Get(api.RecordingsPath)));
        }

        [Fact]
        public async Task Recording_an_unknown_call_is_404()
        {
            using var api = Timed(out _);
            string missing = "CA" + new string('0', 32);
            AssertTwilioError(await api.Post(api.CallRecordingsPath(missing)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.CallRecordingsPath(missing)), HttpStatusCode.NotFound, 20404);
        }

        [Theory]
        [InlineData("RecordingChannels", "stereo")]
        [InlineData("RecordingTrack", "all")]
        [InlineData("Trim", "yes")]
        [InlineData("RecordingStatusCallbackMethod", "PUT")]
        [InlineData("RecordingStatusCallbackEvent", "ringing")]
        [InlineData("RecordingStatusCallback", "not a url")]
        public async Task Invalid_start_parameters_are_400_and_start_nothing(string name, string value)
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            AssertTwilioError(await api.Post(api.CallRecordingsPath(call), name, value), HttpStatusCode.BadRequest, 20001);
            Assert.Empty(Items(await api.Get(api.CallRecordingsPath(call))));
        }

        // ---- Record=true --------------------------------------------------------------------------

        [Fact]
        public async Task Record_true_records_the_answered_part_of_the_call()
        {
            using var api = Timed(out ManualClock clock, o => o.CallDuration = TimeSpan.FromSeconds(5));
            string call = (await api.CreateCall("Record", "true", "RecordingChannels", "dual", "RecordingTrack", "outbound")).Str("sid");
            Assert.Empty(Items(await api.Get(api.RecordingsPath)));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Empty(Items(await api.Get(api.CallRecordingsPath(call)))); // ringing: nothing recorded yet

            clock.Advance(TimeSpan.FromSeconds(2));
            JsonElement live = Assert.Single(Items(await api.Get(api.CallRecordingsPath(call))));
            Assert.Equal("in-progress", live.GetProperty("status").GetString());
            Assert.Equal("OutboundAPI", live.GetProperty("source").GetString());
            Assert.Equal(2, live.GetProperty("channels").GetInt32());
            Assert.Equal("outbound", live.GetProperty("track").GetString());
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", live.GetProperty("start_time").GetString());
            string sid = live.GetProperty("sid").GetString();

            clock.Advance(TimeSpan.FromSeconds(5));
            ApiResponse done = await api.Get(api.RecordingPath(sid));
            ApiResponse callNow = await api.Get(api.CallPath(call));
            Assert.Equal("completed", done.Str("status"));
            Assert.Equal("5", done.Str("duration"));
            Assert.Equal(callNow.Str("duration"), done.Str("duration"));
            Assert.Equal("-0.0025", done.Str("price"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:08 +0000", done.Str("date_updated"));
        }

        [Fact]
        public async Task Record_true_recording_ends_when_the_call_is_hung_up()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock, "Record", "true");
            clock.Advance(TimeSpan.FromSeconds(7));
            Assert.Equal(HttpStatusCode.OK, (await api.Post(api.CallPath(call), "Status", "completed")).Status);
            JsonElement recording = Assert.Single(Items(await api.Get(api.CallRecordingsPath(call))));
            Assert.Equal("completed", recording.GetProperty("status").GetString());
            Assert.Equal("7", recording.GetProperty("duration").GetString());
        }

        [Fact]
        public async Task Record_true_on_a_call_canceled_before_the_answer_leaves_no_recording()
        {
            using var api = Timed(out ManualClock clock);
            string call = (await api.CreateCall("Record", "true")).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.OK, (await api.Post(api.CallPath(call), "Status", "canceled")).Status);
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Empty(Items(await api.Get(api.RecordingsPath)));
        }

        // ---- update ----------------------------------------------------------------------------

        [Theory]
        [InlineData("skip", "15")]
        [InlineData("silence", "20")]
        public async Task Pause_resume_and_stop_shape_the_duration(string pauseBehavior, string expected)
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            string path = api.CallRecordingPath(call, sid);

            clock.Advance(TimeSpan.FromSeconds(10));
            ApiResponse paused = await api.Post(path, "Status", "paused", "PauseBehavior", pauseBehavior);
            Assert.Equal("paused", paused.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:13 +0000", paused.Str("date_updated"));
            clock.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal("in-progress", (await api.Post(path, "Status", "in-progress")).Str("status"));
            clock.Advance(TimeSpan.FromSeconds(5));
            ApiResponse stopped = await api.Post(path, "Status", "stopped");
            Assert.Equal(HttpStatusCode.OK, stopped.Status);
            Assert.Equal("completed", stopped.Str("status"));
            Assert.Equal(expected, stopped.Str("duration"));

            // The call goes on; the recording stays as it was stopped.
            clock.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal("in-progress", (await api.Get(api.CallPath(call))).Str("status"));
            Assert.Equal(expected, (await api.Get(api.RecordingPath(sid))).Str("duration"));
        }

        [Fact]
        public async Task A_skipped_pause_still_open_when_the_call_ends_is_cut_from_the_file()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(4));
            await api.Post(api.CallRecordingPath(call, sid), "Status", "paused", "PauseBehavior", "skip");
            clock.Advance(TimeSpan.FromMinutes(2)); // the call ends at +63 s
            ApiResponse r = await api.Get(api.RecordingPath(sid));
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("4", r.Str("duration"));
        }

        [Fact]
        public async Task Twilio_CURRENT_names_the_calls_live_recording()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string first = (await StartRecording(api, call)).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(2));
            await api.Post(api.CallRecordingPath(call, first), "Status", "stopped");
            string second = (await StartRecording(api, call)).Str("sid");

            ApiResponse paused = await api.Post(api.CallRecordingPath(call, "Twilio.CURRENT"), "Status", "paused");
            Assert.Equal(second, paused.Str("sid"));
            Assert.Equal("paused", paused.Str("status"));
            Assert.Equal("completed", (await api.Get(api.RecordingPath(first))).Str("status"));

            await api.Post(api.CallRecordingPath(call, "Twilio.CURRENT"), "Status", "stopped");
            AssertTwilioError(await api.Post(api.CallRecordingPath(call, "Twilio.CURRENT"), "Status", "paused"), HttpStatusCode.NotFound, 20404);
        }

        [Fact]
        public async Task Updates_are_validated_and_need_a_live_recording()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            string path = api.CallRecordingPath(call, sid);
            AssertTwilioError(await api.Post(path), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(path, "Status", "completed"), HttpStatusCode.BadRequest, 20001);
            AssertTwilioError(await api.Post(path, "Status", "paused", "PauseBehavior", "mute"), HttpStatusCode.BadRequest, 20001);
            Assert.Equal("in-progress", (await api.Get(path)).Str("status"));

            await api.Post(path, "Status", "stopped");
            AssertTwilioError(await api.Post(path, "Status", "in-progress"), HttpStatusCode.BadRequest, 21220);
        }

        [Fact]
        public async Task A_recording_is_only_reached_under_its_own_call()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            string other = (await api.CreateCall()).Str("sid");
            AssertTwilioError(await api.Get(api.CallRecordingPath(other, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Post(api.CallRecordingPath(other, sid), "Status", "paused"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.RecordingPath("RE" + new string('0', 32))), HttpStatusCode.NotFound, 20404);
            Assert.Equal(sid, (await api.Get(api.CallRecordingPath(call, sid))).Str("sid"));
        }

        // ---- delete ----------------------------------------------------------------------------

        [Fact]
        public async Task Delete_soft_deletes_a_finished_recording()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            AssertTwilioError(await api.Delete(api.RecordingPath(sid)), HttpStatusCode.BadRequest, 21220); // still recording
            clock.Advance(TimeSpan.FromSeconds(3));
            await api.Post(api.CallRecordingPath(call, sid), "Status", "stopped");
            clock.Advance(TimeSpan.FromSeconds(1));

            ApiResponse deleted = await api.Delete(api.CallRecordingPath(call, sid));
            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            Assert.Equal("", deleted.Body);
            AssertTwilioError(await api.Get(api.RecordingPath(sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.RecordingPath(sid, ".wav")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(api.RecordingPath(sid)), HttpStatusCode.NotFound, 20404);
            Assert.Empty(Items(await api.Get(api.RecordingsPath)));
            Assert.Empty(Items(await api.Get(api.CallRecordingsPath(call))));

            ApiResponse soft = await api.Get(api.RecordingPath(sid) + "?IncludeSoftDeleted=true");
            Assert.Equal("deleted", soft.Str("status"));
            Assert.Equal("3", soft.Str("duration"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:07 +0000", soft.Str("date_updated"));
            Assert.Equal(sid, Assert.Single(Items(await api.Get(api.RecordingsPath + "?IncludeSoftDeleted=true"))).GetProperty("sid").GetString());
        }

        // ---- lists -----------------------------------------------------------------------------

        [Fact]
        public async Task Account_list_filters_by_call_conference_and_date_created()
        {
            using var api = Timed(out ManualClock clock);
            string a = await InProgressCall(api, clock);
            string first = (await StartRecording(api, a)).Str("sid");        // 12:00:03
            clock.Advance(TimeSpan.FromDays(1));
            string b = await InProgressCall(api, clock);
            string second = (await StartRecording(api, b)).Str("sid");       // next day 12:00:06
            string third = (await StartRecording(api, b)).Str("sid");

            List<string> Sids(ApiResponse r) => Items(r).Select(e => e.GetProperty("sid").GetString()).ToList();
            Assert.Equal(new[] { third, second, first }, Sids(await api.Get(api.RecordingsPath)));
            Assert.Equal(new[] { first }, Sids(await api.Get(api.RecordingsPath + "?CallSid=" + a)));
            Assert.Equal(new[] { third, second }, Sids(await api.Get(api.CallRecordingsPath(b))));
            Assert.Empty(Sids(await api.Get(api.RecordingsPath + "?ConferenceSid=CF" + new string('1', 32))));
            Assert.Equal(new[] { first }, Sids(await api.Get(api.RecordingsPath + "?DateCreated=2024-03-05")));
            Assert.Equal(new[] { third, second }, Sids(await api.Get(api.RecordingsPath + "?DateCreated%3E=2024-03-06")));
            Assert.Equal(new[] { first }, Sids(await api.Get(api.RecordingsPath + "?DateCreated%3C=2024-03-05T12:00:03Z")));
            Assert.Equal(new[] { third, second }, Sids(await api.Get(api.CallRecordingsPath(b) + "?DateCreated=2024-03-06")));
            AssertTwilioError(await api.Get(api.RecordingsPath + "?DateCreated=yesterday"), HttpStatusCode.BadRequest, 20001);
        }

        [Fact]
        public async Task Lists_page_newest_first_through_next_page_uri()
        {
            using var api = Timed(out _, o => o.SeedRecordings = 123);
            var seen = new List<JsonElement>();
            string uri = api.RecordingsPath + "?PageSize=50";
            int pages = 0;
            while (uri != null)
            {
                ApiResponse page = await api.Get(uri);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal(pages, page.Int("page"));
                Assert.Equal(50, page.Int("page_size"));
                seen.AddRange(Items(page));
                uri = page.Str("next_page_uri");
                if (uri != null) Assert.StartsWith(api.RecordingsPath + "?PageSize=50&Page=" + (pages + 1) + "&PageToken=PARE", uri);
                Assert.True(++pages < 10, "runaway paging");
            }
            Assert.Equal(3, pages);
            Assert.Equal(123, seen.Select(r => r.GetProperty("sid").GetString()).Distinct().Count());
            List<DateTimeOffset> created = seen.Select(r => DateTimeOffset.ParseExact(r.GetProperty("date_created").GetString(),
                "ddd, dd MMM yyyy HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(created.OrderByDescending(d => d).ToList(), created);
        }

        [Fact]
        public async Task Seeded_recordings_are_complete_recordings_of_seeded_answered_calls()
        {
            using var api = Timed(out _);
            api.Emulator.SeedRecordings(20);
            List<JsonElement> recordings = Items(await api.Get(api.RecordingsPath + "?PageSize=100"));
            Assert.Equal(20, recordings.Count);
            foreach (JsonElement r in recordings)
            {
                Assert.Equal("completed", r.GetProperty("status").GetString());
                ApiResponse call = await api.Get(api.CallPath(r.GetProperty("call_sid").GetString()));
                Assert.Equal("completed", call.Str("status"));
                Assert.Equal(call.Str("duration"), r.GetProperty("duration").GetString());
                Assert.Equal(call.Str("start_time"), r.GetProperty("start_time").GetString());
            }
            Assert.Equal(20, (await api.Get(api.CallsPath + "?PageSize=100")).Json.GetProperty("calls").GetArrayLength());
            Assert.Throws<ArgumentException>(() => api.Emulator.SeedRecordings(1, "AC" + new string('9', 32)));
        }

        // ---- media -----------------------------------------------------------------------------

        private static async Task<(string Sid, int Seconds)> FinishedRecording(Api api, ManualClock clock, int seconds, string channels = "mono")
        {
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call, "RecordingChannels", channels)).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(seconds));
            Assert.Equal("completed", (await api.Post(api.CallRecordingPath(call, sid), "Status", "stopped")).Str("status"));
            return (sid, seconds);
        }

        [Theory]
        [InlineData("mono", 1)]
        [InlineData("dual", 2)]
        public async Task Wav_is_8kHz_16bit_PCM_as_long_as_the_recording(string channelsParameter, int channels)
        {
            using var api = Timed(out ManualClock clock);
            (string sid, int seconds) = await FinishedRecording(api, clock, 3, channelsParameter);
            (HttpResponseMessage message, byte[] wav) = await api.GetBytes(api.RecordingPath(sid, ".wav"));
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal("audio/x-wav", message.Content.Headers.ContentType.MediaType);
            Assert.Equal(wav.Length, message.Content.Headers.ContentLength);

            string Ascii(int at) => Encoding.ASCII.GetString(wav, at, 4);
            int Int32(int at) => BitConverter.ToInt32(wav, at);
            int Int16(int at) => BitConverter.ToInt16(wav, at);
            Assert.Equal("RIFF", Ascii(0));
            Assert.Equal(wav.Length - 8, Int32(4));
            Assert.Equal("WAVE", Ascii(8));
            Assert.Equal("fmt ", Ascii(12));
            Assert.Equal(16, Int32(16));
            Assert.Equal(1, Int16(20));                    // PCM
            Assert.Equal(channels, Int16(22));
            Assert.Equal(8000, Int32(24));
            Assert.Equal(8000 * 2 * channels, Int32(28));  // byte rate
            Assert.Equal(2 * channels, Int16(32));         // block align
            Assert.Equal(16, Int16(34));
            Assert.Equal("data", Ascii(36));
            int dataBytes = seconds * 8000 * 2 * channels;
            Assert.Equal(dataBytes, Int32(40));
            Assert.Equal(44 + dataBytes, wav.Length);
            Assert.Equal(seconds, dataBytes / Int32(28));

            // A quiet tone, not silence and never loud.
            short[] samples = Enumerable.Range(0, dataBytes / 2).Select(i => BitConverter.ToInt16(wav, 44 + 2 * i)).ToArray();
            Assert.Contains(samples, s => s != 0);
            Assert.All(samples, s => Assert.InRange(Math.Abs((int)s), 0, 4000));

            // media_url itself answers the WAV, as Twilio's does.
            (HttpResponseMessage bare, byte[] same) = await api.GetBytes(api.RecordingPath(sid, ""));
            Assert.Equal("audio/x-wav", bare.Content.Headers.ContentType.MediaType);
            Assert.Equal(wav, same);
        }

        /// <summary>A recording stopped within its first second is a playable file of one frame, never an empty one.</summary>
        [Fact]
        public async Task A_recording_under_a_second_is_still_one_mp3_frame()
        {
            using var api = Timed(out ManualClock clock);
            (string sid, _) = await FinishedRecording(api, clock, 0);
            (HttpResponseMessage message, byte[] mp3) = await api.GetBytes(api.RecordingPath(sid, ".mp3"));
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal(96, mp3.Length);
            Assert.Equal(new byte[] { 0xFF, 0xFB, 0x14, 0xC4 }, mp3.Take(4).ToArray());
        }

        [Fact]
        public async Task Mp3_is_a_run_of_MPEG1_layer_III_frames_covering_the_duration()
        {
            using var api = Timed(out ManualClock clock);
            (string sid, int seconds) = await FinishedRecording(api, clock, 6);
            (HttpResponseMessage message, byte[] mp3) = await api.GetBytes(api.RecordingPath(sid, ".mp3"));
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal("audio/mpeg", message.Content.Headers.ContentType.MediaType);
            Assert.Equal(mp3.Length, message.Content.Headers.ContentLength);

            // First header: sync, MPEG-1 (11), Layer III (01), no CRC; 32 kbit/s (0001), 48 kHz (01), no padding; mono (11).
            Assert.Equal(0xFF, mp3[0]);
            Assert.Equal(0b1111_1011, mp3[1]);
            Assert.Equal(0b0001, mp3[2] >> 4);
            Assert.Equal(0b01, (mp3[2] >> 2) & 3);
            Assert.Equal(0, (mp3[2] >> 1) & 1);
            Assert.Equal(0b11, mp3[3] >> 6);

            // 144 * 32000 / 48000 = 96 bytes a frame, 1152 samples (24 ms) each: every frame starts with a header.
            const int frameBytes = 96;
            Assert.Equal(0, mp3.Length % frameBytes);
            int frames = mp3.Length / frameBytes;
            for (int f = 0; f < frames; f++) Assert.Equal(new byte[] { 0xFF, 0xFB, 0x14, 0xC4 }, mp3.Skip(f * frameBytes).Take(4).ToArray());
            double covered = frames * 1152 / 48000.0;
            Assert.InRange(covered, seconds, seconds + 0.024);
        }

        [Fact]
        public async Task Media_of_a_recording_still_in_progress_or_unknown_is_404()
        {
            using var api = Timed(out ManualClock clock);
            string call = await InProgressCall(api, clock);
            string sid = (await StartRecording(api, call)).Str("sid");
            AssertTwilioError(await api.Get(api.RecordingPath(sid, ".wav")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.RecordingPath(sid, ".mp3")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.RecordingPath("RE" + new string('f', 32), ".wav")), HttpStatusCode.NotFound, 20404);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await api.Delete(api.RecordingPath(sid, ".wav"))).Status);
        }

        [Fact]
        public async Task Media_needs_the_same_credentials_as_the_json()
        {
            using var api = Timed(out ManualClock clock);
            (string sid, _) = await FinishedRecording(api, clock, 1);
            using Api anonymous = api.As("", "");
            AssertTwilioError(await anonymous.Get(api.RecordingPath(sid, ".wav")), HttpStatusCode.Unauthorized, 20003);
            using Api wrong = api.As(api.AccountSid, new string('0', 32));
            AssertTwilioError(await wrong.Get(api.RecordingPath(sid, ".mp3")), HttpStatusCode.Unauthorized, 20003);
        }

        // ---- accounts --------------------------------------------------------------------------

        [Fact]
        public async Task Subaccount_recordings_are_isolated()
        {
            using var api = Timed(out _);
            string sub = api.Emulator.CreateSubaccount("team");
            api.Emulator.SeedRecordings(2, sub);
            api.Emulator.SeedRecordings(1);
            string subPath = "/2010-04-01/Accounts/" + sub + "/Recordings";

            List<JsonElement> subRecordings = Items(await api.Get(subPath + ".json"));
            Assert.Equal(2, subRecordings.Count);
            Assert.All(subRecordings, r => Assert.Equal(sub, r.GetProperty("account_sid").GetString()));
            string subSid = subRecordings[0].GetProperty("sid").GetString();
            string mainSid = Assert.Single(Items(await api.Get(api.RecordingsPath))).GetProperty("sid").GetString();

            // The main account reaches its subaccount's recordings only under the subaccount's path.
            Assert.Equal(HttpStatusCode.OK, (await api.Get(subPath + "/" + subSid + ".json")).Status);
            AssertTwilioError(await api.Get(api.RecordingPath(subSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(api.RecordingPath(subSid, ".wav")), HttpStatusCode.NotFound, 20404);

            // The subaccount's own credential never reaches the main account's.
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            Assert.Equal(HttpStatusCode.OK, (await subApi.GetBytes(subPath + "/" + subSid + ".mp3")).Message.StatusCode);
            AssertTwilioError(await subApi.Get(api.RecordingPath(mainSid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(api.RecordingsPath), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(subPath + "/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Delete(subPath + "/" + mainSid + ".json"), HttpStatusCode.NotFound, 20404);
        }
    }
}
