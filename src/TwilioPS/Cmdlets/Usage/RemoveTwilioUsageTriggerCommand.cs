using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>Deletes usage triggers (their callbacks stop; the usage they watched is unaffected).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioUsageTrigger", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioUsageTriggerCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("UT")]
        [ArgumentCompleter(typeof(UsageTriggerSidCompleter))]
        [FromProperty("UsageTriggerSid")]
        public string UsageTriggerSid { get; set; }

        protected override string Target => UsageTriggerSid;

        protected override string Action => "Delete the usage trigger";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.UsageTriggers.DeleteAsync(AccountPath().Sid(UsageTriggerSid), cancellationToken);
    }
}
