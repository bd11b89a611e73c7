using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Walks a Twilio list by following next_page_uri — never by computing page numbers. While the
    /// caller is busy with one page, the next one is already being fetched and parsed on a worker
    /// thread, so the pipeline and the network overlap. Pages are handed over one at a time and never
    /// accumulated.
    /// </summary>
    public sealed class TwilioPager<T> : IDisposable
    {
        private readonly TwilioHttp _http;
        private readonly byte[] _recordsKey;
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly HashSet<string> _visited = new HashSet<string>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private string _next;
        private Task<TwilioPage<T>> _pending;
        private CancellationTokenSource _linked;
        private long _recordsReturned;
        private int _pagesReturned;

        internal TwilioPager(TwilioHttp http, string firstPage, byte[] recordsKey, JsonTypeInfo<T> typeInfo)
        {
            _http = http;
            _next = firstPage;
            _recordsKey = recordsKey;
            _typeInfo = typeInfo;
            _visited.Add(firstPage);
        }

        /// <summary>Stop once this many records have been handed out (null: no limit).</summary>
        public long? RecordLimit { get; set; }

        /// <summary>Stop after this many pages (null: no limit). The first page only is 1.</summary>
        public int? PageLimit { get; set; }

        /// <summary>True when Twilio has more pages than the limits let this pager fetch.</summary>
        public bool HasMore => _next != null;

        /// <summary>The next page, or null when the list (or the limit) is exhausted.</summary>
        public async Task<TwilioPage<T>> NextAsync(CancellationToken cancellationToken)
        {
            if (_pending == null)
            {
                if (!WantsAnotherPage()) return null;
                _pending = FetchAsync(_next, cancellationToken);
            }

            TwilioPage<T> page;
            try
            {
                page = await _pending.ConfigureAwait(false);
            }
            finally
            {
                _pending = null;
            }

            _pagesReturned++;
            _recordsReturned += page.Records.Count;
            _next = page.NextPageUri;
            if (_next != null && !_visited.Add(_next))
            {
                // A stand-in (or a bug) that links a page to itself would otherwise loop forever.
                OperationLog.Verbose($"The list linked back to a page already read ({_next}); stopping there.");
                _next = null;
            }

            if (WantsAnotherPage()) _pending = FetchAsync(_next, cancellationToken);
            return page;
        }

        private bool WantsAnotherPage() =>
            _next != null
            && (!RecordLimit.HasValue || _recordsReturned < RecordLimit.Value)
            && (!PageLimit.HasValue || _pagesReturned < PageLimit.Value);

        private Task<TwilioPage<T>> FetchAsync(string path, CancellationToken cancellationToken)
        {
            // One linked source for the pager's life: the caller passes the same token on every call.
            if (_linked == null) _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
            CancellationToken token = _linked.Token;
            // Task.Run: parse on a worker so the caller's thread is free to emit the current page.
            return Task.Run(() => _http.GetPageAsync(path, _recordsKey, _typeInfo, token), token);
        }

        /// <summary>Cancels a prefetch nobody will read (the caller stopped early).</summary>
        public void Dispose()
        {
            _lifetime.Cancel();
            Task<TwilioPage<T>> pending = _pending;
            _pending = null;
            // Observe the abandoned prefetch's fault so it never surfaces as an unobserved exception.
            pending?.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            _linked?.Dispose();
        }
    }
}
