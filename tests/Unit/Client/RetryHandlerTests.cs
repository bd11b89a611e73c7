using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>What is retried, what never is, how long it waits, and that waiting can be cancelled.</summary>
    public class RetryHandlerTests
    {
        private static readonly RetrySettings Fast = new RetrySettings
        {
            MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20),
        };

        private static async Task<(HttpResponseMessage Response, StubHandler Stub)> Send(HttpMethod method, StubHandler stub, RetrySettings settings = null, CancellationToken token = default)
        {
            var invoker = new HttpMessageInvoker(new RetryHandler(settings ?? Fast) { InnerHandler = stub });
            var request = new HttpRequestMessage(method, "https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json");
            if (method == HttpMethod.Post) request.Content = new FormBuilder().Add("To", "+14155550100").ToContent();
            return (await invoker.SendAsync(request, token), stub);
        }

        [Theory]
        [InlineData("GET", 503)]
        [InlineData("GET", 500)]
        [InlineData("GET", 502)]
        [InlineData("DELETE", 504)]
        [InlineData("POST", 429)]
        [InlineData("POST", 503)]
        [InlineData("GET", 429)]
        public async Task Retries_what_Twilio_did_not_process_or_what_is_idempotent(string method, int status)
        {
            var (response, stub) = await Send(new HttpMethod(method), StubHandler.Statuses(status, status, 200));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, stub.Count);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(504)]
        [InlineData(400)]
        [InlineData(404)]
        public async Task Never_sends_a_POST_twice_on_other_failures(int status)
        {
            var (response, stub) = await Send(HttpMethod.Post, StubHandler.Statuses(status, 200));
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(1, stub.Count);
        }

        [Fact]
        public async Task Client_errors_are_never_retried()
        {
            var (response, stub) = await Send(HttpMethod.Get, StubHandler.Statuses(400, 200));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(1, stub.Count);
        }

        [Fact]
        public async Task Network_failures_are_retried_for_GET_only()
        {
            int calls = 0;
            var flaky = new StubHandler((_, n) => ++calls == 1 ? throw new HttpRequestException("connection reset") : StubHandler.Json(200, "{}"));
            var (response, _) = await Send(HttpMethod.Get, flaky);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, calls);

            var failing = new StubHandler((_, n) => throw new HttpRequestException("connection reset"));
            await Assert.ThrowsAsync<HttpRequestException>(() => Send(HttpMethod.Post, failing));
            Assert.Equal(1, failing.Count);
        }

        [Fact]
        public async Task Attempts_are_bounded()
        {
            var (response, stub) = await Send(HttpMethod.Get, StubHandler.Statuses(503));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(Fast.MaxRetries + 1, stub.Count);
        }

        [Fact]
        public async Task Zero_retries_turns_retry_off()
        {
            var (response, stub) = await Send(HttpMethod.Get, StubHandler.Statuses(503, 200), new RetrySettings { MaxRetries = 0 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(1, stub.Count);
        }

        [Fact]
        public async Task Honours_Retry_After_seconds()
        {
            var stub = new StubHandler((_, n) =>
            {
                HttpResponseMessage r = StubHandler.Json(n == 0 ? 429 : 200, "{}");
                if (n == 0) r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return r;
            });
            var watch = Stopwatch.StartNew();
            var (response, _) = await Send(HttpMethod.Post, stub);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The computed backoff is at most 20 ms here, so only Retry-After explains a wait of a second.
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {watch.Elapsed.TotalMilliseconds} ms");
        }

        [Fact]
        public void Retry_After_accepts_dates_and_is_capped()
        {
            var handler = new RetryHandler(new RetrySettings { MaxRetryAfter = TimeSpan.FromSeconds(30) });
            var response = new HttpResponseMessage((HttpStatusCode)503);
            Assert.Null(handler.RetryAfter(response));

            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            Assert.Equal(TimeSpan.FromSeconds(7), handler.RetryAfter(response));

            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(3));
            Assert.Equal(TimeSpan.FromSeconds(30), handler.RetryAfter(response));

            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(10));
            Assert.InRange(handler.RetryAfter(response).Value, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(-10));
            Assert.Equal(TimeSpan.Zero, handler.RetryAfter(response));
        }

        [Fact]
        public async Task A_long_wait_is_cancelled_at_once()
        {
            var stub = new StubHandler((_, n) =>
            {
                HttpResponseMessage r = StubHandler.Json(503, "{}");
                r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(60));
                return r;
            });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(HttpMethod.Get, stub, new RetrySettings { MaxRetries = 3 }, cancel.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the 60 s Retry-After was not cancelled");
            Assert.Equal(1, stub.Count);
        }

        [Fact]
        public async Task Each_retry_is_reported_to_the_operation_log()
        {
            using var log = new OperationLog();
            OperationLog.Current = log;
            try
            {
                await Send(HttpMethod.Get, StubHandler.Statuses(503, 500, 200));
            }
            finally
            {
                OperationLog.Current = null;
            }
            var messages = new System.Collections.Generic.List<string>();
            while (log.TryTake(out string m)) messages.Add(m);
            Assert.Equal(2, messages.Count);
            Assert.Contains("HTTP 503", messages[0]);
            Assert.Contains("retry 1 of 3", messages[0]);
            Assert.Contains("retry 2 of 3", messages[1]);
        }
    }
}
