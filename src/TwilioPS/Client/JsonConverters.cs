using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwilioPS.Client
{
    /// <summary>
    /// Twilio dates: RFC 2822 ("Tue, 31 Aug 2010 20:36:28 +0000"). ISO 8601 is accepted too because a
    /// few resources (and proxies) send it. Always a DateTimeOffset so the offset is never guessed.
    /// </summary>
    internal sealed class TwilioDateConverter : JsonConverter<DateTimeOffset?>
    {
        private static readonly string[] Rfc2822Formats =
        {
            "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz",
            "dd MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        };

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected a date string.");
            string text = reader.GetString();
            return Parse(text);
        }

        internal static DateTimeOffset? Parse(string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            // Twilio writes "+0000"; .NET's zzz wants "+00:00".
            string normalized = text.Length > 5 && (text[text.Length - 5] == '+' || text[text.Length - 5] == '-')
                ? text.Substring(0, text.Length - 2) + ":" + text.Substring(text.Length - 2)
                : text;
            if (DateTimeOffset.TryParseExact(normalized, Rfc2822Formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
                return value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
                return value;
            throw new JsonException($"'{text}' is not an RFC 2822 or ISO 8601 date.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
                writer.WriteStringValue(value.Value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture));
            else
                writer.WriteNullValue();
        }
    }

    /// <summary>Twilio sends many numbers as strings ("15", "-0.0130") and empty strings for "none".</summary>
    internal sealed class LenientInt32Converter : JsonConverter<int?>
    {
        public override bool HandleNull => true;

        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number: return reader.GetInt32();
                case JsonTokenType.String:
                    if (reader.ValueTextEquals(ReadOnlySpan<byte>.Empty)) return null;
                    ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                    if (Utf8Parser.TryParse(span, out int number, out int consumed) && consumed == span.Length) return number;
                    throw new JsonException($"'{reader.GetString()}' is not a whole number.");
                default: throw new JsonException("Expected a number.");
            }
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString(CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }

    /// <summary>Prices arrive as strings ("-0.01300") or numbers; decimal keeps them exact.</summary>
    internal sealed class LenientDecimalConverter : JsonConverter<decimal?>
    {
        public override bool HandleNull => true;

        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number: return reader.GetDecimal();
                case JsonTokenType.String:
                    if (reader.ValueTextEquals(ReadOnlySpan<byte>.Empty)) return null;
                    ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                    if (Utf8Parser.TryParse(span, out decimal number, out int consumed) && consumed == span.Length) return number;
                    throw new JsonException($"'{reader.GetString()}' is not a decimal number.");
                default: throw new JsonException("Expected a number.");
            }
        }

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString(CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }
}
