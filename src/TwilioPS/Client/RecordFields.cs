using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>
    /// What the hand-written record readers (<see cref="TwilioCallReader"/>, <see cref="TwilioMessageReader"/>,
    /// <see cref="TwilioRecordingReader"/>) share: the converters they call, finding a property among a record's field names, keeping the
    /// fields they do not model, and reading text exactly as the generated System.Text.Json reader
    /// does, which each reader must match.
    /// </summary>
    internal static class RecordFields
    {
        // The converters the readers call for every record, shared by both: the recurring strings'
        // caches are per field, and a field's values (statuses, directions, units) are few either way.
        public static readonly TwilioDateConverter Dates = new TwilioDateConverter();
        public static readonly LenientInt32Converter Integers = new LenientInt32Converter();
        public static readonly LenientDecimalConverter Decimals = new LenientDecimalConverter();
        public static readonly SubresourceUrisConverter Subresources = new SubresourceUrisConverter();
        public static readonly RecurringStringConverter AccountSids = new RecurringStringConverter();
        public static readonly RecurringStringConverter ApiVersions = new RecurringStringConverter();
        public static readonly RecurringStringConverter Directions = new RecurringStringConverter();
        public static readonly RecurringStringConverter PriceUnits = new RecurringStringConverter();
        public static readonly RecurringStringConverter Statuses = new RecurringStringConverter();

        /// <summary>Each name's UTF-8 bytes, in the order of the reader's Field enum.</summary>
        public static byte[][] Utf8(params string[] names)
        {
            var bytes = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++) bytes[i] = Encoding.UTF8.GetBytes(names[i]);
            return bytes;
        }

        /// <summary>
        /// The field the current property name is, or -1. Twilio sends a record's fields in the same
        /// order every time, so the name after the last one found is tried first, and nearly always matches.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static int Find(ref Utf8JsonReader reader, byte[][] names, ref int expected)
        {
            if (expected < names.Length && reader.ValueTextEquals(names[expected])) return expected++;
            for (int i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    expected = i + 1;
                    return i;
                }
            }
            return -1;
        }

        /// <summary>
        /// A field this version does not model, with the reader on its name: kept under that name with
        /// its value as sent, as the generated reader keeps it (see TwilioResource.AdditionalProperties).
        /// </summary>
        public static void KeepUnmodelled(ref Utf8JsonReader reader, TwilioResource record)
        {
            string name = reader.GetString();
            reader.Read();
            (record.AdditionalProperties ?? (record.AdditionalProperties = new Dictionary<string, JsonElement>()))[name] = JsonElement.ParseValue(ref reader);
        }

        /// <summary>A string field, as the generated reader reads one: a string or null, anything else an error.</summary>
        public static string Text(ref Utf8JsonReader reader, string record)
        {
            if (reader.TokenType == JsonTokenType.String) return reader.GetString();
            if (reader.TokenType == JsonTokenType.Null) return null;
            throw new JsonException($"The JSON value could not be converted to System.String: a {reader.TokenType} where a {record} field holds text.");
        }

        /// <summary>A string field whose few values recur from record to record (a status, a unit), read into shared strings.</summary>
        public static string Recurring(ref Utf8JsonReader reader, RecurringStringConverter shared, string record)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) return Text(ref reader, record);
            return shared.Read(ref reader, typeof(string), null);
        }
    }
}
