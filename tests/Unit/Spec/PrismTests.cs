using System;
using System.Linq;
using TwilioPS.Client;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// The cmdlets against Stoplight Prism serving Twilio's official spec: a Twilio stand-in this
    /// project did not write. Prism validates every request against the spec (422 otherwise) and
    /// answers with the spec's examples.
    /// </summary>
    [Collection(PrismCollection.Name)]
    public class PrismTests : IDisposable
    {
        private const string Account = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        private readonly PrismFixture _prism;
        private readonly PowerShellSession _ps = new PowerShellSession();

        public PrismTests(PrismFixture prism)
        {
            _prism = prism;
            _ps.SetVariable("prism", prism.BaseUri);
            _ps.SetVariable("token", EmulatedSession.Secure("0123456789abcdef0123456789abcdef"));
            _ps.Run("Connect-Twilio -AccountSid " + Account + " -AuthToken $token -BaseUri $prism").ThrowIfFailed();
        }

        public void Dispose() => _ps.Dispose();

        /// <summary>Fails with Prism's validation list if the spec rejected a request.</summary>
        private PowerShellResult Accepted(string script)
        {
            PowerShellResult r = _ps.Run(script);
            if (r.FirstError != null)
            {
                string details = (r.FirstError.Exception as TwilioApiException)?.Details;
                Assert.Fail($"{r.FirstError} {details}\n{script}");
            }
            return r;
        }

        [Fact]
        public void Connects_from_environment_variables_with_BaseUri()
        {
            Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", Account);
            Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", "0123456789abcdef0123456789abcdef");
            try
            {
                PowerShellResult r = Accepted("Disconnect-Twilio; Connect-Twilio -BaseUri $prism -PassThru");
                var connection = Assert.IsType<TwilioPS.Connection.TwilioConnection>(r.Output.Single().BaseObject);
                Assert.Equal("Environment", connection.Source);
                Assert.Equal(Account, connection.AccountSid);
            }
            finally
            {
                Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", null);
                Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", null);
            }
        }

        [Fact]
        public void All_streams_the_first_page_then_reports_the_spec_examples_broken_next_link()
        {
            // Prism answers with the spec's list example, whose next_page_uri carries StartTime=2008-01-02:
            // not a date-time, so Prism's own validation rejects the link. The records already read stay
            // in the pipeline and the failed page is one error record, not a silent stop.
            PowerShellResult r = _ps.Run("Get-TwilioCall -All");
            TwilioCall[] calls = r.Objects<TwilioCall>().ToArray();
            Assert.Equal(2, calls.Length);
            var error = Assert.Single(r.Errors);
            Assert.Equal("Http422,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand", error.FullyQualifiedErrorId);
            Assert.Contains("starttime", error.Exception.Message);

            TwilioCall call = calls[0];
            Assert.Equal("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", call.Sid);
            Assert.Equal(new DateTimeOffset(2019, 10, 18, 17, 2, 0, TimeSpan.Zero), call.StartTime);
            Assert.Equal(-0.2m, call.Price);
            Assert.Equal(4, call.Duration);
            Assert.Equal(1000, call.QueueTime);
            Assert.Equal("completed", call.Status);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void First_is_exact_and_reads_no_further_than_needed(int first)
        {
            Assert.Equal(first, Accepted($"Get-TwilioCall -First {first} -PageSize 2").Output.Count);
        }

        [Fact]
        public void Every_list_filter_is_a_query_the_spec_accepts()
        {
            Accepted(@"Get-TwilioCall -To '+14155550101' -From '+14155550100' -Status completed -ParentCallSid 'CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' `
                -StartTime '2026-01-01' -StartTimeBefore '2026-02-01' -StartTimeAfter '2025-12-01T10:00:00Z' `
                -EndTime '2026-01-02' -EndTimeBefore '2026-02-02' -EndTimeAfter '2025-12-02' -PageSize 20");
        }

        [Fact]
        public void Fetch_update_and_delete_are_accepted()
        {
            const string sid = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
            Assert.Single(Accepted($"Get-TwilioCall -Sid {sid}").Objects<TwilioCall>());
            Accepted($"Set-TwilioCall -Sid {sid} -Status completed");
            Accepted($"Set-TwilioCall -Sid {sid} -Status canceled -StatusCallback 'https://example.com/s' -StatusCallbackMethod GET -TimeLimit 60");
            Accepted($"Set-TwilioCall -Sid {sid} -Url 'https://example.com/next' -Method POST -FallbackUrl 'https://example.com/f' -FallbackMethod GET");
            Accepted($"Set-TwilioCall -Sid {sid} -Twiml '<Response><Hangup/></Response>'");
            Assert.Empty(Accepted($"Remove-TwilioCall -Sid {sid} -Force").Output);
        }

        [Theory]
        [InlineData("-Url 'https://example.com/voice' -Method GET -FallbackUrl 'https://example.com/f' -FallbackMethod POST")]
        [InlineData("-Twiml '<Response><Say>hi</Say></Response>'")]
        [InlineData("-ApplicationSid 'APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'")]
        public void Every_scalar_create_parameter_is_accepted(string source)
        {
            PowerShellResult r = Accepted($@"New-TwilioCall -To '+14155550101' -From '+14155550100' {source} `
                -StatusCallback 'https://example.com/s' -StatusCallbackMethod POST -SendDigits '1w2#' -Timeout 30 -TimeLimit 600 `
                -Record -RecordingChannels dual -RecordingStatusCallback 'https://example.com/r' -RecordingStatusCallbackMethod GET `
                -RecordingTrack both -Trim do-not-trim -MachineDetection DetectMessageEnd -MachineDetectionTimeout 30 `
                -MachineDetectionSpeechThreshold 2400 -MachineDetectionSpeechEndThreshold 1200 -MachineDetectionSilenceTimeout 5000 `
                -AsyncAmd -AsyncAmdStatusCallback 'https://example.com/amd' -AsyncAmdStatusCallbackMethod POST -CallerId '+14155550100' `
                -Byoc 'BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' -CallReason 'Appointment reminder' -CallToken 'token' `
                -SipAuthCredential ([pscredential]::new('alice', (ConvertTo-SecureString 'pw' -AsPlainText -Force)))");
            Assert.Single(r.Objects<TwilioCall>());
        }

        [Fact]
        public void Array_parameters_meet_only_Prisms_known_repeated_key_limitation()
        {
            // Twilio takes lists as repeated form keys; Prism 5.16 rejects those with "must be array".
            PowerShellResult r = _ps.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -StatusCallbackEvent initiated, completed -RecordingStatusCallbackEvent completed");
            if (r.FirstError == null) return; // a Prism that accepts repeated keys is fine too
            var error = Assert.IsType<TwilioApiException>(r.FirstError.Exception);
            Assert.Equal(422, (int)error.Status);
            using var validation = System.Text.Json.JsonDocument.Parse(error.Details);
            Assert.All(validation.RootElement.EnumerateArray(), v =>
            {
                Assert.EndsWith("must be array", v.GetProperty("message").GetString());
                string field = v.GetProperty("location").EnumerateArray().Last().GetString();
                Assert.Contains(field, new[] { "StatusCallbackEvent", "RecordingStatusCallbackEvent" });
            });
        }
    }
}
