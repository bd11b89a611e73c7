using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// How many requests one connection lets into flight at once: a fixed ceiling, and below it a
    /// window that adapts to what Twilio admits (additive increase, fast decrease, as TCP congestion
    /// control and Netflix's concurrency-limits do). Thread-safe; waiters are served
    /// in the order they came.
    /// </summary>
    /// <remarks>
    /// Twilio answers 429 (20429) to requests beyond an account's concurrency limit without
    /// processing them. When that happens the requests of ours still in flight are the ones Twilio did
    /// admit, so the window shrinks to their number: a burst of refusals walks it down to exactly what
    /// the account allows, one refusal at a time, without guessing a ratio. A lone refused request
    /// (nothing else of ours in flight) says nothing about concurrency — it is a rate limit or someone
    /// else's load — so it leaves the window alone. Every window's worth of admitted requests grows
    /// the window by one, back up to the ceiling, so a limit that was raised (or load that went away)
    /// is found again; at the limit this costs one refused request per window, which a free slot
    /// absorbs within one round trip. Without any 429 the window stays at the ceiling and costs one
    /// uncontended lock per request, like the semaphore it replaces.
    /// </remarks>
    internal sealed class ConcurrencyWindow
    {
        private readonly object _gate = new object();
        private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new LinkedList<TaskCompletionSource<bool>>();
        private int _limit;
        private int _inFlight;
        private int _admittedSinceGrowth;

        /// <summary>A connection's least time between two reports of ordinary window changes.</summary>
        internal static readonly TimeSpan DefaultReportInterval = TimeSpan.FromSeconds(1);

        /// <summary>Least time between two reports of ordinary window changes, in Stopwatch ticks.</summary>
        private readonly long _reportInterval;

        private long _reportedAt;
        private int _reportedLimit;
        private int _lowSinceReport = int.MaxValue;
        private int _highSinceReport;
        private int _refusedSinceReport;
        private int _changesSinceReport;

        public ConcurrencyWindow(int maximum) : this(maximum, DefaultReportInterval)
        {
        }

        internal ConcurrencyWindow(int maximum, TimeSpan reportInterval)
        {
            _reportInterval = (long)(reportInterval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            if (maximum < 1) throw new ArgumentOutOfRangeException(nameof(maximum), "A window allows at least one request.");
            Maximum = maximum;
            _limit = maximum;
            _reportedLimit = maximum;
        }

        /// <summary>The ceiling: the connection's MaxConcurrentRequests.</summary>
        public int Maximum { get; }

        /// <summary>Requests allowed in flight now (1 to <see cref="Maximum"/>).</summary>
        public int Limit { get { lock (_gate) return _limit; } }

        /// <summary>Requests holding a slot now.</summary>
        public int InFlight { get { lock (_gate) return _inFlight; } }

        /// <summary>Waits for a slot; the caller must give it back with exactly one of the Release methods.</summary>
        public Task AcquireAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TaskCompletionSource<bool> waiter;
            LinkedListNode<TaskCompletionSource<bool>> node;
            lock (_gate)
            {
                if (_waiters.Count == 0 && _inFlight < _limit)
                {
                    _inFlight++;
                    return Task.CompletedTask;
                }
                // Continuations run outside the lock, never inline in a Release on another request's thread.
                waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
            if (!cancellationToken.CanBeCanceled) return waiter.Task;
            CancellationTokenRegistration registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    // Already granted: the slot is the caller's and comes back through Release.
                    if (node.List == null) return;
                    _waiters.Remove(node);
                }
                waiter.TrySetCanceled(cancellationToken);
            });
            return WaitAndUnregister(waiter.Task, registration);
        }

        private static async Task WaitAndUnregister(Task granted, CancellationTokenRegistration registration)
        {
            try { await granted.ConfigureAwait(false); }
            finally { registration.Dispose(); }
        }

        /// <summary>The request was answered by a server that admitted it (anything but a 429 or a 5xx).</summary>
        public void ReleaseAdmitted()
        {
            string report = null;
            lock (_gate)
            {
                _inFlight--;
                if (_limit < Maximum && ++_admittedSinceGrowth >= _limit)
                {
                    _admittedSinceGrowth = 0;
                    _limit++;
                    report = Changed(_limit - 1, urgent: _limit == Maximum, "a window's worth admitted since the last change");
                }
                GrantWhileFree();
            }
            if (report != null) OperationLog.Verbose(report);
        }

        /// <summary>The request failed in a way that says nothing about concurrency (a 5xx, a broken connection, cancellation).</summary>
        public void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                GrantWhileFree();
            }
        }

        /// <summary>
        /// Twilio refused the request as one too many in flight (429). The window shrinks to the number
        /// of this connection's requests still in flight, which Twilio admitted; a lone refusal (none
        /// in flight) leaves it alone. True when the refusal is explained by concurrency and the window
        /// still allows more than one request, so the request may go again as soon as it gets a slot;
        /// false when it should back off instead.
        /// </summary>
        public bool ReleaseRefused()
        {
            int after;
            bool others;
            string report = null;
            lock (_gate)
            {
                _inFlight--;
                others = _inFlight > 0;
                int before = _limit;
                if (others && _inFlight < _limit)
                {
                    _limit = _inFlight;
                    _admittedSinceGrowth = 0;
                    _refusedSinceReport++;
                    // A new low is reported at once, so the walk down to the account's limit is visible.
                    report = Changed(before, urgent: _limit < _reportedLimit, "Twilio refused one as too many: 429");
                }
                after = _limit;
                GrantWhileFree();
            }
            if (report != null) OperationLog.Verbose(report);
            return others && after > 1;
        }

        /// <summary>
        /// At a limit the window swings by one every window's worth of requests (10, 11, a 429, 10, …):
        /// reported as it happens, that is two Verbose lines per ten messages. So a change is reported
        /// at once only when it matters (a new low, back to the ceiling) and otherwise at most once per
        /// report interval (a second), with the range the window moved in since the last report.
        /// Called under the lock; returns the line to write outside it, or null.
        /// </summary>
        private string Changed(int before, bool urgent, string why)
        {
            _lowSinceReport = Math.Min(_lowSinceReport, _limit);
            _highSinceReport = Math.Max(_highSinceReport, _limit);
            _changesSinceReport++;
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (!urgent && now - _reportedAt < _reportInterval) return null;
            string range = _changesSinceReport > 1
                ? $"; between {_lowSinceReport} and {_highSinceReport} since the last report, {_refusedSinceReport} refused as too many"
                : string.Empty;
            string line = $"Requests in flight on this connection: now up to {_limit}, from {before} ({why}{range}).";
            _reportedAt = now;
            _reportedLimit = _limit;
            _lowSinceReport = _highSinceReport = _limit;
            _refusedSinceReport = 0;
            _changesSinceReport = 0;
            return line;
        }

        private void GrantWhileFree()
        {
            while (_inFlight < _limit && _waiters.First != null)
            {
                TaskCompletionSource<bool> next = _waiters.First.Value;
                _waiters.RemoveFirst();
                _inFlight++;
                next.TrySetResult(true);
            }
        }
    }
}
