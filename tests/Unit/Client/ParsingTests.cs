using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using TwilioPS.Client;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>Twilio's wire format: RFC 2822 dates, numbers as strings, list envelopes, form bodies.</summary>
    public class ParsingTests
    {
        private static TwilioPage<TwilioCall> Page(string json) =>
            TwilioPage<TwilioCall>.Parse(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes("calls"), TwilioJsonContext.Default.TwilioCall);

        [Theory]
        [InlineData("Tue, 31 Aug 2010 20:36:28 +0000", "2010-08-31T20:36:28+00:00")]
        [InlineData("Fri, 18 Oct 2019 17:00:00 +0000", "2019-10-18T17:00:00+00:00")]
        [InlineData("Mon, 01 Jan 2024 09:05:00 -0500", "2024-01-01T09:05:00-05:00")]
        [InlineData("2024-03-05T12:00:00Z", "2024-03-05T12:00:00+00:00")]
        public void Dates_parse_with_their_offset(string wire, string expected)
        {
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TwilioDateConverter.Parse(wire));
        }

        [Fact]
        public void The_fast_date_path_agrees_with_the_general_parser()
        {
            var random = new Random(2010);
            for (int i = 0; i < 2000; i++)
            {
                var expected = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(random.Next(-12, 13) * 60 + (i % 2) * 30))
                    .AddSeconds(random.NextDouble() * 1_000_000_000);
                expected = new DateTimeOffset(expected.Year, expected.Month, expected.Day, expected.Hour, expected.Minute, expected.Second, expected.Offset);
                string wire = expected.ToString("ddd, dd MMM yyyy HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture)
                    + (expected.Offset < TimeSpan.Zero ? "-" : "+") + expected.Offset.Duration().ToString("hhmm");
                Assert.True(TwilioDateConverter.TryParseRfc2822(Encoding.ASCII.GetBytes(wire), out DateTimeOffset fast), wire);
                Assert.Equal(expected, fast);
                Assert.Equal(expected.Offset, fast.Offset);
                Assert.Equal(TwilioDateConverter.Parse(wire), fast);
            }
        }

        [Theory]
        [InlineData("Tue, 31 Foo 2010 20:36:28 +0000")]
        [InlineData("Tue, 31 Feb 2010 20:36:28 +0000")]
        [InlineData("Tue, 31 Aug 2010 24:36:28 +0000")]
        [InlineData("Tue, 31 Aug 2010 20:36:28 *0000")]
        [InlineData("Tue, 1 Aug 2010 20:36:28 +0000")]
        [InlineData("2010-08-31T20:36:28Z")]
        public void Anything_but_the_exact_form_leaves_the_fast_path(string wire)
        {
            Assert.False(TwilioDateConverter.TryParseRfc2822(Encoding.ASCII.GetBytes(wire), out _));
        }

        [Fact]
        public void A_call_record_maps_every_field_and_keeps_unknown_ones()
        {
            TwilioCall call = JsonSerializer.Deserialize(@"{
                ""sid"":""CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",""account_sid"":""ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"",
                ""date_created"":""Tue, 31 Aug 2010 20:36:28 +0000"",""start_time"":null,""end_time"":"""",
                ""duration"":""15"",""price"":""-0.03000"",""price_unit"":""USD"",""queue_time"":""1000"",
                ""from"":""+14155550100"",""to"":""+14155550101"",""status"":""completed"",""direction"":""outbound-api"",
                ""subresource_uris"":{""recordings"":""/x.json""},""brand_new_field"":{""a"":1}}", TwilioJsonContext.Default.TwilioCall);
            Assert.Equal("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", call.Sid);
            Assert.Equal(15, call.Duration);
            Assert.Equal(-0.03m, call.Price);
            Assert.Equal(1000, call.QueueTime);
            Assert.Null(call.StartTime);
            Assert.Null(call.EndTime);
            Assert.Equal("+14155550100", call.From);
            Assert.Equal("/x.json", call.SubresourceUris["recordings"]);
            Assert.Equal(1, call.AdditionalProperties["brand_new_field"].GetProperty("a").GetInt32());
            Assert.Equal("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa +14155550100 -> +14155550101 completed", call.ToString());
        }

        [Fact]
        public void Subresource_names_are_shared_between_records_and_their_uris_kept_exactly()
        {
            TwilioPage<TwilioCall> page = Page(@"{""calls"":[
                {""sid"":""CA1"",""subresource_uris"":{""notifications"":""/CA1/Notifications.json"",""recordings"":""/CA1/Recordings.json""}},
                {""sid"":""CA2"",""subresource_uris"":{""recordings"":""/CA2/Recordings.json"",""notifications"":""/CA2/Notifications.json"",""streams"":null}},
                {""sid"":""CA3"",""subresource_uris"":null}],""next_page_uri"":null}");
            var first = page.Records[0].SubresourceUris;
            var second = page.Records[1].SubresourceUris;
            Assert.Equal("/CA1/Recordings.json", first["recordings"]);
            Assert.Equal("/CA2/Notifications.json", second["notifications"]);
            Assert.Null(second["streams"]);
            Assert.Equal(2, first.Count);
            Assert.Null(page.Records[2].SubresourceUris);
            // Same names in another order still resolve to the one shared string.
            Assert.Same(first.Keys.Single(k => k == "recordings"), second.Keys.Single(k => k == "recordings"));
            Assert.Same(first.Keys.Single(k => k == "notifications"), second.Keys.Single(k => k == "notifications"));
        }

        [Theory]
        // Twilio's shape: every URI under the record's own.
        [InlineData(@"{""notifications"":""/A/Calls/CA1/Notifications.json"",""recordings"":""/A/Calls/CA1/Recordings.json""}")]
        // An account's: some a folder further down, one elsewhere, a null, an escaped URI.
        [InlineData(@"{""calls"":""/A/AC1/Calls.json"",""sms_messages"":""/A/AC1/SMS/Messages.json"",""balance"":""/B/Balance.json""}")]
        [InlineData(@"{""streams"":null,""recordings"":""/A/Calls/CA1/Recordings.json"",""events"":""/A/Calls/CA1/Events.json""}")]
        [InlineData(@"{""recordings"":""/A/Calls/CA1/Recordings.json"",""streams"":null,""events"":""\/A\/Calls\/CA1\/Events.json""}")]
        [InlineData(@"{""recordings"":""Recordings.json"",""events"":""Events.json""}")]
        [InlineData(@"{}")]
        public void Subresource_uris_read_back_exactly_as_sent_whatever_their_shape(string uris)
        {
            var expected = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, string>>(uris);
            // Twice over, so the second record meets the strings and arrays the first one shared.
            TwilioPage<TwilioCall> page = Page(@"{""calls"":[{""subresource_uris"":" + uris + @"},{""subresource_uris"":" + uris + @"}]}");
            foreach (TwilioCall call in page.Records)
                Assert.Equal(expected.OrderBy(p => p.Key), call.SubresourceUris.OrderBy(p => p.Key));
        }

        [Fact]
        public void Records_of_different_shapes_in_one_page_keep_their_own_subresource_uris()
        {
            TwilioPage<TwilioCall> page = Page(@"{""calls"":[
                {""subresource_uris"":{""recordings"":""/A/CA1/Recordings.json"",""events"":""/A/CA1/Events.json""}},
                {""subresource_uris"":{""events"":""/A/CA2/Events.json"",""recordings"":""/A/CA2/Recordings.json""}},
                {""subresource_uris"":{""recordings"":""/A/CA3/Recordings.json""}},
                {""subresource_uris"":{""recordings"":""/A/CA4/Recordings.json"",""events"":""/A/CA4/Events.json""}}]}");
            Assert.Equal(new[] { "/A/CA1/Events.json", "/A/CA2/Events.json", null, "/A/CA4/Events.json" },
                page.Records.Select(c => c.SubresourceUris.TryGetValue("events", out string uri) ? uri : null));
            Assert.Equal(new[] { 2, 2, 1, 2 }, page.Records.Select(c => c.SubresourceUris.Count));
        }

        [Theory]
        [InlineData("completed")]
        [InlineData("in-progress")]
        [InlineData("in\\u002dprogress")]
        [InlineData("a status far longer than any Twilio sends, which is read as usual and never shared at all")]
        public void Recurring_fields_read_as_sent_and_share_one_string_between_records(string status)
        {
            TwilioPage<TwilioCall> page = Page(@"{""calls"":[{""status"":""" + status + @""",""account_sid"":""AC1""},{""status"":""" + status + @""",""account_sid"":""AC1""},{""status"":null}]}");
            string text = JsonSerializer.Deserialize<string>("\"" + status + "\"");
            Assert.Equal(new[] { text, text, null }, page.Records.Select(c => c.Status));
            Assert.Same(page.Records[0].AccountSid, page.Records[1].AccountSid);
            if (!status.Contains('\\') && text.Length <= 64) Assert.Same(page.Records[0].Status, page.Records[1].Status);
        }

        [Fact]
        public void An_escaped_subresource_name_reads_as_its_text()
        {
            TwilioCall call = JsonSerializer.Deserialize(@"{""subresource_uris"":{""rec\u006frdings"":""/x.json""}}", TwilioJsonContext.Default.TwilioCall);
            Assert.Equal("/x.json", call.SubresourceUris["recordings"]);
        }

        [Theory]
        [InlineData(@"{""subresource_uris"":[""/x.json""]}")]
        [InlineData(@"{""subresource_uris"":{""recordings"":{""uri"":""/x.json""}}}")]
        [InlineData(@"{""subresource_uris"":{""recordings"":5}}")]
        public void Subresource_uris_of_another_shape_are_reported_not_guessed(string json)
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioCall));
        }

        [Fact]
        public void Subresource_uris_write_back_as_the_object_they_were()
        {
            TwilioCall call = JsonSerializer.Deserialize(@"{""subresource_uris"":{""recordings"":""/x.json"",""streams"":null}}", TwilioJsonContext.Default.TwilioCall);
            using JsonDocument written = JsonDocument.Parse(JsonSerializer.Serialize(call, TwilioJsonContext.Default.TwilioCall));
            JsonElement uris = written.RootElement.GetProperty("subresource_uris");
            Assert.Equal("/x.json", uris.GetProperty("recordings").GetString());
            Assert.Equal(JsonValueKind.Null, uris.GetProperty("streams").ValueKind);
        }

        [Fact]
        public void Numbers_may_also_arrive_as_numbers()
        {
            TwilioCall call = JsonSerializer.Deserialize(@"{""duration"":15,""price"":-0.5,""queue_time"":0}", TwilioJsonContext.Default.TwilioCall);
            Assert.Equal(15, call.Duration);
            Assert.Equal(-0.5m, call.Price);
            Assert.Equal(0, call.QueueTime);
        }

        [Fact]
        public void Malformed_numbers_are_reported_not_guessed()
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(@"{""duration"":""fifteen""}", TwilioJsonContext.Default.TwilioCall));
        }

        [Fact]
        public void A_page_reads_its_records_and_next_page_in_any_key_order()
        {
            TwilioPage<TwilioCall> page = Page(@"{""next_page_uri"":""/next?PageToken=PA1"",""page"":0,""calls"":[{""sid"":""CA1""},{""sid"":""CA2""}],""uri"":""/x"",""meta"":{""deep"":[1,2,{""x"":null}]}}");
            Assert.Equal(new[] { "CA1", "CA2" }, page.Records.Select(c => c.Sid));
            Assert.Equal("/next?PageToken=PA1", page.NextPageUri);

            TwilioPage<TwilioCall> last = Page(@"{""calls"":[],""next_page_uri"":null}");
            Assert.Empty(last.Records);
            Assert.Null(last.NextPageUri);
        }

        [Fact]
        public void A_page_without_its_records_array_is_an_error()
        {
            Assert.Throws<JsonException>(() => Page(@"{""messages"":[],""next_page_uri"":null}"));
            Assert.Throws<JsonException>(() => Page(@"[]"));
        }

        [Fact]
        public void Forms_repeat_list_keys_skip_nulls_and_escape_values()
        {
            var form = new FormBuilder()
                .Add("To", "+14155550100")
                .Add("StatusCallbackEvent", new[] { "initiated", "completed" })
                .Add("FallbackUrl", (string)null)
                .Add("Timeout", (int?)30)
                .Add("Record", (bool?)true)
                .Add("Twiml", "<Say>a&b c</Say>")
                .Add("StartTime>", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            Assert.Equal(
                "To=%2B14155550100&StatusCallbackEvent=initiated&StatusCallbackEvent=completed&Timeout=30&Record=true" +
                "&Twiml=%3CSay%3Ea%26b%20c%3C%2FSay%3E&StartTime%3E=2026-01-02T03%3A04%3A05Z",
                form.Encode());
        }

        [Fact]
        public void Local_times_are_sent_in_UTC()
        {
            var local = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Local);
            Assert.Equal(local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), FormBuilder.FormatDate(local));
            Assert.Equal("2026-06-01T12:00:00Z", FormBuilder.FormatDate(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Unspecified)));
        }
    }
}
