using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>Lists a conference's participants (muted, on hold, coaching), or gets one by its call or label.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioConferenceParticipant", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioConferenceParticipant))]
    public sealed class GetTwilioConferenceParticipantCommand : TwilioListCmdlet<TwilioConferenceParticipant>
    {
        private const string ParticipantSet = "Participant";

        /// <summary>The conference; conferences and participants piped in supply it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CF")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        public string ConferenceSid { get; set; }

        /// <summary>The participant: its call's SID, or the label it was added with.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParticipantSet)]
        [ValidateSidOrName("CA", "participant")]
        [ArgumentCompleter(typeof(ParticipantCallSidCompleter))]
        public string CallSid { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField]
        public SwitchParameter Muted { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField]
        public SwitchParameter Hold { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField]
        public SwitchParameter Coaching { get; set; }

        protected override object ErrorTarget => CallSid ?? ConferenceSid;

        protected override void ProcessInput()
        {
            ResourcePath conference = AccountPath().With("ConferenceSid", ConferenceSid);
            if (ParameterSetName == ParticipantSet)
                WriteObject(Await(ct => Client.ConferenceParticipants.FetchAsync(conference.With("CallSid", CallSid), ct)));
            else
                WriteList(Client.ConferenceParticipants, BoundFormFields(), conference);
        }
    }
}
