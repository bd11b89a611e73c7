using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Transcriptions
{
    /// <summary>Deletes transcriptions (the recording stays).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioTranscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioTranscriptionCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("TR")]
        public string TranscriptionSid { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => TranscriptionSid;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, TranscriptionSid, "Delete the transcription")) return;
            Await(ct => Client.Transcriptions.DeleteAsync(AccountPath().Sid(TranscriptionSid), ct));
        }
    }
}
