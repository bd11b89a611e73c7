using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// A response body read into a pooled array: list pages are up to ~1 MB, and a fresh array per page
    /// would land on the large-object heap every time.
    /// </summary>
    internal sealed class ResponseBuffer : IDisposable
    {
        private byte[] _array;

        private ResponseBuffer(byte[] array, int length)
        {
            _array = array;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(_array, 0, Length);

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_array, 0, Length);

        public static async Task<ResponseBuffer> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            long? declared = content.Headers.ContentLength;
            int capacity = declared.HasValue && declared.Value > 0 && declared.Value < int.MaxValue ? (int)declared.Value : 16 * 1024;
            byte[] array = ArrayPool<byte>.Shared.Rent(capacity);
            int length = 0;
            try
            {
                using (Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    while (true)
                    {
                        if (length == array.Length)
                        {
                            byte[] larger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
                            Buffer.BlockCopy(array, 0, larger, 0, length);
                            ArrayPool<byte>.Shared.Return(array);
                            array = larger;
                        }
                        int read = await stream.ReadAsync(array, length, array.Length - length, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        length += read;
                    }
                }
                return new ResponseBuffer(array, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(array);
                throw;
            }
        }

        public void Dispose()
        {
            byte[] array = Interlocked.Exchange(ref _array, null);
            if (array != null) ArrayPool<byte>.Shared.Return(array);
        }
    }
}
