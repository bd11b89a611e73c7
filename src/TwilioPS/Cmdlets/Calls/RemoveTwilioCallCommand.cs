using System.Management.Automation;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>Deletes a finished call's record from the account (its log entry, not the phone call).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioCall", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioCallCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CA")]
        public string CallSid { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, CallSid, "Delete the call record")) return;
            Await(ct => Client.Calls.DeleteAsync(AccountPath().Sid(CallSid), ct));
        }
    }
}
