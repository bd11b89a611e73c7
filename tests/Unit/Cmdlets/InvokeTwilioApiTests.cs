using System.Linq;
using System.Management.Automation;
using TwilioPS.Connection;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>Invoke-TwilioApi: any request through the connection, as the other cmdlets send theirs.</summary>
    public class InvokeTwilioApiTests
    {
        [Fact]
        public void A_relative_path_lists_under_the_account_and_All_streams_every_page()
        {
            using var s = new EmulatedSession(seedCalls: 130);
            PowerShellResult r = s.Run("Invoke-TwilioApi Calls.json -Query @{ PageSize = 50 } -All");
            r.ThrowIfFailed();
            Assert.Equal(130, r.Output.Count);
            Assert.Equal(130, r.Output.Select(o => (string)o.Properties["sid"].Value).Distinct().Count());
            Assert.All(s.Emulator.Requests, q => Assert.StartsWith("/2010-04-01/Accounts/" + s.Emulator.AccountSid + "/Calls.json", q.Path));
            Assert.Equal(3, s.RequestsSinceConnect);

            PowerShellResult page = s.Run("Invoke-TwilioApi Calls.json -Query @{ PageSize = 50 }");
            Assert.Equal(50, page.Output.Count);
        }

        [Fact]
        public void A_fetch_returns_the_object_and_Raw_its_JSON()
        {
            using var s = new EmulatedSession(seedCalls: 1);
            string sid = s.Run("(Get-TwilioCall).Sid").Output.Single().ToString();
            PowerShellResult r = s.Run("Invoke-TwilioApi \"Calls/$($args[0]).json\"", sid);
            r.ThrowIfFailed();
            Assert.Equal(sid, Assert.Single(r.Output).Properties["sid"].Value);
            PowerShellResult raw = s.Run("Invoke-TwilioApi \"/2010-04-01/Accounts/$($args[1])/Calls/$($args[0]).json\" -Raw", sid, s.Emulator.AccountSid);
            raw.ThrowIfFailed();
            Assert.StartsWith("{", (string)Assert.Single(raw.Output).BaseObject);
        }

        [Fact]
        public void A_POST_sends_the_form_with_repeated_keys_and_placing_a_call_waits_on_the_throttle()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 5");
            PowerShellResult r = s.Run(@"1..2 | ForEach-Object {
                Invoke-TwilioApi Calls.json -Method POST -Form @{ To = '+14155550101'; From = '+14155550100'; Url = 'https://example.com/v'; StatusCallbackEvent = 'initiated', 'answered' } }");
            r.ThrowIfFailed();
            Assert.Equal(2, r.Output.Count);
            Assert.Equal(new[] { "initiated", "answered" }, s.LastRequest.FormValues("StatusCallbackEvent"));
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();
            double gap = Assert.Single(CallCmdletTests.ReleaseGaps(connection.Client.CallThrottle));
            Assert.True(gap >= 200, $"two calls through Invoke-TwilioApi were released {gap:0.###} ms apart at 5 calls per second");
        }

        [Fact]
        public void Failures_are_Twilios_errors_carrying_the_path_and_WhatIf_sends_nothing()
        {
            using var s = new EmulatedSession();
            PowerShellResult missing = s.Run("Invoke-TwilioApi Calls/CA0123456789abcdef0123456789abcdef.json");
            ErrorRecord error = Assert.Single(missing.Errors);
            Assert.StartsWith("Twilio20404,", error.FullyQualifiedErrorId);
            Assert.Equal("Calls/CA0123456789abcdef0123456789abcdef.json", error.TargetObject);

            long before = s.Emulator.RequestCount;
            s.Run("Invoke-TwilioApi Calls/CA0123456789abcdef0123456789abcdef.json -Method DELETE -WhatIf").ThrowIfFailed();
            Assert.Equal(before, s.Emulator.RequestCount);

            PowerShellResult elsewhere = s.Run("Invoke-TwilioApi 'https://messaging.example.com/v1/Services'");
            Assert.StartsWith("TwilioProtocolError,", Assert.Single(elsewhere.Errors).FullyQualifiedErrorId);
            Assert.Equal(before, s.Emulator.RequestCount);
        }
    }
}
