using System;
using System.Collections.Generic;
using System.Linq;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>Caller IDs: a validation request's code and call, the caller ID once the call completes, the signed outcome callback.</summary>
    public class OutgoingCallerIdCmdletTests
    {
        [Fact]
        public void A_validation_shows_its_code_first_calls_the_number_and_the_caller_ID_appears_when_the_call_completes()
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = EmulatedSession.WithFastCalls();
            s.PowerShell.SetVariable("cb", listener.Url);
            PowerShellResult requested = s.Run("New-TwilioOutgoingCallerId '+14155550123' 'On-call mobile' -CallDelay 5 -StatusCallback $cb");
            requested.ThrowIfFailed();
            TwilioValidationRequest request = requested.Objects<TwilioValidationRequest>().Single();
            Assert.Matches("^[0-9]{6}$", request.ValidationCode);
            Assert.Equal("+14155550123", request.PhoneNumber);
            Assert.Equal("+14155550123", s.LastRequest.FormValue("PhoneNumber"));
            Assert.Equal("5", s.LastRequest.FormValue("CallDelay"));

            // The code leads: the first column of the table and the first line of the list.
            string table = string.Join("\n", s.Run("$args[0] | Format-Table | Out-String -Width 200", request).Output);
            Assert.Matches(@"^\s*ValidationCode\s+PhoneNumber", table.TrimStart('\r', '\n'));
            string list = string.Join("\n", s.Run("$args[0] | Format-List | Out-String -Width 200", request).Output).Trim();
            Assert.StartsWith("ValidationCode : " + request.ValidationCode, list);

            // The validation call is a real call to the number; no caller ID until it completes.
            TwilioCall call = s.Run("Get-TwilioCall -CallSid $args[0]", request.CallSid).Objects<TwilioCall>().Single();
            Assert.Equal("+14155550123", call.To);
            Assert.Equal("queued", call.Status);   // still waiting out the five-second delay (generous for a loaded machine)
            Assert.Empty(s.Run("Get-TwilioOutgoingCallerId").Output);

            Callback outcome = Assert.Single(listener.Take(1));
            Assert.Equal("success", outcome.Form["VerificationStatus"]);
            TwilioOutgoingCallerId callerId = s.Run("Get-TwilioOutgoingCallerId -PhoneNumber '+14155550123'").Objects<TwilioOutgoingCallerId>().Single();
            Assert.Equal(callerId.Sid, outcome.Form["OutgoingCallerIdSid"]);
            Assert.Equal(request.CallSid, outcome.Form["CallSid"]);
            Assert.Equal("On-call mobile", callerId.FriendlyName);
            Assert.Equal("completed", s.Run("Get-TwilioCall -CallSid $args[0]", request.CallSid).Objects<TwilioCall>().Single().Status);
            AssertSigned(s, outcome);

            // Already verified: Twilio's 21450, one error carrying the number.
            PowerShellResult again = s.Run("New-TwilioOutgoingCallerId '+14155550123'");
            Assert.Equal("Twilio21450", Assert.Single(again.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal("+14155550123", again.Errors[0].TargetObject);
            Assert.Contains("already verified", again.Errors[0].ErrorDetails.Message);
        }

        [Fact]
        public void A_validation_call_nobody_answers_reports_failed_and_makes_no_caller_ID()
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = EmulatedSession.WithFastCalls();
            s.PowerShell.SetVariable("cb", listener.Url);
            TwilioValidationRequest request = s.Run("New-TwilioOutgoingCallerId '+15005550001' -StatusCallback $cb").Objects<TwilioValidationRequest>().Single();

            Callback outcome = Assert.Single(listener.Take(1));
            Assert.Equal("failed", outcome.Form["VerificationStatus"]);
            Assert.False(outcome.Form.ContainsKey("OutgoingCallerIdSid"));
            AssertSigned(s, outcome);
            Assert.Empty(s.Run("Get-TwilioOutgoingCallerId -All").Output);
            Assert.Equal("no-answer", s.Run("Get-TwilioCall -CallSid $args[0]", request.CallSid).Objects<TwilioCall>().Single().Status);
        }

        [Fact]
        public void Caller_IDs_are_listed_by_wildcard_name_renamed_and_removed()
        {
            using EmulatedSession s = EmulatedSession.WithFastCalls();
            s.Run("'+14155550131', '+14155550132', '+14155550133' | New-TwilioOutgoingCallerId -FriendlyName 'Support desk'").ThrowIfFailed();
            s.Run("New-TwilioOutgoingCallerId '+14155550134' 'Sales desk'").ThrowIfFailed();
            Assert.True(System.Threading.SpinWait.SpinUntil(() => s.Run("Get-TwilioOutgoingCallerId -All").Output.Count == 4, TimeSpan.FromSeconds(10)));
            s.Emulator.ClearRequests();

            PowerShellResult support = s.Run("Get-TwilioOutgoingCallerId -FriendlyName 'support*'");
            Assert.Equal(3, support.Objects<TwilioOutgoingCallerId>().Count());
            Assert.Null(s.Emulator.Requests.Single().QueryValue("FriendlyName"));   // a wildcard is matched here, not sent
            Assert.Single(s.Run("Get-TwilioOutgoingCallerId -FriendlyName 'Sales desk'").Output);
            Assert.Equal("Sales desk", s.LastRequest.QueryValue("FriendlyName"));

            TwilioOutgoingCallerId refetched = s.Run("Get-TwilioOutgoingCallerId -PhoneNumber '+14155550134' | Get-TwilioOutgoingCallerId").Objects<TwilioOutgoingCallerId>().Single();
            Assert.Equal($"/2010-04-01/Accounts/{s.Emulator.AccountSid}/OutgoingCallerIds/{refetched.Sid}.json", s.LastRequest.Path);
            Assert.Equal("Front desk", s.Run("(Get-TwilioOutgoingCallerId -PhoneNumber '+14155550134' | Set-TwilioOutgoingCallerId -FriendlyName 'Front desk').FriendlyName").Output.Single().ToString());
            s.Run("Get-TwilioOutgoingCallerId -FriendlyName 'support*' | Remove-TwilioOutgoingCallerId -WhatIf").ThrowIfFailed();
            Assert.Equal(4, s.Run("Get-TwilioOutgoingCallerId -All").Output.Count);
            s.Run("Get-TwilioOutgoingCallerId -FriendlyName 'support*' | Remove-TwilioOutgoingCallerId -Force").ThrowIfFailed();
            Assert.Equal(new[] { "+14155550134" }, s.Run("Get-TwilioOutgoingCallerId -All | ForEach-Object PhoneNumber").Output.Select(o => o.ToString()));
        }

        [Theory]
        [InlineData("New-TwilioOutgoingCallerId '+14155550123' -CallDelay 61")]
        [InlineData("New-TwilioOutgoingCallerId '4155550123'")]
        [InlineData("New-TwilioOutgoingCallerId '+14155550123' -Extension '12;34'")]
        public void Bad_input_is_refused_before_any_request(string command)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(command);
            Assert.NotNull(r.FirstError);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        private static void AssertSigned(EmulatedSession s, Callback c)
        {
            s.PowerShell.SetVariable("url", c.Url);
            s.PowerShell.SetVariable("sig", c.Signature);
            s.PowerShell.SetVariable("form", new System.Collections.Hashtable(c.Form));
            Assert.True(Assert.Single(s.Run("Test-TwilioSignature -Url $url -Parameters $form -Signature $sig").Objects<bool>()));
            Assert.False(Assert.Single(s.Run("$f = $form.Clone(); $f['VerificationStatus'] = 'tampered'; Test-TwilioSignature -Url $url -Parameters $f -Signature $sig").Objects<bool>()));
        }
    }
}
