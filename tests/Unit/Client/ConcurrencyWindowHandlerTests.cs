using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// The window in the connection's handler chain: refusals for concurrency go again as soon as a
    /// slot frees, without spending the retries kept for real failures; everything else is still the
    /// retry handler's.
    /// </summary>
    public class ConcurrencyWindowHandlerTests
    {
        /// <summary>
        /// A server that serves at most <c>cap</c> requests at once, each for <c>latency</c>, and
        /// answers 429 (20429) beyond them at once, as Twilio does over an account's concurrency limit.
        /// Requests to <c>alwaysRefused</c> are refused whatever the load.
        /// </summary>
        private sealed class CappedServer : HttpMessageHandler
        {
            private readonly int _cap;
            private readonly TimeSpan _latency;
            private readonly string _alwaysRefused;
            private int _serving;

            public CappedServer(int cap, TimeSpan latency, string alwaysRefused = null)
            {
                _cap = cap;
                _latency = latency;
                _alwaysRefused = alwaysRefused;
            }

            public ConcurrentDictionary<string, int> Attempts { get; } = new ConcurrentDictionary<string, int>();
            public ConcurrentDictionary<string, int> Processed { get; } = new ConcurrentDictionary<string, int>();
            public int Refused;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string to = WebUtility.UrlDecode((await request.Content.ReadAsStringAsync()).Split('&').Single(p => p.StartsWith("To=", StringComparison.Ordinal)).Substring(3));
                Attempts.AddOrUpdate(to, 1, (_, n) => n + 1);
                if (to == _alwaysRefused) return TooMany();
                if (Interlocked.Increment(ref _serving) > _cap)
                {
                    Interlocked.Decrement(ref _serving);
                    return TooMany();
                }
                try
                {
                    await Task.Delay(_latency, cancellationToken);
                    Processed.AddOrUpdate(to, 1, (_, n) => n + 1);
                    return StubHandler.Json(201, "{}");
                }
                finally
                {
                    Interlocked.Decrement(ref _serving);
                }
            }

            private HttpResponseMessage TooMany()
            {
                Interlocked.Increment(ref Refused);
                return StubHandler.Json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
            }
        }

        private static HttpMessageInvoker Chain(ConcurrencyWindow window, HttpMessageHandler server, RetrySettings retry) =>
            new HttpMessageInvoker(new RetryHandler(retry) { InnerHandler = new ConcurrencyWindowHandler(window) { InnerHandler = server } });

        private static Task<HttpResponseMessage> Post(HttpMessageInvoker invoker, string to)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json")
            {
                Content = new FormBuilder().Add("To", to).Add("Body", "x").ToContent(),
            };
            return invoker.SendAsync(request, CancellationToken.None);
        }

        private static string Number(int i) => "+1415555" + (2000 + i).ToString("0000");

        [Fact]
        public async Task Refusals_while_the_window_converges_spend_no_retries_and_each_POST_is_processed_once()
        {
            // No retries at all: a refusal that reached the retry handler would come back as a 429.
            var window = new ConcurrencyWindow(40);
            var server = new CappedServer(cap: 5, TimeSpan.FromMilliseconds(20));
            using HttpMessageInvoker invoker = Chain(window, server, new RetrySettings { MaxRetries = 0 });

            HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Post(invoker, Number(i))));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            Assert.Equal(200, server.Processed.Count);
            Assert.All(server.Processed.Values, times => Assert.Equal(1, times));
            Assert.True(server.Refused > 0, "the server never refused anything: the window was not tested");
            // Near the cap of 5: after the last refusal a few admitted requests may still have grown it by one or two.
            Assert.InRange(window.Limit, 1, 8);
            Assert.Equal(0, window.InFlight);
        }

        [Fact]
        public async Task A_lone_refusal_is_left_to_the_retry_handler()
        {
            var stub = StubHandler.Statuses(429, 201);
            using HttpMessageInvoker invoker = Chain(new ConcurrencyWindow(10), stub, new RetrySettings { MaxRetries = 0 });
            HttpResponseMessage response = await Post(invoker, Number(1));
            Assert.Equal(429, (int)response.StatusCode);
            Assert.Equal(1, stub.Count);
        }

        [Theory]
        [InlineData(false, HttpStatusCode.Created, 2)]
        [InlineData(true, (HttpStatusCode)429, 1)]
        public async Task A_refusal_with_a_Retry_After_is_left_to_the_retry_handler(bool retryAfter, HttpStatusCode expected, int attempts)
        {
            var window = new ConcurrencyWindow(10);
            // Three others in flight: the refusal is explained by concurrency and the window stays above one.
            for (int i = 0; i < 3; i++) await window.AcquireAsync(CancellationToken.None);
            var stub = new StubHandler((_, n) =>
            {
                HttpResponseMessage r = StubHandler.Json(n == 0 ? 429 : 201, "{}");
                if (n == 0 && retryAfter) r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                return r;
            });
            using var invoker = new HttpMessageInvoker(new ConcurrencyWindowHandler(window) { InnerHandler = stub });
            var request = new HttpRequestMessage(HttpMethod.Post, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json") { Content = new FormBuilder().Add("To", Number(1)).ToContent() };

            Task<HttpResponseMessage> sending = invoker.SendAsync(request, CancellationToken.None);
            // One of the others is answered: the narrowed window has a slot for the refused request.
            await Task.Delay(100);
            window.ReleaseAdmitted();
            HttpResponseMessage response = await sending;

            Assert.Equal(expected, response.StatusCode);
            Assert.Equal(attempts, stub.Count);
            Assert.Equal(3, window.Limit);
        }

        [Fact]
        public async Task A_request_refused_whatever_the_load_goes_to_the_retry_handler_after_a_bounded_number_of_resends()
        {
            var window = new ConcurrencyWindow(20);
            var server = new CappedServer(cap: 100, TimeSpan.FromMilliseconds(10), alwaysRefused: Number(9999));
            using HttpMessageInvoker invoker = Chain(window, server, new RetrySettings { MaxRetries = 0 });

            // Nineteen senders keep the window busy the whole time, so it never falls to one.
            Task[] others = Enumerable.Range(0, 19).Select(w => Task.Run(async () =>
            {
                for (int i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.Created, (await Post(invoker, Number(w * 20 + i))).StatusCode);
            })).ToArray();
            Assert.True(SpinWait.SpinUntil(() => window.InFlight >= 10, TimeSpan.FromSeconds(30)), "the senders never got going");
            HttpResponseMessage refused = await Post(invoker, Number(9999));
            await Task.WhenAll(others);

            Assert.Equal(429, (int)refused.StatusCode);
            Assert.Equal(ConcurrencyWindowHandler.MaxImmediateResends + 1, server.Attempts[Number(9999)]);
            Assert.Equal(380, server.Processed.Count);
        }

        [Fact]
        public async Task Real_failures_still_have_the_retry_handler_s_bounds()
        {
            var retry = new RetrySettings { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) };
            var unavailable = StubHandler.Statuses(503);
            using (HttpMessageInvoker invoker = Chain(new ConcurrencyWindow(10), unavailable, retry))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Post(invoker, Number(1))).StatusCode);
            Assert.Equal(3, unavailable.Count);

            var failing = StubHandler.Statuses(500, 201);
            using (HttpMessageInvoker invoker = Chain(new ConcurrencyWindow(10), failing, retry))
                Assert.Equal(HttpStatusCode.InternalServerError, (await Post(invoker, Number(1))).StatusCode);
            Assert.Equal(1, failing.Count);
        }
    }
}
