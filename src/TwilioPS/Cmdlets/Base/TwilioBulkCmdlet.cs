using System;
using System.Collections.Generic;
using System.Linq;
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
    /// Requests run on worker tasks; their results and errors are written only from the pipeline
    /// thread, while it waits for a free slot or, at the end, for the last ones (PSResourceGet's
    /// pattern). With -ThrottleLimit 1 (the default) outputs come in input order, as from any cmdlet;
    /// above 1 they come in the order the requests complete, as from ForEach-Object -Parallel.
    /// Calls still wait on the connection's calls-per-second throttle, and every request on its
    /// concurrency limit.
    /// </remarks>
    public abstract class TwilioBulkCmdlet : TwilioConnectedCmdlet
    {
        private readonly List<(Task<object> Request, object Target)> _inFlight = new List<(Task<object>, object)>();

        /// <summary>How many requests may be in flight at once (1–100).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>
        /// Sends one input's request: at once and in order with -ThrottleLimit 1, otherwise as soon as
        /// fewer than -ThrottleLimit are in flight. <paramref name="target"/> is the input its error carries.
        /// </summary>
        protected void Submit<T>(Func<CancellationToken, Task<T>> send, object target)
        {
            if (ThrottleLimit <= 1)
            {
                WriteObject(Await(send));
                return;
            }
            while (_inFlight.Count >= ThrottleLimit) WriteCompleted(waitForOne: true);
            _inFlight.Add((Start(async token => (object)await send(token).ConfigureAwait(false)), target));
            WriteCompleted(waitForOne: false);
        }

        protected override void EndProcessing()
        {
            while (_inFlight.Count > 0) WriteCompleted(waitForOne: true);
            base.EndProcessing();
        }

        /// <summary>Writes the requests that have completed, first waiting for one if asked; pipeline thread only.</summary>
        private void WriteCompleted(bool waitForOne)
        {
            if (waitForOne && !_inFlight.Any(r => r.Request.IsCompleted))
                Pump(Task.WhenAny(_inFlight.Select(r => r.Request)));
            FlushLog();
            foreach ((Task<object> request, object target) in _inFlight.Where(r => r.Request.IsCompleted).ToList())
            {
                _inFlight.Remove((request, target));
                if (request.Status == TaskStatus.RanToCompletion)
                {
                    WriteObject(request.Result);
                    continue;
                }
                Exception failure = request.Exception?.GetBaseException() ?? new OperationCanceledException();
                if (failure is OperationCanceledException && CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
                ErrorRecord error = PerInputError(failure, target);
                // Not an input's failure (a bug): rethrown with its own stack, never swallowed.
                if (error == null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                WriteError(error);
            }
        }
    }
}
