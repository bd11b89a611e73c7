using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>Mutes, holds, announces to or coaches with a participant. Only the parameters given are sent.</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioConferenceParticipant", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioConferenceParticipant))]
    public sealed class SetTwilioConferenceParticipantCommand : TwilioConnectedCmdlet
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

        /// <summary>-Muted mutes; -Muted:$false unmutes.</summary>
        [Parameter] [FormField] public SwitchParameter Muted { get; set; }

        /// <summary>-Hold puts on hold (with HoldUrl's music); -Hold:$false takes off hold.</summary>
        [Parameter] [FormField] public SwitchParameter Hold { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string HoldUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string HoldMethod { get; set; }

        /// <summary>TwiML (&lt;Play&gt; or &lt;Say&gt;) to play to this participant alone.</summary>
        [Parameter] [ValidateWebhookUrl] [FormField] public string AnnounceUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string AnnounceMethod { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string WaitUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string WaitMethod { get; set; }

        [Parameter] [FormField] public SwitchParameter BeepOnExit { get; set; }
        [Parameter] [FormField] public SwitchParameter EndConferenceOnExit { get; set; }

        /// <summary>-Coaching makes the participant heard only by CallSidToCoach.</summary>
        [Parameter] [FormField] public SwitchParameter Coaching { get; set; }
        [Parameter] [ValidateSid("CA")] [FormField] public string CallSidToCoach { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BoundFormFields().Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to change: give -Muted, -Hold, -AnnounceUrl, -Coaching or another setting."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            if (!ShouldProcess(CallSid, $"Update the participant in conference {ConferenceSid}")) return;
            FormBuilder form = BoundFormFields();
            ResourcePath path = AccountPath().With("ConferenceSid", ConferenceSid).With("CallSid", CallSid);
            WriteObject(Await(ct => Client.ConferenceParticipants.UpdateAsync(path, form, ct)));
        }
    }
}
