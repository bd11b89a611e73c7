using System;
using System.Net;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorUpdateDeleteTests
    {
        private static Api Timed(out ManualClock clock) => Api.WithMinuteCalls(out clock);

        [Fact]
        public async Task Cancel_ends_a_queued_or_ringing_call()
        {
            using var api = Timed(out ManualClock clock);
            string queued = (await api.CreateCall()).Str("sid");
            ApiResponse r = await api.Post(api.CallPath(queued), "Status", "canceled");
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.Equal("canceled", r.Str("status"));
            clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal("canceled", (await api.Get(api.CallPath(queued))).Str("status"));

            string ringing = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(1.5));
            Assert.Equal("canceled", (await api.Post(api.CallPath(ringing), "Status", "canceled")).Str("status"));
        }

        [Fact]
        public async Task Cancel_does_not_touch_an_in_progress_call_but_completed_ends_it()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal("in-progress", (await api.Post(api.CallPath(sid), "Status", "canceled")).Str("status"));

            clock.Advance(TimeSpan.FromSeconds(7));
            ApiResponse r = await api.Post(api.CallPath(sid), "Status", "completed");
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("8", r.Str("duration"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:11 +0000", r.Str("end_time"));
        }

        [Fact]
        public async Task Redirect_works_on_a_live_call_and_fails_with_21220_on_a_finished_one()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(4));
            ApiResponse live = await api.Post(api.CallPath(sid), "Url", "https://example.com/next", "Method", "GET");
            Assert.Equal(HttpStatusCode.OK, live.Status);
            Assert.Equal("in-progress", live.Str("status"));

            await api.Post(api.CallPath(sid), "Status", "completed");
            ApiResponse r = await api.Post(api.CallPath(sid), "Twiml", "<Response/>");
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal(21220, r.Int("code"));
            Assert.Equal("Call is not in-progress. Cannot redirect.", r.Str("message"));
        }

        [Fact]
        public async Task Invalid_update_status_is_a_400()
        {
            using var api = Timed(out _);
            string sid = (await api.CreateCall()).Str("sid");
            ApiResponse r = await api.Post(api.CallPath(sid), "Status", "busy");
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Contains("Status", r.Str("message"));
            Assert.Equal("queued", (await api.Get(api.CallPath(sid))).Str("status"));
        }

        [Fact]
        public async Task Delete_refuses_a_live_call_and_removes_a_finished_one()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await api.CreateCall()).Str("sid");
            ApiResponse refused = await api.Delete(api.CallPath(sid));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal(20009, refused.Int("code"));

            clock.Advance(TimeSpan.FromMinutes(5));
            ApiResponse deleted = await api.Delete(api.CallPath(sid));
            Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
            Assert.Equal("", deleted.Body);

            ApiResponse gone = await api.Get(api.CallPath(sid));
            Assert.Equal(HttpStatusCode.NotFound, gone.Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Delete(api.CallPath(sid))).Status);
            Assert.Equal(0, (await api.Get(api.CallsPath)).Json.GetProperty("calls").GetArrayLength());
        }

        [Fact]
        public async Task Unknown_call_is_Twilio_404()
        {
            using var api = new Api();
            string path = api.CallPath("CA" + new string('f', 32));
            ApiResponse r = await api.Get(path);
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Equal("{\"code\":20404,\"message\":\"The requested resource " + path + " was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}", r.Body);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Post(path, "Status", "canceled")).Status);
        }
    }
}
