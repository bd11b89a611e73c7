using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>
    /// An application's settings, shared by New- and Set-TwilioApplication so both accept and validate
    /// exactly the same values: the voice and SMS URLs with their methods and fallbacks, the status
    /// callbacks and caller-ID lookup. Only the parameters given are sent.
    /// </summary>
    public abstract class ApplicationSettingsCmdlet : TwilioConnectedCmdlet
    {
        [Parameter] [ValidateSet("2010-04-01", "2008-08-01")] [FormField] public string ApiVersion { get; set; }

        /// <summary>The URL of the TwiML that answers calls to the application's numbers.</summary>
        [Parameter] [ValidateWebhookUrl] [FormField] public string VoiceUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string VoiceMethod { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string VoiceFallbackUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string VoiceFallbackMethod { get; set; }

        /// <summary>Look up the caller's name (CNAM) for incoming calls (billed per lookup).</summary>
        [Parameter] [FormField] public SwitchParameter VoiceCallerIdLookup { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string StatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string StatusCallbackMethod { get; set; }

        /// <summary>The URL of the TwiML that answers messages to the application's numbers.</summary>
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string SmsMethod { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsFallbackUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string SmsFallbackMethod { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsStatusCallback { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string MessageStatusCallback { get; set; }

        /// <summary>Let other Twilio accounts dial this application's client (Twilio Client "public" applications).</summary>
        [Parameter] [FormField] public SwitchParameter PublicApplicationConnectEnabled { get; set; }
    }
}
