using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>
    /// Dials someone into a conference: every create parameter of Twilio's Participant resource.
    /// It places a call, so it waits on the connection's calls-per-second throttle like New-TwilioCall.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TwilioConferenceParticipant", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioConferenceParticipant))]
    public sealed class AddTwilioConferenceParticipantCommand : TwilioConnectedCmdlet
    {
        /// <summary>
        /// The conference: its SID, or its friendly name (Twilio starts a conference of that name if none
        /// is running). Conferences piped in supply the SID.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSidOrName("CF", "conference")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        public string ConferenceSid { get; set; }

        /// <summary>Who to dial: a phone number, client:name or a SIP address.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint] [FormField] public string To { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint] [FormField] [ArgumentCompleter(typeof(FromNumberCompleter))] public string From { get; set; }

        /// <summary>A name to address the participant by instead of its call SID.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 128)] [FormField] public string Label { get; set; }

        [Parameter] [FormField] public SwitchParameter Muted { get; set; }
        [Parameter] [ValidateSet("true", "false", "onEnter", "onExit")] [FormField] public string Beep { get; set; }
        [Parameter] [FormField] public SwitchParameter StartConferenceOnEnter { get; set; }
        [Parameter] [FormField] public SwitchParameter EndConferenceOnExit { get; set; }
        [Parameter] [FormField] public SwitchParameter EarlyMedia { get; set; }
        [Parameter] [ValidateRange(2, 250)] [FormField] public int MaxParticipants { get; set; }

        /// <summary>Whether the participant coaches CallSidToCoach (heard by that participant alone).</summary>
        [Parameter] [FormField] public SwitchParameter Coaching { get; set; }
        [Parameter] [ValidateSid("CA")] [FormField] public string CallSidToCoach { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string WaitUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string WaitMethod { get; set; }

        [Parameter] [ValidateRange(5, 600)] [FormField] public int Timeout { get; set; }
        [Parameter] [ValidateRange(1, 86400)] [FormField] public int TimeLimit { get; set; }
        [Parameter] [ValidateSet("us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1")] [FormField] public string Region { get; set; }
        [Parameter] [ValidateSet("off", "small", "medium", "large")] [FormField] public string JitterBufferSize { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string StatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string StatusCallbackMethod { get; set; }
        [Parameter] [ValidateSet("initiated", "ringing", "answered", "completed")] [FormField] public string[] StatusCallbackEvent { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string ConferenceStatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string ConferenceStatusCallbackMethod { get; set; }
        [Parameter] [ValidateSet("start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement")] [FormField] public string[] ConferenceStatusCallbackEvent { get; set; }

        /// <summary>Record the participant (and its conferences).</summary>
        [Parameter] [FormField] public SwitchParameter Record { get; set; }
        [Parameter] [ValidateSet("mono", "dual")] [FormField] public string RecordingChannels { get; set; }
        [Parameter] [ValidateSet("inbound", "outbound", "both")] [FormField] public string RecordingTrack { get; set; }
        [Parameter] [ValidateSet("trim-silence", "do-not-trim")] [FormField] public string Trim { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string RecordingStatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string RecordingStatusCallbackMethod { get; set; }
        [Parameter] [ValidateSet("started", "in-progress", "paused", "resumed", "stopped", "completed", "failed", "absent")] [FormField] public string[] RecordingStatusCallbackEvent { get; set; }

        /// <summary>Record the conference the participant joins.</summary>
        [Parameter] [ValidateSet("true", "false", "record-from-start", "do-not-record")] [FormField] public string ConferenceRecord { get; set; }
        [Parameter] [ValidateSet("trim-silence", "do-not-trim")] [FormField] public string ConferenceTrim { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string ConferenceRecordingStatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string ConferenceRecordingStatusCallbackMethod { get; set; }
        [Parameter] [ValidateSet("in-progress", "completed", "failed", "absent")] [FormField] public string[] ConferenceRecordingStatusCallbackEvent { get; set; }

        [Parameter] [ValidateSet("Enable", "DetectMessageEnd")] [FormField] public string MachineDetection { get; set; }
        [Parameter] [ValidateRange(3, 59)] [FormField] public int MachineDetectionTimeout { get; set; }
        [Parameter] [ValidateRange(1000, 6000)] [FormField] public int MachineDetectionSpeechThreshold { get; set; }
        [Parameter] [ValidateRange(500, 5000)] [FormField] public int MachineDetectionSpeechEndThreshold { get; set; }
        [Parameter] [ValidateRange(2000, 10000)] [FormField] public int MachineDetectionSilenceTimeout { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string AmdStatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string AmdStatusCallbackMethod { get; set; }

        /// <summary>User name and password for a SIP endpoint (sent as SipAuthUsername/SipAuthPassword).</summary>
        [Parameter] [Credential] public PSCredential SipAuthCredential { get; set; }

        /// <summary>The caller ID to present for SIP or client calls.</summary>
        [Parameter] [FormField] public string CallerId { get; set; }
        [Parameter] [ValidateSid("BY")] [FormField] public string Byoc { get; set; }
        [Parameter] [ValidateLength(1, 255)] [FormField] public string CallReason { get; set; }
        [Parameter] [FormField] public string CallToken { get; set; }

        protected override object ErrorTarget => To;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(To, $"Dial into conference {ConferenceSid} from {From}")) return;
            FormBuilder form = BoundFormFields();
            if (SipAuthCredential != null)
            {
                form.Add("SipAuthUsername", SipAuthCredential.UserName);
                form.AddSecret("SipAuthPassword", SipAuthCredential.GetNetworkCredential().Password);
            }
            WriteObject(Await(ct => Client.ConferenceParticipants.CreateAsync(AccountPath().With("ConferenceSid", ConferenceSid), form, ct)));
        }
    }
}
