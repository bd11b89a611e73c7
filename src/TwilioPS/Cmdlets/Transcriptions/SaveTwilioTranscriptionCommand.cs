using System.IO;
using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Transcriptions
{
    /// <summary>Saves transcriptions' text (.txt) to a file or a folder (see <see cref="TwilioDownloadCmdlet"/>).</summary>
    [Cmdlet(VerbsData.Save, "TwilioTranscription", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveTwilioTranscriptionCommand : TwilioDownloadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("TR")]
        [ArgumentCompleter(typeof(TranscriptionSidCompleter))]
        [FromProperty("TranscriptionSid")]
        public string TranscriptionSid { get; set; }

        protected override object ErrorTarget => TranscriptionSid;

        protected override void ProcessInput() =>
            Save(TranscriptionSid, Client.Transcriptions.MediaPath(AccountPath().Sid(TranscriptionSid), ".txt"), ".txt", "transcription");
    }
}
