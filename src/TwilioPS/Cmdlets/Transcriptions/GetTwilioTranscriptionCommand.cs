using System.Management.Automation;
using System.Net.Http;
using System.Text;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Transcriptions
{
    /// <summary>
    /// Gets one transcription by SID, or lists the account's or a recording's transcriptions; with
    /// -IncludeText, fills in the text where Twilio left it out (from the transcription's .txt).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioTranscription", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioTranscription))]
    public sealed class GetTwilioTranscriptionCommand : TwilioListCmdlet<TwilioTranscription>
    {
        private const string SidSet = "Sid";
        private const string RecordingSet = "Recording";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("TR")]
        [ArgumentCompleter(typeof(TranscriptionSidCompleter))]
        [FromProperty("TranscriptionSid")]
        public string TranscriptionSid { get; set; }

        /// <summary>The recording whose transcriptions to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RecordingSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("RE")]
        [ArgumentCompleter(typeof(RecordingSidCompleter))]
        public string RecordingSid { get; set; }

        /// <summary>A recording object from the pipeline: binds by type, so its own Sid never reaches -TranscriptionSid.</summary>
        [Parameter(ParameterSetName = RecordingSet, ValueFromPipeline = true, DontShow = true)]
        public TwilioRecording Recording { get; set; }

        /// <summary>Fill in TranscriptionText from the transcription's text download where the response left it out.</summary>
        [Parameter]
        public SwitchParameter IncludeText { get; set; }

        protected override object ErrorTarget => TranscriptionSid ?? RecordingSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(WithText(Await(ct => Client.Transcriptions.FetchAsync(AccountPath().Sid(TranscriptionSid), ct))));
                return;
            }
            ResourcePath path = ParameterSetName == RecordingSet ? AccountPath().With("RecordingSid", RecordingSid ?? Recording?.Sid) : null;
            WriteList(Client.Transcriptions, null, path);
        }

        protected override object Prepare(TwilioTranscription record) => WithText(record);

        private TwilioTranscription WithText(TwilioTranscription transcription)
        {
            if (!IncludeText || !string.IsNullOrEmpty(transcription.TranscriptionText) || transcription.Status != "completed") return transcription;
            string media = Client.Transcriptions.MediaPath(AccountPath().Sid(transcription.Sid), ".txt");
            using (HttpResponseMessage response = Await(ct => Client.Http.GetMediaAsync(media, ct)))
            {
                byte[] text = Await(ct => response.Content.ReadAsByteArrayAsync());
                transcription.TranscriptionText = Encoding.UTF8.GetString(text);
            }
            return transcription;
        }
    }
}
