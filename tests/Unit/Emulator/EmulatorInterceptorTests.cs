using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorInterceptorTests
    {
        private sealed class NthRequest : IRequestInterceptor
        {
            private readonly long _n;
            private readonly EmulatorFault _fault;
            public NthRequest(long n, EmulatorFault fault) { _n = n; _fault = fault; }
            public EmulatorFault Intercept(EmulatorRequest request) => request.Number == _n ? _fault : null;
        }

        [Fact]
        public async Task Interceptor_can_answer_the_nth_request_with_a_429()
        {
            using var api = new Api();
            api.Emulator.Interceptor = new NthRequest(2, EmulatorFault.TooManyRequests(TimeSpan.FromSeconds(3)));
            Assert.Equal(HttpStatusCode.OK, (await api.Get(api.CallsPath)).Status);
            ApiResponse throttled = await api.Get(api.CallsPath);
            Assert.Equal((HttpStatusCode)429, throttled.Status);
            Assert.Equal(20429, throttled.Int("code"));
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.Message.Headers.RetryAfter.Delta);
            Assert.Equal(HttpStatusCode.OK, (await api.Get(api.CallsPath)).Status);
            Assert.Equal(3, api.Emulator.RequestCount);
        }
    }
}
