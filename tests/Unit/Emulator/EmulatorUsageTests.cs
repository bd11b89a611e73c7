using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Emulator;
using Xunit;
using TwilioPS.Tests.Hosting;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// Usage records, the balance and usage triggers, computed from the calls and messages the
    /// emulator handled, on a manual clock (T0 is Tuesday 5 March 2024, 12:00 UTC).
    /// </summary>
    public class EmulatorUsageTests
    {
        /// <summary>200 GSM-7 characters: two segments.</summary>
        private static readonly string TwoSegments = new string('a', 200);

        /// <summary>On a manual clock, a call created at T0 is answered at +3 s and ends 61 s later: two billed minutes.</summary>
        private static Api WithBilledCalls(out ManualClock clock, Action<EmulatorOptions> configure = null) => Api.WithClock(out clock, o =>
        {
            o.RingDelay = TimeSpan.FromSeconds(1);
            o.AnswerDelay = TimeSpan.FromSeconds(2);
            o.CallDuration = TimeSpan.FromSeconds(61);
            o.CallsPerSecond = 100;
            configure?.Invoke(o);
        });

        private static string UsagePath(Api api, string period, string query = "", string account = null) =>
            "/2010-04-01/Accounts/" + (account ?? api.AccountSid) + "/Usage/Records" + (period == null ? "" : "/" + period) + ".json" + query;

        /// <summary>Every record of a usage list, by category (for one-bucket periods).</summary>
        private static async Task<Dictionary<string, JsonElement>> Usage(Api api, string period, string query = "", string account = null)
        {
            ApiResponse r = await api.Get(UsagePath(api, period, query, account));
            Assert.True(r.Status == HttpStatusCode.OK, r.Body);
            return r.Json.GetProperty("usage_records").EnumerateArray().ToDictionary(e => e.GetProperty("category").GetString(), e => e.Clone());
        }

        private static decimal Field(JsonElement record, string name) =>
            record.GetProperty(name).ValueKind == JsonValueKind.Number ? record.GetProperty(name).GetDecimal()
                : decimal.Parse(record.GetProperty(name).GetString(), System.Globalization.CultureInfo.InvariantCulture);

        private static async Task SendMessage(Api api, params string[] extra)
        {
            var pairs = new List<string> { "To", "+14155551212", "From", "+15005550006" };
            pairs.AddRange(extra);
            ApiResponse r = await api.Post("/2010-04-01/Accounts/" + api.AccountSid + "/Messages.json", pairs.ToArray());
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
        }

        [Fact]
        public async Task Calls_are_billed_per_started_minute_and_messages_per_segment_in_their_categories()
        {
            using Api api = WithBilledCalls(out ManualClock clock);
            string call = (await api.CreateCall()).Str("sid");
            await SendMessage(api, "Body", TwoSegments);
            await SendMessage(api, "Body", "a picture", "MediaUrl", "https://example.com/a.png");

            Dictionary<string, JsonElement> before = await Usage(api, "Today");
            Assert.Equal(0m, Field(before["calls"], "count"));   // still ringing: nothing billed yet

            clock.Advance(TimeSpan.FromMinutes(2));
            Dictionary<string, JsonElement> today = await Usage(api, "Today");

            Assert.Equal(new[] { "calls", "calls-inbound", "calls-outbound", "mms", "mms-inbound", "mms-outbound", "sms", "sms-inbound", "sms-outbound", "totalprice" },
                today.Keys.ToArray());
            JsonElement calls = today["calls"];
            Assert.Equal(1m, Field(calls, "count"));
            Assert.Equal("calls", calls.GetProperty("count_unit").GetString());
            Assert.Equal(2m, Field(calls, "usage"));            // 61 s answered: two started minutes
            Assert.Equal("minutes", calls.GetProperty("usage_unit").GetString());
            Assert.Equal(0.026m, Field(calls, "price"));
            Assert.Equal(JsonValueKind.Number, calls.GetProperty("price").ValueKind);
            Assert.Equal("usd", calls.GetProperty("price_unit").GetString());
            Assert.Equal("2024-03-05", calls.GetProperty("start_date").GetString());
            Assert.Equal("2024-03-05", calls.GetProperty("end_date").GetString());
            Assert.Equal(1m, Field(today["calls-outbound"], "count"));
            Assert.Equal(0m, Field(today["calls-inbound"], "count"));

            Assert.Equal(1m, Field(today["sms"], "count"));
            Assert.Equal(2m, Field(today["sms"], "usage"));
            Assert.Equal("segments", today["sms"].GetProperty("usage_unit").GetString());
            Assert.Equal(0.0158m, Field(today["sms"], "price"));
            Assert.Equal(1m, Field(today["mms-outbound"], "count"));
            Assert.Equal(0.02m, Field(today["mms"], "price"));
            Assert.Equal(0.0618m, Field(today["totalprice"], "price"));
            Assert.Equal(0.0618m, Field(today["totalprice"], "usage"));

            // The call's own price is the same table's.
            Assert.Equal("-0.02600", (await api.Get(api.CallPath(call))).Str("price"));
        }

        [Fact]
        public async Task Each_period_counts_the_days_it_covers_on_the_emulator_clock()
        {
            using Api api = WithBilledCalls(out ManualClock clock);
            await api.CreateCall();
            clock.Advance(TimeSpan.FromDays(1));   // Wednesday 6 March

            Assert.Equal(0m, Field((await Usage(api, "Today"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, "Yesterday"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, "ThisMonth"))["calls"], "count"));
            Assert.Equal(0m, Field((await Usage(api, "LastMonth"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, "AllTime"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, null))["calls"], "count"));
            Assert.Equal(0m, Field((await Usage(api, null, "?StartDate=-0days"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, null, "?StartDate=-1days&EndDate=-1days"))["calls"], "count"));

            ApiResponse daily = await api.Get(UsagePath(api, "Daily", "?Category=calls&StartDate=2024-03-04&EndDate=2024-03-06"));
            JsonElement[] days = daily.Json.GetProperty("usage_records").EnumerateArray().ToArray();
            Assert.Equal(new[] { "2024-03-04", "2024-03-05", "2024-03-06" }, days.Select(d => d.GetProperty("start_date").GetString()));
            Assert.Equal(new[] { 0m, 1m, 0m }, days.Select(d => Field(d, "count")));

            clock.Advance(TimeSpan.FromDays(27));   // Tuesday 2 April
            Assert.Equal(1m, Field((await Usage(api, "LastMonth"))["calls"], "count"));
            Assert.Equal(0m, Field((await Usage(api, "ThisMonth"))["calls"], "count"));
            JsonElement lastMonth = (await Usage(api, "LastMonth"))["calls"];
            Assert.Equal("2024-03-01", lastMonth.GetProperty("start_date").GetString());
            Assert.Equal("2024-03-31", lastMonth.GetProperty("end_date").GetString());

            ApiResponse monthly = await api.Get(UsagePath(api, "Monthly", "?Category=calls"));
            Assert.Equal(new[] { ("2024-03-05", 1m), ("2024-04-01", 0m) },
                monthly.Json.GetProperty("usage_records").EnumerateArray().Select(m => (m.GetProperty("start_date").GetString(), Field(m, "count"))));
            ApiResponse yearly = await api.Get(UsagePath(api, "Yearly", "?Category=calls"));
            Assert.Equal(1m, Field(Assert.Single(yearly.Json.GetProperty("usage_records").EnumerateArray()), "count"));
        }

        [Fact]
        public async Task The_balance_goes_down_by_what_is_billed_in_the_account_and_its_subaccounts()
        {
            using Api api = WithBilledCalls(out ManualClock clock, o =>
            {
                o.StartingBalance = 5m;
                o.Prices.CallPerMinute = 0.10m;
            });
            string balancePath = "/2010-04-01/Accounts/" + api.AccountSid + "/Balance.json";
            Assert.Equal("5.00", (await api.Get(balancePath)).Str("balance"));
            Assert.Equal("USD", (await api.Get(balancePath)).Str("currency"));

            await api.CreateCall();
            string sub = api.Emulator.CreateSubaccount("EU");
            ApiResponse subCall = await api.Post("/2010-04-01/Accounts/" + sub + "/Calls.json", "To", "+14155551212", "From", "+15005550006", "Url", "https://example.com/v");
            Assert.Equal(HttpStatusCode.Created, subCall.Status);
            clock.Advance(TimeSpan.FromMinutes(2));

            Assert.Equal("4.60", (await api.Get(balancePath)).Str("balance"));   // two calls of two minutes at 0.10
            Assert.Equal("4.60", (await api.Get("/2010-04-01/Accounts/" + sub + "/Balance.json")).Str("balance"));
            // A parent's usage includes its subaccounts' unless asked not to; a subaccount's is its own.
            Assert.Equal(2m, Field((await Usage(api, "Today"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, "Today", "?IncludeSubaccounts=false"))["calls"], "count"));
            Assert.Equal(1m, Field((await Usage(api, "Today", account: sub))["calls"], "count"));
            Assert.Equal(0.4m, Field((await Usage(api, "Today"))["calls"], "price"));
        }

        [Fact]
        public async Task A_deleted_call_stays_billed()
        {
            using Api api = WithBilledCalls(out ManualClock clock);
            string call = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(api.CallPath(call))).Status);

            Assert.Equal(1m, Field((await Usage(api, "Today"))["calls"], "count"));
        }

        [Theory]
        [InlineData("?Category=minutes")]
        [InlineData("?StartDate=March")]
        [InlineData("?StartDate=2024-03-06&EndDate=2024-03-05")]
        [InlineData("?IncludeSubaccounts=maybe")]
        public async Task A_bad_filter_is_refused_with_Twilio_error_20001(string query)
        {
            using Api api = WithBilledCalls(out _);
            ApiResponse r = await api.Get(UsagePath(api, null, query));
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal(20001, r.Int("code"));
        }

        [Fact]
        public async Task A_category_the_emulator_does_not_bill_reads_as_zero()
        {
            using Api api = WithBilledCalls(out _);
            JsonElement record = Assert.Single((await Usage(api, "ThisMonth", "?Category=calleridlookups")).Values);
            Assert.Equal(0m, Field(record, "count"));
            Assert.Equal(0m, Field(record, "price"));
        }

        [Fact]
        public async Task A_trigger_fires_once_per_period_when_crossed_signed_with_the_account_token()
        {
            using var listener = new CallbackListener();
            using Api api = WithBilledCalls(out ManualClock clock);
            string triggers = "/2010-04-01/Accounts/" + api.AccountSid + "/Usage/Triggers.json";
            ApiResponse created = await api.Post(triggers, "UsageCategory", "calls", "TriggerValue", "2", "TriggerBy", "count",
                "Recurring", "daily", "CallbackUrl", listener.Url, "FriendlyName", "two calls a day");
            Assert.True(created.Status == HttpStatusCode.Created, created.Body);
            string sid = created.Str("sid");
            Assert.Null(created.Str("date_fired"));

            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Empty(listener.Take(1, seconds: 1));          // one call: not crossed

            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));
            Callback fired = Assert.Single(listener.Take(1));
            Assert.Equal("POST", fired.Method);
            Assert.Equal(sid, fired.Form["UsageTriggerSid"]);
            Assert.Equal(api.AccountSid, fired.Form["AccountSid"]);
            Assert.Equal("calls", fired.Form["UsageCategory"]);
            Assert.Equal("count", fired.Form["TriggerBy"]);
            Assert.Equal("daily", fired.Form["Recurring"]);
            Assert.Equal("2", fired.Form["TriggerValue"]);
            Assert.Equal("2", fired.Form["CurrentValue"]);
            Assert.Equal(clock.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture), fired.Form["DateFired"]);
            Assert.True(WebhookSignature.IsValid(api.Emulator.AuthToken, fired.Url, fired.Form, fired.Signature));
            Assert.False(WebhookSignature.IsValid("0000" + api.Emulator.AuthToken.Substring(4), fired.Url, fired.Form, fired.Signature));

            await api.CreateCall();                              // a third call the same day: not again
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Empty(listener.Take(1, seconds: 1));
            ApiResponse fetched = await api.Get("/2010-04-01/Accounts/" + api.AccountSid + "/Usage/Triggers/" + sid + ".json");
            Assert.NotNull(fetched.Str("date_fired"));
            Assert.Equal("3", fetched.Str("current_value"));

            clock.Advance(TimeSpan.FromDays(1));                 // a new day: the count starts again and crosses again
            await api.CreateCall();
            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(sid, Assert.Single(listener.Take(1)).Form["UsageTriggerSid"]);
        }

        [Fact]
        public async Task A_trigger_by_price_with_an_offset_fires_as_GET_once_ever_when_not_recurring()
        {
            using var listener = new CallbackListener();
            using Api api = WithBilledCalls(out ManualClock clock);
            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));                    // 0.026 spent
            ApiResponse created = await api.Post("/2010-04-01/Accounts/" + api.AccountSid + "/Usage/Triggers.json",
                "UsageCategory", "totalprice", "TriggerValue", "+0.03", "TriggerBy", "price", "CallbackUrl", listener.Url, "CallbackMethod", "GET");
            Assert.True(created.Status == HttpStatusCode.Created, created.Body);
            Assert.Equal("0.056", created.Str("trigger_value"));    // 0.03 more than now
            Assert.Equal("alltime", created.Str("recurring"));

            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));                    // 0.052: not yet
            Assert.Empty(listener.Take(1, seconds: 1));
            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));                    // 0.078
            Callback fired = Assert.Single(listener.Take(1));
            Assert.Equal("GET", fired.Method);
            Assert.Equal("0.078", fired.Form["CurrentValue"]);
            Assert.True(WebhookSignature.IsValid(api.Emulator.AuthToken, fired.Url, new Dictionary<string, string>(), fired.Signature));

            clock.Advance(TimeSpan.FromDays(40));
            await api.CreateCall();
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Empty(listener.Take(1, seconds: 1));              // alltime: once, ever
        }

        [Theory]
        [InlineData("UsageCategory", "minutes")]
        [InlineData("TriggerValue", "-5")]
        [InlineData("Recurring", "hourly")]
        [InlineData("TriggerBy", "cost")]
        [InlineData("CallbackMethod", "PUT")]
        public async Task A_trigger_with_a_bad_value_is_refused(string name, string value)
        {
            using Api api = WithBilledCalls(out _);
            var form = new Dictionary<string, string> { ["UsageCategory"] = "calls", ["TriggerValue"] = "5", ["CallbackUrl"] = "https://example.com/t" };
            form[name] = value;
            ApiResponse r = await api.Post("/2010-04-01/Accounts/" + api.AccountSid + "/Usage/Triggers.json", form.SelectMany(kv => new[] { kv.Key, kv.Value }).ToArray());
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Contains(name, r.Str("message"));
        }
    }
}
