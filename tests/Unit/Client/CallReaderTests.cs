using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    public class CallReaderTests
    {
        private static TwilioCall Direct(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return TwilioCallReader.Read(ref reader);
        }

        private static TwilioCall Generated(string json) => JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioCall);

        /// <summary>Every public value, the unmodelled fields as sent and the subresource map, in one comparable text.</summary>
        private static string Snapshot(TwilioCall call)
        {
            if (call == null) return "null";
            var parts = new List<string>();
            foreach (PropertyInfo p in typeof(TwilioCall).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (p.Name == nameof(TwilioCall.AdditionalProperties) || p.Name == nameof(TwilioCall.SubresourceUris)) continue;
                object value = p.GetValue(call);
                parts.Add(p.Name + "=" + (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "(null)"));
            }
            parts.Add("extra=" + (call.AdditionalProperties == null ? "(null)"
                : string.Join(";", call.AdditionalProperties.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + e.Value.GetRawText()))));
            parts.Add("subresources=" + (call.SubresourceUris == null ? "(null)"
                : string.Join(";", call.SubresourceUris.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + (e.Value ?? "(null)")))));
            return string.Join("\n", parts);
        }

        private static void AssertSameRead(string json) => Assert.Equal(Snapshot(Generated(json)), Snapshot(Direct(json)));

        /// <summary>A value of the JSON shape each modelled property takes, as Twilio writes it.</summary>
        private static string Sample(Type type) =>
            type == typeof(string) ? "\"text\""
            : type == typeof(DateTimeOffset?) ? "\"Tue, 31 Aug 2010 20:36:28 +0000\""
            : type == typeof(int?) ? "\"42\""
            : type == typeof(decimal?) ? "\"-0.01300\""
            : type == typeof(SubresourceUriSet) ? "{\"recordings\":\"/2010-04-01/Accounts/AC1/Calls/CA1/Recordings.json\"}"
            : throw new InvalidOperationException("No sample for a call field of type " + type + ": add one, and read it in TwilioCallReader.");

        public static IEnumerable<object[]> ModelledFields() =>
            TwilioJsonContext.Default.TwilioCall.Properties
                // Fields the reader sets: not the extension data, nor CallSid (an alias of Sid that is never read).
                .Where(p => p.Set != null && p.PropertyType != typeof(Dictionary<string, JsonElement>))
                .Select(p => new object[] { p.Name, p.PropertyType.FullName });

        [Theory]
        [MemberData(nameof(ModelledFields))]
        public void Every_field_the_generated_reader_knows_is_read_the_same_way(string name, string typeName)
        {
            Type type = TwilioJsonContext.Default.TwilioCall.Properties.Single(p => p.Name == name).PropertyType;
            Assert.Equal(typeName, type.FullName);
            string json = "{\"" + name + "\":" + Sample(type) + "}";
            TwilioCall direct = Direct(json);
            // A field missing from the direct reader would land among the unmodelled ones.
            Assert.Null(direct.AdditionalProperties);
            AssertSameRead(json);
            AssertSameRead("{\"" + name + "\":null}");
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"call_sid\":\"CA9\",\"sid\":\"CA1\"}")]
        [InlineData("{\"sid\":\"CA1\",\"brand_new_field\":{\"a\":[1,2]},\"another\":7}")]
        [InlineData("{\"status\":\"in\\u002dprogress\",\"to\":\"client:o\\\"brien\\\\<b>\\u00e9\",\"sid\":\"CA1\",\"sid\":\"CA2\"}")]
        [InlineData("{\"duration\":15,\"queue_time\":\"\",\"price\":-0.5,\"price_unit\":\"USD\"}")]
        [InlineData("{\"uri\":\"/x.json\",\"subresource_uris\":{\"streams\":null,\"events\":\"/x/Events.json\"},\"start_time\":\"2024-03-05T12:00:00Z\"}")]
        public void Odd_records_read_the_same_way(string json) => AssertSameRead(json);

        [Theory]
        [InlineData("{\"sid\":5}")]
        [InlineData("{\"status\":true}")]
        [InlineData("{\"duration\":\"fifteen\"}")]
        [InlineData("{\"date_created\":5}")]
        [InlineData("{\"subresource_uris\":[\"/x.json\"]}")]
        [InlineData("[1]")]
        public void What_the_generated_reader_refuses_the_direct_one_refuses_as_JSON_errors(string json)
        {
            Assert.ThrowsAny<JsonException>(() => Generated(json));
            Assert.ThrowsAny<JsonException>(() => Direct(json));
        }

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
        public void Listings_use_the_direct_reader_and_other_types_the_generated_one()
        {
            Assert.NotNull(DirectReader<TwilioCall>.Read);
            Assert.Null(DirectReader<TwilioMessage>.Read);
        }
    }
}
