using System.Linq;
using System.Management.Automation;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>A Set- cmdlet given nothing to change fails before any request, naming what it was given.</summary>
    public class NothingToUpdateTests
    {
        [Theory]
        [InlineData("Set-TwilioCall CA0123456789abcdef0123456789abcdef", "CA0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioQueue QU0123456789abcdef0123456789abcdef", "QU0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioConference CF0123456789abcdef0123456789abcdef", "CF0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioConferenceParticipant CF0123456789abcdef0123456789abcdef CA0123456789abcdef0123456789abcdef", "CA0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioApplication AP0123456789abcdef0123456789abcdef", "AP0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioIncomingPhoneNumber PN0123456789abcdef0123456789abcdef", "PN0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioUsageTrigger UT0123456789abcdef0123456789abcdef", "UT0123456789abcdef0123456789abcdef")]
        [InlineData("Set-TwilioAccount -AccountSid AC0123456789abcdef0123456789abcdef", "AC0123456789abcdef0123456789abcdef")]
        public void Nothing_to_change_is_refused_before_any_request_with_the_input_as_target(string command, string target)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(command);
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Equal("NothingToUpdate", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(target, error.TargetObject);
            Assert.Equal(0, s.RequestsSinceConnect);
        }
    }
}
