using System.Linq;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    public class SmokeTests
    {
        [Fact]
        public void ConnectsToTheEmulatorAndPlacesACall()
        {
            using var ps = new PowerShellSession();
            var result = ps.Run(@"
                $e = Start-TwilioEmulator -SeedCalls 120
                Connect-Twilio -Emulator -Verbose
                New-TwilioCall -To '+14155550100' -From '+14155550199' -Url 'https://example.com/twiml' -Verbose
                (Get-TwilioCall -All).Count
                (Get-TwilioCall -First 77).Count
                Stop-TwilioEmulator
            ");
            result.ThrowIfFailed();
            Assert.Equal(121, (int)result.Output[^2].BaseObject);
            Assert.Equal(77, (int)result.Output[^1].BaseObject);
        }
    }
}
