using System.IO;
using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>Downloads recordings' audio (.wav or .mp3) to a file or a folder (see <see cref="TwilioDownloadCmdlet"/>).</summary>
    [Cmdlet(VerbsData.Save, "TwilioRecording", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveTwilioRecordingCommand : TwilioDownloadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("RE")]
        [ArgumentCompleter(typeof(RecordingSidCompleter))]
        [FromProperty("RecordingSid")]
        public string RecordingSid { get; set; }

        [Parameter]
        [ValidateSet("wav", "mp3")]
        public string Format { get; set; } = "wav";

        protected override object ErrorTarget => RecordingSid;

        protected override void ProcessInput() =>
            Save(RecordingSid, Client.Recordings.MediaPath(AccountPath().Sid(RecordingSid), "." + Format), "." + Format, "recording");
    }
}
