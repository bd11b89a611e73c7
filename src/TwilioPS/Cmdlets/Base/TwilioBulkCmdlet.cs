using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that sends one request per pipeline input (a message, a call, a change to a call) and
    /// can keep up to -ThrottleLimit of them in flight (thousands of messages from a CSV). Each input ends as exactly one
    /// output object or exactly one ErrorRecord whose TargetObject is that input, so the failures of
    /// a run can be piped back in to retry precisely them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Above -ThrottleLimit 1, the pipeline thread binds up to -ThrottleLimit inputs ahead of the
    /// requests in flight, and a request's completion starts the next waiting one on the spot, on the
    /// worker that saw it complete. The pipeline thread (which binds the next input, and runs whatever
    /// consumes the outputs) is then never between one answer and the next request: with it in that
    /// path, every request waited for it, and a slow consumer slowed the sending.
    /// </para>
    /// <para>
    /// Results and errors are written only from the pipeline thread, while it waits for room or, at
    /// the end, for the last ones (PSResourceGet's pattern). With -ThrottleLimit 1 (the default)
    /// outputs come in input order, as from any cmdlet; above 1 they come in the order the requests
    /// complete, as from ForEach-Object -Parallel. Calls still wait on the connection's
    /// calls-per-second throttle, and every request on its concurrency limit.
    /// </para>
    /// <para>
    /// A failed request holds the waiting inputs until the pipeline thread has written its error:
    /// with -ErrorAction Stop that error ends the pipeline, and nothing more goes out after it. Waiting
    /// inputs are never sent once the pipeline is stopping (Ctrl+C, or a terminating error anywhere in
    /// it): <see cref="Close"/> drops them.
    /// </para>
    /// </remarks>
    public abstract class TwilioBulkCmdlet : TwilioConnectedCmdlet
    {
        private readonly object _gate = new object();
        private readonly Queue<Request> _waiting = new Queue<Request>();
        private readonly Queue<Request> _completed = new Queue<Request>();
        private int _inFlight;
        private bool _closed;
        private bool _held;
        private TaskCompletionSource<bool> _completion;

        /// <summary>How many requests may be in flight at once (1–100).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>One input's request: how to send it, the input its error carries, and its outcome once sent.</summary>
        private sealed class Request
        {
            public Func<CancellationToken, Task<object>> Send;
            public object Target;
            public Task<object> Outcome;
        }

        /// <summary>
        /// Sends one input's request: at once and in order with -ThrottleLimit 1, otherwise as soon as
        /// fewer than -ThrottleLimit are in flight. <paramref name="send"/> may run later and on another
        /// thread, so it must capture every value it needs (the path, the form), never read the
        /// cmdlet's parameters, which the next input rebinds. <paramref name="target"/> is the input
        /// its error carries.
        /// </summary>
        protected void Submit<T>(Func<CancellationToken, Task<T>> send, object target)
        {
            if (ThrottleLimit <= 1)
            {
                WriteObject(Await(send));
                return;
            }
            var request = new Request { Send = async token => await send(token).ConfigureAwait(false), Target = target };
            try
            {
                lock (_gate) _waiting.Enqueue(request);
                WriteCompleted();
                // Enough inputs wait to fill every slot that frees; beyond that, the next input waits here.
                while (Waiting >= ThrottleLimit)
                {
                    WaitForACompletion();
                    WriteCompleted();
                }
            }
            catch
            {
                Close();
                throw;
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                while (true)
                {
                    WriteCompleted();
                    lock (_gate)
                    {
                        if (_inFlight == 0 && _waiting.Count == 0 && _completed.Count == 0) break;
                    }
                    WaitForACompletion();
                }
            }
            catch
            {
                Close();
                throw;
            }
            base.EndProcessing();
        }

        protected override void StopProcessing()
        {
            Close();
            base.StopProcessing();
        }

        protected override void Dispose(bool disposing)
        {
            // A terminating error upstream ends the pipeline without EndProcessing.
            if (disposing) Close();
            base.Dispose(disposing);
        }

        private int Waiting
        {
            get { lock (_gate) return _waiting.Count; }
        }

        /// <summary>Drops the inputs not yet sent; the requests in flight end on their own.</summary>
        private void Close()
        {
            lock (_gate)
            {
                _closed = true;
                _waiting.Clear();
            }
        }

        /// <summary>Starts a request whose slot is already counted; on the pipeline thread or on the worker that freed the slot.</summary>
        private void Launch(Request request)
        {
            Task<object> outcome;
            try
            {
                outcome = Start(request.Send);
            }
            catch (Exception exception)
            {
                // Thrown before the request's first await: still that input's outcome, reported as its error.
                outcome = Task.FromException<object>(exception);
            }
            request.Outcome = outcome;
            outcome.ContinueWith((_, state) => ((TwilioBulkCmdlet)state).OnCompleted(request), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>
        /// A request ended: after a success its slot goes straight to the next waiting input; after a
        /// failure the slot waits for the pipeline thread (see the remarks). Either way the pipeline
        /// thread hears of it.
        /// </summary>
        private void OnCompleted(Request request)
        {
            Request next = null;
            TaskCompletionSource<bool> waiter;
            lock (_gate)
            {
                _completed.Enqueue(request);
                if (request.Outcome.Status != TaskStatus.RanToCompletion) _held = true;
                if (!_closed && !_held && _waiting.Count > 0) next = _waiting.Dequeue();
                else _inFlight--;
                waiter = _completion;
                _completion = null;
            }
            waiter?.TrySetResult(true);
            if (next != null) Launch(next);
        }

        /// <summary>Starts waiting inputs while slots are free and nothing holds them; pipeline thread.</summary>
        private void FillFreeSlots()
        {
            while (true)
            {
                Request next;
                lock (_gate)
                {
                    if (_closed || _held || _inFlight >= ThrottleLimit || _waiting.Count == 0) return;
                    next = _waiting.Dequeue();
                    _inFlight++;
                }
                Launch(next);
            }
        }

        /// <summary>Blocks the pipeline thread, relaying Verbose messages, until a request completes that it has not yet written.</summary>
        private void WaitForACompletion()
        {
            Task completion;
            lock (_gate)
            {
                if (_completed.Count > 0) return;
                // Continuations run asynchronously, so a worker setting it never runs the pipeline thread's code.
                _completion = _completion ?? new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                completion = _completion.Task;
            }
            Pump(completion);
        }

        /// <summary>
        /// Writes the requests that have completed; pipeline thread only. Waiting inputs go into the
        /// free slots first, so they are on their way while the consumer downstream handles the
        /// outputs, and again after, once the errors written have released any hold.
        /// </summary>
        private void WriteCompleted()
        {
            FlushLog();
            FillFreeSlots();
            while (true)
            {
                Request request;
                lock (_gate)
                {
                    if (_completed.Count == 0)
                    {
                        // Every failure so far has been written without ending the pipeline.
                        _held = false;
                        break;
                    }
                    request = _completed.Dequeue();
                }
                Task<object> outcome = request.Outcome;
                if (outcome.Status == TaskStatus.RanToCompletion)
                {
                    WriteObject(outcome.Result);
                    continue;
                }
                Exception failure = outcome.Exception?.GetBaseException() ?? new OperationCanceledException();
                if (failure is OperationCanceledException && CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
                ErrorRecord error = PerInputError(failure, request.Target);
                // Not an input's failure (a bug): rethrown with its own stack, never swallowed.
                if (error == null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                WriteError(error);
            }
            FillFreeSlots();
        }
    }
}
