using System;
using System.Linq;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 5: -TimeoutSec bounds the whole exchange, body included; a response has a size cap.</summary>
    public class DeadlineAndSizeTests
    {
        private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(90);

        public static TheoryData<string, string> Scripts => new TheoryData<string, string>
        {
            { "create", "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'" },
            { "fetch", "Get-TwilioCall -Sid CA00000000000000000000000000000001" },
            { "list", "Get-TwilioCall -All" },
            { "update", "Set-TwilioCall -Sid CA00000000000000000000000000000001 -Status completed" },
        };

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Headers_then_a_stalled_body_end_at_the_deadline(string name, string script)
        {
            using var s = new HostileSession(async (r, x) => { await x.HeadersThenAsync(200, 1000, "{\"sid\":"); await x.StallAsync(); },
                "-MaxRetries 0 -TimeoutSec 2");
            (PowerShellResult r, bool finished) = s.RunWithCeiling(script, Ceiling);
            Assert.True(finished, name + " was still waiting for the body long after -TimeoutSec");
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("TwilioConnectionFailed", error.FullyQualifiedErrorId);
            Assert.Contains("-TimeoutSec", error.ErrorDetails.Message);
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void A_stalled_answer_before_headers_ends_at_the_deadline(string name, string script)
        {
            using var s = new HostileSession((r, x) => x.StallAsync(), "-MaxRetries 0 -TimeoutSec 2");
            (PowerShellResult r, bool finished) = s.RunWithCeiling(script, Ceiling);
            Assert.True(finished, name);
            Assert.StartsWith("TwilioConnectionFailed", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }

        /// <summary>(script, declared length or null for chunked): the server stops at 200 MB either way.</summary>
        public static TheoryData<string, long?> Oversized => new TheoryData<string, long?>
        {
            { "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'", null },
            { "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'", 10L << 30 },
            { "Get-TwilioCall -All", null },
            { "Get-TwilioCall -Sid CA00000000000000000000000000000001", 10L << 30 },
            { "Remove-TwilioCall -Sid CA00000000000000000000000000000001 -Force", null },
        };

        [Theory]
        [MemberData(nameof(Oversized))]
        public void An_oversized_response_is_refused_with_a_clear_error(string script, long? declared)
        {
            using var s = new HostileSession(async (r, x) =>
            {
                await x.HeadersThenAsync(200, declared, string.Empty);
                await x.BodyBytesAsync(200L << 20, chunked: declared == null);
                x.Close();
            });
            (PowerShellResult r, bool finished) = s.RunWithCeiling(script, Ceiling);
            Assert.True(finished);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("TwilioProtocolError", error.FullyQualifiedErrorId);
            Assert.Contains("64 MB", error.Exception.Message);
        }
    }
}
