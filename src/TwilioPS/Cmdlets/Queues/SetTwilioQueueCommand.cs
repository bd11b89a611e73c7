using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Renames a queue or changes its size. Only the parameters given are sent.</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioQueue", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioQueue))]
    public sealed class SetTwilioQueueCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("QU")]
        [ArgumentCompleter(typeof(QueueSidCompleter))]
        [FromProperty("QueueSid")]
        public string QueueSid { get; set; }

        /// <summary>The new name. (Not bound from the pipeline: a queue piped in would only rename itself to its own name.)</summary>
        [Parameter]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        [Parameter]
        [ValidateRange(1, 5000)]
        [FormField]
        public int MaxSize { get; set; }

        protected override object ErrorTarget => QueueSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (FriendlyName == null && !MyInvocation.BoundParameters.ContainsKey(nameof(MaxSize)))
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Nothing to change: give -FriendlyName or -MaxSize."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            if (!ShouldProcess(QueueSid, "Update the queue")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Queues.UpdateAsync(AccountPath().Sid(QueueSid), form, ct)));
        }
    }
}
