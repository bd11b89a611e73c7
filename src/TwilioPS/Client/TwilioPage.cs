using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TwilioPS.Client
{
    /// <summary>One page of a Twilio list: the records and where the next page is (null on the last).</summary>
    public sealed class TwilioPage<T>
    {
        public TwilioPage(IReadOnlyList<T> records, string nextPageUri)
        {
            Records = records;
            NextPageUri = nextPageUri;
        }

        public IReadOnlyList<T> Records { get; }

        /// <summary>Relative to the API host, exactly as Twilio sent it.</summary>
        public string NextPageUri { get; }

        /// <summary>
        /// Reads a list envelope. The record array's key differs per resource ("calls", "messages", …);
        /// every other member but next_page_uri is skipped without being materialised.
        /// </summary>
        internal static TwilioPage<T> Parse(System.ReadOnlySpan<byte> json, byte[] recordsKey, JsonTypeInfo<T> typeInfo)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            List<T> records = null;
            string next = null;

            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("A Twilio list response must be a JSON object.");

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(recordsKey))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null) continue;
                    if (reader.TokenType != JsonTokenType.StartArray)
                        throw new JsonException($"'{Encoding.UTF8.GetString(recordsKey)}' must be an array.");
                    records = new List<T>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        records.Add(JsonSerializer.Deserialize(ref reader, typeInfo));
                }
                else if (reader.ValueTextEquals(NextPageUriKey))
                {
                    reader.Read();
                    next = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (records == null)
                throw new JsonException($"The list response has no '{Encoding.UTF8.GetString(recordsKey)}' array.");
            return new TwilioPage<T>(records, NullIfEmpty(next));
        }

        private static readonly byte[] NextPageUriKey = Encoding.UTF8.GetBytes("next_page_uri");
        private static readonly byte[] NextPageUriName = Encoding.UTF8.GetBytes("\"next_page_uri\"");

        /// <summary>
        /// A quick look for next_page_uri without reading the records: the JSON value after the one
        /// "next_page_uri" name in the body (none, or more than one, and the quick look declines).
        /// Twilio writes it after the record array, so a full parse would reach it last. The caller
        /// checks this against <see cref="Parse"/>'s answer.
        /// </summary>
        internal static string FindNextPageUri(ReadOnlySpan<byte> json)
        {
            int at = json.LastIndexOf(NextPageUriName);
            if (at < 0 || json.IndexOf(NextPageUriName) != at) return null;
            ReadOnlySpan<byte> rest = json.Slice(at + NextPageUriName.Length);
            int i = 0;
            while (i < rest.Length && IsWhiteSpace(rest[i])) i++;
            if (i == rest.Length || rest[i] != (byte)':') return null;
            i++;
            while (i < rest.Length && IsWhiteSpace(rest[i])) i++;
            var reader = new Utf8JsonReader(rest.Slice(i), isFinalBlock: false, state: default);
            try
            {
                if (!reader.Read()) return null;
                return reader.TokenType == JsonTokenType.String ? NullIfEmpty(reader.GetString()) : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static bool IsWhiteSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        private static string NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
