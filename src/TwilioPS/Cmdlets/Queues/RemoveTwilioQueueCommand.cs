using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Deletes a queue (Twilio refuses while calls wait in it).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioQueueCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("QU")]
        [ArgumentCompleter(typeof(QueueSidCompleter))]
        [FromProperty("QueueSid")]
        public string QueueSid { get; set; }

        protected override string Target => QueueSid;

        protected override string Action => "Delete the queue";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Queues.DeleteAsync(AccountPath().Sid(QueueSid), cancellationToken);
    }
}
