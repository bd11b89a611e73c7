using System;
using System.Linq;
using System.Threading;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 7: a list of empty pages that each link to another is bounded, then a clear error.</summary>
    public class EmptyPagesTests
    {
        private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

        private static string Page(int n, string records) =>
            $"{{\"calls\":[{records}],\"next_page_uri\":\"/2010-04-01/Accounts/{HostileServer.AccountSid}/Calls.json?Page={n}&PageToken=PA{n}\"}}";

        [Theory]
        [InlineData("Get-TwilioCall -First 5")]
        [InlineData("Get-TwilioCall -All")]
        [InlineData("Get-TwilioCall -All -PageSize 1000")]
        [InlineData("Get-TwilioCall -First 1 -Skip 3")]
        public void Endless_empty_pages_stop_with_a_protocol_error(string script)
        {
            int page = 0;
            using var s = new HostileSession((r, x) => x.JsonAsync(200, Page(Interlocked.Increment(ref page), string.Empty)));
            (PowerShellResult r, bool finished) = s.RunWithCeiling(script, Ceiling);
            Assert.True(finished, "still paging");
            Assert.Empty(r.Output);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("TwilioProtocolError", error.FullyQualifiedErrorId);
            Assert.Contains("empty pages", error.Exception.Message);
            Assert.InRange(s.Server.Requests.Count, 2, 20);
        }

        [Fact]
        public void A_few_empty_pages_between_records_are_followed()
        {
            int page = 0;
            using var s = new HostileSession((r, x) =>
            {
                int n = Interlocked.Increment(ref page);
                if (n == 6) return x.JsonAsync(200, "{\"calls\":[" + HostileSession.Call(HostileSession.CallSid(2), "+14155550102") + "],\"next_page_uri\":null}");
                string records = n == 1 ? HostileSession.Call(HostileSession.CallSid(1), "+14155550101") : string.Empty;
                return x.JsonAsync(200, Page(n, records));
            });
            PowerShellResult r = s.Run("Get-TwilioCall -All");
            r.ThrowIfFailed();
            Assert.Equal(2, r.Objects<TwilioCall>().Count());
        }
    }
}
