using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.CallerIds
{
    /// <summary>Renames a verified caller ID (its name is the only thing Twilio lets change).</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioOutgoingCallerId", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioOutgoingCallerId))]
    public sealed class SetTwilioOutgoingCallerIdCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(OutgoingCallerIdSidCompleter))]
        [FromProperty("OutgoingCallerIdSid")]
        public string OutgoingCallerIdSid { get; set; }

        /// <summary>The new name. (Not bound from the pipeline: a caller ID piped in would rename itself to its own name.)</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => OutgoingCallerIdSid;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(OutgoingCallerIdSid, $"Rename the caller ID to '{FriendlyName}'")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.OutgoingCallerIds.UpdateAsync(AccountPath().Sid(OutgoingCallerIdSid), form, ct)));
        }
    }
}
