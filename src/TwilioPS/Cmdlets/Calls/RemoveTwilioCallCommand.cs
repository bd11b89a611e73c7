using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>Deletes a finished call's record from the account (its log entry, not the phone call).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioCall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioCallCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        [FromProperty("CallSid")]
        public string CallSid { get; set; }

        protected override string Target => CallSid;

        protected override string Action => "Delete the call record";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Calls.DeleteAsync(AccountPath().Sid(CallSid), cancellationToken);
    }
}
