using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.CallerIds
{
    /// <summary>Deletes verified caller IDs: calls can no longer show the number as their From until it is verified again.</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioOutgoingCallerId", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioOutgoingCallerIdCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(OutgoingCallerIdSidCompleter))]
        [FromProperty("OutgoingCallerIdSid")]
        public string OutgoingCallerIdSid { get; set; }

        protected override string Target => OutgoingCallerIdSid;

        protected override string Action => "Delete the caller ID";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.OutgoingCallerIds.DeleteAsync(AccountPath().Sid(OutgoingCallerIdSid), cancellationToken);
    }
}
