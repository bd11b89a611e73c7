using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Spaces call creation at the account's calls-per-second, shared by every cmdlet and runspace that
    /// uses the connection. Twilio queues (does not reject) calls above the rate, so the point is a
    /// short, predictable queue, and the guarantee is exact: no two calls are released closer than
    /// 1/CPS apart, measured where they are released (just before the request is sent); the first call
    /// goes at once, callers go in arrival order, and a cancelled caller takes no slot.
    /// </summary>
    /// <remarks>
    /// Why not System.Threading.RateLimiting's token bucket (the module used it once, and no longer
    /// ships it): it refills on a free-running timer, so the token after an idle spell appears at the
    /// next tick, wherever that falls, and two calls can leave much less than 1/CPS apart. This is a
    /// schedule of "the next free slot" instead: a caller that finds the slot free goes at once; the
    /// others queue, and one release thread wakes at each slot and lets the oldest go.
    /// Why a thread of its own rather than timers: a timer's callback needs a thread-pool thread, and a
    /// busy pool (a test host, many runspaces blocking on work) delays it by hundreds of milliseconds,
    /// which lowers the rate. The released caller's continuation runs on the release thread up to its
    /// first real wait (the request being written), so the release time is the send time. The thread
    /// exists only while callers are queued.
    /// </remarks>
    public sealed class CallThrottle : IDisposable
    {
        /// <summary>How many release times are kept for inspection (tests, the benchmark).</summary>
        internal const int ReleaseHistoryLength = 4096;

        private readonly ThrottleClock _clock;
        private readonly long _interval;                         // in _clock timestamp units
        private readonly object _lock = new object();
        private readonly Queue<Waiter> _queue = new Queue<Waiter>();
        private readonly CancellationTokenSource _closed = new CancellationTokenSource();
        private readonly long[] _releases = new long[ReleaseHistoryLength];
        private long _releaseCount;
        private long _lastRelease;
        private bool _releaseThreadRunning;

        public CallThrottle(double callsPerSecond) : this(callsPerSecond, ThrottleClock.System) { }

        /// <param name="clock">The clock the schedule is kept on; tests pass a manual one.</param>
        internal CallThrottle(double callsPerSecond, ThrottleClock clock)
        {
            if (callsPerSecond <= 0 || double.IsNaN(callsPerSecond) || double.IsInfinity(callsPerSecond))
                throw new ArgumentOutOfRangeException(nameof(callsPerSecond), "Calls per second must be a positive number.");
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            CallsPerSecond = callsPerSecond;
            // Rounded up, so rounding can never release two calls a fraction of a tick too close.
            _interval = (long)Math.Ceiling(clock.Frequency / callsPerSecond);
        }

        public double CallsPerSecond { get; }

        /// <summary>The minimum spacing between two releases, in the clock's timestamp units.</summary>
        internal long IntervalTimestamp => _interval;

        /// <summary>
        /// Waits for the next call slot and takes it; says so in the operation's Verbose log when it
        /// must wait. Cancelling returns at once and gives up the place without taking a slot.
        /// </summary>
        /// <exception cref="ConnectionClosedException">The connection was closed (Disconnect-Twilio) before or while waiting.</exception>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Waiter waiter;
            lock (_lock)
            {
                if (_closed.IsCancellationRequested) throw new ConnectionClosedException();
                if (_queue.Count == 0 && SlotIsFree(_clock.GetTimestamp(), out long now))
                {
                    Record(now);
                    return Task.CompletedTask;
                }
                // Continuations run on the release thread (see the remarks), not queued to the pool.
                waiter = new Waiter(new TaskCompletionSource<bool>());
                _queue.Enqueue(waiter);
                if (!_releaseThreadRunning)
                {
                    _releaseThreadRunning = true;
                    new Thread(ReleaseLoop) { IsBackground = true, Name = "TwilioPS call throttle" }.Start();
                }
            }

            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                "Waiting for the calls-per-second throttle ({0:0.##} call(s) per second).", CallsPerSecond));
            if (cancellationToken.CanBeCanceled)
            {
                // The release thread skips a cancelled waiter, so it never takes a slot.
                waiter.Registration = cancellationToken.Register(() => waiter.Completion.TrySetCanceled(cancellationToken));
            }
            return waiter.Completion.Task;
        }

        /// <summary>The most recent release times (oldest first), in the clock's timestamp units.</summary>
        internal long[] RecentReleases()
        {
            lock (_lock)
            {
                int kept = (int)Math.Min(_releaseCount, ReleaseHistoryLength);
                var result = new long[kept];
                for (int i = 0; i < kept; i++) result[i] = _releases[(_releaseCount - kept + i) % ReleaseHistoryLength];
                return result;
            }
        }

        internal ThrottleClock Clock => _clock;

        /// <summary>How many callers are queued for a slot right now.</summary>
        internal int WaitingCount { get { lock (_lock) return _queue.Count; } }

        /// <summary>Ends every wait with ConnectionClosedException (the connection is closing).</summary>
        public void Dispose()
        {
            Waiter[] abandoned;
            lock (_lock)
            {
                if (_closed.IsCancellationRequested) return;
                _closed.Cancel();   // wakes the release thread, which then finds the queue empty and ends
                abandoned = _queue.ToArray();
                _queue.Clear();
            }
            foreach (Waiter waiter in abandoned) waiter.Fail(new ConnectionClosedException());
        }

        private void ReleaseLoop()
        {
            while (true)
            {
                long due;
                lock (_lock)
                {
                    DropCancelled();
                    if (_queue.Count == 0 || _closed.IsCancellationRequested)
                    {
                        _releaseThreadRunning = false;
                        return;
                    }
                    due = _lastRelease + _interval;
                }

                _clock.SleepUntil(due, _closed.Token);

                Waiter released = null;
                lock (_lock)
                {
                    DropCancelled();
                    if (_queue.Count > 0 && !_closed.IsCancellationRequested && SlotIsFree(_clock.GetTimestamp(), out long now))
                    {
                        released = _queue.Dequeue();
                        // Record first: a caller that cancels in this instant still spent the slot, and
                        // the schedule must count it.
                        Record(now);
                    }
                }
                // Outside the lock: the caller's continuation may come straight back for another slot.
                released?.Release();
            }
        }

        private bool SlotIsFree(long timestamp, out long now)
        {
            now = timestamp;
            return _releaseCount == 0 || now - _lastRelease >= _interval;
        }

        private void Record(long now)
        {
            _lastRelease = now;
            _releases[_releaseCount % ReleaseHistoryLength] = now;
            _releaseCount++;
        }

        private void DropCancelled()
        {
            while (_queue.Count > 0 && _queue.Peek().Completion.Task.IsCompleted) _queue.Dequeue().Registration.Dispose();
        }

        private sealed class Waiter
        {
            public Waiter(TaskCompletionSource<bool> completion) => Completion = completion;

            public TaskCompletionSource<bool> Completion { get; }

            public CancellationTokenRegistration Registration { get; set; }

            public void Release()
            {
                Registration.Dispose();
                Completion.TrySetResult(true);
            }

            public void Fail(Exception exception)
            {
                Registration.Dispose();
                Completion.TrySetException(exception);
            }
        }
    }
}
