using System;
using System.Linq;
using System.Management.Automation;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// Get-TwilioUsageRecord, the usage trigger cmdlets and Get-TwilioBalance through the hosted
    /// engine: what they send, what they refuse before any request, the pipes, and money with its unit.
    /// </summary>
    public class UsageCmdletTests
    {
        /// <summary>A session on a manual clock (5 March 2024, 12:00 UTC) where a call is answered at +3 s and lasts 61 s.</summary>
        private static EmulatedSession Session(out ManualClock clock)
        {
            var manual = new ManualClock(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero));
            clock = manual;
            return new EmulatedSession(configure: o =>
            {
                o.Clock = manual;
                o.RingDelay = TimeSpan.FromSeconds(1);
                o.AnswerDelay = TimeSpan.FromSeconds(2);
                o.CallDuration = TimeSpan.FromSeconds(61);
            }, connectArguments: "-CallsPerSecond 100");
        }

        private const string Call = "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' | Out-Null";

        [Fact]
        public void Usage_records_are_typed_with_money_as_a_decimal_shown_with_its_unit()
        {
            using EmulatedSession s = Session(out ManualClock clock);
            s.Run(Call).ThrowIfFailed();
            clock.Advance(TimeSpan.FromMinutes(2));
            s.Emulator.ClearRequests();

            PowerShellResult r = s.Run("Get-TwilioUsageRecord -Period Today -Category calls");
            r.ThrowIfFailed();
            TwilioUsageRecord calls = Assert.Single(r.Objects<TwilioUsageRecord>());
            Assert.Equal("calls", calls.Category);
            Assert.Equal(1m, calls.Count);
            Assert.Equal(2m, calls.Usage);
            Assert.Equal("minutes", calls.UsageUnit);
            Assert.Equal(0.026m, calls.Price);
            Assert.Equal("usd", calls.PriceUnit);
            Assert.Equal(new DateTime(2024, 3, 5), calls.StartDate);
            Assert.Equal(new DateTime(2024, 3, 5), calls.EndDate);
            Assert.NotNull(calls.AsOf);
            Assert.Equal("calls 2024-03-05..2024-03-05: 1 calls, 2 minutes, 0.026 USD", calls.ToString());
            Assert.Equal("/2010-04-01/Accounts/" + s.Emulator.AccountSid + "/Usage/Records/Today.json", s.LastRequest.Path);
            Assert.Equal("calls", s.LastRequest.QueryValue("Category"));

            string table = string.Join("\n", s.Run("Get-TwilioUsageRecord Today calls | Format-Table | Out-String").Output);
            Assert.Contains("0.026 USD", table);
            string list = string.Join("\n", s.Run("Get-TwilioUsageRecord Today calls | Format-List | Out-String").Output);
            Assert.Contains("Voice Minutes", list);
            Assert.Contains("0.026 USD", list);
        }

        [Fact]
        public void Without_a_period_usage_is_read_over_the_days_given_as_dates_or_offsets()
        {
            using EmulatedSession s = Session(out _);
            s.Run("Get-TwilioUsageRecord -Category sms -StartDate ([datetime]'2024-03-01 23:30') -EndDate '2024-03-31' -IncludeSubaccounts:$false").ThrowIfFailed();
            EmulatorRequest sent = s.LastRequest;
            Assert.Equal("/2010-04-01/Accounts/" + s.Emulator.AccountSid + "/Usage/Records.json", sent.Path);
            Assert.Equal("2024-03-01", sent.QueryValue("StartDate"));   // the day as written, not shifted to GMT
            Assert.Equal("2024-03-31", sent.QueryValue("EndDate"));
            Assert.Equal("false", sent.QueryValue("IncludeSubaccounts"));

            s.Run("Get-TwilioUsageRecord Daily -StartDate '-30days' -EndDate '+0days'").ThrowIfFailed();
            Assert.Equal("-30days", s.LastRequest.QueryValue("StartDate"));
            Assert.Equal("+0days", s.LastRequest.QueryValue("EndDate"));
            Assert.Null(s.LastRequest.QueryValue("IncludeSubaccounts"));   // Twilio's default: not sent
        }

        [Fact]
        public void Daily_records_page_with_All_and_First_from_the_list_base()
        {
            using EmulatedSession s = Session(out _);
            const string Daily = "Get-TwilioUsageRecord Daily calls -StartDate 2024-03-01 -EndDate 2024-03-05 -PageSize 2";

            PowerShellResult all = s.Run(Daily + " -All");
            all.ThrowIfFailed();
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, all.Objects<TwilioUsageRecord>().Select(u => u.StartDate.Value.Day));
            Assert.Equal(3, s.Emulator.Requests.Count(q => q.Path.EndsWith("/Usage/Records/Daily.json", StringComparison.Ordinal)));

            PowerShellResult first = s.Run(Daily + " -First 3");
            Assert.Equal(new[] { 1, 2, 3 }, first.Objects<TwilioUsageRecord>().Select(u => u.StartDate.Value.Day));
            Assert.Equal(2, s.Run(Daily).Output.Count);   // one page without -All
        }

        [Theory]
        [InlineData("Get-TwilioUsageRecord -Category minutes", "ParameterArgumentValidationError")]
        [InlineData("Get-TwilioUsageRecord -Period Weekly", "ParameterArgumentValidationError")]
        [InlineData("Get-TwilioUsageRecord -StartDate 'last tuesday'", "CannotConvertArgumentNoMessage")]
        [InlineData("Get-TwilioUsageRecord -StartDate 2024-03-31 -EndDate 2024-03-01", "StartDateAfterEndDate")]
        [InlineData("New-TwilioUsageTrigger minutes 10 'https://example.com/t'", "ParameterArgumentValidationError")]
        [InlineData("New-TwilioUsageTrigger calls -5 'https://example.com/t'", "ParameterArgumentValidationError")]
        [InlineData("New-TwilioUsageTrigger calls 10 'ftp://example.com/t'", "ParameterArgumentValidationError")]
        [InlineData("New-TwilioUsageTrigger calls 10 'https://example.com/t' -Recurring hourly", "ParameterArgumentValidationError")]
        [InlineData("New-TwilioUsageTrigger calls 10 'https://example.com/t' -TriggerBy cost", "ParameterArgumentValidationError")]
        [InlineData("Get-TwilioUsageTrigger -UsageCategory minutes", "ParameterArgumentValidationError")]
        [InlineData("Set-TwilioUsageTrigger UT0123456789abcdef0123456789abcdef", "NothingToUpdate")]
        [InlineData("Remove-TwilioUsageTrigger AP0123456789abcdef0123456789abcdef -Force", "ParameterArgumentValidationError")]
        public void Bad_input_is_refused_before_any_request(string command, string errorId)
        {
            using EmulatedSession s = Session(out _);
            PowerShellResult r = s.Run(command);
            Assert.NotNull(r.FirstError);
            Assert.StartsWith(errorId, r.FirstError.FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void An_unknown_category_error_names_the_input_and_close_categories()
        {
            using EmulatedSession s = Session(out _);
            PowerShellResult r = s.Run("Get-TwilioUsageRecord -Category sms-out");
            Assert.Contains("'sms-out'", r.FirstError.Exception.Message);
            Assert.Contains("sms-outbound", r.FirstError.Exception.Message);
        }

        [Fact]
        public void Category_completes_from_the_spec_list()
        {
            using EmulatedSession s = Session(out _);
            PowerShellResult r = s.Run(@"
                $line = 'Get-TwilioUsageRecord -Category calls-out'
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
                $line = 'New-TwilioUsageTrigger -UsageCategory totalp'
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText");
            r.ThrowIfFailed();
            string[] completions = r.Output.Select(o => o.ToString()).ToArray();
            Assert.Contains("calls-outbound", completions);
            Assert.Contains("totalprice", completions);
            Assert.DoesNotContain("calls-inbound", completions);
        }

        [Fact]
        public void Triggers_are_created_listed_changed_and_removed_through_the_pipeline()
        {
            using EmulatedSession s = Session(out _);
            PowerShellResult created = s.Run(@"
                New-TwilioUsageTrigger -UsageCategory totalprice -TriggerBy price -TriggerValue 100 -Recurring monthly `
                    -CallbackUrl 'https://example.com/spend' -CallbackMethod GET -FriendlyName 'Monthly spend'
                New-TwilioUsageTrigger sms-outbound 5000 'https://example.com/sms' -Recurring daily");
            created.ThrowIfFailed();
            TwilioUsageTrigger spend = created.Objects<TwilioUsageTrigger>().First();
            Assert.Equal(100m, spend.TriggerValue);
            Assert.Equal(0m, spend.CurrentValue);
            Assert.Equal("price", spend.TriggerBy);
            Assert.Equal("GET", spend.CallbackMethod);
            Assert.Null(spend.DateFired);
            Assert.Equal("usage", created.Objects<TwilioUsageTrigger>().Last().TriggerBy);

            PowerShellResult listed = s.Run("Get-TwilioUsageTrigger -Recurring monthly");
            Assert.Equal(spend.Sid, Assert.Single(listed.Objects<TwilioUsageTrigger>()).Sid);
            Assert.Equal("monthly", s.LastRequest.QueryValue("Recurring"));

            PowerShellResult renamed = s.Run("Get-TwilioUsageTrigger -UsageCategory totalprice | Set-TwilioUsageTrigger -FriendlyName 'Spend alert'");
            renamed.ThrowIfFailed();
            Assert.Equal("Spend alert", Assert.Single(renamed.Objects<TwilioUsageTrigger>()).FriendlyName);
            Assert.Equal("Spend alert", s.LastRequest.FormValue("FriendlyName"));
            Assert.Null(s.LastRequest.FormValue("CallbackUrl"));   // only what was given

            s.Run("Get-TwilioUsageTrigger | Remove-TwilioUsageTrigger -WhatIf").ThrowIfFailed();
            Assert.Equal(2, s.Run("Get-TwilioUsageTrigger").Output.Count);
            s.Run("Get-TwilioUsageTrigger | Remove-TwilioUsageTrigger -Force").ThrowIfFailed();
            Assert.Empty(s.Run("Get-TwilioUsageTrigger").Output);
        }

        [Fact]
        public void Accounts_piped_in_read_each_ones_usage_this_month_and_the_balance_falls_as_calls_are_billed()
        {
            using EmulatedSession s = Session(out ManualClock clock);
            string paris = s.Emulator.CreateSubaccount("EU-Paris");
            string berlin = s.Emulator.CreateSubaccount("EU-Berlin");
            s.Emulator.CreateSubaccount("US-Austin");
            s.Run(Call + "; New-TwilioCall -To '+14155550102' -From '+14155550100' -Url 'https://example.com/v' -AccountSid $args[0] | Out-Null", paris).ThrowIfFailed();
            clock.Advance(TimeSpan.FromMinutes(2));

            PowerShellResult r = s.Run("Get-TwilioAccount -FriendlyName 'EU*' | Get-TwilioUsageRecord -Period ThisMonth -Category calls");
            r.ThrowIfFailed();
            var byAccount = r.Objects<TwilioUsageRecord>().ToDictionary(u => u.AccountSid, u => u.Count);
            Assert.Equal(2, byAccount.Count);
            Assert.Equal(1m, byAccount[paris]);
            Assert.Equal(0m, byAccount[berlin]);
            Assert.Equal(new DateTime(2024, 3, 1), r.Objects<TwilioUsageRecord>().First().StartDate);

            PowerShellResult balance = s.Run("Get-TwilioBalance");
            balance.ThrowIfFailed();
            TwilioBalance b = Assert.Single(balance.Objects<TwilioBalance>());
            Assert.Equal(20m - 2 * 0.026m, b.Balance);
            Assert.Equal("USD", b.Currency);
            Assert.Equal("19.948 USD", b.ToString());
            Assert.Contains("19.948 USD", string.Join("\n", s.Run("Get-TwilioBalance | Out-String").Output));
        }
    }
}
