using System;
using System.Linq;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 2: Twilio's API never redirects, so every 3xx is an error and nothing follows it.</summary>
    public class RedirectTests
    {
        private const string Create = "'+14155550101' | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v' -SipAuthCredential $sip";
        private const string Fetch = "'CA00000000000000000000000000000001' | Get-TwilioCall";
        private const string List = "Get-TwilioCall -All";
        private const string Update = "'CA00000000000000000000000000000001' | Set-TwilioCall -Status completed";
        private const string Delete = "'CA00000000000000000000000000000001' | Remove-TwilioCall -Force";

        public static TheoryData<int, string, string> Cases()
        {
            var data = new TheoryData<int, string, string>();
            foreach (int status in new[] { 301, 302, 303, 307, 308 })
            {
                data.Add(status, Create, "+14155550101");
                data.Add(status, Fetch, "CA00000000000000000000000000000001");
                data.Add(status, List, null);
            }
            data.Add(307, Update, "CA00000000000000000000000000000001");
            data.Add(308, Delete, "CA00000000000000000000000000000001");
            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void A_redirect_is_a_protocol_error_and_is_never_followed(int status, string script, string target)
        {
            using var elsewhere = new HostileServer((_, x) => x.JsonAsync(200, HostileSession.Call(HostileSession.CallSid(9), "+19999999999")));
            using var s = new HostileSession((r, x) => x.RespondAsync(status, "text/html", new byte[0],
                ("Location", elsewhere.BaseUri + "2010-04-01/Accounts/" + HostileServer.AccountSid + "/Calls.json")));
            s.PowerShell.SetVariable("sip", new System.Management.Automation.PSCredential("alice", EmulatedSession.Secure("SipPassw0rd")));

            PowerShellResult r = s.Run(script);

            Assert.Empty(elsewhere.AllRequests);
            Assert.Single(s.Server.Requests);
            Assert.Empty(r.Output);
            Assert.Null(r.Terminating);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("TwilioProtocolError", error.FullyQualifiedErrorId);
            Assert.Contains("redirect", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(status.ToString(), error.Exception.Message);
            Assert.Equal(target, error.TargetObject);
        }

        [Fact]
        public void Connect_Twilio_redirected_is_a_terminating_protocol_error()
        {
            using var elsewhere = new HostileServer((_, x) => x.JsonAsync(200, "{}"));
            using var ps = new PowerShellSession();
            // An account SID the hostile server does not answer itself: the verification gets the redirect.
            using var redirecting = new HostileServer((_, x) => x.RespondAsync(302, "text/html", new byte[0], ("Location", elsewhere.BaseUri.ToString())));
            ps.SetVariable("uri", redirecting.BaseUri);
            ps.SetVariable("token", EmulatedSession.Secure(HostileSession.AuthToken));
            PowerShellResult r = ps.Run("try { Connect-Twilio -BaseUri $uri -AccountSid AC00000000000000000000000000000002 -AuthToken $token -MaxRetries 0; 'not caught' } catch { 'caught ' + $_.FullyQualifiedErrorId }");
            Assert.StartsWith("caught TwilioProtocolError", Assert.Single(r.Output).ToString());
            Assert.Empty(elsewhere.AllRequests);
        }
    }
}
