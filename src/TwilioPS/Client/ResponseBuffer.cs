using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// A response body read into a pooled array: list pages are up to ~1 MB, and a fresh array per page
    /// would land on the large-object heap every time. No body may exceed <see cref="MaxLength"/>.
    /// </summary>
    internal sealed class ResponseBuffer : IDisposable
    {
        /// <summary>
        /// Far above any Twilio JSON answer (a 1000-record page is a few MB), far below what would hurt
        /// the machine: a server that sends more is not the Twilio API.
        /// </summary>
        public const int MaxLength = 64 * 1024 * 1024;

        /// <summary>
        /// Bodies come from a pool of their own. The shared pool keeps an array returned by a thread in
        /// that thread's own slot first, and the pipeline thread that returns a page's body never rents
        /// one: every listing stranded a 2 MB array or two there and made new ones (peak growth listing
        /// 100,000 calls 20.0 → 14.7–16.5 MB, a million 32.3 → 28.3–28.6 MB). Bounded: arrays up to
        /// 4 MB are kept, at most 8 of a size; a larger body's array is simply not kept.
        /// </summary>
        private static readonly ArrayPool<byte> Bodies = ArrayPool<byte>.Create(4 * 1024 * 1024, 8);

        private byte[] _array;

        private ResponseBuffer(byte[] array, int length)
        {
            _array = array;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(_array, 0, Length);

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_array, 0, Length);

        /// <summary>The whole body; from a <see cref="BufferedContent"/> its buffer is taken over, not copied.</summary>
        public static async Task<ResponseBuffer> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            if (content is BufferedContent buffered)
            {
                ResponseBuffer taken = buffered.TakeBody();
                if (taken != null) return taken;
            }
            long? declared = content.Headers.ContentLength;
            if (declared > MaxLength) throw TooLarge();
            int capacity = declared.HasValue && declared.Value > 0 ? (int)declared.Value : 16 * 1024;
            byte[] array = Bodies.Rent(capacity);
            int length = 0;
            try
            {
                using (Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    while (true)
                    {
                        if (length > MaxLength) throw TooLarge();
                        if (length == array.Length)
                        {
                            byte[] larger = Bodies.Rent(array.Length * 2);
                            Buffer.BlockCopy(array, 0, larger, 0, length);
                            Bodies.Return(array);
                            array = larger;
                        }
                        // One byte past the cap is enough to know the body is too large.
                        int read = await stream.ReadAsync(array, length, Math.Min(array.Length, MaxLength + 1) - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                    }
                }
                return new ResponseBuffer(array, length);
            }
            catch
            {
                Bodies.Return(array);
                throw;
            }
        }

        private static TwilioProtocolException TooLarge() =>
            new TwilioProtocolException($"The response is larger than {MaxLength / (1024 * 1024)} MB, more than any Twilio API answer: refused rather than held in memory.");

        public void Dispose()
        {
            byte[] array = Interlocked.Exchange(ref _array, null);
            if (array != null) Bodies.Return(array);
        }
    }

    /// <summary>
    /// A response body already read into a <see cref="ResponseBuffer"/> (by the retry handler, so a body
    /// that breaks off can be retried), handed on to the reader without a second copy.
    /// </summary>
    internal sealed class BufferedContent : HttpContent
    {
        private ResponseBuffer _body;

        public BufferedContent(ResponseBuffer body, HttpContentHeaders headers)
        {
            _body = body;
            foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        /// <summary>The buffer, now the caller's to dispose; null once taken.</summary>
        public ResponseBuffer TakeBody() => Interlocked.Exchange(ref _body, null);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext context)
        {
            ResponseBuffer body = Volatile.Read(ref _body) ?? throw new InvalidOperationException("The body was already taken.");
            return stream.WriteAsync(body.Memory.ToArray(), 0, body.Length);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Volatile.Read(ref _body)?.Length ?? 0;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) TakeBody()?.Dispose();
            base.Dispose(disposing);
        }
    }
}
