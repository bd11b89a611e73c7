using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>
    /// Pauses, resumes or stops a live recording of a call or a conference. Recordings piped in carry
    /// their call or conference; otherwise give -CallSid or -ConferenceSid.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TwilioRecording", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioRecording))]
    public sealed class SetTwilioRecordingCommand : TwilioConnectedCmdlet
    {
        /// <summary>The recording, or Twilio.CURRENT for the call's current recording.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateRecordingSidOrCurrent]
        [ArgumentCompleter(typeof(RecordingSidCompleter))]
        public string RecordingSid { get; set; }

        /// <summary>The call being recorded. Recordings piped in carry it (empty for a conference's).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CA", AllowEmpty = true)]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        public string CallSid { get; set; }

        /// <summary>The conference being recorded; takes precedence over -CallSid.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CF", AllowEmpty = true)]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        public string ConferenceSid { get; set; }

        /// <summary>paused, in-progress (resume) or stopped.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("paused", "in-progress", "stopped")]
        [FormField]
        public string Status { get; set; }

        /// <summary>While paused: skip the time, or record silence in its place (Twilio's default).</summary>
        [Parameter]
        [ValidateSet("skip", "silence")]
        [FormField]
        public string PauseBehavior { get; set; }

        protected override object ErrorTarget => RecordingSid;

        protected override void ProcessInput()
        {
            if (string.IsNullOrEmpty(CallSid) && string.IsNullOrEmpty(ConferenceSid))
            {
                // Twilio changes a recording only through its call or its conference.
                WriteError(new ErrorRecord(new PSArgumentException("Give -CallSid or -ConferenceSid: a live recording is changed through the call or conference it records."),
                    "RecordingParentMissing", ErrorCategory.InvalidArgument, RecordingSid));
                return;
            }
            string action = Status == "paused" ? "Pause the recording" : Status == "stopped" ? "Stop the recording" : "Resume the recording";
            if (!ShouldProcess(RecordingSid, action)) return;
            ResourcePath path = AccountPath().Sid(RecordingSid);
            path = string.IsNullOrEmpty(ConferenceSid) ? path.With("CallSid", CallSid) : path.With("ConferenceSid", ConferenceSid);
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Recordings.UpdateAsync(path, form, ct)));
        }
    }
}
