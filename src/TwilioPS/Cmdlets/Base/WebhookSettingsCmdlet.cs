using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// The webhook settings applications and phone numbers share, as Twilio names them on both: the
    /// voice and SMS URLs with their methods and fallbacks, the call status callback, caller-ID lookup
    /// and the API version of the requests. Declared once so both families validate them alike; each
    /// family's settings base adds its own. Only the parameters given are sent.
    /// </summary>
    public abstract class WebhookSettingsCmdlet : TwilioConnectedCmdlet
    {
        [Parameter] [ValidateSet("2010-04-01", "2008-08-01")] [FormField] public string ApiVersion { get; set; }

        /// <summary>The URL of the TwiML that answers calls.</summary>
        [Parameter] [ValidateWebhookUrl] [FormField] public string VoiceUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string VoiceMethod { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string VoiceFallbackUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string VoiceFallbackMethod { get; set; }

        /// <summary>Look up the caller's name (CNAM) for incoming calls (billed per lookup).</summary>
        [Parameter] [FormField] public SwitchParameter VoiceCallerIdLookup { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string StatusCallback { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string StatusCallbackMethod { get; set; }

        /// <summary>The URL of the TwiML that answers messages.</summary>
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string SmsMethod { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsFallbackUrl { get; set; }
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string SmsFallbackMethod { get; set; }
    }
}
