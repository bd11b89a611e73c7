using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// Root of every TwilioPS cmdlet: cancellation (Ctrl+C stops paging, throttle waits and retry
    /// sleeps at once), running async client work from the pipeline thread while relaying its Verbose
    /// messages, and turning failures into ErrorRecords that carry the input they belong to.
    /// </summary>
    public abstract class TwilioCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private OperationLog _log;

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>
        /// One input, and whatever befalls it: every failure of a request becomes one ErrorRecord with
        /// TwilioPS's own ErrorId and the input as its TargetObject, and the pipeline goes on with the
        /// next input (unless <see cref="Fail"/> says otherwise).
        /// </summary>
        protected sealed override void ProcessRecord()
        {
            try
            {
                ProcessInput();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception exception) when (PerInputError(exception, ErrorTarget) is ErrorRecord error)
            {
                Fail(error);
            }
        }

        /// <summary>
        /// The ErrorRecord for a failure that belongs to one input, or null for anything else (a bug,
        /// Ctrl+C), which must not be swallowed.
        /// </summary>
        protected static ErrorRecord PerInputError(Exception exception, object target)
        {
            switch (exception)
            {
                case TwilioApiException api: return TwilioErrors.FromApi(api, target);
                case TwilioProtocolException protocol: return TwilioErrors.FromProtocol(protocol, target);
                // Disconnect-Twilio in another runspace while this input waited (e.g. on the call throttle).
                case ConnectionClosedException closed: return TwilioErrors.ConnectionClosed(closed, target);
                // Refused, reset, cut off mid-body, or past -TimeoutSec.
                case HttpRequestException _:
                case IOException _:
                case TimeoutException _:
                    return TwilioErrors.FromTransport(exception, target);
                default: return null;
            }
        }

        /// <summary>Reports one input's failure: non-terminating, so the pipeline goes on with the next input.</summary>
        protected virtual void Fail(ErrorRecord error) => WriteError(error);

        /// <summary>Handles one pipeline input (or the single invocation).</summary>
        protected abstract void ProcessInput();

        /// <summary>The input an error belongs to (its TargetObject): the SID, the number, the object.</summary>
        protected virtual object ErrorTarget => null;

        /// <summary>
        /// Runs async client work to completion on behalf of the pipeline thread, writing the Verbose
        /// messages it raises (retries, throttle waits) as they happen.
        /// </summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> operation)
        {
            Task<T> task = Start(operation);
            Pump(task);
            return task.GetAwaiter().GetResult();
        }

        protected void Await(Func<CancellationToken, Task> operation)
        {
            Task task = Start(operation);
            Pump(task);
            task.GetAwaiter().GetResult();
        }

        /// <summary>Starts async client work with this cmdlet's Verbose log and token; <see cref="Pump"/> relays the log.</summary>
        protected TTask Start<TTask>(Func<CancellationToken, TTask> operation) where TTask : Task
        {
            if (_log == null) _log = new OperationLog();
            // The async flow captures the log here; restoring it keeps it away from other cmdlets
            // running on this pipeline thread.
            OperationLog previous = OperationLog.Current;
            OperationLog.Current = _log;
            try
            {
                return operation(CancellationToken);
            }
            finally
            {
                OperationLog.Current = previous;
            }
        }

        /// <summary>Writes the operation log's Verbose messages on the pipeline thread until <paramref name="task"/> completes.</summary>
        protected void Pump(Task task)
        {
            if (task.IsCompleted) FlushLog();
            else _log.RelayUntil(task, WriteVerbose);
        }

        /// <summary>Writes messages that arrived while the cmdlet was busy elsewhere (e.g. a prefetch retry).</summary>
        protected void FlushLog()
        {
            if (_log == null) return;
            while (_log.TryTake(out string message)) WriteVerbose(message);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            _cancellation.Dispose();
            _log?.Dispose();
        }
    }
}
