using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Deletes a queue (Twilio refuses while calls wait in it).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioQueueCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("QU")]
        public string QueueSid { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => QueueSid;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, QueueSid, "Delete the queue")) return;
            Await(ct => Client.Queues.DeleteAsync(AccountPath().Sid(QueueSid), ct));
        }
    }
}
