using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Models;
using TwilioPS.Tests.Emulator;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// Listings read calls with a hand-written reader (TwilioCallReader); everything else reads them
    /// with the generated one. The two must agree on every field, every value and every error.
    /// </summary>
    public class CallReaderTests : RecordReaderContract
    {
        protected override Type RecordType => typeof(TwilioCall);

        protected override object ReadDirect(ref Utf8JsonReader reader) => TwilioCallReader.Read(ref reader);

        protected override string CountField => "duration";

        protected override string SubresourcesSample => "{\"recordings\":\"/2010-04-01/Accounts/AC1/Calls/CA1/Recordings.json\"}";

        [Theory]
        [InlineData("{\"call_sid\":\"CA9\",\"sid\":\"CA1\"}")]
        [InlineData("{\"duration\":15,\"queue_time\":\"\",\"start_time\":\"2024-03-05T12:00:00Z\"}")]
        public void Call_records_read_the_same_way(string json) => AssertSameRead(json);

        [Fact]
        public async Task The_emulators_calls_in_every_state_read_the_same_way()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 300);
            await api.CreateCall("To", "+14155551212");
            ApiResponse page = await api.Get(api.CallsPath + "?PageSize=1000");
            List<JsonElement> calls = page.Json.GetProperty("calls").EnumerateArray().ToList();
            Assert.True(calls.Count > 300);
            foreach (JsonElement call in calls) AssertSameRead(call.GetRawText());
        }

        [Fact]
        public void Listings_of_calls_messages_and_recordings_use_the_direct_readers_and_other_types_the_generated_one()
        {
            Assert.NotNull(DirectReader<TwilioCall>.Read);
            Assert.NotNull(DirectReader<TwilioMessage>.Read);
            Assert.NotNull(DirectReader<TwilioRecording>.Read);
            Assert.Null(DirectReader<TwilioConference>.Read);
        }
    }
}
