using System;
using System.Collections.Generic;
using System.Threading;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>A resource kept in a <see cref="SortedStore{T}"/>: ordered by (SortTicks, Seq).</summary>
    internal interface IStoredResource
    {
        string Sid { get; }
        /// <summary>Usually date_created in UTC ticks.</summary>
        long SortTicks { get; }
        /// <summary>Tie-breaker: a process-wide increasing number.</summary>
        long Seq { get; }
    }

    /// <summary>One page cut from a store, newest first.</summary>
    internal sealed class PageSlice<T>
    {
        public List<T> Items;
        public bool HasMore;
    }

    /// <summary>
    /// One store per resource type: a list sorted oldest-first (so new resources append) plus a
    /// dictionary by SID. Lists read newest-first. PageToken "PA{sid}" resumes after (older than) a
    /// resource and "PB{sid}" before (newer than) it, each in O(log n) to find the position; deleted
    /// resources leave a tombstone key so tokens that name them still resume correctly.
    /// </summary>
    internal sealed class SortedStore<T> where T : class, IStoredResource
    {
        private static long _seq;
        private readonly List<T> _ascending = new List<T>();
        private readonly Dictionary<string, T> _bySid = new Dictionary<string, T>(StringComparer.Ordinal);
        private readonly Dictionary<string, KeyValuePair<long, long>> _tombstones = new Dictionary<string, KeyValuePair<long, long>>(StringComparer.Ordinal);
        private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);

        public static long NextSeq() => Interlocked.Increment(ref _seq);

        public int Count
        {
            get { _lock.EnterReadLock(); try { return _ascending.Count; } finally { _lock.ExitReadLock(); } }
        }

        public void Add(T item)
        {
            _lock.EnterWriteLock();
            try
            {
                _bySid.Add(item.Sid, item);
                int n = _ascending.Count;
                if (n == 0 || Compare(_ascending[n - 1], item.SortTicks, item.Seq) < 0) _ascending.Add(item);
                else _ascending.Insert(LowerBound(item.SortTicks, item.Seq), item);
            }
            finally { _lock.ExitWriteLock(); }
        }

        public void AddRange(IList<T> items)
        {
            _lock.EnterWriteLock();
            try
            {
                // Sized once: growing by doubling would leave the large arrays of every smaller size behind.
#if NET
                _bySid.EnsureCapacity(_bySid.Count + items.Count);
#endif
                if (_ascending.Capacity < _ascending.Count + items.Count) _ascending.Capacity = _ascending.Count + items.Count;
                foreach (T item in items) _bySid.Add(item.Sid, item);
                _ascending.AddRange(items);
                _ascending.Sort((a, b) => Compare(a, b.SortTicks, b.Seq));
            }
            finally { _lock.ExitWriteLock(); }
        }

        public bool TryGet(string sid, out T item)
        {
            _lock.EnterReadLock();
            try { return _bySid.TryGetValue(sid, out item); }
            finally { _lock.ExitReadLock(); }
        }

        public bool Remove(string sid)
        {
            _lock.EnterWriteLock();
            try
            {
                if (!_bySid.TryGetValue(sid, out T item)) return false;
                _bySid.Remove(sid);
                int i = LowerBound(item.SortTicks, item.Seq);
                if (i < _ascending.Count && ReferenceEquals(_ascending[i], item)) _ascending.RemoveAt(i);
                else _ascending.Remove(item);
                _tombstones[sid] = new KeyValuePair<long, long>(item.SortTicks, item.Seq);
                return true;
            }
            finally { _lock.ExitWriteLock(); }
        }

        /// <summary>Runs <paramref name="action"/> under the write lock (for multi-field updates that must not interleave).</summary>
        public void Mutate(Action action)
        {
            _lock.EnterWriteLock();
            try { action(); }
            finally { _lock.ExitWriteLock(); }
        }

        /// <summary>
        /// Cuts one page, newest first. Without a token, Page=P skips P*pageSize matches. The filter
        /// runs under the read lock and must be cheap and side-effect free.
        /// </summary>
        public PageSlice<T> ReadPage(Func<T, bool> filter, int pageSize, int page, string pageToken)
        {
            var items = new List<T>(Math.Min(pageSize, 1024));
            _lock.EnterReadLock();
            try
            {
                int n = _ascending.Count;
                int lastIndex; // index in _ascending of the oldest item taken, or where scanning stopped
                if (!string.IsNullOrEmpty(pageToken) && pageToken.StartsWith("PB", StringComparison.Ordinal))
                {
                    // The page just newer than the token: scan upwards, then reverse into newest-first.
                    int i = ResolveToken(pageToken.Substring(2), before: true);
                    int firstTaken = i;
                    for (; i < n && items.Count < pageSize; i++)
                        if (filter == null || filter(_ascending[i])) { items.Add(_ascending[i]); if (items.Count == 1) firstTaken = i; }
                    items.Reverse();
                    lastIndex = firstTaken;
                }
                else
                {
                    int i;
                    if (!string.IsNullOrEmpty(pageToken)) i = ResolveToken(pageToken.StartsWith("PA", StringComparison.Ordinal) ? pageToken.Substring(2) : pageToken, before: false);
                    else
                    {
                        i = n - 1;
                        long skip = (long)page * pageSize;
                        if (filter == null) i = (int)Math.Max(-1, n - 1 - skip);
                        else for (; i >= 0 && skip > 0; i--) if (filter(_ascending[i])) skip--;
                    }
                    for (; i >= 0 && items.Count < pageSize; i--)
                        if (filter == null || filter(_ascending[i])) items.Add(_ascending[i]);
                    lastIndex = i + 1;
                }

                bool more = false;
                if (items.Count > 0)
                    for (int j = lastIndex - 1; j >= 0; j--)
                        if (filter == null || filter(_ascending[j])) { more = true; break; }
                return new PageSlice<T> { Items = items, HasMore = more };
            }
            finally { _lock.ExitReadLock(); }
        }

        /// <summary>PA: index of the first item older than the token (scan downwards from it). PB: index of the first item newer.</summary>
        private int ResolveToken(string sid, bool before)
        {
            long ticks, seq;
            if (_bySid.TryGetValue(sid, out T item)) { ticks = item.SortTicks; seq = item.Seq; }
            else if (_tombstones.TryGetValue(sid, out KeyValuePair<long, long> key)) { ticks = key.Key; seq = key.Value; }
            else throw TwilioErrors.InvalidParameter("Invalid PageToken");
            int lower = LowerBound(ticks, seq); // first index with key >= token key
            if (before)
            {
                if (lower < _ascending.Count && Compare(_ascending[lower], ticks, seq) == 0) lower++;
                return lower;
            }
            return lower - 1;
        }

        private int LowerBound(long ticks, long seq)
        {
            int lo = 0, hi = _ascending.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (Compare(_ascending[mid], ticks, seq) < 0) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private static int Compare(T a, long ticks, long seq)
        {
            int c = a.SortTicks.CompareTo(ticks);
            return c != 0 ? c : a.Seq.CompareTo(seq);
        }
    }
}
