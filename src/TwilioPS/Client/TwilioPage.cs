using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TwilioPS.Client
{
    /// <summary>
    /// One page of a Twilio list: its records and where the next page is (null on the last).
    /// </summary>
    /// <remarks>
    /// A page from <see cref="TwilioPager{T}"/> holds its raw body and only the positions of its
    /// records; enumerating it parses them one at a time, so each record can be written down the
    /// pipeline and collected young. Parsing a whole page up front kept ~4.6 MB of records per 1000
    /// calls alive across every gen-0 collection, which promoted them: a quarter of a long listing's
    /// time went to the GC. <see cref="Records"/> parses them all, for callers that want a list.
    /// Disposing the page returns its body to the pool.
    /// </remarks>
    public sealed class TwilioPage<T> : IEnumerable<T>, IDisposable
    {
        private readonly int[] _bounds; // start and length of each record in the body
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly Func<JsonException, Exception> _notTwilioJson;
        private ResponseBuffer _body;
        private IReadOnlyList<T> _records;

        public TwilioPage(IReadOnlyList<T> records, string nextPageUri)
        {
            _records = records ?? throw new ArgumentNullException(nameof(records));
            Count = records.Count;
            NextPageUri = nextPageUri;
        }

        private TwilioPage(ResponseBuffer body, PageIndex index, JsonTypeInfo<T> typeInfo, Func<JsonException, Exception> notTwilioJson)
        {
            _body = body;
            _bounds = index.Bounds;
            Count = index.Count;
            NextPageUri = index.NextPageUri;
            _typeInfo = typeInfo;
            _notTwilioJson = notTwilioJson;
        }

        /// <summary>How many records the page holds.</summary>
        public int Count { get; }

        /// <summary>Relative to the API host, exactly as Twilio sent it.</summary>
        public string NextPageUri { get; }

        /// <summary>Every record, parsed on first use and kept.</summary>
        public IReadOnlyList<T> Records
        {
            get
            {
                if (_records == null)
                {
                    var records = new List<T>(Count);
                    for (int i = 0; i < Count; i++) records.Add(ReadRecord(i));
                    _records = records;
                }
                return _records;
            }
        }

        /// <summary>The records in order, each parsed as it is reached and not kept by the page.</summary>
        public IEnumerator<T> GetEnumerator()
        {
            if (_records != null) return _records.GetEnumerator();
            return Stream();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private IEnumerator<T> Stream()
        {
            for (int i = 0; i < Count; i++) yield return ReadRecord(i);
        }

        private T ReadRecord(int i)
        {
            ResponseBuffer body = _body ?? throw new ObjectDisposedException(nameof(TwilioPage<T>), "The page's body was returned when the page was disposed.");
            try
            {
                return ReadOne(body.Span.Slice(_bounds[2 * i], _bounds[2 * i + 1]), _typeInfo);
            }
            catch (JsonException exception)
            {
                throw _notTwilioJson(exception);
            }
        }

        public void Dispose() => System.Threading.Interlocked.Exchange(ref _body, null)?.Dispose();

        /// <summary>A page over <paramref name="body"/>, which it now owns; its records are parsed when enumerated.</summary>
        internal static TwilioPage<T> Over(ResponseBuffer body, PageIndex index, JsonTypeInfo<T> typeInfo, Func<JsonException, Exception> notTwilioJson) =>
            new TwilioPage<T>(body, index, typeInfo, notTwilioJson);

        /// <summary>Reads a list envelope and every record at once (a body the page does not keep).</summary>
        internal static TwilioPage<T> Parse(ReadOnlySpan<byte> json, byte[] recordsKey, JsonTypeInfo<T> typeInfo)
        {
            PageIndex index = PageIndex.Read(json, recordsKey);
            var records = new List<T>(index.Count);
            for (int i = 0; i < index.Bounds.Length; i += 2)
                records.Add(ReadOne(json.Slice(index.Bounds[i], index.Bounds[i + 1]), typeInfo));
            return new TwilioPage<T>(records, index.NextPageUri);
        }

        /// <summary>One record: by its direct reader where the type has one (<see cref="DirectReader{T}"/>), else by the generated one.</summary>
        private static T ReadOne(ReadOnlySpan<byte> record, JsonTypeInfo<T> typeInfo)
        {
            var reader = new Utf8JsonReader(record, PageIndex.ReaderOptions);
            RecordReader<T> direct = DirectReader<T>.Read;
            if (direct == null) return JsonSerializer.Deserialize(ref reader, typeInfo);
            reader.Read();
            return direct(ref reader);
        }
    }

    /// <summary>Reads one record with the reader positioned on its first token.</summary>
    internal delegate T RecordReader<T>(ref Utf8JsonReader reader);

    /// <summary>
    /// The hand-written readers of the records listed most, calls, messages and recordings (see
    /// <see cref="TwilioCallReader"/>); null for every other type, whose records the generated
    /// System.Text.Json reader reads.
    /// </summary>
    internal static class DirectReader<T>
    {
        public static readonly RecordReader<T> Read =
            typeof(T) == typeof(TwilioPS.Models.TwilioCall) ? (RecordReader<T>)(object)new RecordReader<TwilioPS.Models.TwilioCall>(TwilioCallReader.Read)
            : typeof(T) == typeof(TwilioPS.Models.TwilioMessage) ? (RecordReader<T>)(object)new RecordReader<TwilioPS.Models.TwilioMessage>(TwilioMessageReader.Read)
            : typeof(T) == typeof(TwilioPS.Models.TwilioRecording) ? (RecordReader<T>)(object)new RecordReader<TwilioPS.Models.TwilioRecording>(TwilioRecordingReader.Read)
            : null;
    }

    /// <summary>
    /// Where a list body's records are, and its next_page_uri: one pass over the envelope with the
    /// reader, the records' bounds found by <see cref="RecordScanner"/> without materialising them (a
    /// small fraction of parsing them), so the envelope is checked, the records counted and the next
    /// page known before any record is parsed.
    /// </summary>
    internal sealed class PageIndex
    {
        /// <summary>How a list body is read, by the index pass and by each record's reader alike.</summary>
        internal static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip };
        private static readonly byte[] NextPageUriKey = Encoding.UTF8.GetBytes("next_page_uri");
        private static readonly byte[] NextPageUriName = Encoding.UTF8.GetBytes("\"next_page_uri\"");

        private PageIndex(int[] bounds, string nextPageUri)
        {
            Bounds = bounds;
            NextPageUri = nextPageUri;
        }

        /// <summary>Start and length of each record, in pairs.</summary>
        public int[] Bounds { get; }

        public int Count => Bounds.Length / 2;

        public string NextPageUri { get; }

        /// <summary>
        /// Reads a list envelope. The record array's key differs per resource ("calls", "messages", …);
        /// every other member but next_page_uri is skipped.
        /// </summary>
        public static PageIndex Read(ReadOnlySpan<byte> json, byte[] recordsKey) => Read(json, recordsKey, scanRecords: true);

        /// <summary>
        /// Reads a list envelope; the records are found by <see cref="RecordScanner"/> where it can,
        /// else (and always without <paramref name="scanRecords"/>, which the tests compare with) by
        /// the reader's own skip.
        /// </summary>
        internal static PageIndex Read(ReadOnlySpan<byte> json, byte[] recordsKey, bool scanRecords)
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            int origin = 0; // where the reader's span starts in json, once it resumes after the records
            List<int> bounds = null;
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
                    bounds = new List<int>();
                    int close = scanRecords ? RecordScanner.Records(json, origin + checked((int)reader.BytesConsumed), bounds) : -1;
                    if (close >= 0)
                    {
                        // The reader resumes at the array's ']' in the state it had just after its '[',
                        // where a ']' is what it expects: the envelope is still checked by the reader.
                        reader = new Utf8JsonReader(json.Slice(close), isFinalBlock: true, reader.CurrentState);
                        origin = close;
                        reader.Read();
                        continue;
                    }
                    bounds.Clear();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        int start = origin + checked((int)reader.TokenStartIndex);
                        reader.Skip();
                        bounds.Add(start);
                        bounds.Add(origin + checked((int)reader.BytesConsumed) - start);
                    }
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

            if (bounds == null)
                throw new JsonException($"The list response has no '{Encoding.UTF8.GetString(recordsKey)}' array.");
            return new PageIndex(bounds.ToArray(), NullIfEmpty(next));
        }

        /// <summary>
        /// A quick look for next_page_uri without reading the records: the JSON value after the one
        /// "next_page_uri" name in the body (none, or more than one, and the quick look declines).
        /// Twilio writes it after the record array, so even skipping the records would reach it last.
        /// The caller checks this against <see cref="Read"/>'s answer.
        /// </summary>
        public static string FindNextPageUri(ReadOnlySpan<byte> json)
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

        internal static bool IsWhiteSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        private static string NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Finds where each record of a list's array starts and ends without reading it: the records are
    /// parsed later anyway, one at a time, by a reader that checks every byte of them. It only has to
    /// tell a string's quotes and backslashes from the brackets that nest, and leaves any body it does
    /// not expect (a record that is not an object, a comment, a trailing comma, a cut-off body) to the
    /// reader's own skip, which reports the error. The reader's skip costs the pager's worker about
    /// 270 ms on the first 100 pages of 1000 calls a process reads (its code is still being compiled
    /// up through the tiers) and 80 ms once warm; this pass, compiled optimised at once, 50–70 ms.
    /// </summary>
    internal static class RecordScanner
    {
        /// <summary>
        /// Adds the start and length of each record in the array whose contents begin at
        /// <paramref name="at"/> (just after its '['); returns the index of the array's ']', or -1 when
        /// the reader should index this array instead.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static int Records(ReadOnlySpan<byte> json, int at, List<int> bounds)
        {
            bool afterComma = false;
            int i = at;
            while (true)
            {
                i = SkipWhiteSpace(json, i);
                if (i >= json.Length) return -1;
                if (json[i] == (byte)']') return afterComma ? -1 : i;
                if (json[i] != (byte)'{') return -1;
                int end = SkipObject(json, i);
                if (end < 0) return -1;
                bounds.Add(i);
                bounds.Add(end - i);
                i = SkipWhiteSpace(json, end);
                if (i >= json.Length) return -1;
                if (json[i] == (byte)']') return i;
                if (json[i] != (byte)',') return -1;
                i++;
                afterComma = true;
            }
        }

        /// <summary>The index just after the '}' that closes the object opening at <paramref name="i"/>, or -1.</summary>
        [MethodImpl(Jit.Optimized)]
        private static int SkipObject(ReadOnlySpan<byte> json, int i)
        {
            int depth = 0;
            for (; i < json.Length; i++)
            {
                byte b = json[i];
                if (b == (byte)'"')
                {
                    // Most of a record's bytes are inside strings: jump to the next quote or backslash.
                    while (true)
                    {
                        if (i + 1 >= json.Length) return -1; // cut off inside the string
                        int stop = json.Slice(i + 1).IndexOfAny((byte)'"', (byte)'\\');
                        if (stop < 0) return -1;
                        i += 1 + stop;
                        if (json[i] == (byte)'"') break;
                        i++; // the escaped byte, which may be a quote
                    }
                }
                else if (b == (byte)'{' || b == (byte)'[')
                {
                    depth++;
                }
                else if (b == (byte)'}' || b == (byte)']')
                {
                    if (--depth == 0) return i + 1;
                }
                else if (b == (byte)'/')
                {
                    return -1; // a comment, which the reader's options allow
                }
            }
            return -1;
        }

        private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int i)
        {
            while (i < json.Length && PageIndex.IsWhiteSpace(json[i])) i++;
            return i;
        }
    }
}
