using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Security;
using System.Text.Json.Serialization;
using System.Threading;

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
            // Every record carries several dates: read Twilio's fixed-width form straight from the bytes.
            if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseRfc2822(reader.ValueSpan, out DateTimeOffset fast))
                return fast;
            return Parse(reader.GetString());
        }

        private static readonly byte[] Months = System.Text.Encoding.ASCII.GetBytes("JanFebMarAprMayJunJulAugSepOctNovDec");

        /// <summary>"Tue, 31 Aug 2010 20:36:28 +0000": exactly what Twilio sends; anything else takes the general path.</summary>
        internal static bool TryParseRfc2822(ReadOnlySpan<byte> text, out DateTimeOffset value)
        {
            value = default;
            if (text.Length != 31 || text[3] != (byte)',' || text[4] != (byte)' ' || text[7] != (byte)' ' || text[11] != (byte)' '
                || text[16] != (byte)' ' || text[19] != (byte)':' || text[22] != (byte)':' || text[25] != (byte)' ')
                return false;
            int month = -1;
            for (int m = 0; m < 12; m++)
            {
                if (Months[m * 3] == text[8] && Months[m * 3 + 1] == text[9] && Months[m * 3 + 2] == text[10]) { month = m + 1; break; }
            }
            if (month < 0
                || !Digits(text, 5, 2, out int day) || !Digits(text, 12, 4, out int year) || !Digits(text, 17, 2, out int hour)
                || !Digits(text, 20, 2, out int minute) || !Digits(text, 23, 2, out int second)
                || !Digits(text, 27, 2, out int offsetHours) || !Digits(text, 29, 2, out int offsetMinutes))
                return false;
            int sign = text[26] == (byte)'+' ? 1 : text[26] == (byte)'-' ? -1 : 0;
            if (sign == 0 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
                || offsetHours > 14 || offsetMinutes > 59)
                return false;
            var offset = new TimeSpan(sign * offsetHours, sign * offsetMinutes, 0);
            var local = new DateTime(year, month, day, hour, minute, second);
            // 31 Dec 9999 23:59:59 -1400 is past DateTimeOffset's range in UTC: the general path reports it.
            long utcTicks = local.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
            value = new DateTimeOffset(local, offset);
            return true;
        }

        private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9) return false;
                value = value * 10 + digit;
            }
            return true;
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
            throw new JsonException($"'{text}' is not an RFC 2822 or ISO 8601 date within the range of DateTimeOffset.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
                writer.WriteStringValue(value.Value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture));
            else
                writer.WriteNullValue();
        }
    }

    /// <summary>
    /// Twilio sends many numbers as strings ("15", "-0.01300"), some as numbers, and empty strings for
    /// "none". One reading rule for every numeric field; subclasses only say how to parse.
    /// </summary>
    internal abstract class LenientNumberConverter<T> : JsonConverter<T?> where T : struct, IFormattable
    {
        public override bool HandleNull => true;

        protected abstract bool TryReadNumber(ref Utf8JsonReader reader, out T value);

        protected abstract bool TryParse(ReadOnlySpan<byte> utf8, out T value, out int consumed);

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number:
                    if (TryReadNumber(ref reader, out T read)) return read;
                    throw new JsonException($"{Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray())} is beyond the range of {typeof(T).Name}.");
                case JsonTokenType.String:
                    if (reader.ValueTextEquals(ReadOnlySpan<byte>.Empty)) return null;
                    ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                    if (TryParse(span, out T number, out int consumed) && consumed == span.Length) return number;
                    throw new JsonException($"'{reader.GetString()}' is not a {typeof(T).Name} number.");
                default: throw new JsonException("Expected a number.");
            }
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString(null, CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }

    /// <summary>Durations, queue times: whole numbers.</summary>
    internal sealed class LenientInt32Converter : LenientNumberConverter<int>
    {
        protected override bool TryReadNumber(ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value);

        protected override bool TryParse(ReadOnlySpan<byte> utf8, out int value, out int consumed) =>
            Utf8Parser.TryParse(utf8, out value, out consumed);
    }

    /// <summary>Prices: decimal keeps "-0.01300" exact.</summary>
    internal sealed class LenientDecimalConverter : LenientNumberConverter<decimal>
    {
        protected override bool TryReadNumber(ref Utf8JsonReader reader, out decimal value) => reader.TryGetDecimal(out value);

        protected override bool TryParse(ReadOnlySpan<byte> utf8, out decimal value, out int consumed) =>
            Utf8Parser.TryParse(utf8, out value, out consumed);
    }

    /// <summary>
    /// Calendar days ("2024-03-05", the spec's format "date"): usage records' start and end dates. A
    /// day has no time or offset, so it is read as a DateTime of kind Unspecified, never shifted.
    /// </summary>
    internal sealed class TwilioDayConverter : JsonConverter<DateTime?>
    {
        public override bool HandleNull => true;

        public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected a date string.");
            string text = reader.GetString();
            if (string.IsNullOrEmpty(text)) return null;
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day)) return day;
            throw new JsonException($"'{text}' is not a date in the form YYYY-MM-DD.");
        }

        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
        {
            if (value.HasValue) writer.WriteStringValue(value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }

    /// <summary>
    /// A resource's subresource_uris: one small map per record, whose names repeat in every record of a
    /// list ("notifications", "recordings", … nine per call). The names are read into strings shared by
    /// every record instead of nine fresh ones each, and the map is made at its final size instead of
    /// growing twice: a 1000-record page allocates about a fifth less.
    /// </summary>
    internal sealed class SubresourceUrisConverter : JsonConverter<Dictionary<string, string>>
    {
        /// <summary>Enough for every subresource name Twilio uses; past it names are simply not shared.</summary>
        private const int MaxSharedNames = 64;

        private static readonly object NamesLock = new object();

        // Copy-on-write: readers see a complete array; a record lists its names in the order the last
        // one did, so the name at the same position is tried first.
        private static SharedName[] _names = new SharedName[0];

        private sealed class SharedName
        {
            public SharedName(string text)
            {
                Text = text;
                Utf8 = Encoding.UTF8.GetBytes(text);
            }

            public readonly string Text;
            public readonly byte[] Utf8;
        }

        public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("subresource_uris must be an object.");
            SharedName[] names = Volatile.Read(ref _names);
            var uris = new Dictionary<string, string>(Math.Max(names.Length, 1));
            int position = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = Name(ref reader, ref names, position++);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Null)
                    throw new JsonException($"subresource_uris.{name} must be a string.");
                uris[name] = reader.GetString();
            }
            return uris;
        }

        private static string Name(ref Utf8JsonReader reader, ref SharedName[] names, int position)
        {
            if (reader.HasValueSequence || reader.ValueIsEscaped) return reader.GetString();
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            if (position < names.Length && utf8.SequenceEqual(names[position].Utf8)) return names[position].Text;
            foreach (SharedName known in names)
                if (utf8.SequenceEqual(known.Utf8)) return known.Text;

            string text = reader.GetString();
            lock (NamesLock)
            {
                if (_names.Length < MaxSharedNames && Array.TrueForAll(_names, n => n.Text != text))
                {
                    var grown = new SharedName[_names.Length + 1];
                    Array.Copy(_names, grown, _names.Length);
                    grown[_names.Length] = new SharedName(text);
                    Volatile.Write(ref _names, grown);
                }
                names = _names;
            }
            return text;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
        {
            if (value == null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> uri in value) writer.WriteString(uri.Key, uri.Value);
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// A secret read straight into a SecureString (an API key's secret), so the response's text is
    /// the only place it was ever plain. TwilioPS never writes one back as JSON.
    /// </summary>
    internal sealed class SecureStringConverter : JsonConverter<SecureString>
    {
        public override SecureString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected a secret string.");
            var secure = new SecureString();
            foreach (char c in reader.GetString()) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public override void Write(Utf8JsonWriter writer, SecureString value, JsonSerializerOptions options) =>
            throw new NotSupportedException("TwilioPS never serializes a secret.");
    }
}
