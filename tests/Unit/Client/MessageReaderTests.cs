using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Emulator;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// Listings read messages with a hand-written reader (TwilioMessageReader); sending, fetching and
    /// updating read them with the generated one. The two must agree on every field, value and error.
    /// </summary>
    public class MessageReaderTests : RecordReaderContract
    {
        protected override Type RecordType => typeof(TwilioMessage);

        protected override object ReadDirect(ref Utf8JsonReader reader) => TwilioMessageReader.Read(ref reader);

        protected override string CountField => "num_segments";

        protected override string SubresourcesSample =>
            "{\"media\":\"/2010-04-01/Accounts/AC1/Messages/SM1/Media.json\",\"feedback\":\"/2010-04-01/Accounts/AC1/Messages/SM1/Feedback.json\"}";

        [Theory]
        [InlineData("{\"message_sid\":\"SM9\",\"sid\":\"SM1\"}")]
        [InlineData("{\"num_segments\":2,\"num_media\":\"\",\"error_code\":30008,\"error_message\":null,\"date_sent\":\"2024-03-05T12:00:00Z\"}")]
        [InlineData("{\"body\":\"Line one\\nline two \\ud83d\\ude00 \\u20ac\",\"messaging_service_sid\":\"MG1\",\"from\":\"whatsapp:+14155550100\"}")]
        public void Message_records_read_the_same_way(string json) => AssertSameRead(json);

        [Fact]
        public async Task The_emulators_messages_in_every_state_read_the_same_way()
        {
            using var api = Api.WithClock(out ManualClock clock, o => o.SeedMessages = 300);
            string path = "/2010-04-01/Accounts/" + api.AccountSid + "/Messages.json";
            // Twilio's test numbers: one that fails, one that goes undelivered; and a body needing UCS-2.
            foreach (string to in new[] { "+15005550001", "+15005550009", "+14155551212" })
                Assert.Equal(201, (int)(await api.Post(path, "To", to, "From", "+15005550006", "Body", "A long text \u00e9 that needs UCS-2")).Status);
            ApiResponse queued = await api.Get(path + "?PageSize=1000");
            clock.Advance(TimeSpan.FromMinutes(2));
            ApiResponse settled = await api.Get(path + "?PageSize=1000");
            List<JsonElement> messages = queued.Json.GetProperty("messages").EnumerateArray()
                .Concat(settled.Json.GetProperty("messages").EnumerateArray()).ToList();
            Assert.True(messages.Count > 600);
            // The seeded history is priced and delivered; the sends add queued, failed and undelivered, with their error codes.
            Assert.Contains(messages, m => m.GetProperty("status").GetString() == "queued");
            Assert.Contains(messages, m => m.GetProperty("error_code").ValueKind == JsonValueKind.Number && m.GetProperty("status").GetString() == "failed");
            Assert.Contains(messages, m => m.GetProperty("error_code").ValueKind == JsonValueKind.Number && m.GetProperty("status").GetString() == "undelivered");
            Assert.Contains(messages, m => m.GetProperty("price").ValueKind == JsonValueKind.String);
            foreach (JsonElement message in messages) AssertSameRead(message.GetRawText());
        }
    }
}
