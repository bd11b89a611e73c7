using System.Linq;
using System.Management.Automation;
using TwilioPS.Connection;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>New/Get/Set/Remove-TwilioCall through the real engine against the emulator.</summary>
    public class CallCmdletTests
    {
        private const string Twiml = "<Response><Say>hi</Say></Response>";

        [Fact]
        public void NewTwilioCall_sends_every_bound_parameter_in_Twilios_form()
        {
            using var s = new EmulatedSession();
            s.PowerShell.SetVariable("sip", new PSCredential("alice", EmulatedSession.Secure("s3cret!")));
            PowerShellResult r = s.Run(@"New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/voice' -Method GET `
                -StatusCallback 'https://example.com/status' -StatusCallbackEvent initiated, answered, completed -StatusCallbackMethod POST `
                -Record -RecordingChannels dual -Timeout 30 -TimeLimit 600 -SendDigits '1234#' -MachineDetection Enable `
                -MachineDetectionTimeout 10 -Trim trim-silence -SipAuthCredential $sip -AsyncAmd");
            r.ThrowIfFailed();
            TwilioCall call = Assert.Single(r.Objects<TwilioCall>());
            Assert.Equal("queued", call.Status);
            Assert.Equal("+14155550101", call.To);

            var form = s.LastRequest;
            Assert.Equal("POST", form.Method);
            Assert.Equal(new[] { "initiated", "answered", "completed" }, form.FormValues("StatusCallbackEvent"));
            Assert.Equal("true", form.FormValue("Record"));
            Assert.Equal("true", form.FormValue("AsyncAmd"));
            Assert.Equal("dual", form.FormValue("RecordingChannels"));
            Assert.Equal("30", form.FormValue("Timeout"));
            Assert.Equal("600", form.FormValue("TimeLimit"));
            Assert.Equal("1234#", form.FormValue("SendDigits"));
            Assert.Equal("GET", form.FormValue("Method"));
            Assert.Equal("alice", form.FormValue("SipAuthUsername"));
            Assert.Equal("s3cret!", form.FormValue("SipAuthPassword"));
            // Nothing the user did not bind is sent.
            Assert.Null(form.FormValue("FallbackUrl"));
            Assert.Null(form.FormValue("Twiml"));
            Assert.DoesNotContain(form.Form, f => f.Key == "Connection" || f.Key == "AccountSid");
        }

        [Theory]
        [InlineData("-Url 'https://example.com/voice'", "Url")]
        [InlineData("-Twiml '<Response/>'", "Twiml")]
        [InlineData("-ApplicationSid 'AP0123456789abcdef0123456789abcdef'", "ApplicationSid")]
        public void NewTwilioCall_has_a_parameter_set_per_TwiML_source(string source, string field)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' " + source);
            r.ThrowIfFailed();
            Assert.NotNull(s.LastRequest.FormValue(field));
        }

        [Theory]
        [InlineData("-To '555-1234' -From '+14155550100' -Url 'https://example.com/v'", "To")]
        [InlineData("-To '+14155550101' -From 'nobody' -Url 'https://example.com/v'", "From")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Url 'ftp://example.com/v'", "Url")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -Method PUT", "Method")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -Timeout 0", "Timeout")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -StatusCallbackEvent hungup", "StatusCallbackEvent")]
        [InlineData("-To '+14155550101' -From '+14155550100' -ApplicationSid 'CA0123456789abcdef0123456789abcdef'", "ApplicationSid")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -SendDigits 'abc'", "SendDigits")]
        public void Bad_input_fails_at_binding_before_any_request(string arguments, string parameter)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("New-TwilioCall " + arguments);
            ErrorRecord error = r.FirstError;
            Assert.NotNull(error);
            Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Contains(parameter, error.ToString() + error.CategoryInfo.TargetName + error.Exception.Message);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void Two_TwiML_sources_are_ambiguous_and_rejected()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -Twiml '<Response/>'");
            Assert.StartsWith("AmbiguousParameterSet", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void WhatIf_sends_nothing_for_every_state_changing_cmdlet()
        {
            using var s = new EmulatedSession(seedCalls: 3);
            string sid = s.Run("(Get-TwilioCall -First 1).Sid").Output.Single().ToString();
            long before = s.Emulator.RequestCount;
            PowerShellResult r = s.Run(@"
                New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -WhatIf
                Set-TwilioCall -Sid $args[0] -Status completed -WhatIf
                Remove-TwilioCall -Sid $args[0] -WhatIf
                Remove-TwilioCall -Sid $args[0] -Force -WhatIf", sid);
            r.ThrowIfFailed();
            Assert.Empty(r.Output);
            Assert.Equal(before, s.Emulator.RequestCount);
        }

        [Fact]
        public void Csv_rows_piped_to_NewTwilioCall_each_place_one_call()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(@"
                $rows = 1..5 | ForEach-Object { [pscustomobject]@{ To = ('+1415555020' + $_); From = '+14155550100'; Url = 'https://example.com/v' } }
                $rows | New-TwilioCall");
            r.ThrowIfFailed();
            Assert.Equal(5, r.Objects<TwilioCall>().Count());
            Assert.Equal(Enumerable.Range(1, 5).Select(i => "+1415555020" + i), r.Objects<TwilioCall>().Select(c => c.To));
            Assert.Equal(5, s.Emulator.Requests.Count(q => q.Method == "POST"));
        }

        [Fact]
        public void Get_by_Sid_from_the_pipeline_and_by_property_name()
        {
            using var s = new EmulatedSession(seedCalls: 4);
            PowerShellResult r = s.Run(@"
                $calls = Get-TwilioCall
                ($calls | Get-TwilioCall).Sid
                ($calls.Sid | Get-TwilioCall).Sid");
            r.ThrowIfFailed();
            Assert.Equal(8, r.Output.Count);
            Assert.Equal(r.Output.Take(4).Select(o => o.ToString()), r.Output.Skip(4).Select(o => o.ToString()));
        }

        [Fact]
        public void Unknown_sid_is_a_non_terminating_error_that_carries_the_input()
        {
            using var s = new EmulatedSession(seedCalls: 1);
            string missing = "CA" + new string('0', 32);
            PowerShellResult r = s.Run("$missing = $args[0]; $missing, (Get-TwilioCall -First 1).Sid | Get-TwilioCall", missing);
            Assert.Null(r.Terminating);
            Assert.Single(r.Objects<TwilioCall>());                  // the good one still came through
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(missing, error.TargetObject);
            Assert.Contains("https://www.twilio.com/docs/errors/20404", error.ErrorDetails.RecommendedAction);
            var api = Assert.IsType<TwilioPS.Client.TwilioApiException>(error.Exception);
            Assert.Equal(20404, api.Code);
            Assert.Equal(404, (int)api.Status);
        }

        [Fact]
        public void Pipeline_of_live_calls_to_SetTwilioCall_ends_them()
        {
            using var s = new EmulatedSession(configure: o => { o.RingDelay = System.TimeSpan.Zero; o.AnswerDelay = System.TimeSpan.Zero; o.CallDuration = System.TimeSpan.FromHours(1); o.CallsPerSecond = 100; }, connectArguments: "-CallsPerSecond 100");
            PowerShellResult r = s.Run(@"
                1..3 | ForEach-Object { New-TwilioCall -To ('+1415555030' + $_) -From '+14155550100' -Twiml '<Response><Pause length=""60""/></Response>' } | Out-Null
                Start-Sleep -Milliseconds 50
                Get-TwilioCall -Status in-progress | Set-TwilioCall -Status completed");
            r.ThrowIfFailed();
            Assert.Equal(3, r.Objects<TwilioCall>().Count());
            Assert.All(r.Objects<TwilioCall>(), c => Assert.Equal("completed", c.Status));
            Assert.All(s.Emulator.Requests.Where(q => q.Method == "POST" && q.Path.EndsWith("CA", System.StringComparison.Ordinal) == false && q.Form.Any(f => f.Key == "Status")),
                q => Assert.Equal(new[] { "Status" }, q.Form.Select(f => f.Key)));
        }

        [Fact]
        public void SetTwilioCall_sends_only_what_was_bound_and_needs_something_to_change()
        {
            using var s = new EmulatedSession(configure: o => { o.RingDelay = System.TimeSpan.FromHours(1); });
            string sid = s.Run("(New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v').Sid").Output.Single().ToString();

            PowerShellResult r = s.Run("Set-TwilioCall -Sid $args[0] -Url 'https://example.com/next' -Method GET", sid);
            r.ThrowIfFailed();
            Assert.Equal(new[] { "Url", "Method" }, s.LastRequest.Form.Select(f => f.Key).OrderByDescending(k => k));

            long before = s.Emulator.RequestCount;
            PowerShellResult nothing = s.Run("Set-TwilioCall -Sid $args[0]", sid);
            Assert.Equal("NothingToUpdate,TwilioPS.Cmdlets.Calls.SetTwilioCallCommand", nothing.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(before, s.Emulator.RequestCount);
        }

        [Fact]
        public void Redirecting_a_finished_call_reports_Twilios_error_as_InvalidArgument()
        {
            using var s = new EmulatedSession(seedCalls: 5);
            PowerShellResult r = s.Run("Get-TwilioCall -Status completed -First 1 | Set-TwilioCall -Twiml '<Response/>'");
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("Twilio21220,TwilioPS.Cmdlets.Calls.SetTwilioCallCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        [Fact]
        public void RemoveTwilioCall_deletes_with_Force_and_the_call_is_gone()
        {
            using var s = new EmulatedSession(seedCalls: 5);
            PowerShellResult r = s.Run(@"
                $sid = (Get-TwilioCall -Status completed -First 1).Sid
                Remove-TwilioCall -Sid $sid -Force
                Get-TwilioCall -Sid $sid");
            Assert.Equal("DELETE", s.Emulator.Requests.Single(q => q.Method == "DELETE").Method);
            Assert.Equal("Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void RemoveTwilioCall_is_high_impact_and_Confirm_false_also_proceeds()
        {
            using var s = new EmulatedSession(seedCalls: 2);
            PowerShellResult meta = s.Run("(Get-Command Remove-TwilioCall).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact");
            Assert.Equal("High", meta.Output.Single().ToString());
            PowerShellResult r = s.Run("Get-TwilioCall -All | Remove-TwilioCall -Confirm:$false; (Get-TwilioCall -All).Count");
            r.ThrowIfFailed();
            Assert.Equal(0, (int)r.Output.Single().BaseObject);
        }

        [Fact]
        public void Call_records_are_typed_with_parsed_dates_and_numbers()
        {
            using var s = new EmulatedSession(seedCalls: 20);
            PowerShellResult r = s.Run("Get-TwilioCall -Status completed -First 1");
            r.ThrowIfFailed();
            TwilioCall call = Assert.Single(r.Objects<TwilioCall>());
            Assert.StartsWith("CA", call.Sid);
            Assert.Equal(s.Emulator.AccountSid, call.AccountSid);
            Assert.NotNull(call.StartTime);
            Assert.NotNull(call.EndTime);
            Assert.True(call.EndTime >= call.StartTime);
            Assert.NotNull(call.Duration);
            Assert.NotNull(call.Price);
            Assert.Equal(System.TimeSpan.Zero, call.DateCreated.Value.Offset);
            Assert.Contains("recordings", call.SubresourceUris.Keys);
        }

        /// <summary>The gaps between the connection's call releases, in milliseconds, as its throttle recorded them.</summary>
        internal static double[] ReleaseGaps(TwilioPS.Client.CallThrottle throttle)
        {
            long[] releases = throttle.RecentReleases();
            return releases.Zip(releases.Skip(1), (a, b) => (b - a) * 1000.0 / throttle.Clock.Frequency).ToArray();
        }

        [Fact]
        public void NewTwilioCall_waits_on_the_throttle_and_says_so()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 5");
            PowerShellResult r = s.Run("'+14155550101', '+14155550102', '+14155550103' | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v' -Verbose");
            r.ThrowIfFailed();
            Assert.Contains(r.Verbose, v => v.Contains("calls-per-second throttle"));
            Assert.Equal(3, s.Emulator.Requests.Count(q => q.Method == "POST"));
            // Measured where the throttle released each create, just before it was sent: one every 200 ms.
            var throttle = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single().Client.CallThrottle;
            double[] gaps = ReleaseGaps(throttle);
            Assert.Equal(2, gaps.Length);
            Assert.All(gaps, gap => Assert.True(gap >= 200, $"two creates were released {gap:0.###} ms apart"));
        }

        [Fact]
        public void Runspaces_sharing_a_connection_share_its_throttle()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 10");
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();
            const string Script = "param($c, $n) 1..$n | ForEach-Object { '+1415555{0:0000}' -f $_ } | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v' -Connection $c";
            using var other = new PowerShellSession();
            using var a = System.Management.Automation.PowerShell.Create();
            using var b = System.Management.Automation.PowerShell.Create();
            a.Runspace = s.PowerShell.Runspace;
            b.Runspace = other.Runspace;
            a.AddScript(Script).AddArgument(connection).AddArgument(4);
            b.AddScript(Script).AddArgument(connection).AddArgument(4);
            var first = a.BeginInvoke();
            var second = b.BeginInvoke();
            Assert.Equal(4, a.EndInvoke(first).Count);
            Assert.Equal(4, b.EndInvoke(second).Count);
            Assert.False(a.HadErrors || b.HadErrors);

            double[] gaps = ReleaseGaps(connection.Client.CallThrottle);
            Assert.Equal(7, gaps.Length);
            Assert.All(gaps, gap => Assert.True(gap >= 100, $"two creates were released {gap:0.###} ms apart"));
        }

        [Fact]
        public void Disconnecting_while_calls_wait_on_the_throttle_fails_each_waiting_input_with_ConnectionClosed()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 0.1");
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();
            using var pipeline = System.Management.Automation.PowerShell.Create();
            pipeline.Runspace = s.PowerShell.Runspace;
            pipeline.AddScript("'+14155550101', '+14155550102', '+14155550103' | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v'");
            var running = pipeline.BeginInvoke();
            // The first goes at once; the second waits ten seconds for its slot.
            Assert.True(System.Threading.SpinWait.SpinUntil(() => connection.Client.CallThrottle.WaitingCount == 1, System.TimeSpan.FromSeconds(30)));

            connection.Dispose();   // what Disconnect-Twilio does, from another runspace
            var output = pipeline.EndInvoke(running);

            Assert.Single(output);
            var errors = pipeline.Streams.Error.ToList();
            Assert.Equal(new[] { "ConnectionClosed,TwilioPS.Cmdlets.Calls.NewTwilioCallCommand", "ConnectionClosed,TwilioPS.Cmdlets.Calls.NewTwilioCallCommand" },
                errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Equal(new object[] { "+14155550102", "+14155550103" }, errors.Select(e => e.TargetObject));
            Assert.Equal(1, s.Emulator.Requests.Count(q => q.Method == "POST"));
        }
    }
}
