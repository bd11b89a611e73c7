using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorPagingTests
    {
        private static DateTimeOffset Rfc(string s) => DateTimeOffset.ParseExact(s, "ddd, dd MMM yyyy HH:mm:ss zzz",
            System.Globalization.CultureInfo.InvariantCulture);

        private static async Task<List<JsonElement>> ReadAll(Api api, string firstUri, int? expectPageSize = null)
        {
            var all = new List<JsonElement>();
            string uri = firstUri;
            int pages = 0;
            while (uri != null)
            {
                ApiResponse r = await api.Get(uri);
                Assert.Equal(HttpStatusCode.OK, r.Status);
                if (expectPageSize.HasValue) Assert.Equal(expectPageSize.Value, r.Int("page_size"));
                Assert.Equal(pages, r.Int("page"));
                all.AddRange(r.Json.GetProperty("calls").EnumerateArray());
                JsonElement next = r.Json.GetProperty("next_page_uri");
                uri = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
                Assert.True(++pages < 1000, "runaway paging");
            }
            return all;
        }

        [Fact]
        public async Task Next_page_chain_returns_every_call_once_newest_first()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 237);
            List<JsonElement> calls = await ReadAll(api, api.CallsPath + "?PageSize=50", 50);
            Assert.Equal(237, calls.Count);
            Assert.Equal(237, calls.Select(c => c.GetProperty("sid").GetString()).Distinct().Count());
            List<DateTimeOffset> dates = calls.Select(c => Rfc(c.GetProperty("date_created").GetString())).ToList();
            Assert.Equal(dates.OrderByDescending(d => d).ToList(), dates);
        }

        [Fact]
        public async Task Envelope_fields_follow_Twilio()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 7);
            ApiResponse first = await api.Get(api.CallsPath + "?PageSize=3");
            string basePath = api.CallsPath;
            Assert.Equal(0, first.Int("start"));
            Assert.Equal(2, first.Int("end"));
            Assert.Equal(0, first.Int("page"));
            Assert.Equal(3, first.Int("page_size"));
            Assert.Equal(basePath + "?PageSize=3&Page=0", first.Str("first_page_uri"));
            Assert.Equal(basePath + "?PageSize=3&Page=0", first.Str("uri"));
            Assert.Null(first.Str("previous_page_uri"));
            string lastSid = first.Json.GetProperty("calls")[2].GetProperty("sid").GetString();
            Assert.Equal(basePath + "?PageSize=3&Page=1&PageToken=PA" + lastSid, first.Str("next_page_uri"));

            ApiResponse second = await api.Get(first.Str("next_page_uri"));
            Assert.Equal(3, second.Int("start"));
            Assert.Equal(5, second.Int("end"));
            Assert.NotNull(second.Str("previous_page_uri"));
            ApiResponse back = await api.Get(second.Str("previous_page_uri"));
            Assert.Equal(first.Json.GetProperty("calls").GetRawText(), back.Json.GetProperty("calls").GetRawText());

            ApiResponse third = await api.Get(second.Str("next_page_uri"));
            Assert.Equal(1, third.Json.GetProperty("calls").GetArrayLength());
            Assert.Null(third.Str("next_page_uri"));

            ApiResponse defaults = await api.Get(api.CallsPath);
            Assert.Equal(50, defaults.Int("page_size"));
            Assert.Equal(7, defaults.Json.GetProperty("calls").GetArrayLength());
            Assert.Null(defaults.Str("next_page_uri"));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("1001")]
        [InlineData("ten")]
        public async Task PageSize_outside_1_to_1000_is_a_400(string size)
        {
            using var api = new Api();
            ApiResponse r = await api.Get(api.CallsPath + "?PageSize=" + size);
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Contains("PageSize", r.Str("message"));
        }

        [Fact]
        public async Task Filters_select_and_are_carried_into_next_page_uri()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 400);
            List<JsonElement> all = await ReadAll(api, api.CallsPath + "?PageSize=1000");

            // Status
            List<JsonElement> busy = await ReadAll(api, api.CallsPath + "?Status=busy&PageSize=7");
            Assert.Equal(all.Count(c => c.GetProperty("status").GetString() == "busy"), busy.Count);
            Assert.NotEmpty(busy);
            Assert.All(busy, c => Assert.Equal("busy", c.GetProperty("status").GetString()));

            // To (with +, which must survive URL encoding in next_page_uri)
            string to = all.GroupBy(c => c.GetProperty("to").GetString()).OrderByDescending(g => g.Count()).First().Key;
            ApiResponse page = await api.Get(api.CallsPath + "?To=" + Uri.EscapeDataString(to) + "&PageSize=2");
            if (page.Str("next_page_uri") != null) Assert.Contains("To=" + Uri.EscapeDataString(to), page.Str("next_page_uri"));
            List<JsonElement> toCalls = await ReadAll(api, api.CallsPath + "?To=" + Uri.EscapeDataString(to) + "&PageSize=2");
            Assert.Equal(all.Count(c => c.GetProperty("to").GetString() == to), toCalls.Count);

            // ParentCallSid
            JsonElement child = all.First(c => c.GetProperty("parent_call_sid").ValueKind == JsonValueKind.String);
            string parent = child.GetProperty("parent_call_sid").GetString();
            List<JsonElement> children = await ReadAll(api, api.CallsPath + "?ParentCallSid=" + parent);
            Assert.Contains(children, c => c.GetProperty("sid").GetString() == child.GetProperty("sid").GetString());
            Assert.All(children, c => Assert.Equal(parent, c.GetProperty("parent_call_sid").GetString()));
        }

        [Fact]
        public async Task StartTime_inequalities_are_inclusive_and_the_plain_form_matches_the_day()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 400);
            List<JsonElement> all = await ReadAll(api, api.CallsPath + "?PageSize=1000");
            var started = all.Where(c => c.GetProperty("start_time").ValueKind == JsonValueKind.String)
                .Select(c => Rfc(c.GetProperty("start_time").GetString())).ToList();
            DateTime day = started.OrderBy(d => d).ElementAt(started.Count / 2).UtcDateTime.Date;
            string d = day.ToString("yyyy-MM-dd");

            List<JsonElement> onOrBefore = await ReadAll(api, api.CallsPath + "?StartTime%3C=" + d + "&PageSize=1000");
            List<JsonElement> onOrAfter = await ReadAll(api, api.CallsPath + "?StartTime%3E=" + d + "&PageSize=100");
            List<JsonElement> onDay = await ReadAll(api, api.CallsPath + "?StartTime=" + d);
            var midnight = new DateTimeOffset(day, TimeSpan.Zero);
            Assert.Equal(started.Count(s => s <= midnight), onOrBefore.Count);
            Assert.Equal(started.Count(s => s >= midnight), onOrAfter.Count);
            Assert.Equal(started.Count(s => s.UtcDateTime.Date == day), onDay.Count);
            Assert.NotEmpty(onDay);

            // The literal form (what most clients send) means the same, and ISO date-times work too.
            List<JsonElement> literal = await ReadAll(api, api.CallsPath + "?StartTime>=" + d + "&PageSize=100");
            Assert.Equal(onOrAfter.Count, literal.Count);
            ApiResponse firstPage = await api.Get(api.CallsPath + "?StartTime%3E=" + d + "&PageSize=5");
            Assert.StartsWith(api.CallsPath + "?StartTime%3E=" + d + "&PageSize=5&Page=1&PageToken=PA", firstPage.Str("next_page_uri"));
            string iso = midnight.AddHours(12).ToString("yyyy-MM-ddTHH:mm:ssZ");
            List<JsonElement> endBefore = await ReadAll(api, api.CallsPath + "?EndTime%3C=" + iso + "&PageSize=1000");
            Assert.Equal(all.Count(c => c.GetProperty("end_time").ValueKind == JsonValueKind.String
                                        && Rfc(c.GetProperty("end_time").GetString()) <= midnight.AddHours(12)), endBefore.Count);

            ApiResponse bad = await api.Get(api.CallsPath + "?StartTime%3C=yesterday");
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        }

        [Fact]
        public async Task Inequalities_include_the_exact_instant()
        {
            using var api = Api.WithClock(out ManualClock clock, o =>
            {
                o.RingDelay = TimeSpan.FromSeconds(1);
                o.AnswerDelay = TimeSpan.FromSeconds(2);
            });
            string sid = (await api.CreateCall()).Str("sid");
            clock.Advance(TimeSpan.FromMinutes(1)); // answered at 12:00:03
            async Task<int> Count(string query) => (await api.Get(api.CallsPath + "?" + query)).Json.GetProperty("calls").GetArrayLength();
            Assert.Equal(1, await Count("StartTime%3C=2024-03-05T12:00:03Z"));
            Assert.Equal(0, await Count("StartTime%3C=2024-03-05T12:00:02Z"));
            Assert.Equal(1, await Count("StartTime%3E=2024-03-05T12:00:03Z"));
            Assert.Equal(0, await Count("StartTime%3E=2024-03-05T12:00:04Z"));
            Assert.Equal(1, await Count("StartTime=2024-03-05"));
            Assert.Equal(0, await Count("StartTime=2024-03-04"));
            Assert.Equal(0, await Count("StartTime%3C=2024-03-05")); // a bare date is midnight
            Assert.Equal(1, await Count("StartTime%3E=2024-03-05"));
        }

        [Fact]
        public async Task Paging_a_large_store_returns_every_call_once()
        {
            // Speed is the benchmark's business; this checks the PageToken chain over many full pages.
            using var api = new Api(new EmulatorOptions { SeedCalls = 20000 });
            List<JsonElement> all = await ReadAll(api, api.CallsPath + "?PageSize=1000", 1000);
            Assert.Equal(20000, all.Count);
            Assert.Equal(20000, all.Select(c => c.GetProperty("sid").GetString()).Distinct().Count());
        }
    }
}
