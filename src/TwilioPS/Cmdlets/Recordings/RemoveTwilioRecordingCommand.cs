using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>Deletes a recording (its audio and its record; Twilio keeps a soft-deleted record for 40 days).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioRecordingCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("RE")]
        public string RecordingSid { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => RecordingSid;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, RecordingSid, "Delete the recording")) return;
            Await(ct => Client.Recordings.DeleteAsync(AccountPath().Sid(RecordingSid), ct));
        }
    }
}
