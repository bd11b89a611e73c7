using System;
using System.Net;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorLifecycleTests
    {
        private static Api Timed(out ManualClock clock, int cps = 1) => Api.WithClock(out clock, o =>
        {
            o.RingDelay = TimeSpan.FromSeconds(1);
            o.AnswerDelay = TimeSpan.FromSeconds(2);
            o.CallDuration = TimeSpan.FromSeconds(5);
            o.CallsPerSecond = cps;
        });

        [Fact]
        public async Task Call_moves_queued_ringing_in_progress_completed_on_the_clock()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await api.CreateCall()).Str("sid");
            string path = api.CallPath(sid);

            ApiResponse r = await api.Get(path);
            Assert.Equal("queued", r.Str("status"));

            clock.Advance(TimeSpan.FromSeconds(1));
            r = await api.Get(path);
            Assert.Equal("ringing", r.Str("status"));
            Assert.Null(r.Str("start_time"));

            clock.Advance(TimeSpan.FromSeconds(2));
            r = await api.Get(path);
            Assert.Equal("in-progress", r.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:03 +0000", r.Str("start_time"));
            Assert.Null(r.Str("end_time"));
            Assert.Null(r.Str("duration"));

            clock.Advance(TimeSpan.FromSeconds(5));
            r = await api.Get(path);
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:08 +0000", r.Str("end_time"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:08 +0000", r.Str("date_updated"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", r.Str("date_created"));
            Assert.Equal("5", r.Str("duration"));
            Assert.Matches(@"^-0\.\d{5}$", r.Str("price"));
        }

        [Fact]
        public async Task Calls_beyond_the_cps_get_queue_time_and_stay_queued_longer()
        {
            using var api = Timed(out ManualClock clock, cps: 1);
            ApiResponse a = await api.CreateCall();
            ApiResponse b = await api.CreateCall();
            ApiResponse c = await api.CreateCall();
            Assert.Equal("0", a.Str("queue_time"));
            Assert.Equal("1000", b.Str("queue_time"));
            Assert.Equal("2000", c.Str("queue_time"));

            clock.Advance(TimeSpan.FromSeconds(1.5));
            Assert.Equal("ringing", (await api.Get(api.CallPath(a.Str("sid")))).Str("status"));
            Assert.Equal("queued", (await api.Get(api.CallPath(b.Str("sid")))).Str("status"));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("ringing", (await api.Get(api.CallPath(b.Str("sid")))).Str("status"));
            Assert.Equal("queued", (await api.Get(api.CallPath(c.Str("sid")))).Str("status"));

            // After the bucket refills, calls go straight through again.
            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal("0", (await api.CreateCall()).Str("queue_time"));
        }

        [Fact]
        public async Task Higher_cps_lets_that_many_calls_through_per_second()
        {
            using var api = Timed(out _, cps: 2);
            Assert.Equal("0", (await api.CreateCall()).Str("queue_time"));
            Assert.Equal("0", (await api.CreateCall()).Str("queue_time"));
            Assert.Equal("500", (await api.CreateCall()).Str("queue_time"));
            Assert.Equal("1000", (await api.CreateCall()).Str("queue_time"));
        }

        [Fact]
        public async Task TimeLimit_caps_the_call_duration()
        {
            using var api = Timed(out ManualClock clock);
            string sid = (await api.CreateCall("TimeLimit", "2")).Str("sid");
            clock.Advance(TimeSpan.FromSeconds(10));
            ApiResponse r = await api.Get(api.CallPath(sid));
            Assert.Equal("completed", r.Str("status"));
            Assert.Equal("2", r.Str("duration"));
        }
    }
}
