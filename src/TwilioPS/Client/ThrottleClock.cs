using System;
using System.Diagnostics;
using System.Threading;

namespace TwilioPS.Client
{
    /// <summary>
    /// The clock the call throttle keeps its schedule on: a monotonic timestamp and a blocking sleep
    /// until a given timestamp. Tests drive a manual one, so the schedule is checked exactly, whatever
    /// the machine's load. (Not System.TimeProvider: on netstandard2.0 that type comes from
    /// Microsoft.Bcl.TimeProvider, which is not the type a .NET test or host sees, so a fake one could
    /// not be handed in.)
    /// </summary>
    internal abstract class ThrottleClock
    {
        public static readonly ThrottleClock System = new StopwatchClock();

        /// <summary>Timestamp units per second.</summary>
        public abstract long Frequency { get; }

        public abstract long GetTimestamp();

        /// <summary>
        /// Blocks until the clock reads <paramref name="due"/> or later, or until <paramref name="wake"/>
        /// is cancelled (then it returns early, without throwing).
        /// </summary>
        public abstract void SleepUntil(long due, CancellationToken wake);

        /// <summary>
        /// Real time: sleeps to just short of the due time and spins the rest, because a sleep wakes up
        /// to a millisecond or two late, and every late release pushes the whole schedule back (over
        /// 300 calls at 20 CPS that alone costs more than 1% of the rate).
        /// </summary>
        private sealed class StopwatchClock : ThrottleClock
        {
            private static readonly long SpinWindow = Stopwatch.Frequency / 500;   // 2 ms

            public override long Frequency => Stopwatch.Frequency;

            public override long GetTimestamp() => Stopwatch.GetTimestamp();

            public override void SleepUntil(long due, CancellationToken wake)
            {
                long sleep = due - SpinWindow - Stopwatch.GetTimestamp();
                if (sleep > 0 && wake.WaitHandle.WaitOne(TimeSpan.FromTicks(sleep * TimeSpan.TicksPerSecond / Stopwatch.Frequency))) return;
                // Busy-wait the last stretch. Neither Thread.Sleep(1) nor Thread.Yield: on a loaded machine
                // either gives the core away for a whole scheduler slice (several milliseconds), whereas a
                // thread that just woke from its sleep keeps the core for the two milliseconds it spins.
                while (Stopwatch.GetTimestamp() < due && !wake.IsCancellationRequested)
                {
                    Thread.SpinWait(50);
                }
            }
        }
    }
}
