using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Messages raised on worker threads (a retry, a throttle wait) that must reach the cmdlet's
    /// Verbose stream, which only the pipeline thread may write. The cmdlet installs a log in an
    /// AsyncLocal before it starts an operation, so every handler and continuation of that operation
    /// finds it, and drains it on the pipeline thread while it waits (PSResourceGet's pattern).
    /// </summary>
    public sealed class OperationLog : IDisposable
    {
        private static readonly AsyncLocal<OperationLog> CurrentLog = new AsyncLocal<OperationLog>();
        private readonly ConcurrentQueue<string> _messages = new ConcurrentQueue<string>();

        // Set when a message arrives or the awaited operation completes; the pipeline thread waits on
        // it. An event rather than a cancellable blocking take: ending that take threw and caught an
        // OperationCanceledException for every request, a cost a bulk send paid per message.
        private readonly ManualResetEventSlim _wake = new ManualResetEventSlim(false);
        private readonly Action _wakeAction;
        private bool _disposed;

        public OperationLog() => _wakeAction = Wake;

        /// <summary>The log of the operation running on this logical flow, or null (no listener).</summary>
        public static OperationLog Current
        {
            get => CurrentLog.Value;
            internal set => CurrentLog.Value = value;
        }

        /// <summary>Writes to the current operation's log, if there is one.</summary>
        public static void Verbose(string message)
        {
            OperationLog log = CurrentLog.Value;
            if (log != null)
            {
                log._messages.Enqueue(message);
                log.Wake();
            }
        }

        /// <summary>
        /// Blocks the pipeline thread until <paramref name="operation"/> completes, handing every
        /// message to <paramref name="write"/> as it arrives, and the last ones after; pipeline thread only.
        /// </summary>
        public void RelayUntil(Task operation, Action<string> write)
        {
            if (!operation.IsCompleted) operation.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_wakeAction);
            while (true)
            {
                // Reset before looking, so a message or the completion that lands after the look sets
                // the event again and the wait below returns at once.
                _wake.Reset();
                while (_messages.TryDequeue(out string message)) write(message);
                if (operation.IsCompleted) break;
                _wake.Wait();
            }
            while (_messages.TryDequeue(out string message)) write(message);
        }

        /// <summary>Takes a message that is already waiting, if any.</summary>
        public bool TryTake(out string message) => _messages.TryDequeue(out message);

        private void Wake()
        {
            // A worker may finish after the cmdlet is gone: nobody is listening any more.
            if (!Volatile.Read(ref _disposed)) try { _wake.Set(); } catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            _wake.Dispose();
        }
    }
}
