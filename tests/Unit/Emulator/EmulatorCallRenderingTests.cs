using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// A call is written straight into the response: assembled by hand when no value needs escaping,
    /// through the JSON writer otherwise. Every form a client can see (a
    /// page of seeded calls in each final status, a call ringing and in progress, the 201 of a create,
    /// a fetch, awkward characters) must be byte for byte what serializing the spec-shaped record
    /// below writes: the same properties in the same order, strings where Twilio writes strings,
    /// nulls written, the same escaping; and the values must agree with each other.
    /// </summary>
    public class EmulatorCallRenderingTests
    {
        /// <summary>api.v2010.account.call plus "annotation", in the order the emulator has always written it.</summary>
        private sealed class CallRecord
        {
            public string AccountSid { get; set; }
            public string Annotation { get; set; }
            public string AnsweredBy { get; set; }
            public string ApiVersion { get; set; }
            public string CallerName { get; set; }
            public string DateCreated { get; set; }
            public string DateUpdated { get; set; }
            public string Direction { get; set; }
            public string Duration { get; set; }
            public string EndTime { get; set; }
            public string ForwardedFrom { get; set; }
            public string From { get; set; }
            public string FromFormatted { get; set; }
            public string GroupSid { get; set; }
            public string ParentCallSid { get; set; }
            public string PhoneNumberSid { get; set; }
            public string Price { get; set; }
            public string PriceUnit { get; set; }
            public string QueueTime { get; set; }
            public string Sid { get; set; }
            public string StartTime { get; set; }
            public string Status { get; set; }
            public Subresources SubresourceUris { get; set; }
            public string To { get; set; }
            public string ToFormatted { get; set; }
            public string TrunkSid { get; set; }
            public string Uri { get; set; }
        }

        private sealed class Subresources
        {
            public string Notifications { get; set; }
            public string Recordings { get; set; }
            public string Payments { get; set; }
            public string Events { get; set; }
            public string Siprec { get; set; }
            public string Streams { get; set; }
            public string Transcriptions { get; set; }
            public string UserDefinedMessageSubscriptions { get; set; }
            public string UserDefinedMessages { get; set; }
        }

        private static readonly JsonSerializerOptions Wire = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private const string Rfc2822 = "ddd, dd MMM yyyy HH:mm:ss '+0000'";

        private static void AssertRenderedAsRecord(JsonElement call)
        {
            CallRecord record = call.Deserialize<CallRecord>(Wire);
            Assert.Equal(JsonSerializer.Serialize(record, Wire), call.GetRawText());

            string uriBase = "/2010-04-01/Accounts/" + record.AccountSid + "/Calls/" + record.Sid;
            Assert.Equal(uriBase + ".json", record.Uri);
            Subresources s = record.SubresourceUris;
            Assert.Equal(
                new[] { "Notifications", "Recordings", "Payments", "Events", "Siprec", "Streams", "Transcriptions", "UserDefinedMessageSubscriptions", "UserDefinedMessages" }
                    .Select(name => uriBase + "/" + name + ".json"),
                new[] { s.Notifications, s.Recordings, s.Payments, s.Events, s.Siprec, s.Streams, s.Transcriptions, s.UserDefinedMessageSubscriptions, s.UserDefinedMessages });
            Assert.Equal("2010-04-01", record.ApiVersion);
            Assert.Equal("USD", record.PriceUnit);
            Assert.Matches("^[0-9]+$", record.QueueTime);
            foreach (string date in new[] { record.DateCreated, record.DateUpdated, record.StartTime, record.EndTime }.Where(d => d != null))
                Assert.Equal(date, DateTimeOffset.ParseExact(date, Rfc2822, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                    .UtcDateTime.ToString(Rfc2822, CultureInfo.InvariantCulture));
            bool over = record.EndTime != null;
            Assert.Equal(over, record.Duration != null);
            Assert.Equal(over, record.Price != null);
            if (!over) return;
            Assert.Matches("^[0-9]+$", record.Duration);
            Assert.Matches(record.Status == "completed" ? "^-[0-9]+\\.[0-9]{5}$" : "^0\\.00000$", record.Price);
            if (record.StartTime != null && record.Status == "completed")
            {
                TimeSpan answered = DateTimeOffset.ParseExact(record.EndTime, Rfc2822, CultureInfo.InvariantCulture)
                    - DateTimeOffset.ParseExact(record.StartTime, Rfc2822, CultureInfo.InvariantCulture);
                Assert.Equal(((long)answered.TotalSeconds).ToString(CultureInfo.InvariantCulture), record.Duration);
            }
        }

        [Fact]
        public async Task A_page_of_seeded_calls_in_every_final_status_renders_as_the_record()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 1000);
            ApiResponse page = await api.Get(api.CallsPath + "?PageSize=1000");
            List<JsonElement> calls = page.Json.GetProperty("calls").EnumerateArray().ToList();
            Assert.Equal(1000, calls.Count);
            Assert.Equal(new[] { "busy", "canceled", "completed", "failed", "no-answer" },
                calls.Select(c => c.GetProperty("status").GetString()).Distinct().OrderBy(x => x, StringComparer.Ordinal));
            foreach (JsonElement call in calls) AssertRenderedAsRecord(call);
        }

        [Theory]
        [InlineData("+14155551212")]
        // Quotes, a backslash, markup and non-ASCII in an identity: the escaping is the record's too.
        [InlineData("client:o\"brien\\<b>&+é☎")]
        public async Task A_call_renders_as_the_record_when_created_ringing_in_progress_and_over(string to)
        {
            using var api = Api.WithMinuteCalls(out ManualClock clock);
            ApiResponse created = await api.CreateCall("To", to, "MachineDetection", "Enable");
            AssertRenderedAsRecord(created.Json);
            Assert.Equal("queued", created.Str("status"));
            var seen = new List<string>();
            foreach (int seconds in new[] { 0, 2, 30, 64 })
            {
                clock.Set(Api.T0 + TimeSpan.FromSeconds(seconds));
                ApiResponse fetched = await api.Get(api.CallPath(created.Str("sid")));
                AssertRenderedAsRecord(fetched.Json);
                ApiResponse listed = await api.Get(api.CallsPath);
                AssertRenderedAsRecord(listed.Json.GetProperty("calls")[0]);
                Assert.Equal(fetched.Body, listed.Json.GetProperty("calls")[0].GetRawText());
                seen.Add(fetched.Str("status"));
            }
            Assert.Equal(new[] { "queued", "ringing", "in-progress", "completed" }, seen);
        }
    }
}
