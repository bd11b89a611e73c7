using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 8: failures carry TwilioPS's own ErrorIds, terminate when they should, and send what was asked.</summary>
    public class ErrorIdentityTests
    {
        [Fact]
        public void Start_TwilioEmulator_with_a_missing_TwiML_folder_is_our_own_error()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("try { Start-TwilioEmulator -TwimlPath ./no-such-twiml-folder; 'not caught' } catch { $_ }");
            var error = Assert.IsType<System.Management.Automation.ErrorRecord>(r.Output[0].BaseObject);
            Assert.StartsWith("TwimlFolderNotFound", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("no-such-twiml-folder", error.ToString());
        }

        [Fact]
        public void Start_TwilioEmulator_on_a_port_in_use_is_our_own_error()
        {
            var occupied = new TcpListener(IPAddress.Loopback, 0);
            occupied.Start();
            try
            {
                using var ps = new PowerShellSession();
                int port = ((IPEndPoint)occupied.LocalEndpoint).Port;
                PowerShellResult r = ps.Run($"try {{ Start-TwilioEmulator -Port {port}; 'not caught' }} catch {{ $_ }}");
                var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(r.Output).BaseObject);
                Assert.StartsWith("EmulatorStartFailed", error.FullyQualifiedErrorId);
                Assert.Equal(System.Management.Automation.ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
                Assert.Contains(port.ToString(), error.ToString());
            }
            finally
            {
                occupied.Stop();
            }
        }

        public static TheoryData<string, string> ConnectFailures => new TheoryData<string, string>
        {
            { "refused", "TwilioConnectionFailed" },
            { "reset", "TwilioConnectionFailed" },
            { "not JSON", "TwilioProtocolError" },
            { "cut body", "TwilioConnectionFailed" },
        };

        [Theory]
        [MemberData(nameof(ConnectFailures))]
        public void Connect_Twilio_that_cannot_verify_terminates_so_try_catch_sees_it(string failure, string errorId)
        {
            using var hostile = new HostileServer(async (r, x) =>
            {
                switch (failure)
                {
                    case "reset": x.Reset(); break;
                    case "not JSON": await x.RespondAsync(200, "text/html", System.Text.Encoding.UTF8.GetBytes("<html>captive portal</html>")); break;
                    case "cut body": await x.HeadersThenAsync(200, 400, "{\"sid\":"); x.Close(); break;
                }
            });
            using var ps = new PowerShellSession();
            ps.SetVariable("uri", failure == "refused" ? new Uri($"http://127.0.0.1:{Loopback.FreePort()}") : hostile.BaseUri);
            ps.SetVariable("token", EmulatedSession.Secure(HostileSession.AuthToken));
            PowerShellResult r = ps.Run("try { Connect-Twilio -BaseUri $uri -AccountSid AC00000000000000000000000000000002 -AuthToken $token -MaxRetries 0; 'not caught' } catch { 'caught ' + $_.FullyQualifiedErrorId }");
            Assert.StartsWith("caught " + errorId, Assert.Single(r.Output).ToString());
            Assert.Empty(ps.Run("Get-TwilioContext").Output);
        }

        public static TheoryData<string, string> Requests => new TheoryData<string, string>
        {
            { "GET", "Get-TwilioCall -Sid CA00000000000000000000000000000001" },
            { "GET", "Get-TwilioCall -All" },
            { "DELETE", "Remove-TwilioCall -Sid CA00000000000000000000000000000001 -Force" },
            { "POST", "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'" },
            { "POST", "Set-TwilioCall -Sid CA00000000000000000000000000000001 -Status completed" },
        };

        [Theory]
        [MemberData(nameof(Requests))]
        public void A_reset_before_any_response_with_MaxRetries_0_sends_exactly_one_request(string method, string script)
        {
            using var s = new HostileSession((r, x) => { x.Reset(); return Task.CompletedTask; });
            PowerShellResult r = s.Run(script);
            Assert.Equal(1, s.Server.Requests.Count(q => q.Method == method));
            Assert.Single(s.Server.Requests);
            Assert.StartsWith("TwilioConnectionFailed", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}
