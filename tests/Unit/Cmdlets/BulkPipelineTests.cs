using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using TwilioPS.Connection;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// -ThrottleLimit: requests in flight together, each input ending as exactly one output or one
    /// error carrying it, and the call throttle still in charge of calls.
    /// </summary>
    public class BulkPipelineTests
    {
        /// <summary>Adds latency to every create, and refuses the creates for some numbers as Twilio would.</summary>
        private sealed class SlowCreates : IRequestInterceptor
        {
            private readonly TimeSpan _latency;
            private readonly HashSet<string> _refused;

            public SlowCreates(TimeSpan latency, params string[] refused)
            {
                _latency = latency;
                _refused = new HashSet<string>(refused);
            }

            public EmulatorFault Intercept(EmulatorRequest request)
            {
                if (request.Method != "POST" || !(request.Path.EndsWith("/Messages.json", StringComparison.Ordinal) || request.Path.EndsWith("/Calls.json", StringComparison.Ordinal)))
                    return null;
                if (_refused.Contains(request.FormValue("To") ?? string.Empty))
                    return new EmulatorFault { Status = 400, Code = 21211, Message = "Invalid 'To' Phone Number", Delay = _latency };
                return EmulatorFault.Latency(_latency);
            }
        }

        private static string[] Numbers(int count, int first = 200) =>
            Enumerable.Range(first, count).Select(i => "+1415555" + i.ToString("0000")).ToArray();

        [Fact]
        public void Messages_go_out_together_and_every_input_ends_as_one_output_or_one_error_carrying_it()
        {
            using var s = new EmulatedSession();
            string[] to = Numbers(40);
            string[] refused = to.Where((_, i) => i % 7 == 3).ToArray();
            s.Emulator.Interceptor = new SlowCreates(TimeSpan.FromMilliseconds(150), refused);
            s.PowerShell.SetVariable("to", to);

            PowerShellResult r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 10");

            Assert.Null(r.Terminating);
            string[] sent = r.Objects<TwilioMessage>().Select(m => m.To).ToArray();
            string[] failed = r.Errors.Select(e => (string)e.TargetObject).ToArray();
            Assert.All(r.Errors, e => Assert.StartsWith("Twilio21211,", e.FullyQualifiedErrorId));
            Assert.Equal(to.Except(refused).OrderBy(n => n), sent.OrderBy(n => n));
            Assert.Equal(refused.OrderBy(n => n), failed.OrderBy(n => n));
            Assert.Equal(to.Length, s.Emulator.Requests.Count(q => q.Method == "POST"));
            // Ten at a time, not one: 150 ms of latency each leaves the requests overlapping.
            Assert.True(s.Emulator.PeakRequestsInFlight >= 4, $"at most {s.Emulator.PeakRequestsInFlight} requests were in flight together");
        }

        /// <summary>The connection's own limit on requests in flight never caps the largest -ThrottleLimit below what it asks for.</summary>
        [Fact]
        public void A_throttle_limit_of_fifty_has_fifty_requests_in_flight()
        {
            using var s = new EmulatedSession();
            string[] to = Numbers(60);
            s.Emulator.Interceptor = new SlowCreates(TimeSpan.FromMilliseconds(1500));
            s.PowerShell.SetVariable("to", to);

            PowerShellResult r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 50");

            Assert.Empty(r.Errors);
            Assert.Equal(60, r.Objects<TwilioMessage>().Count());
            // 1.5 s each: the first fifty are all waiting at once unless something below -ThrottleLimit caps them.
            Assert.InRange(s.Emulator.PeakRequestsInFlight, 45, 50);
        }

        /// <summary>
        /// Fifty inputs in flight against an account that admits ten at a time: the connection's window
        /// narrows to what is admitted, so refused requests are few and each goes again as soon as a
        /// slot frees. Every message is created once, every input ends as one output.
        /// </summary>
        [Fact]
        public void Against_a_concurrency_limit_every_message_is_created_once_with_few_refusals()
        {
            const int Messages = 300;
            using var s = new EmulatedSession(configure: o => o.MaxRequestsInFlight = 10);
            s.Emulator.Interceptor = new SlowCreates(TimeSpan.FromMilliseconds(20));

            PowerShellResult r = s.Run($"1..{Messages} | ForEach-Object {{ [pscustomobject]@{{ To = '+1415555' + (2000 + $_); Body = 'x' }} }} | Send-TwilioMessage -From '+14155550100' -ThrottleLimit 50 -Verbose");

            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            string[] expected = Enumerable.Range(1, Messages).Select(i => "+1415555" + (2000 + i)).ToArray();
            Assert.Equal(expected, r.Objects<TwilioMessage>().Select(m => m.To).OrderBy(n => n));
            int refused = s.Emulator.RejectedOverCap;
            PowerShellResult list = s.Run("Get-TwilioMessage -All -PageSize 1000");
            list.ThrowIfFailed();
            Assert.Equal(expected, list.Objects<TwilioMessage>().Select(m => m.To).OrderBy(n => n));
            // The first burst refuses the forty sent beyond the cap; after that the window costs about one
            // refusal per ten admitted as it probes for more: about 70 here. Resent without a wait for a slot
            // (or never shrinking) would be thousands.
            Assert.True(refused < Messages / 2, $"the emulator refused {refused} requests for {Messages} messages");
            // Refusals go again as soon as a slot frees, not after the retry handler's backoff, which every
            // one of them waited out when the connection's limit was fixed (about 80 for 300 messages). A
            // few may still reach it: a refusal with nothing else in flight is left to the backoff.
            int backedOff = r.Verbose.Count(v => v.Contains("failed (HTTP 429); retry"));
            Assert.True(backedOff <= 5, $"{backedOff} refusals waited out the backoff:\n" + string.Join("\n", r.Verbose.Take(20)));
            Assert.Contains(r.Verbose, v => v.StartsWith("Requests in flight on this connection: now up to ", StringComparison.Ordinal));
        }

        /// <summary>
        /// A request's completion starts the next waiting input itself: while the pipeline thread is
        /// held by whatever consumes the first output, the inputs bound ahead still go out.
        /// </summary>
        [Fact]
        public void A_free_slot_is_filled_while_the_pipeline_thread_is_busy_downstream()
        {
            using var s = new EmulatedSession();
            s.Emulator.Interceptor = new SlowCreates(TimeSpan.FromMilliseconds(300));
            s.PowerShell.SetVariable("to", Numbers(6));
            s.PowerShell.SetVariable("posts", new Func<int>(() => s.Emulator.Requests.Count(q => q.Method == "POST")));

            // The consumer holds the pipeline thread on the first output until a third request has
            // reached the emulator (or 10 s pass), and records how many had by then.
            PowerShellResult r = s.Run(@"
                $seen = $null
                $to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 2 | ForEach-Object {
                    if ($null -eq $seen) {
                        $deadline = [DateTime]::UtcNow.AddSeconds(10)
                        while ($posts.Invoke() -lt 3 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
                        $seen = $posts.Invoke()
                    }
                    $_
                }
                ""seen $seen""");

            r.ThrowIfFailed();
            Assert.Equal(6, r.Objects<TwilioMessage>().Count());
            // 2 if the next request waited for the pipeline thread; 4 once both first answers are in.
            Assert.InRange(int.Parse(r.Objects<string>().Single().Substring("seen ".Length)), 3, 4);
            Assert.Equal(6, s.Emulator.Requests.Count(q => q.Method == "POST"));
            Assert.InRange(s.Emulator.PeakRequestsInFlight, 1, 2);
        }

        /// <summary>Refuses the creates for some numbers at once, and answers the others after a while.</summary>
        private sealed class QuickRefusals : IRequestInterceptor
        {
            private readonly HashSet<string> _refused;
            public QuickRefusals(params string[] refused) => _refused = new HashSet<string>(refused);

            public EmulatorFault Intercept(EmulatorRequest request)
            {
                if (request.Method != "POST") return null;
                return _refused.Contains(request.FormValue("To") ?? string.Empty)
                    ? new EmulatorFault { Status = 400, Code = 21211, Message = "Invalid 'To' Phone Number" }
                    : EmulatorFault.Latency(TimeSpan.FromMilliseconds(300));
            }
        }

        /// <summary>
        /// A failed request holds the inputs waiting for a slot until its error has been written, so
        /// with -ErrorAction Stop nothing more goes out once a request has failed, though the requests
        /// still in flight then succeed and free their slots.
        /// </summary>
        [Fact]
        public void With_ErrorAction_Stop_no_input_is_sent_after_a_failure()
        {
            using var s = new EmulatedSession();
            string[] to = Numbers(20);
            s.Emulator.Interceptor = new QuickRefusals(to[0]);
            s.PowerShell.SetVariable("to", to);

            PowerShellResult r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 5 -ErrorAction Stop");

            Assert.NotNull(r.Terminating);
            Thread.Sleep(1000);
            // Up to five sent at once (fewer if the refusal came back before all five were bound);
            // none of the waiting ones, neither into the failed request's slot nor into those the
            // others freed 300 ms later.
            Assert.InRange(s.Emulator.Requests.Count(q => q.Method == "POST"), 1, 5);
        }

        /// <summary>With errors that do not stop the pipeline, a failed request's slot is filled again once its error is written.</summary>
        [Fact]
        public void After_a_written_error_the_waiting_inputs_go_on()
        {
            using var s = new EmulatedSession();
            string[] to = Numbers(12);
            s.Emulator.Interceptor = new QuickRefusals(to[0], to[6]);
            s.PowerShell.SetVariable("to", to);

            PowerShellResult r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 3");

            Assert.Null(r.Terminating);
            Assert.Equal(new[] { to[0], to[6] }, r.Errors.Select(e => (string)e.TargetObject).OrderBy(n => n));
            Assert.Equal(10, r.Objects<TwilioMessage>().Count());
            Assert.Equal(12, s.Emulator.Requests.Count(q => q.Method == "POST"));
        }

        [Fact]
        public void With_the_default_of_one_outputs_keep_the_input_order()
        {
            using var s = new EmulatedSession();
            string[] to = Numbers(8);
            s.PowerShell.SetVariable("to", to);
            PowerShellResult r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello'");
            r.ThrowIfFailed();
            Assert.Equal(to, r.Objects<TwilioMessage>().Select(m => m.To));
            Assert.Equal(1, s.Emulator.PeakRequestsInFlight);
        }

        [Fact]
        public void Calls_in_flight_together_still_leave_at_the_calls_per_second()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 10");
            s.PowerShell.SetVariable("to", Numbers(6));
            PowerShellResult r = s.Run("$to | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v' -ThrottleLimit 6");
            r.ThrowIfFailed();
            Assert.Equal(6, r.Objects<TwilioCall>().Count());
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();
            double[] gaps = CallCmdletTests.ReleaseGaps(connection.Client.CallThrottle);
            Assert.Equal(5, gaps.Length);
            Assert.All(gaps, gap => Assert.True(gap >= 100, $"two calls were released {gap:0.###} ms apart at 10 calls per second"));
        }

        [Fact]
        public void Stopping_a_bulk_send_ends_it_and_sends_nothing_more()
        {
            using var s = new EmulatedSession();
            s.Emulator.Interceptor = new SlowCreates(TimeSpan.FromSeconds(2));
            using var pipeline = System.Management.Automation.PowerShell.Create();
            pipeline.Runspace = s.PowerShell.Runspace;
            pipeline.AddScript("$args[0] | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 5").AddArgument(Numbers(100));
            var running = pipeline.BeginInvoke();
            Assert.True(SpinWait.SpinUntil(() => s.Emulator.Requests.Count(q => q.Method == "POST") >= 5, TimeSpan.FromSeconds(60)));

            pipeline.Stop();
            Assert.Equal(PSInvocationState.Stopped, pipeline.InvocationStateInfo.State);
            int sentAtStop = s.Emulator.Requests.Count(q => q.Method == "POST");
            Assert.True(sentAtStop < 100, "the send ran to the end instead of stopping");
            Thread.Sleep(500);
            Assert.Equal(sentAtStop, s.Emulator.Requests.Count(q => q.Method == "POST"));
        }
    }
}
