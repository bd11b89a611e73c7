using System;
using System.Linq;
using System.Management.Automation;
using TwilioPS.Tests.Hosting;
using TwilioPS.Tests.Module;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>Send-TwilioMessage's checks before any request, and what it sends.</summary>
    public class MessageCmdletTests
    {
        private const string Service = "MG0123456789abcdef0123456789abcdef";

        [Theory]
        [InlineData("-To 'not a number' -From '+14155550100' -Body hi", "To")]
        [InlineData("-To '+14155550101`n' -From '+14155550100' -Body hi", "To")]
        [InlineData("-To 'whatsapp:14155550101' -From '+14155550100' -Body hi", "To")]
        [InlineData("-To '+14155550101' -From 'an-alphanumeric-sender-too-long' -Body hi", "From")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Body ('x' * 1601)", "Body")]
        [InlineData("-To '+14155550101' -From '+14155550100' -MediaUrl (1..11 | ForEach-Object { \"https://example.com/$_.png\" })", "MediaUrl")]
        [InlineData("-To '+14155550101' -From '+14155550100' -MediaUrl 'ftp://example.com/a.png'", "MediaUrl")]
        [InlineData("-To '+14155550101' -From '+14155550100' -Body hi -ValidityPeriod 36001", "ValidityPeriod")]
        [InlineData("-To '+14155550101' -MessagingServiceSid 'AP0123456789abcdef0123456789abcdef' -Body hi", "MessagingServiceSid")]
        public void Bad_input_fails_at_binding_before_any_request(string arguments, string parameter)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Send-TwilioMessage " + arguments);
            ErrorRecord error = r.FirstError;
            Assert.NotNull(error);
            Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Contains(parameter, error.ToString() + error.CategoryInfo.TargetName + error.Exception.Message);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Theory]
        [InlineData("'whatsapp:+14155550101'", "'whatsapp:+14155550100'")]
        [InlineData("'messenger:1234567890'", "'messenger:9876543210'")]
        [InlineData("'+14155550101'", "'72345'")]
        [InlineData("'+447700900123'", "'TwilioPS'")]
        public void Channel_addresses_short_codes_and_sender_ids_are_accepted(string to, string from)
        {
            using var s = new EmulatedSession();
            s.Run($"Send-TwilioMessage -To {to} -From {from} -Body hi -ErrorAction SilentlyContinue");
            Assert.Equal(1, s.Emulator.Requests.Count(q => q.Method == "POST"));
            Assert.Equal(to.Trim('\''), s.LastRequest.FormValue("To"));
            Assert.Equal(from.Trim('\''), s.LastRequest.FormValue("From"));
        }

        [Fact]
        public void Each_row_without_anything_to_send_is_one_error_carrying_its_number_and_the_rest_go()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(@"
                [pscustomobject]@{ To = '+14155550101'; Body = 'one' },
                [pscustomobject]@{ To = '+14155550102' },
                [pscustomobject]@{ To = '+14155550103'; MediaUrl = 'https://example.com/a.png' } |
                    Send-TwilioMessage -From '+14155550100'");
            ErrorRecord missing = r.Errors.SingleOrDefault(e => e.FullyQualifiedErrorId.StartsWith("MessageContentMissing", StringComparison.Ordinal));
            Assert.True(missing != null, string.Join(" | ", r.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            Assert.Equal("+14155550102", missing.TargetObject);
            var sent = s.Emulator.Requests.Where(q => q.Method == "POST").ToList();
            Assert.Equal(new[] { "+14155550101", "+14155550103" }, sent.Select(q => q.FormValue("To")));
            Assert.Equal("one", sent[0].FormValue("Body"));
            Assert.Equal("https://example.com/a.png", sent[1].FormValue("MediaUrl"));
        }

        [Theory]
        [InlineData(5.0)]
        [InlineData(60 * 24 * 36.0)]
        public void SendAt_outside_15_minutes_to_35_days_is_refused_before_any_request(double minutesAhead)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run($"Send-TwilioMessage -To '+14155550101' -MessagingServiceSid {Service} -Body hi -SendAt (Get-Date).AddMinutes({minutesAhead})");
            Assert.Equal("SendAtOutOfRange,TwilioPS.Cmdlets.Messages.SendTwilioMessageCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void SendAt_needs_a_messaging_service()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Send-TwilioMessage -To '+14155550101' -From '+14155550100' -Body hi -SendAt (Get-Date).AddDays(1)");
            Assert.NotNull(r.FirstError);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void A_scheduled_template_message_sends_Twilios_fields()
        {
            using var s = new EmulatedSession();
            s.Run($@"Send-TwilioMessage -To 'whatsapp:+14155550101' -MessagingServiceSid {Service} -ContentSid HX0123456789abcdef0123456789abcdef `
                -ContentVariables ([ordered]@{{ 1 = 'Ada'; 2 = 10.5 }}) -SendAt ([datetime]::UtcNow.AddDays(1)) -SmartEncoded -ErrorAction SilentlyContinue");
            var form = s.LastRequest;
            Assert.Equal("fixed", form.FormValue("ScheduleType"));
            Assert.Matches(@"\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z", form.FormValue("SendAt"));
            Assert.Equal("{\"1\":\"Ada\",\"2\":\"10.5\"}", form.FormValue("ContentVariables"));
            Assert.Equal("true", form.FormValue("SmartEncoded"));
            Assert.Null(form.FormValue("Body"));
            Assert.Null(form.FormValue("From"));
        }

        [Fact]
        public void WhatIf_says_what_the_body_will_cost()
        {
            // "What if:" goes to the host, so this runs in a console host, as a user would see it.
            var (exit, output) = ChildProcess.RunScriptText(@"
                Import-Module $args[0]
                Connect-Twilio -Emulator
                Send-TwilioMessage '+14155550101' '+14155550100' ('x' * 161) -WhatIf
                Send-TwilioMessage '+14155550101' '+14155550100' ""Let it snow $([char]0x2603)"" -WhatIf", TimeSpan.FromMinutes(2), ModuleAssemblies.ManifestPath);
            Assert.True(exit == 0, output);
            Assert.Contains("Send a message from +14155550100 (GSM-7, 2 segment(s))", output);
            Assert.Contains("(UCS-2, 1 segment(s))", output);
        }

        [Fact]
        public void SetTwilioMessage_redacts_with_an_empty_body_and_cancels_with_Twilios_status()
        {
            using var s = new EmulatedSession();
            const string Sid = "SM0123456789abcdef0123456789abcdef";
            s.Run($"Set-TwilioMessage {Sid} -Redact -ErrorAction SilentlyContinue");
            Assert.Equal(new[] { "Body" }, s.LastRequest.Form.Select(f => f.Key));
            Assert.Equal(string.Empty, s.LastRequest.FormValue("Body"));
            s.Run($"Set-TwilioMessage {Sid} -Cancel -ErrorAction SilentlyContinue");
            Assert.Equal("canceled", s.LastRequest.FormValue("Status"));
        }
    }
}
