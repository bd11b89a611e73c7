using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>Removes (kicks) a participant from a conference, which ends the participant's call.</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioConferenceParticipant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioConferenceParticipantCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CF")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        public string ConferenceSid { get; set; }

        /// <summary>The participant: its call's SID, or its label.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSidOrName("CA", "participant")]
        [ArgumentCompleter(typeof(ParticipantCallSidCompleter))]
        public string CallSid { get; set; }

        protected override string Target => CallSid;

        protected override string Action => $"Remove the participant from conference {ConferenceSid}";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.ConferenceParticipants.DeleteAsync(AccountPath().With("ConferenceSid", ConferenceSid).With("CallSid", CallSid), cancellationToken);
    }
}
