using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Walks a Twilio list by following next_page_uri — never by computing page numbers — as
    /// overlapping stages: the next page is requested as soon as the current body has arrived (its
    /// next_page_uri is found before anything else is read), a worker checks the envelope and indexes
    /// the records, and the caller parses and writes the previous page's records one by one meanwhile
    /// (see <see cref="TwilioPage{T}"/> for why the caller parses). At most <see cref="IndexedAhead"/>
    /// indexed page and one more raw body wait ahead of the caller, in pooled buffers, so memory stays
    /// bounded however slow the consumer is. The caller disposes each page it takes.
    /// </summary>
    public sealed class TwilioPager<T> : IDisposable
    {
        /// <summary>
        /// Pages indexed ahead of the one the caller holds. One keeps the caller fed; each more holds
        /// another body (about 2 MB for 1000 calls) out of the pool.
        /// </summary>
        public const int IndexedAhead = 1;

        /// <summary>Pages fetched ahead of the one the caller holds: those indexed, and the next one's body.</summary>
        public const int Lookahead = IndexedAhead + 1;

        /// <summary>
        /// Empty pages in a row, each linking to another, that are followed before the list is
        /// declared broken: a server that does this forever would otherwise be paged until Ctrl+C.
        /// </summary>
        public const int MaxEmptyPagesInRow = 5;

        private readonly TwilioHttp _http;
        private readonly string _firstPage;
        private readonly byte[] _recordsKey;
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly SemaphoreSlim _indexTurns = new SemaphoreSlim(IndexedAhead, IndexedAhead);

        // Written only by the fetch chain, where each fetch is started by the one before it.
        private readonly HashSet<string> _visited = new HashSet<string>(StringComparer.Ordinal);
        private long _recordsFetched;
        private int _pagesFetched;
        private string _notFetched;

        private CancellationTokenSource _linked;
        private Task<Fetched> _pending;
        private bool _started;
        private int _emptyInRow;

        private sealed class Fetched
        {
            public TwilioPage<T> Page;
            public Task<Fetched> Next;
        }

        internal TwilioPager(TwilioHttp http, string firstPage, byte[] recordsKey, JsonTypeInfo<T> typeInfo)
        {
            _http = http;
            _firstPage = firstPage;
            _recordsKey = recordsKey;
            _typeInfo = typeInfo;
            _visited.Add(firstPage);
        }

        /// <summary>Stop once this many records have been fetched (null: no limit). Set before the first page.</summary>
        public long? RecordLimit { get; set; }

        /// <summary>Stop after this many pages (null: no limit); 1 is the first page only. Set before the first page.</summary>
        public int? PageLimit { get; set; }

        /// <summary>True when the list has pages beyond those the limits let this pager fetch.</summary>
        public bool HasMore => _pending == null && _started && Volatile.Read(ref _notFetched) != null;

        /// <summary>The next page, or null when the list (or the limit) is exhausted.</summary>
        public async Task<TwilioPage<T>> NextAsync(CancellationToken cancellationToken)
        {
            if (_pending == null)
            {
                if (_started) return null;
                _started = true;
                _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
                _pending = FetchAsync(_firstPage);
            }

            Fetched fetched = await _pending.ConfigureAwait(false);
            _pending = fetched.Next;
            _indexTurns.Release(); // the caller took a page: the chain may index one more

            // Counted here, where pages arrive in order, rather than in the overlapping fetches.
            _emptyInRow = fetched.Page.Count == 0 && fetched.Page.NextPageUri != null ? _emptyInRow + 1 : 0;
            if (_emptyInRow > MaxEmptyPagesInRow)
            {
                Dispose();
                throw new TwilioProtocolException(
                    $"The list sent {_emptyInRow} empty pages in a row, each linking to another: stopped rather than page without end.");
            }
            return fetched.Page;
        }

        private Task<Fetched> FetchAsync(string path)
        {
            CancellationToken token = _linked.Token;
            Task<Fetched> task = Task.Run(() => FetchChainedAsync(path, token), token);
            // Every link is observed, so a fetch nobody awaits any more never surfaces as unobserved.
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return task;
        }

        private async Task<Fetched> FetchChainedAsync(string path, CancellationToken token)
        {
            ResponseBuffer body = await _http.GetBodyAsync(path, token).ConfigureAwait(false);
            try
            {
                // The body waits here, outside the collected heap, until the caller has taken a page.
                // Only then is the next page requested, so no page can overtake this one for a turn.
                await _indexTurns.WaitAsync(token).ConfigureAwait(false);
                _pagesFetched++;
                Task<Fetched> next = null;

                // Without a record limit the next page does not depend on this one's records: request
                // it now, while this one is indexed and read.
                string announced = RecordLimit.HasValue ? null : Follow(PageIndex.FindNextPageUri(body.Span));
                if (announced != null && PageAllowed()) next = FetchAsync(announced);

                PageIndex index;
                try
                {
                    index = PageIndex.Read(body.Span, _recordsKey);
                }
                catch (JsonException exception)
                {
                    throw _http.NotTwilioJson(exception);
                }
                _recordsFetched += index.Count;

                if (!string.Equals(announced, index.NextPageUri, StringComparison.Ordinal))
                {
                    // The quick look and the envelope disagree (or a limit needed the count first):
                    // the envelope is the truth.
                    if (next != null)
                    {
                        _lifetime.Cancel();
                        throw new TwilioProtocolException("The list response names two different next pages.");
                    }
                    string following = Follow(index.NextPageUri);
                    if (following != null && PageAllowed() && RecordAllowed()) next = FetchAsync(following);
                    else Volatile.Write(ref _notFetched, following);
                }
                else if (next == null)
                {
                    Volatile.Write(ref _notFetched, announced);
                }

                TwilioPage<T> page = TwilioPage<T>.Over(body, index, _typeInfo, _http.NotTwilioJson);
                body = null; // the page owns it now
                return new Fetched { Page = page, Next = next };
            }
            finally
            {
                body?.Dispose();
            }
        }

        /// <summary>The page to read next, or null: none, or one already read (a stand-in linking a page to itself).</summary>
        private string Follow(string nextPageUri)
        {
            if (nextPageUri == null) return null;
            if (_visited.Add(nextPageUri)) return nextPageUri;
            OperationLog.Verbose($"The list linked back to a page already read ({_http.Scrub(nextPageUri)}); stopping there.");
            return null;
        }

        private bool PageAllowed() => !PageLimit.HasValue || _pagesFetched < PageLimit.Value;

        private bool RecordAllowed() => !RecordLimit.HasValue || _recordsFetched < RecordLimit.Value;

        /// <summary>Cancels fetches nobody will read (the caller stopped early) and returns the bodies of pages fetched but never taken.</summary>
        public void Dispose()
        {
            _lifetime.Cancel();
            ReturnUntaken(_pending);
            _pending = null;
        }

        private static void ReturnUntaken(Task<Fetched> fetch)
        {
            fetch?.ContinueWith(t =>
            {
                t.Result.Page.Dispose();
                ReturnUntaken(t.Result.Next);
            }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
