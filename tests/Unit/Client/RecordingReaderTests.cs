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
    /// Listings read recordings with a hand-written reader (TwilioRecordingReader); fetching reads them
    /// with the generated one. The two must agree on every field, value and error.
    /// </summary>
    public class RecordingReaderTests : RecordReaderContract
    {
        protected override Type RecordType => typeof(TwilioRecording);

        protected override object ReadDirect(ref Utf8JsonReader reader) => TwilioRecordingReader.Read(ref reader);

        protected override string CountField => "channels";

        protected override string SubresourcesSample =>
            "{\"add_on_results\":\"/2010-04-01/Accounts/AC1/Recordings/RE1/AddOnResults.json\",\"transcriptions\":\"/2010-04-01/Accounts/AC1/Recordings/RE1/Transcriptions.json\"}";

        [Theory]
        [InlineData("{\"recording_sid\":\"RE9\",\"sid\":\"RE1\"}")]
        [InlineData("{\"encryption_details\":null,\"duration\":\"-1\",\"error_code\":\"\",\"track\":\"both\",\"source\":\"StartCallRecordingAPI\"}")]
        [InlineData("{\"encryption_details\":[1,\"two\",{\"three\":3}],\"conference_sid\":\"CF1\",\"call_sid\":null}")]
        [InlineData("{\"encryption_details\":\"sealed\",\"media_url\":\"https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1\"}")]
        public void Recording_records_read_the_same_way(string json) => AssertSameRead(json);

        [Fact]
        public async Task The_emulators_recordings_read_the_same_way()
        {
            using var api = Api.WithClock(out _, o => { o.SeedCalls = 100; o.SeedRecordings = 300; });
            ApiResponse page = await api.Get(api.RecordingsPath + "?PageSize=1000");
            List<JsonElement> recordings = page.Json.GetProperty("recordings").EnumerateArray().ToList();
            Assert.True(recordings.Count >= 300);
            Assert.Contains(recordings, r => r.GetProperty("price").ValueKind == JsonValueKind.String);
            foreach (JsonElement recording in recordings) AssertSameRead(recording.GetRawText());
        }
    }
}
