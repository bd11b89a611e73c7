using System.Linq;
using System.Management.Automation;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>-All, -First, -Skip, -PageSize and the filters of Get-TwilioCall.</summary>
    public class PagingTests
    {
        private static int ListRequests(EmulatedSession s) =>
            s.Emulator.Requests.Count(q => q.Method == "GET" && q.Path.EndsWith("/Calls.json", System.StringComparison.Ordinal));

        [Fact]
        public void Without_All_or_First_only_the_first_page_is_read()
        {
            using var s = new EmulatedSession(seedCalls: 120);
            PowerShellResult r = s.Run("Get-TwilioCall -Verbose");
            r.ThrowIfFailed();
            Assert.Equal(50, r.Output.Count);
            Assert.Equal(1, ListRequests(s));
            Assert.Contains(r.Verbose, v => v.Contains("-All"));
        }

        [Fact]
        public void All_follows_next_page_uri_and_returns_every_record_once()
        {
            using var s = new EmulatedSession(seedCalls: 100);
            PowerShellResult r = s.Run("Get-TwilioCall -All -PageSize 7");
            r.ThrowIfFailed();
            var sids = r.Objects<TwilioCall>().Select(c => c.Sid).ToList();
            Assert.Equal(100, sids.Count);
            Assert.Equal(100, sids.Distinct().Count());
            Assert.Equal(15, ListRequests(s));
            Assert.All(s.Emulator.Requests.Skip(1), q => Assert.Contains("PageToken=", q.PathAndQuery));
        }

        [Theory]
        [InlineData(23, 10, 3)]
        [InlineData(50, 50, 1)]
        [InlineData(51, 50, 2)]
        [InlineData(1000, 1000, 1)]
        public void First_is_exact_across_page_boundaries_and_reads_no_page_beyond(int first, int pageSize, int expectedRequests)
        {
            using var s = new EmulatedSession(seedCalls: 1100);
            PowerShellResult r = s.Run($"Get-TwilioCall -First {first} -PageSize {pageSize}");
            r.ThrowIfFailed();
            Assert.Equal(first, r.Output.Count);
            Assert.Equal(expectedRequests, ListRequests(s));
        }

        [Fact]
        public void First_without_PageSize_asks_for_pages_big_enough()
        {
            using var s = new EmulatedSession(seedCalls: 1300);
            PowerShellResult r = s.Run("Get-TwilioCall -First 1234");
            r.ThrowIfFailed();
            Assert.Equal(1234, r.Output.Count);
            Assert.Equal("PageSize=1000", s.Emulator.Requests.First().PathAndQuery.Split('?')[1].Split('&')[0]);
            Assert.Equal(2, ListRequests(s));
        }

        [Fact]
        public void Skip_and_First_select_the_same_records_as_All()
        {
            using var s = new EmulatedSession(seedCalls: 60);
            PowerShellResult r = s.Run(@"
                $all = (Get-TwilioCall -All -PageSize 9).Sid
                $slice = (Get-TwilioCall -Skip 12 -First 20 -PageSize 9).Sid
                ($all[12..31] -join ',') -eq ($slice -join ',')
                $slice.Count");
            r.ThrowIfFailed();
            Assert.True((bool)r.Output[0].BaseObject);
            Assert.Equal(20, (int)r.Output[1].BaseObject);
        }

        [Fact]
        public void First_zero_sends_nothing_and_IncludeTotalCount_reports_an_unknown_total()
        {
            using var s = new EmulatedSession(seedCalls: 5);
            PowerShellResult r = s.Run("Get-TwilioCall -First 0 -IncludeTotalCount | Out-String");
            r.ThrowIfFailed();
            Assert.Equal(0, ListRequests(s));
            Assert.Contains("Unknown total", Assert.Single(r.Output).ToString());
        }

        [Fact]
        public void All_reports_progress_and_completes_it()
        {
            using var s = new EmulatedSession(seedCalls: 30);
            PowerShellResult r = s.Run("Get-TwilioCall -All -PageSize 10");
            r.ThrowIfFailed();
            Assert.Contains(r.Progress, p => p.StatusDescription.Contains("30 record(s)"));
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
        }

        [Fact]
        public void Filters_map_to_Twilios_query_names_including_the_inequalities()
        {
            using var s = new EmulatedSession(seedCalls: 5);
            PowerShellResult r = s.Run(@"Get-TwilioCall -To '+14155550101' -From '+14155550100' -Status completed `
                -ParentCallSid 'CA0123456789abcdef0123456789abcdef' -StartTimeAfter '2026-01-02T03:04:05Z' -StartTimeBefore '2026-02-01' `
                -EndTime '2026-01-15 17:30' -EndTimeAfter '2026-01-01'");
            r.ThrowIfFailed();
            var request = s.Emulator.Requests.Single();
            Assert.Equal("+14155550101", request.QueryValue("To"));
            Assert.Equal("+14155550100", request.QueryValue("From"));
            Assert.Equal("completed", request.QueryValue("Status"));
            Assert.Equal("CA0123456789abcdef0123456789abcdef", request.QueryValue("ParentCallSid"));
            Assert.Equal("2026-01-02T03:04:05Z", request.QueryValue("StartTime>"));
            Assert.Equal("2026-02-01T00:00:00Z", request.QueryValue("StartTime<"));
            Assert.Equal("2026-01-15T00:00:00Z", request.QueryValue("EndTime"));
            Assert.Equal("2026-01-01T00:00:00Z", request.QueryValue("EndTime>"));
            Assert.Null(request.QueryValue("StartTime"));
        }

        [Fact]
        public void Filters_select_matching_calls_only()
        {
            using var s = new EmulatedSession(seedCalls: 200);
            PowerShellResult r = s.Run(@"
                $all = Get-TwilioCall -All -PageSize 1000
                $expected = @($all | Where-Object Status -eq 'busy').Count
                $actual = @(Get-TwilioCall -All -Status busy).Count
                $expected, $actual, @(Get-TwilioCall -All -Status busy | Where-Object Status -ne 'busy').Count");
            r.ThrowIfFailed();
            Assert.True((int)r.Output[0].BaseObject > 0);
            Assert.Equal(r.Output[0].BaseObject, r.Output[1].BaseObject);
            Assert.Equal(0, (int)r.Output[2].BaseObject);
        }

        [Fact]
        public void StartTime_selects_the_calls_of_one_UTC_day()
        {
            using var s = new EmulatedSession(seedCalls: 300);
            PowerShellResult r = s.Run(@"
                $all = Get-TwilioCall -All -PageSize 1000
                $day = ($all | Where-Object StartTime | Select-Object -First 1).StartTime.UtcDateTime.Date
                $expected = @($all | Where-Object { $_.StartTime -and $_.StartTime.UtcDateTime.Date -eq $day }).Count
                $actual = @(Get-TwilioCall -All -StartTime $day.AddHours(15))
                $expected, $actual.Count, @($actual | Where-Object { $_.StartTime.UtcDateTime.Date -ne $day }).Count");
            r.ThrowIfFailed();
            Assert.True((int)r.Output[0].BaseObject > 0);
            Assert.Equal(r.Output[0].BaseObject, r.Output[1].BaseObject);
            Assert.Equal(0, (int)r.Output[2].BaseObject);
        }

        [Theory]
        [InlineData("-PageSize 0")]
        [InlineData("-PageSize 1001")]
        [InlineData("-Status ended")]
        [InlineData("-Sid 'CA123'")]
        [InlineData("-To 'not a number'")]
        public void Invalid_list_arguments_fail_before_any_request(string arguments)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Get-TwilioCall " + arguments);
            Assert.StartsWith("ParameterArgumentValidationError", r.FirstError?.FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void Stopping_early_downstream_cancels_paging()
        {
            using var s = new EmulatedSession(seedCalls: 500);
            PowerShellResult r = s.Run("Get-TwilioCall -All -PageSize 20 | Select-Object -First 30");
            r.ThrowIfFailed();
            Assert.Equal(30, r.Output.Count);
            // Select-Object stops the pipeline: the two pages it needed plus at most the pager's look-ahead.
            Assert.InRange(ListRequests(s), 2, 2 + TwilioPS.Client.TwilioPager<TwilioCall>.Lookahead);
        }
    }
}
