using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>Starts recording a call in progress (the spec's create on a call's Recordings).</summary>
    [Cmdlet(VerbsLifecycle.Start, "TwilioRecording", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioRecording))]
    public sealed class StartTwilioRecordingCommand : TwilioConnectedCmdlet
    {
        /// <summary>The call to record; calls piped in bind by their CallSid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        [FromProperty("CallSid")]
        public string CallSid { get; set; }

        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string RecordingStatusCallback { get; set; }

        [Parameter]
        [ValidateSet("in-progress", "completed", "absent")]
        [FormField]
        public string[] RecordingStatusCallbackEvent { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string RecordingStatusCallbackMethod { get; set; }

        [Parameter]
        [ValidateSet("trim-silence", "do-not-trim")]
        [FormField]
        public string Trim { get; set; }

        [Parameter]
        [ValidateSet("mono", "dual")]
        [FormField]
        public string RecordingChannels { get; set; }

        [Parameter]
        [ValidateSet("inbound", "outbound", "both")]
        [FormField]
        public string RecordingTrack { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(CallSid, "Start recording the call")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Recordings.CreateAsync(AccountPath().With("CallSid", CallSid), form, ct)));
        }
    }
}
