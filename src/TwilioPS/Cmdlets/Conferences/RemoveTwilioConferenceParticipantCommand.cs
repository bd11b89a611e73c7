using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>Removes (kicks) a participant from a conference, which ends the participant's call.</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioConferenceParticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioConferenceParticipantCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CF")]
        public string ConferenceSid { get; set; }

        /// <summary>The participant: its call's SID, or its label.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateParticipant]
        public string CallSid { get; set; }

        /// <summary>Remove without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, CallSid, $"Remove the participant from conference {ConferenceSid}")) return;
            Await(ct => Client.ConferenceParticipants.DeleteAsync(AccountPath().With("ConferenceSid", ConferenceSid).With("CallSid", CallSid), ct));
        }
    }
}
