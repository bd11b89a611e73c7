using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's TwiML interpreter on a manual clock: each verb's time and effect, documents
    /// fetched from a loopback app with Twilio's parameters and signature, failures as notifications,
    /// and what the REST API shows of it (calls, conferences, queues, recordings, call events).
    /// </summary>
    public class EmulatorTwimlTests
    {
        // A call created at T0 rings at +1 s, is answered (and starts its TwiML) at +3 s; the person
        // answering hangs up at +63 s unless the TwiML ends the call first.
        private static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock, o => o.CallsPerSecond = 100);

        private static readonly TimeSpan ToAnswer = TimeSpan.FromSeconds(3);

        private static async Task<string> Call(Api api, params string[] fields)
        {
            ApiResponse r = await api.Post(api.CallsPath, new[] { "To", "+14155551212", "From", "+15005550006" }.Concat(fields).ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r.Str("sid");
        }

        private static Task<string> Inline(Api api, string twiml, params string[] fields) => Call(api, new[] { "Twiml", twiml }.Concat(fields).ToArray());

        /// <summary>Moves the clock and makes a request, before which the emulator runs what became due.</summary>
        private static async Task Pass(Api api, ManualClock clock, TimeSpan by)
        {
            clock.Advance(by);
            await api.Get(api.CallsPath + "?PageSize=1");
        }

        private static async Task<ApiResponse> Fetch(Api api, string call) => await api.Get(api.CallPath(call));

        private static string Path(Api api, string tail) => "/2010-04-01/Accounts/" + api.AccountSid + tail;

        private static List<JsonElement> Items(ApiResponse r, string key) => r.Json.GetProperty(key).EnumerateArray().ToList();

        private static async Task<List<JsonElement>> Notifications(Api api) => Items(await api.Get(Path(api, "/Notifications.json")), "notifications");

        // ---- time ----------------------------------------------------------------------------------

        [Fact]
        public async Task Say_takes_time_in_proportion_to_its_words_and_the_end_of_the_document_hangs_up()
        {
            using var api = Timed(out ManualClock clock);
            // Ten words at 2.5 words a second: 4 s; then a 3 s pause.
            string call = await Inline(api, "<Response><Say>one two three four five six seven eight nine ten</Say><Pause length=\"3\"/></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(6.9));
            Assert.Equal("in-progress", (await Fetch(api, call)).Str("status"));
            await Pass(api, clock, TimeSpan.FromSeconds(0.1));
            ApiResponse ended = await Fetch(api, call);
            Assert.Equal("completed", ended.Str("status"));
            Assert.Equal("7", ended.Str("duration"));
        }

        [Theory]
        [InlineData("<Play loop=\"3\">https://example.com/hold.mp3</Play>", "15")] // 5 s of media, three times
        [InlineData("<Play digits=\"1234\"/>", "2")]                                 // half a second a tone
        [InlineData("<Say loop=\"2\">hello there</Say>", "1")]                       // 0.8 s twice
        [InlineData("<Pause/>", "1")]
        [InlineData("<Say>bye</Say><Hangup/><Pause length=\"30\"/>", "0")]          // nothing after Hangup runs
        [InlineData("<Pause length=\"300\"/>", "60")]                                // the person hangs up first
        public async Task Each_verb_takes_its_documented_time(string verbs, string duration)
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response>" + verbs + "</Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(5));
            ApiResponse r = await Fetch(api, call);
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal(duration, r.Str("duration"));
        }

        [Theory]
        [InlineData("<Reject reason=\"busy\"/>", "busy")]
        [InlineData("<Reject/>", "no-answer")]
        public async Task Reject_ends_the_call_unanswered_by_its_reason(string verb, string status)
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response>" + verb + "<Say>never said</Say></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(2));
            ApiResponse r = await Fetch(api, call);
            Assert.Equal(status, r.Str("status"));
            Assert.Equal("0", r.Str("duration"));
        }

        // ---- fetched documents -----------------------------------------------------------------------

        [Fact]
        public async Task A_url_is_fetched_when_answered_with_Twilio_parameters_and_a_valid_signature()
        {
            using var app = new TwimlApp();
            app.Answer("/voice", "<Response><Pause length=\"2\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"));
            await Pass(api, clock, TimeSpan.FromSeconds(2));
            await Fetch(api, call);
            Assert.Empty(app.Requests); // ringing: nothing asked yet
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            ApiResponse live = await Fetch(api, call);
            Assert.Equal("in-progress", live.Str("status"));

            TwimlApp.Request request = Assert.Single(app.To("/voice"));
            Assert.Equal("POST", request.Method);
            Assert.Equal(call, request.Form["CallSid"]);
            Assert.Equal(api.AccountSid, request.Form["AccountSid"]);
            Assert.Equal("+15005550006", request.Form["From"]);
            Assert.Equal("+14155551212", request.Form["To"]);
            Assert.Equal("in-progress", request.Form["CallStatus"]);
            Assert.Equal("outbound-api", request.Form["Direction"]);
            Assert.Equal("2010-04-01", request.Form["ApiVersion"]);
            Assert.Equal(TwimlApp.Signature(api.Emulator.AuthToken, app.Url("/voice"), request.Form), request.Signature);

            await Pass(api, clock, TimeSpan.FromSeconds(2));
            Assert.Equal("2", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task Method_GET_sends_the_parameters_in_the_query_and_signs_the_whole_url()
        {
            using var app = new TwimlApp();
            app.Answer("/voice", "<Response><Hangup/></Response>");
            using var api = Timed(out ManualClock clock);
            await Call(api, "Url", app.Url("/voice"), "Method", "GET");
            await Pass(api, clock, ToAnswer);
            await api.Get(api.CallsPath);
            TwimlApp.Request request = Assert.Single(app.To("/voice"));
            Assert.Equal("GET", request.Method);
            Assert.Contains("CallSid=", request.Url);
            Assert.Equal(TwimlApp.Signature(api.Emulator.AuthToken, request.Url, new Dictionary<string, string>()), request.Signature);
        }

        [Fact]
        public async Task An_applications_voice_url_answers_calls_made_with_it()
        {
            using var app = new TwimlApp();
            app.Answer("/app", "<Response><Pause length=\"4\"/></Response>");
            using var api = Timed(out ManualClock clock);
            ApiResponse application = await api.Post(Path(api, "/Applications.json"), "FriendlyName", "IVR", "VoiceUrl", app.Url("/app"), "VoiceMethod", "POST");
            string call = await Call(api, "ApplicationSid", application.Str("sid"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            Assert.Single(app.To("/app"));
            Assert.Equal("4", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task Redirect_fetches_the_next_document_relative_to_the_current_one()
        {
            using var app = new TwimlApp();
            app.Answer("/voice", "<Response><Say>one moment</Say><Redirect method=\"GET\">next</Redirect><Say>never</Say></Response>");
            app.Answer("/next", "<Response><Pause length=\"5\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            Assert.Equal("GET", Assert.Single(app.To("/next")).Method);
            Assert.Equal("5", (await Fetch(api, call)).Str("duration")); // 0.8 s of Say, then 5 s
        }

        [Fact]
        public async Task Updating_a_call_with_new_TwiML_runs_it_from_then_on()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Pause length=\"50\"/></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await api.Post(api.CallPath(call), "Twiml", "<Response><Pause length=\"2\"/><Hangup/></Response>")).Status);
            await Pass(api, clock, TimeSpan.FromSeconds(5));
            ApiResponse r = await Fetch(api, call);
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("12", r.Str("duration"));
        }

        [Fact]
        public async Task A_call_updated_before_it_is_answered_runs_its_new_TwiML_from_the_answer()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Pause length=\"50\"/></Response>");
            await Pass(api, clock, TimeSpan.FromSeconds(1)); // ringing
            await api.Post(api.CallPath(call), "Twiml", "<Response><Pause length=\"4\"/></Response>");
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            Assert.Equal("ringing", (await Fetch(api, call)).Str("status"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            Assert.Equal("4", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task A_twiml_folder_is_served_at_twiml_without_authentication_and_nothing_outside_it()
        {
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twilio-ps-twiml-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "short.xml"), "<Response><Pause length=\"3\"/></Response>");
            System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(folder), System.IO.Path.GetFileName(folder) + "-secret.xml"), "secret");
            try
            {
                using var api = Api.WithMinuteCalls(out ManualClock clock, o => o.TwimlFolder = folder);
                using Api anonymous = api.As("", "");
                var (served, body) = await anonymous.GetBytes("/twiml/short.xml");
                Assert.Equal(HttpStatusCode.OK, served.StatusCode);
                Assert.Equal("text/xml", served.Content.Headers.ContentType.MediaType);
                Assert.Contains("<Pause", System.Text.Encoding.UTF8.GetString(body));
                Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetBytes("/twiml/missing.xml")).Message.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetBytes("/twiml/..%2f" + System.IO.Path.GetFileName(folder) + "-secret.xml")).Message.StatusCode);

                string call = await Call(api, "Url", api.Emulator.BaseUri + "twiml/short.xml");
                await Pass(api, clock, TimeSpan.FromMinutes(1));
                Assert.Equal("3", (await Fetch(api, call)).Str("duration"));
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
                System.IO.File.Delete(folder + "-secret.xml");
            }
        }

        // ---- failures ------------------------------------------------------------------------------

        [Fact]
        public async Task A_url_that_fails_uses_the_fallback_url_and_leaves_no_notification()
        {
            using var app = new TwimlApp();
            app.Fail("/voice", 500);
            app.Answer("/fallback", "<Response><Pause length=\"3\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"), "FallbackUrl", app.Url("/fallback"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            TwimlApp.Request fallback = Assert.Single(app.To("/fallback"));
            Assert.Equal("11200", fallback.Form["ErrorCode"]);
            Assert.Equal(app.Url("/voice"), fallback.Form["ErrorUrl"]);
            Assert.Empty(await Notifications(api));
            Assert.Equal("3", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task A_url_that_fails_without_a_fallback_leaves_11200_and_the_call_ends_after_the_error_message()
        {
            using var app = new TwimlApp();
            app.Fail("/voice", 404);
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            JsonElement n = Assert.Single(await Notifications(api));
            Assert.Equal("11200", n.GetProperty("error_code").GetString());
            Assert.Equal(call, n.GetProperty("call_sid").GetString());
            Assert.Equal(app.Url("/voice"), n.GetProperty("request_url").GetString());
            ApiResponse r = await Fetch(api, call);
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("4", r.Str("duration")); // "An application error has occurred", then Twilio hangs up
        }

        [Theory]
        [InlineData("<Response><Say>unclosed</Response>", "12100", "0")]
        [InlineData("<Document><Say>hi</Say></Document>", "12102", "0")]
        public async Task Fetched_TwiML_that_cannot_run_leaves_its_error_and_ends_the_call(string document, string code, string log)
        {
            using var app = new TwimlApp();
            app.Answer("/voice", document);
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            JsonElement n = Assert.Single(await Notifications(api));
            Assert.Equal(code, n.GetProperty("error_code").GetString());
            Assert.Equal(log, n.GetProperty("log").GetString());
            Assert.Equal("4", (await Fetch(api, call)).Str("duration"));
            ApiResponse instance = await api.Get(Path(api, "/Notifications/" + n.GetProperty("sid").GetString() + ".json"));
            Assert.Equal(document, instance.Str("response_body"));
        }

        [Fact]
        public async Task An_unknown_verb_is_a_12200_warning_and_the_rest_runs()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Dance/><Pause length=\"6\"/></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            JsonElement n = Assert.Single(await Notifications(api));
            Assert.Equal("12200", n.GetProperty("error_code").GetString());
            Assert.Equal("1", n.GetProperty("log").GetString());
            Assert.Contains("Dance", n.GetProperty("message_text").GetString());
            Assert.Equal("6", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task Every_request_and_its_answer_is_a_call_event()
        {
            using var app = new TwimlApp();
            app.Answer("/voice", "<Response><Redirect>/second</Redirect></Response>");
            app.Answer("/second", "<Response><Pause length=\"1\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voice"));
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            List<JsonElement> events = Items(await api.Get(Path(api, "/Calls/" + call + "/Events.json")), "events");
            List<string> urls = events.Select(e => e.GetProperty("request").GetProperty("url").GetString()).ToList();
            Assert.Contains(app.Url("/voice"), urls);
            Assert.Contains(app.Url("/second"), urls);
            JsonElement second = events.Single(e => e.GetProperty("request").GetProperty("url").GetString() == app.Url("/second"));
            Assert.Equal(200, second.GetProperty("response").GetProperty("response_code").GetInt32());
            Assert.Contains("<Pause", second.GetProperty("response").GetProperty("response_body").GetString());
            Assert.Equal(call, second.GetProperty("request").GetProperty("parameters").GetProperty("CallSid").GetString());
        }

        // ---- Gather --------------------------------------------------------------------------------

        [Fact]
        public async Task Gather_reads_the_calls_SendDigits_and_posts_them_to_its_action()
        {
            using var app = new TwimlApp();
            app.Answer("/menu", "<Response><Gather numDigits=\"2\" action=\"/choice\"><Say>press two keys</Say></Gather><Say>nothing pressed</Say></Response>");
            app.Answer("/choice", form => "<Response><Pause length=\"" + (form["Digits"] == "42" ? "10" : "1") + "\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/menu"), "SendDigits", "427");
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            TwimlApp.Request choice = Assert.Single(app.To("/choice"));
            Assert.Equal("42", choice.Form["Digits"]);
            // 1.2 s of prompt, 1 s of key presses, then the action's 10 s pause.
            Assert.Equal("12", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task Gather_stops_at_finishOnKey()
        {
            using var app = new TwimlApp();
            app.Answer("/menu", "<Response><Gather action=\"/pin\" finishOnKey=\"*\"/></Response>");
            app.Answer("/pin", "<Response><Hangup/></Response>");
            using var api = Timed(out ManualClock clock);
            await Call(api, "Url", app.Url("/menu"), "SendDigits", "12w3*9");
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            Assert.Equal("123", Assert.Single(app.To("/pin")).Form["Digits"]);
        }

        [Fact]
        public async Task Gather_without_digits_times_out_and_goes_on_with_the_next_verb()
        {
            using var app = new TwimlApp();
            app.Answer("/choice", "<Response><Hangup/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Gather timeout=\"7\" action=\"" + app.Url("/choice") + "\"/><Pause length=\"2\"/></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(1));
            Assert.Empty(app.To("/choice"));
            Assert.Equal("9", (await Fetch(api, call)).Str("duration"));
        }

        // ---- Record --------------------------------------------------------------------------------

        [Fact]
        public async Task Record_makes_a_recording_with_audio_and_a_transcription_and_posts_it_to_its_action()
        {
            using var app = new TwimlApp();
            app.Answer("/voicemail", "<Response><Say>leave a message</Say><Record maxLength=\"10\" transcribe=\"true\" action=\"/saved\" recordingStatusCallback=\"/recorded\"/></Response>");
            app.Answer("/saved", "<Response><Say>thanks</Say></Response>");
            app.Answer("/recorded", "");
            using var api = Timed(out ManualClock clock);
            string call = await Call(api, "Url", app.Url("/voicemail"));
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(2));

            JsonElement live = Assert.Single(Items(await api.Get(api.CallRecordingsPath(call)), "recordings"));
            string sid = live.GetProperty("sid").GetString();
            Assert.Equal("in-progress", live.GetProperty("status").GetString());
            Assert.Equal("RecordVerb", live.GetProperty("source").GetString());

            await Pass(api, clock, TimeSpan.FromSeconds(30));
            TwimlApp.Request saved = Assert.Single(app.To("/saved"));
            Assert.Equal(sid, saved.Form["RecordingSid"]);
            Assert.Equal("10", saved.Form["RecordingDuration"]);
            Assert.EndsWith("/Recordings/" + sid, saved.Form["RecordingUrl"]);
            TwimlApp.Request status = Assert.Single(app.To("/recorded"));
            Assert.Equal("completed", status.Form["RecordingStatus"]);

            ApiResponse recording = await api.Get(api.RecordingPath(sid));
            Assert.Equal("completed", recording.Str("status"));
            Assert.Equal("10", recording.Str("duration"));
            (HttpResponseMessageLike media, byte[] wav) = await Media(api, sid);
            Assert.Equal(HttpStatusCode.OK, media.Status);
            Assert.True(wav.Length > 8000 * 10, "ten seconds of 8 kHz audio");

            JsonElement transcription = Assert.Single(Items(await api.Get(api.RecordingPath(sid, "/Transcriptions.json")), "transcriptions"));
            Assert.Equal("completed", transcription.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(transcription.GetProperty("transcription_text").GetString()));
            // 1.2 s of Say, 10 s recording, then 0.5 s of "thanks".
            Assert.Equal("11", (await Fetch(api, call)).Str("duration"));
        }

        private sealed record HttpResponseMessageLike(HttpStatusCode Status);

        private static async Task<(HttpResponseMessageLike, byte[])> Media(Api api, string sid)
        {
            var (message, body) = await api.GetBytes(api.RecordingPath(sid, ".wav"));
            return (new HttpResponseMessageLike(message.StatusCode), body);
        }

        [Fact]
        public async Task A_caller_hanging_up_during_Record_ends_the_recording_and_the_action_still_hears_of_it()
        {
            using var app = new TwimlApp();
            app.Answer("/saved", "<Response><Say>never run</Say></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Pause length=\"20\"/><Record action=\"" + app.Url("/saved") + "\"/></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(2));
            TwimlApp.Request saved = Assert.Single(app.To("/saved"));
            Assert.Equal("hangup", saved.Form["Digits"]);
            Assert.Equal("40", saved.Form["RecordingDuration"]); // from +20 s to the hang-up at +60 s
            Assert.Equal("completed", saved.Form["CallStatus"]);
            Assert.Equal("60", (await Fetch(api, call)).Str("duration"));
        }

        [Fact]
        public async Task A_call_redirected_away_from_Record_stops_its_recording()
        {
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Record maxLength=\"30\"/></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(5));
            await api.Post(api.CallPath(call), "Twiml", "<Response><Pause length=\"40\"/></Response>");
            await Pass(api, clock, TimeSpan.FromSeconds(30));
            JsonElement recording = Assert.Single(Items(await api.Get(api.CallRecordingsPath(call)), "recordings"));
            Assert.Equal("completed", recording.GetProperty("status").GetString());
            Assert.Equal("5", recording.GetProperty("duration").GetString());
        }

        // ---- Dial ----------------------------------------------------------------------------------

        [Fact]
        public async Task Dial_Number_makes_a_child_call_records_it_and_posts_its_status_to_the_action()
        {
            using var app = new TwimlApp();
            app.Answer("/after", "<Response><Hangup/></Response>");
            using var api = Timed(out ManualClock clock);
            string parent = await Inline(api, "<Response><Dial action=\"" + app.Url("/after") + "\" timeLimit=\"20\" callerId=\"+15005550007\" record=\"record-from-answer\"><Number>+14155550199</Number></Dial></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(4));
            JsonElement child = Assert.Single(Items(await api.Get(api.CallsPath + "?ParentCallSid=" + parent), "calls"));
            Assert.Equal("+14155550199", child.GetProperty("to").GetString());
            Assert.Equal("+15005550007", child.GetProperty("from").GetString());
            Assert.Equal("outbound-dial", child.GetProperty("direction").GetString());
            Assert.Equal("in-progress", child.GetProperty("status").GetString());

            await Pass(api, clock, TimeSpan.FromMinutes(1));
            TwimlApp.Request after = Assert.Single(app.To("/after"));
            Assert.Equal("completed", after.Form["DialCallStatus"]);
            Assert.Equal(child.GetProperty("sid").GetString(), after.Form["DialCallSid"]);
            Assert.Equal("20", after.Form["DialCallDuration"]);
            JsonElement recording = Assert.Single(Items(await api.Get(api.CallRecordingsPath(parent)), "recordings"));
            Assert.Equal("DialVerb", recording.GetProperty("source").GetString());
            Assert.Equal("20", recording.GetProperty("duration").GetString());
            Assert.Equal(recording.GetProperty("sid").GetString(), after.Form["RecordingSid"]);
            Assert.Equal("20", after.Form["RecordingDuration"]);
            // Rings 1 s, answered 2 s later, talks for the 20 s time limit: the parent hangs up at +23 s.
            Assert.Equal("23", (await Fetch(api, parent)).Str("duration"));
        }

        [Fact]
        public async Task Dial_times_out_as_no_answer_and_the_TwiML_goes_on()
        {
            // Everyone takes 10 s to answer, longer than the Dial's 5 s timeout.
            using var api = Api.WithMinuteCalls(out ManualClock clock, o => { o.CallsPerSecond = 100; o.AnswerDelay = TimeSpan.FromSeconds(10); });
            string parent = await Inline(api, "<Response><Dial timeout=\"5\"><Client>alice</Client></Dial><Pause length=\"2\"/></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(2));
            JsonElement child = Assert.Single(Items(await api.Get(api.CallsPath + "?ParentCallSid=" + parent), "calls"));
            Assert.Equal("client:alice", child.GetProperty("to").GetString());
            Assert.Equal("no-answer", child.GetProperty("status").GetString());
            // Rings after 1 s for 5 s, then 2 s of pause.
            Assert.Equal("8", (await Fetch(api, parent)).Str("duration"));
        }

        // ---- conferences and queues ----------------------------------------------------------------

        [Fact]
        public async Task Calls_dialling_a_conference_by_name_join_it_and_endConferenceOnExit_ends_it_for_all()
        {
            using var api = Timed(out ManualClock clock);
            string moderator = await Inline(api, "<Response><Say>welcome</Say><Dial><Conference endConferenceOnExit=\"true\" record=\"record-from-start\">standup</Conference></Dial></Response>");
            string guest = await Inline(api, "<Response><Dial><Conference muted=\"true\">standup</Conference></Dial></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(1));
            JsonElement conference = Assert.Single(Items(await api.Get(Path(api, "/Conferences.json?Status=in-progress")), "conferences"));
            string sid = conference.GetProperty("sid").GetString();
            List<JsonElement> participants = Items(await api.Get(Path(api, "/Conferences/" + sid + "/Participants.json")), "participants");
            Assert.Equal(2, participants.Count);
            Assert.True(participants.Single(p => p.GetProperty("call_sid").GetString() == guest).GetProperty("muted").GetBoolean());

            await api.Post(api.CallPath(moderator), "Status", "completed");
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            ApiResponse ended = await api.Get(Path(api, "/Conferences/" + sid + ".json"));
            Assert.Equal("completed", ended.Str("status"));
            Assert.Equal("participant-with-end-conference-on-exit-left", ended.Str("reason_conference_ended"));
            Assert.Equal("completed", (await Fetch(api, guest)).Str("status"));

            JsonElement recording = Assert.Single(Items(await api.Get(Path(api, "/Conferences/" + sid + "/Recordings.json")), "recordings"));
            Assert.Equal(sid, recording.GetProperty("conference_sid").GetString());
            Assert.Equal("completed", recording.GetProperty("status").GetString());
        }

        [Fact]
        public async Task When_a_conference_ends_its_TwiML_callers_go_on_with_the_Dial_action()
        {
            using var app = new TwimlApp();
            app.Answer("/after", "<Response><Say>the meeting is over</Say><Pause length=\"5\"/></Response>");
            using var api = Timed(out ManualClock clock);
            string call = await Inline(api, "<Response><Dial action=\"" + app.Url("/after") + "\"><Conference>retro</Conference></Dial></Response>");
            await Pass(api, clock, ToAnswer + TimeSpan.FromSeconds(10));
            string sid = Assert.Single(Items(await api.Get(Path(api, "/Conferences.json")), "conferences")).GetProperty("sid").GetString();
            await api.Post(Path(api, "/Conferences/" + sid + ".json"), "Status", "completed");
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            TwimlApp.Request after = Assert.Single(app.To("/after"));
            Assert.Equal("completed", after.Form["DialCallStatus"]);
            Assert.Equal(sid, after.Form["ConferenceSid"]);
            Assert.Equal("in-progress", (await Fetch(api, call)).Str("status"));
            await Pass(api, clock, TimeSpan.FromSeconds(10));
            Assert.Equal("16", (await Fetch(api, call)).Str("duration")); // 10 s in the conference, 1.6 s of Say, 5 s of pause
        }

        [Fact]
        public async Task Enqueued_calls_wait_in_order_and_Dial_Queue_bridges_the_oldest_with_QueueResult_to_its_action()
        {
            using var app = new TwimlApp();
            app.Answer("/left", "");
            using var api = Timed(out ManualClock clock);
            string first = await Inline(api, "<Response><Enqueue action=\"" + app.Url("/left") + "\">support</Enqueue></Response>");
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            string second = await Inline(api, "<Response><Enqueue>support</Enqueue></Response>");
            await Pass(api, clock, ToAnswer);
            JsonElement queue = Assert.Single(Items(await api.Get(Path(api, "/Queues.json")), "queues"));
            string queueSid = queue.GetProperty("sid").GetString();
            Assert.Equal(2, queue.GetProperty("current_size").GetInt32());

            string agent = await Inline(api, "<Response><Dial><Queue>support</Queue></Dial></Response>");
            await Pass(api, clock, ToAnswer);
            List<JsonElement> members = Items(await api.Get(Path(api, "/Queues/" + queueSid + "/Members.json")), "queue_members");
            Assert.Equal(second, Assert.Single(members).GetProperty("call_sid").GetString());
            Assert.Equal(1, members[0].GetProperty("position").GetInt32());

            await api.Post(api.CallPath(agent), "Status", "completed"); // the agent hangs up: the bridged caller too
            await Pass(api, clock, TimeSpan.FromSeconds(1));
            Assert.Equal("completed", (await Fetch(api, first)).Str("status"));
            TwimlApp.Request left = Assert.Single(app.To("/left"));
            Assert.Equal("bridged", left.Form["QueueResult"]);
            Assert.Equal(queueSid, left.Form["QueueSid"]);
            Assert.Equal("in-progress", (await Fetch(api, second)).Str("status"));
        }

        [Fact]
        public async Task A_caller_hanging_up_in_the_queue_leaves_it_with_QueueResult_hangup()
        {
            using var app = new TwimlApp();
            app.Answer("/left", "");
            using var api = Timed(out ManualClock clock);
            await Inline(api, "<Response><Enqueue action=\"" + app.Url("/left") + "\">support</Enqueue></Response>");
            await Pass(api, clock, TimeSpan.FromMinutes(2));
            Assert.Equal("hangup", Assert.Single(app.To("/left")).Form["QueueResult"]);
            Assert.Equal(0, Assert.Single(Items(await api.Get(Path(api, "/Queues.json")), "queues")).GetProperty("current_size").GetInt32());
        }

        // ---- what the API shows ----------------------------------------------------------------------

        [Fact]
        public async Task Status_callbacks_report_what_the_TwiML_did()
        {
            using var app = new TwimlApp();
            app.Answer("/status", "");
            using var api = Timed(out ManualClock clock);
            string rejected = await Inline(api, "<Response><Reject reason=\"busy\"/></Response>", "StatusCallback", app.Url("/status"),
                "StatusCallbackEvent", "initiated", "StatusCallbackEvent", "ringing", "StatusCallbackEvent", "answered", "StatusCallbackEvent", "completed");
            string hungUp = await Inline(api, "<Response><Pause length=\"4\"/><Hangup/></Response>", "StatusCallback", app.Url("/status"));
            await Pass(api, clock, TimeSpan.FromMinutes(2));
            DateTime deadline = DateTime.UtcNow.AddSeconds(15);
            while (app.To("/status").Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(50);

            List<TwimlApp.Request> callbacks = app.To("/status");
            Assert.Equal(new[] { "initiated", "ringing", "busy" },
                callbacks.Where(c => c.Form["CallSid"] == rejected).Select(c => c.Form["CallStatus"]));
            TwimlApp.Request completed = Assert.Single(callbacks, c => c.Form["CallSid"] == hungUp);
            Assert.Equal("completed", completed.Form["CallStatus"]);
            Assert.Equal("4", completed.Form["CallDuration"]);
        }

        // ---- the clock -----------------------------------------------------------------------------

        [Fact]
        public async Task A_sped_up_clock_runs_a_minute_of_TwiML_in_well_under_a_second()
        {
            using var api = new Api(new EmulatorOptions { ClockSpeed = 200, CallsPerSecond = 100, CallDuration = TimeSpan.FromMinutes(2) });
            string call = await Inline(api, "<Response><Say>one two three four five</Say><Pause length=\"60\"/><Hangup/></Response>");
            api.Emulator.AdvanceClock(TimeSpan.FromSeconds(60)); // manual advance works on the sped-up clock too
            ApiResponse r = null;
            for (int i = 0; i < 100 && (r == null || r.Str("status") != "completed"); i++)
            {
                await Task.Delay(50);
                r = await Fetch(api, call);
            }
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("62", r.Str("duration"));
        }

        [Fact]
        public void The_real_clock_cannot_be_advanced()
        {
            using var api = new Api(new EmulatorOptions());
            Assert.Throws<InvalidOperationException>(() => api.Emulator.AdvanceClock(TimeSpan.FromSeconds(1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => TwilioEmulator.Start(new EmulatorOptions { ClockSpeed = 0 }));
        }
    }
}
