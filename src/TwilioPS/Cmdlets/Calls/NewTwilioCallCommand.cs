using System.Management.Automation;
using System.Net;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>
    /// Places an outbound call. Every create parameter of Twilio's Call resource is here; waits on the
    /// connection's calls-per-second throttle first (and says so with -Verbose).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TwilioCall", DefaultParameterSetName = "Url", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioCall))]
    public sealed class NewTwilioCallCommand : CallInstructionsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint]
        [FormField]
        public string To { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint]
        [FormField]
        [ArgumentCompleter(typeof(FromNumberCompleter))]
        public string From { get; set; }

        /// <summary>An application (AP…) whose voice URL handles the call.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Application", ValueFromPipelineByPropertyName = true)]
        [ValidateSid("AP")]
        [FormField]
        [ArgumentCompleter(typeof(ApplicationSidCompleter))]
        public string ApplicationSid { get; set; }

        [Parameter]
        [ValidateSet("initiated", "ringing", "answered", "completed")]
        [FormField]
        public string[] StatusCallbackEvent { get; set; }

        /// <summary>Digits to dial after the call connects: 0-9, #, * and w (half-second pause).</summary>
        [Parameter]
        [ValidatePattern(@"\A[0-9#*wW]{1,32}\z")]
        [FormField]
        public string SendDigits { get; set; }

        /// <summary>Seconds to let the phone ring (5–600).</summary>
        [Parameter]
        [ValidateRange(5, 600)]
        [FormField]
        public int Timeout { get; set; }

        [Parameter]
        [FormField]
        public SwitchParameter Record { get; set; }

        [Parameter]
        [ValidateSet("mono", "dual")]
        [FormField]
        public string RecordingChannels { get; set; }

        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string RecordingStatusCallback { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string RecordingStatusCallbackMethod { get; set; }

        [Parameter]
        [ValidateSet("in-progress", "completed", "absent")]
        [FormField]
        public string[] RecordingStatusCallbackEvent { get; set; }

        [Parameter]
        [ValidateSet("inbound", "outbound", "both")]
        [FormField]
        public string RecordingTrack { get; set; }

        [Parameter]
        [ValidateSet("trim-silence", "do-not-trim")]
        [FormField]
        public string Trim { get; set; }

        /// <summary>User name and password for a SIP endpoint (sent as SipAuthUsername/SipAuthPassword).</summary>
        [Parameter]
        [Credential]
        public PSCredential SipAuthCredential { get; set; }

        [Parameter]
        [ValidateSet("Enable", "DetectMessageEnd")]
        [FormField]
        public string MachineDetection { get; set; }

        [Parameter]
        [ValidateRange(3, 59)]
        [FormField]
        public int MachineDetectionTimeout { get; set; }

        [Parameter]
        [ValidateRange(1000, 6000)]
        [FormField]
        public int MachineDetectionSpeechThreshold { get; set; }

        [Parameter]
        [ValidateRange(500, 5000)]
        [FormField]
        public int MachineDetectionSpeechEndThreshold { get; set; }

        [Parameter]
        [ValidateRange(2000, 10000)]
        [FormField]
        public int MachineDetectionSilenceTimeout { get; set; }

        /// <summary>Run answering machine detection in the background and report to AsyncAmdStatusCallback.</summary>
        [Parameter]
        [FormField]
        public SwitchParameter AsyncAmd { get; set; }

        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string AsyncAmdStatusCallback { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string AsyncAmdStatusCallbackMethod { get; set; }

        /// <summary>The caller ID to present for SIP or client calls.</summary>
        [Parameter]
        [FormField]
        public string CallerId { get; set; }

        /// <summary>A BYOC trunk (BY…) to route the call through.</summary>
        [Parameter]
        [ValidateSid("BY")]
        [FormField]
        public string Byoc { get; set; }

        [Parameter]
        [ValidateLength(1, 255)]
        [FormField]
        public string CallReason { get; set; }

        [Parameter]
        [FormField]
        public string CallToken { get; set; }

        protected override object ErrorTarget => To;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(To, $"Place a call from {From}")) return;

            FormBuilder form = BoundFormFields();
            if (SipAuthCredential != null)
            {
                form.Add("SipAuthUsername", SipAuthCredential.UserName);
                form.AddSecret("SipAuthPassword", SipAuthCredential.GetNetworkCredential().Password);
            }

            ResourcePath account = AccountPath();
            Submit(ct => Client.Calls.CreateAsync(account, form, ct), To);
        }
    }
}
