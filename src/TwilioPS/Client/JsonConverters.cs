using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
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

        [MethodImpl(Jit.Optimized)]
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
        [MethodImpl(Jit.Optimized)]
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

        [MethodImpl(Jit.Optimized)]
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

        [MethodImpl(Jit.Optimized)]
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
    /// Strings that recur from record to record (an account SID, a status, a subresource name), read once
    /// and then shared: comparing a few bytes costs less than a new string per record, and a long listing
    /// leaves that much less for the collector. Bounded: once full, new values are simply not shared.
    /// Safe for concurrent readers (copy-on-write).
    /// </summary>
    internal sealed class SharedStrings
    {
        private readonly int _capacity;
        private readonly object _lock = new object();
        // Added in the order records list them, so the one after the last match is tried first.
        private Entry[] _entries = new Entry[0];

        private sealed class Entry
        {
            public Entry(string text)
            {
                Text = text;
                Utf8 = Encoding.UTF8.GetBytes(text);
            }

            public readonly string Text;
            public readonly byte[] Utf8;
        }

        public SharedStrings(int capacity) => _capacity = capacity;

        /// <summary>The shared string with these bytes, added to the shared ones if there is room; <paramref name="hint"/> is where to look first.</summary>
        [MethodImpl(Jit.Optimized)]
        public string Get(ReadOnlySpan<byte> utf8, ref int hint)
        {
            Entry[] entries = Volatile.Read(ref _entries);
            if (hint < entries.Length && utf8.SequenceEqual(entries[hint].Utf8)) return entries[hint++].Text;
            for (int i = 0; i < entries.Length; i++)
            {
                if (utf8.SequenceEqual(entries[i].Utf8))
                {
                    hint = i + 1;
                    return entries[i].Text;
                }
            }

            string text = Text(utf8);
            lock (_lock)
            {
                if (_entries.Length < _capacity && Array.TrueForAll(_entries, e => e.Text != text))
                {
                    var grown = new Entry[_entries.Length + 1];
                    Array.Copy(_entries, grown, _entries.Length);
                    grown[_entries.Length] = new Entry(text);
                    Volatile.Write(ref _entries, grown);
                }
                hint = _entries.Length;
            }
            return text;
        }

        /// <summary>UTF-8 to a string without a throw-away array (netstandard2.0 has no span overload).</summary>
        public static string Text(ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty) return string.Empty;
            byte[] rented = ArrayPool<byte>.Shared.Rent(utf8.Length);
            try
            {
                utf8.CopyTo(rented);
                return Encoding.UTF8.GetString(rented, 0, utf8.Length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// A field whose few values recur in every record of a list (account SID, API version, status,
    /// direction, price unit): each value is read into one shared string (see <see cref="SharedStrings"/>).
    /// Each property gets its own converter instance and so its own table.
    /// </summary>
    internal sealed class RecurringStringConverter : JsonConverter<string>
    {
        /// <summary>Longer values (a URI, a body) are rarely repeated: read as usual.</summary>
        private const int MaxSharedLength = 64;

        private readonly SharedStrings _values = new SharedStrings(32);

        [MethodImpl(Jit.Optimized)]
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxSharedLength)
                return reader.GetString();
            int hint = 0;
            return _values.Get(reader.ValueSpan, ref hint);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>
    /// A record's subresource_uris as read. Twilio puts them all under the record's own URI
    /// (".../Calls/CA…/Recordings.json", ".../Calls/CA…/Notifications.json", …), so when they share
    /// the first one's folder the record keeps that prefix once and an array of (name, rest) pairs
    /// shared by every record of the same shape, and the dictionary is built when someone reads it.
    /// Nine such URIs were three quarters of the bytes a listed call allocated and over half the time
    /// to parse it. Anything else (a null, a URI elsewhere) is kept exactly as sent.
    /// </summary>
    [JsonConverter(typeof(SubresourceUrisConverter))]
    internal sealed class SubresourceUriSet
    {
        private readonly string _prefix;
        private readonly string[] _namesAndRests;
        private Dictionary<string, string> _map;

        public SubresourceUriSet(string prefix, string[] namesAndRests)
        {
            _prefix = prefix;
            _namesAndRests = namesAndRests;
        }

        public SubresourceUriSet(Dictionary<string, string> map) => _map = map;

        /// <summary>Name to URI, built once on first use.</summary>
        public Dictionary<string, string> Map => _map ?? (_map = Build(_prefix, _namesAndRests, _namesAndRests.Length / 2, 0));

        internal static Dictionary<string, string> Build(string prefix, string[] namesAndRests, int count, int capacity)
        {
            var map = new Dictionary<string, string>(Math.Max(count, capacity));
            for (int i = 0; i < count; i++) map[namesAndRests[2 * i]] = prefix + namesAndRests[2 * i + 1];
            return map;
        }
    }

    /// <summary>
    /// Reads subresource_uris into a <see cref="SubresourceUriSet"/>. The names and the ends of the URIs
    /// repeat in every record of a list ("recordings" and "Recordings.json", nine per call), usually in
    /// the same order: they are read into shared strings, and a record whose pairs come in the order of
    /// the one before shares that array too.
    /// </summary>
    internal sealed class SubresourceUrisConverter : JsonConverter<SubresourceUriSet>
    {
        /// <summary>Subresources one record may have in the compact form; a record with more keeps its dictionary.</summary>
        private const int MaxPairs = 64;

        /// <summary>Enough for the names and URI ends of every resource's subresources; past it they are simply not shared.</summary>
        private static readonly SharedStrings Shared = new SharedStrings(256);

        // The (name, rest) pairs of the last compact record, in order, shared by every record with the same.
        private static string[] _lastPairs = new string[0];

        [ThreadStatic] private static string[] _scratch;

        [MethodImpl(Jit.Optimized)]
        public override SubresourceUriSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("subresource_uris must be an object.");
            int hint = 0;
            string[] pairs = _scratch ?? (_scratch = new string[2 * MaxPairs]);
            int count = 0;
            ReadOnlySpan<byte> prefix = default;
            Dictionary<string, string> uris = null; // once the compact form does not fit

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.HasValueSequence || reader.ValueIsEscaped ? reader.GetString() : Shared.Get(reader.ValueSpan, ref hint);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Null)
                    throw new JsonException($"subresource_uris.{name} must be a string.");

                if (uris == null && count < MaxPairs && reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped)
                {
                    ReadOnlySpan<byte> uri = reader.ValueSpan;
                    if (count == 0) prefix = uri.Slice(0, uri.LastIndexOf((byte)'/') + 1);
                    if (uri.StartsWith(prefix))
                    {
                        pairs[2 * count] = name;
                        pairs[2 * count + 1] = Shared.Get(uri.Slice(prefix.Length), ref hint);
                        count++;
                        continue;
                    }
                }
                if (uris == null) uris = SubresourceUriSet.Build(SharedStrings.Text(prefix), pairs, count, count + 1);
                uris[name] = reader.GetString();
            }
            SubresourceUriSet read = uris != null ? new SubresourceUriSet(uris) : new SubresourceUriSet(SharedStrings.Text(prefix), SharedPairs(pairs, count));
            Array.Clear(pairs, 0, 2 * count); // the scratch array outlives the record: hold on to nothing
            return read;
        }

        /// <summary>The last record's pairs when this one's are the same strings in the same order; else a new array, shared from now on.</summary>
        private static string[] SharedPairs(string[] pairs, int count)
        {
            string[] last = Volatile.Read(ref _lastPairs);
            if (last.Length == 2 * count)
            {
                bool same = true;
                for (int i = 0; i < 2 * count && same; i++) same = ReferenceEquals(last[i], pairs[i]);
                if (same) return last;
            }
            var copy = new string[2 * count];
            Array.Copy(pairs, copy, 2 * count);
            Volatile.Write(ref _lastPairs, copy);
            return copy;
        }

        public override void Write(Utf8JsonWriter writer, SubresourceUriSet value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> uri in value.Map) writer.WriteString(uri.Key, uri.Value);
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
