using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>Deletes a recording (its audio and its record; Twilio keeps a soft-deleted record for 40 days).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioRecording", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioRecordingCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("RE")]
        [ArgumentCompleter(typeof(RecordingSidCompleter))]
        [FromProperty("RecordingSid")]
        public string RecordingSid { get; set; }

        protected override string Target => RecordingSid;

        protected override string Action => "Delete the recording";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Recordings.DeleteAsync(AccountPath().Sid(RecordingSid), cancellationToken);
    }
}
