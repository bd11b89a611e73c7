using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 6: validation matches the whole value — a trailing newline (or any control character) is refused.</summary>
    public class AnchoredValidationTests
    {
        private const string Call = "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'";

        public static TheoryData<string> Scripts => new TheoryData<string>
        {
            "New-TwilioCall -To \"+14155550101`n\" -From '+14155550100' -Url 'https://example.com/v'",
            "New-TwilioCall -To \"+14155550101`r`n\" -From '+14155550100' -Url 'https://example.com/v'",
            "New-TwilioCall -To '+14155550101' -From \"+14155550100`n\" -Url 'https://example.com/v'",
            "New-TwilioCall -To \"client:alice`n\" -From '+14155550100' -Url 'https://example.com/v'",
            "New-TwilioCall -To \"client:alice`nBob\" -From '+14155550100' -Url 'https://example.com/v'",
            "New-TwilioCall -To \"sip:alice@example.com`n\" -From '+14155550100' -Url 'https://example.com/v'",
            "New-TwilioCall -To 'sip:alice example.com' -From '+14155550100' -Url 'https://example.com/v'",
            Call + " -SendDigits \"1234`n\"",
            "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url \"https://example.com/v`n\"",
            Call + " -StatusCallback \"https://example.com/s`n\"",
            Call + " -StatusCallback \" https://example.com/s\"",
            "\"+14155550101`n\" | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v'",
            "Get-TwilioCall -To \"+14155550101`n\"",
            "Get-TwilioCall -From \"+14155550100`n\"",
            "Set-TwilioCall -Sid CA00000000000000000000000000000001 -Url \"https://example.com/v`n\"",
            "Connect-Twilio -BaseUri $EmulatorUri -Credential $EmulatorCredential -Region \"us1`n\"",
        };

        [Theory]
        [MemberData(nameof(Scripts))]
        public void A_trailing_newline_fails_validation_and_nothing_is_sent(string script)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(script);
            Assert.NotNull(r.FirstError);
            Assert.IsAssignableFrom<ParameterBindingException>(r.FirstError.Exception);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Theory]
        [InlineData("+14155550101")]
        [InlineData("client:alice")]
        [InlineData("sip:alice@example.com")]
        public void The_same_values_without_the_newline_still_pass(string to)
        {
            using var s = new EmulatedSession();
            s.Run($"New-TwilioCall -To '{to}' -From '+14155550100' -Url 'https://example.com/v' -SendDigits '1234w#'").ThrowIfFailed();
        }

        [Theory]
        [InlineData("To", "%2B14155550101%0A")]
        [InlineData("From", "%2B14155550100%0A")]
        [InlineData("To", "client%3Aalice%0A")]
        [InlineData("To", "sip%3Aalice%40example.com%0A")]
        public async Task The_emulator_refuses_a_trailing_newline_as_Twilio_does(string field, string encoded)
        {
            using var emulator = TwilioPS.Emulator.TwilioEmulator.Start();
            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(emulator.AccountSid + ":" + emulator.AuthToken)));
            string form = "To=%2B14155550101&From=%2B14155550100&Url=https%3A%2F%2Fexample.com%2Fv";
            form = form.Replace(field + "=" + (field == "To" ? "%2B14155550101" : "%2B14155550100"), field + "=" + encoded);
            var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            HttpResponseMessage response = await http.PostAsync($"/2010-04-01/Accounts/{emulator.AccountSid}/Calls.json", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
