using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TwilioPS.Client;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// What every hand-written record reader (TwilioCallReader, TwilioMessageReader, TwilioRecordingReader) owes the generated
    /// one, which reads the same type everywhere else: the same value in every field, the same
    /// unmodelled fields, the same refusals. A derived class names the record type, its reader and
    /// what its subresource_uris hold, and adds the records peculiar to its type.
    /// </summary>
    /// <remarks>
    /// No TwilioPS type appears in this class's or a derived class's signature: the test runner lists
    /// the test classes before ModuleAssemblies resolves the module from out/TwilioPS.
    /// </remarks>
    public abstract class RecordReaderContract
    {
        /// <summary>The model the reader fills.</summary>
        protected abstract Type RecordType { get; }

        /// <summary>The hand-written reader, on a reader positioned at the record's first token.</summary>
        protected abstract object ReadDirect(ref Utf8JsonReader reader);

        /// <summary>A subresource_uris value as this record's kind carries it.</summary>
        protected abstract string SubresourcesSample { get; }

        /// <summary>A field holding a count (Twilio sends it as a string of digits).</summary>
        protected abstract string CountField { get; }

        /// <summary>The generated reader's type information, whose properties are the fields to cover.</summary>
        private JsonTypeInfo Generated => TwilioJsonContext.Default.GetTypeInfo(RecordType);

        protected object Direct(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return ReadDirect(ref reader);
        }

        protected object FromGenerated(string json) => JsonSerializer.Deserialize(json, Generated);

        /// <summary>Every public value, the unmodelled fields as sent and the subresource map, in one comparable text.</summary>
        private string Snapshot(object record)
        {
            if (record == null) return "null";
            var parts = new List<string>();
            foreach (PropertyInfo p in RecordType.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (p.Name == nameof(TwilioResource.AdditionalProperties) || p.Name == "SubresourceUris") continue;
                object value = p.GetValue(record);
                parts.Add(p.Name + "=" + (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "(null)"));
            }
            Dictionary<string, JsonElement> extra = ((TwilioResource)record).AdditionalProperties;
            parts.Add("extra=" + (extra == null ? "(null)"
                : string.Join(";", extra.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + e.Value.GetRawText()))));
            var subresources = (Dictionary<string, string>)RecordType.GetProperty("SubresourceUris")?.GetValue(record);
            parts.Add("subresources=" + (subresources == null ? "(null)"
                : string.Join(";", subresources.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ":" + (e.Value ?? "(null)")))));
            return string.Join("\n", parts);
        }

        protected void AssertSameRead(string json) => Assert.Equal(Snapshot(FromGenerated(json)), Snapshot(Direct(json)));

        /// <summary>A value of the JSON shape each modelled property takes, as Twilio writes it.</summary>
        private string Sample(Type type) =>
            type == typeof(string) ? "\"text\""
            : type == typeof(DateTimeOffset?) ? "\"Tue, 31 Aug 2010 20:36:28 +0000\""
            : type == typeof(int?) ? "\"42\""
            : type == typeof(decimal?) ? "\"-0.01300\""
            : type == typeof(JsonElement?) ? "{\"type\":\"rsa\",\"public_key_sid\":\"CR1\",\"encrypted_cek\":\"a2V5\"}"
            : type == typeof(SubresourceUriSet) ? SubresourcesSample
            : throw new InvalidOperationException($"No sample for a {RecordType.Name} field of type {type}: add one, and read it in the direct reader.");

        /// <summary>
        /// Each field the generated reader sets (not the extension data, nor an ignored alias of Sid),
        /// from its metadata, so a field added to the model and not to the direct reader fails here.
        /// </summary>
        [Fact]
        public void Every_field_the_generated_reader_knows_is_read_the_same_way()
        {
            List<JsonPropertyInfo> fields = Generated.Properties
                .Where(p => p.Set != null && p.PropertyType != typeof(Dictionary<string, JsonElement>)).ToList();
            Assert.True(fields.Count >= 15, "The generated metadata lists " + fields.Count + " fields.");
            foreach (JsonPropertyInfo field in fields)
            {
                string json = "{\"" + field.Name + "\":" + Sample(field.PropertyType) + "}";
                // A field missing from the direct reader would land among the unmodelled ones.
                Assert.True(((TwilioResource)Direct(json)).AdditionalProperties == null, field.Name + " is not read by the direct reader.");
                AssertSameRead(json);
                AssertSameRead("{\"" + field.Name + "\":null}");
            }
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"sid\":\"X1\",\"brand_new_field\":{\"a\":[1,2]},\"another\":7}")]
        [InlineData("{\"status\":\"in\\u002dprogress\",\"to\":\"client:o\\\"brien\\\\<b>\\u00e9\",\"sid\":\"X1\",\"sid\":\"X2\"}")]
        [InlineData("{\"price\":-0.5,\"price_unit\":\"USD\",\"api_version\":\"2010-04-01\"}")]
        [InlineData("{\"uri\":\"/x.json\",\"subresource_uris\":{\"streams\":null,\"events\":\"/x/Events.json\"},\"date_created\":\"2024-03-05T12:00:00Z\"}")]
        public void Odd_records_read_the_same_way(string json) => AssertSameRead(json);

        [Theory]
        [InlineData("{\"sid\":5}")]
        [InlineData("{\"status\":true}")]
        [InlineData("{\"date_created\":5}")]
        [InlineData("{\"price\":\"free\"}")]
        [InlineData("{\"subresource_uris\":[\"/x.json\"]}")]
        [InlineData("[1]")]
        public void What_the_generated_reader_refuses_the_direct_one_refuses_as_JSON_errors(string json)
        {
            Assert.ThrowsAny<JsonException>(() => FromGenerated(json));
            Assert.ThrowsAny<JsonException>(() => Direct(json));
        }

        [Fact]
        public void A_count_that_is_not_a_number_is_refused_by_both()
        {
            string json = "{\"" + CountField + "\":\"fifteen\"}";
            Assert.ThrowsAny<JsonException>(() => FromGenerated(json));
            Assert.ThrowsAny<JsonException>(() => Direct(json));
            // And an empty count is no count, to both.
            AssertSameRead("{\"" + CountField + "\":\"\"}");
        }
    }
}
