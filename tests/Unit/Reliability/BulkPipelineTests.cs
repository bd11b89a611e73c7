using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 4: one bad response is one non-terminating error for its input; the pipeline goes on.</summary>
    public class BulkPipelineTests
    {
        private const string Pipeline = "'+14155550101', '+14155550102', '+14155550103' | New-TwilioCall -From '+14155550100' -Url 'https://example.com/v'";

        /// <summary>(fault, expected ErrorId) for the second of three creates.</summary>
        public static TheoryData<string, string> Faults => new TheoryData<string, string>
        {
            { "cut mid-body", "TwilioConnectionFailed" },
            { "cut mid-chunk", "TwilioConnectionFailed" },
            { "reset after headers", "TwilioConnectionFailed" },
            { "date after year 9999 in UTC", "TwilioProtocolError" },
            { "date before year 1 in UTC", "TwilioProtocolError" },
            { "number beyond Int32", "TwilioProtocolError" },
            { "number beyond decimal", "TwilioProtocolError" },
            { "not JSON", "TwilioProtocolError" },
        };

        private static async Task Answer(string fault, HostileRequest request, HostileExchange x, int index)
        {
            string to = HostileSession.FormTo(request);
            string good = HostileSession.Call(HostileSession.CallSid(index), to);
            if (index != 2)
            {
                await x.JsonAsync(201, good);
                return;
            }
            switch (fault)
            {
                case "cut mid-body": await x.HeadersThenAsync(201, good.Length, good.Substring(0, 20)); x.Close(); break;
                case "cut mid-chunk": await x.HeadersThenAsync(201, null, good.Substring(0, 20)); x.Close(); break;
                case "reset after headers": await x.HeadersThenAsync(201, good.Length, string.Empty); x.Reset(); break;
                case "date after year 9999 in UTC": await x.JsonAsync(201, HostileSession.Call(HostileSession.CallSid(index), to, "Fri, 31 Dec 9999 23:59:59 -1400")); break;
                case "date before year 1 in UTC": await x.JsonAsync(201, HostileSession.Call(HostileSession.CallSid(index), to, "Mon, 01 Jan 0001 00:00:00 +1400")); break;
                case "number beyond Int32": await x.JsonAsync(201, good.TrimEnd('}') + ",\"duration\":99999999999}"); break;
                case "number beyond decimal": await x.JsonAsync(201, good.TrimEnd('}') + ",\"price\":1e400}"); break;
                case "not JSON": await x.RespondAsync(201, "text/html", System.Text.Encoding.UTF8.GetBytes("<html>proxy</html>")); break;
            }
        }

        [Theory]
        [MemberData(nameof(Faults))]
        public void A_bad_create_response_is_one_error_for_its_input_and_the_rest_go_on(string fault, string errorId)
        {
            int count = 0;
            using var s = new HostileSession((r, x) => Answer(fault, r, x, Interlocked.Increment(ref count)));

            PowerShellResult r = s.Run(Pipeline);

            Assert.Null(r.Terminating);
            Assert.Equal(3, s.Server.Requests.Count(q => q.Method == "POST"));
            Assert.Equal(new[] { "+14155550101", "+14155550103" }, r.Objects<TwilioCall>().Select(c => c.To));
            var error = Assert.Single(r.Errors);
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId);
            Assert.Equal("+14155550102", error.TargetObject);
        }

        [Theory]
        [InlineData("Fri, 31 Dec 9999 23:59:59 -1400")]
        [InlineData("Mon, 01 Jan 0001 00:00:00 +1400")]
        public void A_bad_record_in_a_list_is_a_protocol_error_not_a_crash(string date)
        {
            using var s = new HostileSession((r, x) => x.JsonAsync(200,
                "{\"calls\":[" + HostileSession.Call(HostileSession.CallSid(1), "+14155550101", date) + "],\"next_page_uri\":null}"));
            PowerShellResult r = s.Run("Get-TwilioCall -All; 'after'");
            Assert.Null(r.Terminating);
            Assert.StartsWith("TwilioProtocolError", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Equal("after", r.Output.Last().ToString());
        }

        [Fact]
        public void A_cut_create_says_the_call_may_have_been_placed()
        {
            using var s = new HostileSession(async (r, x) => { await x.HeadersThenAsync(201, 500, "{\"sid\":"); x.Close(); });
            PowerShellResult r = s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'");
            var error = Assert.Single(r.Errors);
            Assert.Contains("may have", error.ErrorDetails.Message);
        }
    }
}
