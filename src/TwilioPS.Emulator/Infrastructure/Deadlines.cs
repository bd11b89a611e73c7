using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>
    /// Waits until a <see cref="Stopwatch"/> timestamp, for simulated latency. Task.Delay's timer fires
    /// late by whole milliseconds, more on a busy machine (about 3 ms on average on a loaded 2-core
    /// machine), which would add to every delayed response. Here one thread, started on first use,
    /// sleeps until the earliest deadline on a monitor (late by well under a millisecond on the same
    /// machine) and wakes the waiters, whose continuations run on the thread pool. It never spins.
    /// </summary>
    internal static class Deadlines
    {
        private struct Waiter
        {
            public long At;
            public TaskCompletionSource<bool> Done;
        }

        private static readonly object Gate = new object();
        /// <summary>Earliest first; never more than the requests held at once.</summary>
        private static readonly List<Waiter> Pending = new List<Waiter>();
        private static Thread _thread;

        /// <summary>Completes at <paramref name="at"/> (a Stopwatch timestamp) or later, never earlier; canceled with <paramref name="cancel"/>.</summary>
        public static Task Until(long at, CancellationToken cancel)
        {
            if (at - Stopwatch.GetTimestamp() <= 0) return Task.CompletedTask;
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (cancel.CanBeCanceled)
            {
                CancellationTokenRegistration registration = cancel.Register(() => done.TrySetCanceled(cancel));
                done.Task.ContinueWith(_ => registration.Dispose(), TaskContinuationOptions.ExecuteSynchronously);
            }
            lock (Gate)
            {
                if (_thread == null)
                {
                    _thread = new Thread(Run) { IsBackground = true, Name = "TwilioPS.Emulator latency" };
                    _thread.Start();
                }
                int i = Pending.Count;
                while (i > 0 && Pending[i - 1].At > at) i--;
                Pending.Insert(i, new Waiter { At = at, Done = done });
                // A new earliest deadline: the thread sleeps until the old one, wake it to sleep less.
                if (i == 0) Monitor.Pulse(Gate);
            }
            return done.Task;
        }

        private static void Run()
        {
            lock (Gate)
            {
                while (true)
                {
                    if (Pending.Count == 0) { Monitor.Wait(Gate); continue; }
                    long left = Pending[0].At - Stopwatch.GetTimestamp();
                    if (left > 0)
                    {
                        long microseconds = left * 1000000 / Stopwatch.Frequency;
                        if (microseconds < 1000 && FineSleep.Available)
                        {
                            // Under a millisecond left: a monitor's whole-millisecond wait would overshoot by most
                            // of one, so sleep just that long (new waiters are not kept out meanwhile).
                            Monitor.Exit(Gate);
                            try { FineSleep.Microseconds((uint)microseconds); }
                            finally { Monitor.Enter(Gate); }
                            continue;
                        }
                        // Whole milliseconds, rounded down (at least one): the loop comes back for any remainder.
                        Monitor.Wait(Gate, Math.Max(1, (int)(microseconds / 1000)));
                        continue;
                    }
                    TaskCompletionSource<bool> done = Pending[0].Done;
                    Pending.RemoveAt(0);
                    done.TrySetResult(true);
                }
            }
        }
    }

    /// <summary>A sub-millisecond sleep where the C library offers one (Linux, macOS); elsewhere whole milliseconds it is.</summary>
    internal static class FineSleep
    {
        public static readonly bool Available = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && Probe();

        [DllImport("libc", EntryPoint = "usleep")]
        private static extern int USleep(uint microseconds);

        public static void Microseconds(uint microseconds) => USleep(microseconds);

        private static bool Probe()
        {
            try { USleep(0); return true; }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException) { return false; }
        }
    }
}
