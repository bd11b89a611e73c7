using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Transcriptions
{
    /// <summary>Deletes transcriptions (the recording stays).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioTranscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioTranscriptionCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("TR")]
        [ArgumentCompleter(typeof(TranscriptionSidCompleter))]
        [FromProperty("TranscriptionSid")]
        public string TranscriptionSid { get; set; }

        protected override string Target => TranscriptionSid;

        protected override string Action => "Delete the transcription";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Transcriptions.DeleteAsync(AccountPath().Sid(TranscriptionSid), cancellationToken);
    }
}
