using System;
using System.Collections.Generic;
using System.Threading;
using TwilioPS.Client;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// A clock that moves only when a test says so: a sleep ends when the clock is advanced past its
    /// due time, never because the machine was fast or slow. One tick is one microsecond.
    /// </summary>
    internal sealed class ManualThrottleClock : ThrottleClock
    {
        private readonly object _gate = new object();
        private readonly List<long> _sleeping = new List<long>();   // due times of the threads asleep
        private long _now;

        public override long Frequency => 1_000_000;

        public override long GetTimestamp() { lock (_gate) return _now; }

        /// <summary>How many threads are asleep waiting for the clock to move.</summary>
        public int Sleepers { get { lock (_gate) return _sleeping.Count; } }

        public override void SleepUntil(long due, CancellationToken wake)
        {
            using (wake.Register(() => { lock (_gate) Monitor.PulseAll(_gate); }))
            lock (_gate)
            {
                _sleeping.Add(due);
                try
                {
                    while (_now < due && !wake.IsCancellationRequested) Monitor.Wait(_gate);
                }
                finally
                {
                    _sleeping.Remove(due);
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>
        /// Moves the clock on and returns once every sleep that is now due has woken, so the next
        /// look at <see cref="Sleepers"/> sees what the woken code did, not what it was doing.
        /// </summary>
        public void Advance(TimeSpan by)
        {
            lock (_gate)
            {
                _now += by.Ticks / 10;
                Monitor.PulseAll(_gate);
                while (_sleeping.Exists(due => due <= _now))
                {
                    if (!Monitor.Wait(_gate, TimeSpan.FromSeconds(10))) throw new TimeoutException("A sleeper on the manual clock did not wake.");
                }
            }
        }

        /// <summary>Waits (in real time, briefly) until the code under test has gone to sleep on this clock.</summary>
        public void WaitForSleepers(int count)
        {
            if (!SpinWait.SpinUntil(() => Sleepers >= count, TimeSpan.FromSeconds(10)))
                throw new TimeoutException($"Expected {count} sleeper(s) on the manual clock, saw {Sleepers}.");
        }
    }
}
