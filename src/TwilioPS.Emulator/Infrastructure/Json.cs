using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>A growable IBufferWriter over ArrayPool buffers; reused across requests via <see cref="JsonBuffer"/>.</summary>
    internal sealed class PooledBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer;
        private int _written;

        public PooledBufferWriter(int initialCapacity = 64 * 1024) { _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity); }

        public byte[] Buffer => _buffer;
        public int WrittenCount => _written;
        public void Clear() => _written = 0;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) { Ensure(sizeHint); return _buffer.AsMemory(_written); }
        public Span<byte> GetSpan(int sizeHint = 0) { Ensure(sizeHint); return _buffer.AsSpan(_written); }

        private void Ensure(int sizeHint)
        {
            if (sizeHint < 1) sizeHint = 256;
            if (_buffer.Length - _written >= sizeHint) return;
            int newSize = Math.Max(_buffer.Length * 2, _written + sizeHint);
            byte[] bigger = ArrayPool<byte>.Shared.Rent(newSize);
            System.Buffer.BlockCopy(_buffer, 0, bigger, 0, _written);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        /// <summary>Drop oversized buffers instead of keeping them pooled forever.</summary>
        public void Shrink(int max)
        {
            if (_buffer.Length <= max) return;
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            _written = 0;
        }
    }

    /// <summary>A pooled (buffer, Utf8JsonWriter) pair: rent, write, send Buffer[0..WrittenCount], return.</summary>
    internal sealed class JsonBuffer
    {
        private static readonly ConcurrentBag<JsonBuffer> Pool = new ConcurrentBag<JsonBuffer>();

        /// <summary>Twilio writes "+" and "&lt;" literally; the default encoder would escape them.</summary>
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
            Indented = false,
        };

        private JsonBuffer()
        {
            Output = new PooledBufferWriter();
            Writer = new Utf8JsonWriter(Output, Options);
        }

        public PooledBufferWriter Output { get; }
        public Utf8JsonWriter Writer { get; }

        public static JsonBuffer Rent()
        {
            if (!Pool.TryTake(out JsonBuffer b)) b = new JsonBuffer();
            b.Output.Clear();
            b.Writer.Reset(b.Output);
            return b;
        }

        public static void Return(JsonBuffer b)
        {
            b.Output.Shrink(4 * 1024 * 1024);
            if (Pool.Count < 64) Pool.Add(b);
        }
    }

    /// <summary>Twilio's JSON conventions.</summary>
    internal static class TwilioJson
    {
        /// <summary>RFC 2822 as Twilio writes it: "Tue, 31 Aug 2010 20:36:28 +0000" (always GMT).</summary>
        public static string Rfc2822(DateTimeOffset value) =>
            value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

        public static void WriteDate(Utf8JsonWriter w, string name, DateTimeOffset? value)
        {
            if (value.HasValue) w.WriteString(name, Rfc2822(value.Value));
            else w.WriteNull(name);
        }

        public static void WriteError(Utf8JsonWriter w, int status, int code, string message)
        {
            w.WriteStartObject();
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteString("more_info", TwilioApiException.MoreInfoFor(code));
            w.WriteNumber("status", status);
            w.WriteEndObject();
        }
    }
}
