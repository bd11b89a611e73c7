using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// The pipeline thread's wait on a running operation: every Verbose message a worker raises
    /// reaches it in order, while it waits and after, and the wait ends when the operation does.
    /// </summary>
    public class OperationLogTests
    {
        [Fact]
        public void Messages_raised_while_waiting_are_relayed_as_they_arrive_then_the_wait_ends_with_the_operation()
        {
            using var log = new OperationLog();
            var relayed = new List<string>();
            using var firstRelayed = new ManualResetEventSlim();
            using var finish = new ManualResetEventSlim();
            Task operation = Task.Run(() =>
            {
                OperationLog.Current = log;
                OperationLog.Verbose("one");
                // The second message is raised only once the first has reached the pipeline thread,
                // so the wait is shown to relay while the operation still runs.
                Assert.True(firstRelayed.Wait(TimeSpan.FromSeconds(10)));
                OperationLog.Verbose("two");
                Assert.True(finish.Wait(TimeSpan.FromSeconds(10)));
                OperationLog.Verbose("three");
            });

            log.RelayUntil(operation, message =>
            {
                relayed.Add(message);
                if (message == "one") firstRelayed.Set();
                if (message == "two") finish.Set();
            });

            Assert.True(operation.IsCompleted);
            Assert.Equal(new[] { "one", "two", "three" }, relayed);
        }

        [Fact]
        public void A_completed_operation_returns_at_once_with_what_is_waiting()
        {
            using var log = new OperationLog();
            OperationLog.Current = log;
            try { OperationLog.Verbose("queued"); }
            finally { OperationLog.Current = null; }
            var relayed = new List<string>();

            log.RelayUntil(Task.CompletedTask, relayed.Add);

            Assert.Equal(new[] { "queued" }, relayed);
            Assert.False(log.TryTake(out _));
        }

        [Fact]
        public void A_failed_or_cancelled_operation_ends_the_wait_too()
        {
            using var log = new OperationLog();
            var failing = new TaskCompletionSource<int>();
            var cancelled = new TaskCompletionSource<int>();
            _ = Task.Run(async () => { await Task.Delay(50); failing.SetException(new InvalidOperationException()); });
            _ = Task.Run(async () => { await Task.Delay(50); cancelled.SetCanceled(); });

            log.RelayUntil(failing.Task, _ => { });
            log.RelayUntil(cancelled.Task, _ => { });

            Assert.True(failing.Task.IsFaulted);
            Assert.True(cancelled.Task.IsCanceled);
        }

        [Fact]
        public void A_worker_that_writes_after_the_cmdlet_is_gone_does_not_throw()
        {
            // A request cancelled with its cmdlet may still report a retry from a pool thread.
            var log = new OperationLog();
            log.RelayUntil(Task.CompletedTask, _ => { });
            log.Dispose();
            OperationLog.Current = log;
            try { OperationLog.Verbose("nobody listens"); }
            finally { OperationLog.Current = null; }
        }
    }
}
