using System;
using System.Linq;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>The retry policy as a user meets it: through cmdlets, against injected faults.</summary>
    public class FaultTests
    {
        private sealed class FaultOn : IRequestInterceptor
        {
            private readonly Func<EmulatorRequest, bool> _when;
            private readonly EmulatorFault _fault;
            private int _remaining;

            public FaultOn(Func<EmulatorRequest, bool> when, EmulatorFault fault, int times = 1)
            {
                _when = when;
                _fault = fault;
                _remaining = times;
            }

            public EmulatorFault Intercept(EmulatorRequest request) =>
                _when(request) && System.Threading.Interlocked.Decrement(ref _remaining) >= 0 ? _fault : null;
        }

        private static bool SecondPage(EmulatorRequest r) => r.Method == "GET" && r.PathAndQuery.Contains("PageToken=");

        [Fact]
        public void A_503_mid_listing_is_retried_and_no_record_is_lost_or_doubled()
        {
            using var s = new EmulatedSession(seedCalls: 60);
            s.Emulator.Interceptor = new FaultOn(SecondPage, EmulatorFault.ServiceUnavailable(TimeSpan.Zero));
            PowerShellResult r = s.Run("Get-TwilioCall -All -PageSize 20 -Verbose");
            r.ThrowIfFailed();
            Assert.Equal(60, r.Objects<TwilioCall>().Select(c => c.Sid).Distinct().Count());
            Assert.Equal(60, r.Output.Count);
            Assert.Contains(r.Verbose, v => v.Contains("HTTP 503") && v.Contains("retry 1 of"));
        }

        [Fact]
        public void A_dropped_connection_on_a_GET_is_retried()
        {
            using var s = new EmulatedSession(seedCalls: 10);
            s.Emulator.Interceptor = new FaultOn(r => r.Method == "GET", EmulatorFault.Drop());
            PowerShellResult r = s.Run("(Get-TwilioCall -All).Count");
            r.ThrowIfFailed();
            Assert.Equal(10, (int)r.Output.Single().BaseObject);
        }

        [Fact]
        public void A_500_on_call_creation_is_not_retried_and_becomes_an_error_record()
        {
            using var s = new EmulatedSession();
            s.Emulator.Interceptor = new FaultOn(r => r.Method == "POST", EmulatorFault.InternalError());
            PowerShellResult r = s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'");
            Assert.Equal(1, s.Emulator.Requests.Count(q => q.Method == "POST"));
            var error = Assert.Single(r.Errors);
            Assert.Equal("+14155550101", error.TargetObject);
            Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void A_429_on_call_creation_is_retried_and_the_call_placed_once()
        {
            using var s = new EmulatedSession();
            s.Emulator.Interceptor = new FaultOn(r => r.Method == "POST", EmulatorFault.TooManyRequests(TimeSpan.Zero));
            PowerShellResult r = s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'; (Get-TwilioCall -All).Count");
            r.ThrowIfFailed();
            Assert.Equal(2, s.Emulator.Requests.Count(q => q.Method == "POST"));
            Assert.Equal(1, (int)r.Output.Last().BaseObject);
        }

        [Fact]
        public void Persistent_429_ends_in_LimitsExceeded_after_bounded_retries()
        {
            using var s = new EmulatedSession(connectArguments: "-MaxRetries 2");
            s.Emulator.Interceptor = new FaultOn(r => r.Method == "GET", EmulatorFault.TooManyRequests(TimeSpan.Zero), times: 100);
            PowerShellResult r = s.Run("Get-TwilioCall");
            var error = Assert.Single(r.Errors);
            Assert.Equal("Twilio20429,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Equal(3, s.Emulator.Requests.Count(q => q.Method == "GET"));
        }

        [Fact]
        public void Unreachable_API_is_a_connection_error_record()
        {
            using var s = new EmulatedSession(connectArguments: "-MaxRetries 0");
            s.Emulator.Stop();
            PowerShellResult r = s.Run("Get-TwilioCall -Sid ('CA' + '1' * 32)");
            var error = Assert.Single(r.Errors);
            Assert.Equal("TwilioConnectionFailed,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", error.FullyQualifiedErrorId);
            Assert.Equal("CA" + new string('1', 32), error.TargetObject);
        }
    }
}
