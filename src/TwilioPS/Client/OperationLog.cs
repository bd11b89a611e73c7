using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

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
        private readonly BlockingCollection<string> _messages = new BlockingCollection<string>(new ConcurrentQueue<string>());

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
                try { log._messages.Add(message); }
                catch (ObjectDisposedException) { /* the cmdlet is gone: nobody is listening any more */ }
            }
        }

        /// <summary>Yields messages as they arrive until <paramref name="until"/> is cancelled; pipeline thread only.</summary>
        public IEnumerable<string> Drain(CancellationToken until) => _messages.GetConsumingEnumerable(until);

        /// <summary>Takes a message that is already waiting, if any.</summary>
        public bool TryTake(out string message) => _messages.TryTake(out message);

        public void Dispose() => _messages.Dispose();
    }
}
