using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// Each injected fault as it looks on the wire (a raw TCP exchange, so no client library hides or
    /// repairs anything), and whether the request behind it was carried out.
    /// </summary>
    public class EmulatorFaultWireTests
    {
        /// <summary>Everything the server sent before it closed or reset the connection.</summary>
        private sealed class Wire
        {
            public byte[] Bytes;
            public bool Reset;
            public string Text => Encoding.UTF8.GetString(Bytes);
            public int Status => Bytes.Length == 0 ? 0 : int.Parse(Text.Split(' ')[1]);
            public string Header(string name) => Head.Split("\r\n").Skip(1)
                .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Substring(name.Length + 1).Trim()).FirstOrDefault();
            public string Head => Text.Contains("\r\n\r\n") ? Text.Substring(0, Text.IndexOf("\r\n\r\n", StringComparison.Ordinal)) : Text;
            public string Body => Text.Contains("\r\n\r\n") ? Text.Substring(Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4) : string.Empty;
        }

        private sealed class Always : IRequestInterceptor
        {
            private readonly Func<EmulatorFault> _fault;
            public Always(Func<EmulatorFault> fault) { _fault = fault; }
            public EmulatorFault Intercept(EmulatorRequest request) => request.Method == "POST" ? _fault() : null;
        }

        private static string MessagesPath(TwilioEmulator e) => "/2010-04-01/Accounts/" + e.AccountSid + "/Messages.json";

        /// <summary>POSTs a message create over a fresh connection and reads until the server closes or resets it.</summary>
        private static async Task<Wire> PostMessage(TwilioEmulator emulator, string to = "+14155556001")
        {
            string body = "To=" + Uri.EscapeDataString(to) + "&From=%2B14155550100&Body=hello";
            string credential = Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.AccountSid + ":" + emulator.AuthToken));
            string request = "POST " + MessagesPath(emulator) + " HTTP/1.1\r\nHost: 127.0.0.1:" + emulator.Port + "\r\nAuthorization: Basic " + credential
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body;
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", emulator.Port);
            NetworkStream stream = client.GetStream();
            byte[] bytes = Encoding.ASCII.GetBytes(request);
            await stream.WriteAsync(bytes);
            var received = new MemoryStream();
            var buffer = new byte[4096];
            var wire = new Wire();
            using var hangGuard = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer, hangGuard.Token)) > 0) received.Write(buffer, 0, n);
            }
            catch (IOException)
            {
                wire.Reset = true;
            }
            wire.Bytes = received.ToArray();
            return wire;
        }

        private static async Task<int> MessageCount(TwilioEmulator emulator)
        {
            using var api = new HttpClientWithAuth(emulator);
            string json = await api.GetString(MessagesPath(emulator) + "?PageSize=1000");
            return JsonDocument.Parse(json).RootElement.GetProperty("messages").GetArrayLength();
        }

        private sealed class HttpClientWithAuth : IDisposable
        {
            private readonly System.Net.Http.HttpClient _http;
            public HttpClientWithAuth(TwilioEmulator e)
            {
                _http = new System.Net.Http.HttpClient { BaseAddress = e.BaseUri };
                _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(e.AccountSid + ":" + e.AuthToken)));
            }
            public Task<string> GetString(string path) => _http.GetStringAsync(path);
            public void Dispose() => _http.Dispose();
        }

        private static TwilioEmulator Faulted(Func<EmulatorFault> fault)
        {
            TwilioEmulator emulator = TwilioEmulator.Start(new EmulatorOptions());
            emulator.Interceptor = new Always(fault);
            return emulator;
        }

        [Theory]
        [InlineData(null, null)]
        [InlineData(0, "0")]
        [InlineData(2, "2")]
        public async Task A_429_is_Twilios_20429_with_or_without_Retry_After_and_creates_nothing(int? seconds, string header)
        {
            using TwilioEmulator e = Faulted(() => EmulatorFault.TooManyRequests(seconds.HasValue ? TimeSpan.FromSeconds(seconds.Value) : (TimeSpan?)null));
            Wire w = await PostMessage(e);
            Assert.Equal(429, w.Status);
            Assert.Equal(header, w.Header("Retry-After"));
            Assert.Equal(20429, JsonDocument.Parse(w.Body).RootElement.GetProperty("code").GetInt32());
            Assert.Equal(0, await MessageCount(e));
        }

        [Theory]
        [InlineData(500, 20500)]
        [InlineData(503, 20503)]
        public async Task A_5xx_is_Twilios_error_body_and_creates_nothing(int status, int code)
        {
            using TwilioEmulator e = Faulted(() => status == 500 ? EmulatorFault.InternalError() : EmulatorFault.ServiceUnavailable());
            Wire w = await PostMessage(e);
            Assert.Equal(status, w.Status);
            Assert.Equal(code, JsonDocument.Parse(w.Body).RootElement.GetProperty("code").GetInt32());
            Assert.Equal(0, await MessageCount(e));
        }

        [Fact]
        public async Task Beyond_MaxRequestsInFlight_a_request_is_answered_20429_and_creates_nothing()
        {
            TwilioEmulator e = TwilioEmulator.Start(new EmulatorOptions { MaxRequestsInFlight = 2 });
            using (e)
            {
                // Two held by latency fill the cap; every one sent while they are held is refused.
                e.Interceptor = new Always(() => EmulatorFault.Latency(TimeSpan.FromMilliseconds(1500)));
                Task<Wire>[] held = { PostMessage(e), PostMessage(e) };
                await Task.Delay(500);
                Wire[] refused = await Task.WhenAll(PostMessage(e), PostMessage(e), PostMessage(e));
                Assert.All(refused, w => Assert.Equal(429, w.Status));
                Assert.Equal(20429, JsonDocument.Parse(refused[0].Body).RootElement.GetProperty("code").GetInt32());
                Assert.All(await Task.WhenAll(held), w => Assert.Equal(201, w.Status));
                Assert.Equal(3, e.RejectedOverCap);
                Assert.Equal(2, await MessageCount(e));
                // Once the held ones are answered, their places are free again.
                Assert.Equal(201, (await PostMessage(e)).Status);
                Assert.Equal(3, await MessageCount(e));
            }
        }

        [Fact]
        public async Task Latency_delays_then_serves_as_usual()
        {
            using TwilioEmulator e = Faulted(() => EmulatorFault.Latency(TimeSpan.FromMilliseconds(300)));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Wire w = await PostMessage(e);
            // A lower bound only: a loaded machine can make it slower, never faster.
            Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(201, w.Status);
            Assert.Equal(1, await MessageCount(e));
        }

        /// <summary>
        /// Latency on an emulator whose own work takes <paramref name="work"/> after the request arrived
        /// (the interceptor runs first, so its pause is the emulator's); the POST's recorded response time.
        /// </summary>
        private static async Task<TimeSpan> ResponseTimeOfSlowRequest(TimeSpan work, TimeSpan latency)
        {
            using TwilioEmulator e = Faulted(() =>
            {
                System.Threading.Thread.Sleep(work);
                return EmulatorFault.Latency(latency);
            });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Wire w = await PostMessage(e);
            Assert.True(clock.Elapsed >= latency - TimeSpan.FromMilliseconds(10), $"answered after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(201, w.Status);
            EmulatorRequest post = e.Requests.Single(r => r.Method == "POST");
            Assert.Equal(201, post.ResponseStatus);
            return post.ResponseTime;
        }

        [Fact]
        public async Task Latency_counts_from_arrival_so_the_emulators_own_work_falls_within_it()
        {
            // 300 ms of work under 500 ms of latency: the answer leaves 500 ms after arrival, not 800.
            TimeSpan answered = await ResponseTimeOfSlowRequest(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(500));
            Assert.True(answered >= TimeSpan.FromMilliseconds(500), $"answered {answered.TotalMilliseconds} ms after arrival");
            Assert.True(answered < TimeSpan.FromMilliseconds(720), $"answered {answered.TotalMilliseconds} ms after arrival");
        }

        [Fact]
        public async Task Work_longer_than_the_latency_is_answered_as_soon_as_it_is_done()
        {
            // 400 ms of work under 150 ms of latency: nothing is left to wait for (550 ms if the latency were added).
            TimeSpan answered = await ResponseTimeOfSlowRequest(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(150));
            Assert.True(answered >= TimeSpan.FromMilliseconds(400), $"answered {answered.TotalMilliseconds} ms after arrival");
            Assert.True(answered < TimeSpan.FromMilliseconds(530), $"answered {answered.TotalMilliseconds} ms after arrival");
        }

        [Fact]
        public async Task A_fault_under_latency_leaves_no_sooner_than_the_latency()
        {
            var latency = TimeSpan.FromMilliseconds(300);
            foreach (Func<EmulatorFault> make in new Func<EmulatorFault>[] { () => EmulatorFault.TooManyRequests(), EmulatorFault.DropBeforeResponse, EmulatorFault.Drop })
            {
                using TwilioEmulator e = Faulted(() => { EmulatorFault f = make(); f.Delay = latency; return f; });
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Wire w = await PostMessage(e);
                Assert.True(clock.Elapsed >= latency - TimeSpan.FromMilliseconds(10), $"{make().Kind}: answered after {clock.ElapsedMilliseconds} ms");
                Assert.True(e.Requests.Single().ResponseTime >= latency, $"{make().Kind}: answered {e.Requests.Single().ResponseTime.TotalMilliseconds} ms after arrival");
                Assert.Equal(make().Status == 429 ? 429 : make().DropConnection ? 200 : 0, w.Status);
                Assert.Equal(0, await MessageCount(e));
            }
        }

        [Fact]
        public async Task A_drop_before_the_response_sends_not_one_byte_and_creates_nothing()
        {
            using TwilioEmulator e = Faulted(EmulatorFault.DropBeforeResponse);
            Wire w = await PostMessage(e);
            Assert.Empty(w.Bytes);
            Assert.Equal(0, await MessageCount(e));
        }

        [Fact]
        public async Task A_truncated_answer_promises_a_body_it_never_finishes_and_creates_nothing()
        {
            using TwilioEmulator e = Faulted(EmulatorFault.Drop);
            Wire w = await PostMessage(e);
            Assert.Equal(200, w.Status);
            Assert.True(Encoding.UTF8.GetByteCount(w.Body) < int.Parse(w.Header("Content-Length")), "the whole body arrived");
            Assert.Equal(0, await MessageCount(e));
        }

        [Fact]
        public async Task A_cut_after_processing_creates_the_message_then_sends_half_its_201()
        {
            using TwilioEmulator e = Faulted(EmulatorFault.CutAfterProcessing);
            Wire w = await PostMessage(e, "+14155556002");
            Assert.Equal(201, w.Status);
            int promised = int.Parse(w.Header("Content-Length"));
            int sent = Encoding.UTF8.GetByteCount(w.Body);
            Assert.True(sent > 0 && sent < promised, $"{sent} of {promised} bytes arrived");
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(w.Body));
            e.Interceptor = null;
            Assert.Equal(1, await MessageCount(e));
        }

        [Fact]
        public async Task An_html_page_is_a_502_that_is_not_json()
        {
            using TwilioEmulator e = Faulted(() => EmulatorFault.HtmlPage());
            Wire w = await PostMessage(e);
            Assert.Equal(502, w.Status);
            Assert.StartsWith("text/html", w.Header("Content-Type"));
            Assert.StartsWith("<html>", w.Body);
            Assert.Equal(0, await MessageCount(e));
        }

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        public async Task A_redirect_points_at_another_host_and_creates_nothing(int status)
        {
            using TwilioEmulator e = Faulted(() => EmulatorFault.Redirect("http://elsewhere.invalid/2010-04-01/x.json", status));
            Wire w = await PostMessage(e);
            Assert.Equal(status, w.Status);
            Assert.Equal("http://elsewhere.invalid/2010-04-01/x.json", w.Header("Location"));
            Assert.Equal(0, await MessageCount(e));
        }

        [Fact]
        public async Task Random_faults_from_a_spec_reach_the_wire_and_are_counted()
        {
            using TwilioEmulator e = TwilioEmulator.Start(new EmulatorOptions());
            var faults = RandomFaults.Parse("POST */Messages.json: redirect=100%; GET *: 503=0%", seed: 1);
            e.Interceptor = faults;
            Wire w = await PostMessage(e);
            Assert.Equal(307, w.Status);
            Assert.Equal(RandomFaults.RedirectHost + MessagesPath(e), w.Header("Location"));
            Assert.Equal(0, await MessageCount(e));
            Assert.Equal(1, faults.InjectedCount("redirect"));
            Assert.Equal(new Dictionary<string, long> { ["redirect"] = 1 }, faults.Injected);
        }
    }
}
