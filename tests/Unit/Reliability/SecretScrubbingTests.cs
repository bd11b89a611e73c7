using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Text;
using TwilioPS.Client;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 3: whatever a server echoes back, the connection's secret never reaches a record or stream.</summary>
    public class SecretScrubbingTests
    {
        private const string Create = "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -Verbose";
        private const string List = "Get-TwilioCall -All -Verbose";

        private static string Echo => $"Authorization: Basic {HostileSession.BasicParameter}; token={HostileSession.AuthToken}; " +
                                      $"form=AuthToken={Uri.EscapeDataString(HostileSession.AuthToken)}&Plus={WebUtility.UrlEncode(HostileSession.AuthToken)}";

        private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

        /// <summary>(name, script, status, content type, body) — every body repeats the secret in every form.</summary>
        public static TheoryData<string, string, int, string, string> Responses => new TheoryData<string, string, int, string, string>
        {
            { "Twilio error, create", Create, 400, "application/json", $"{{\"code\":20001,\"message\":{Json(Echo)},\"more_info\":{Json("https://example.com/" + Echo)},\"status\":400,\"details\":{{\"echo\":{Json(Echo)}}}}}" },
            { "Twilio error, list", List, 401, "application/json", $"{{\"code\":20003,\"message\":{Json(Echo)},\"status\":401}}" },
            { "proxy HTML page", Create, 502, "text/html", $"<html><body>Bad gateway. {Echo}</body></html>" },
            { "problem details", List, 422, "application/problem+json", $"{{\"title\":{Json(Echo)},\"detail\":{Json(Echo)},\"validation\":[{Json(Echo)}]}}" },
            { "bad date in a record", Create, 200, "application/json", $"{{\"sid\":\"CA00000000000000000000000000000001\",\"date_created\":{Json(Echo)}}}" },
            { "bad number in a record", Create, 200, "application/json", $"{{\"sid\":\"CA00000000000000000000000000000001\",\"duration\":{Json(Echo)}}}" },
            { "foreign next page", List, 200, "application/json", $"{{\"calls\":[],\"next_page_uri\":{Json("https://evil.example/" + Uri.EscapeDataString(Echo))}}}" },
            { "redirect", Create, 307, "text/plain", Echo },
        };

        [Theory]
        [MemberData(nameof(Responses))]
        public void An_echoed_secret_never_reaches_a_record_or_stream(string name, string script, int status, string contentType, string body)
        {
            using var s = new HostileSession((r, x) => x.RespondAsync(status, contentType, Encoding.UTF8.GetBytes(body),
                ("Location", "http://127.0.0.1:9/" + Uri.EscapeDataString(Echo))));
            PowerShellResult r = s.Run(script);

            Assert.True(r.Errors.Count == 1 || r.Terminating != null, name + ": expected an error");
            foreach (string text in Everything(r))
            {
                foreach (string secret in HostileSession.SecretForms)
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{name}: '{secret}' reached: {text}");
            }
            Assert.Contains(Everything(r), t => t.Contains("[secret removed]"));
        }

        private const string SipPassword = "s1p p@ss/w+rd&";

        /// <summary>A SIP password travels in the form; a server quoting the form back must not put it on screen.</summary>
        [Theory]
        [InlineData("New-TwilioCall -To 'sip:alice@example.com' -From '+14155550100' -Url 'https://example.com/v' -SipAuthCredential $sip")]
        [InlineData("Add-TwilioConferenceParticipant -ConferenceSid Standup -To 'sip:alice@example.com' -From '+14155550100' -SipAuthCredential $sip")]
        public void An_echoed_SIP_password_never_reaches_a_record_or_stream(string script)
        {
            string echo = $"you sent SipAuthPassword={Uri.EscapeDataString(SipPassword)} (as {WebUtility.UrlEncode(SipPassword)}), that is '{SipPassword}'";
            using var s = new HostileSession((r, x) => x.RespondAsync(400, "application/json",
                Encoding.UTF8.GetBytes($"{{\"code\":21210,\"message\":{Json(echo)},\"status\":400,\"details\":{{\"form\":{Json(echo)}}}}}")));
            var sip = new System.Security.SecureString();
            foreach (char c in SipPassword) sip.AppendChar(c);
            s.PowerShell.SetVariable("sip", new PSCredential("alice", sip));

            PowerShellResult r = s.Run(script);

            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Contains("21210", error.ToString() + error.FullyQualifiedErrorId);
            string[] forms = { SipPassword, Uri.EscapeDataString(SipPassword), WebUtility.UrlEncode(SipPassword) };
            foreach (string text in Everything(r))
                foreach (string form in forms)
                    Assert.False(text.Contains(form, StringComparison.Ordinal), $"'{form}' reached: {text}");
            Assert.Contains(Everything(r), t => t.Contains("you sent SipAuthPassword=[secret removed]"));
            // The password did go out: scrubbing is about what comes back, not what is sent.
            Assert.Contains(s.Server.Requests, q => q.Body.Contains("SipAuthPassword=" + Uri.EscapeDataString(SipPassword).Replace("%20", "+"), StringComparison.OrdinalIgnoreCase)
                                                 || q.Body.Contains("SipAuthPassword=" + Uri.EscapeDataString(SipPassword), StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Every text an error carries: the record, its details, the whole exception chain and every string property.</summary>
        private static IEnumerable<string> Everything(PowerShellResult r)
        {
            foreach (string text in r.AllText()) if (text != null) yield return text;
            foreach (ErrorRecord error in r.Errors.Concat(r.TerminatingRecord != null ? new[] { r.TerminatingRecord } : new ErrorRecord[0]))
            {
                for (Exception e = error.Exception; e != null; e = e.InnerException)
                {
                    yield return e.Message;
                    foreach (var property in e.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0))
                    {
                        if (property.GetValue(e) is string value) yield return value;
                    }
                }
                if (error.TargetObject != null) yield return error.TargetObject.ToString();
            }
        }

        [Fact]
        public void The_scrubber_removes_every_encoding_and_leaves_other_text_alone()
        {
            var scrubber = new SecretScrubber(HostileServer.AccountSid, HostileSession.AuthToken);
            string scrubbed = scrubber.Scrub("a " + string.Join(" b ", HostileSession.SecretForms) + " c");
            Assert.Equal("a [secret removed] b [secret removed] b [secret removed] b [secret removed] c", scrubbed);
            Assert.Equal("nothing to hide", scrubber.Scrub("nothing to hide"));
            Assert.Null(scrubber.Scrub(null));
        }
    }
}
