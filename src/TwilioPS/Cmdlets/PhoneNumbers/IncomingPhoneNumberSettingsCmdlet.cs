using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// A number's settings, shared by New- and Set-TwilioIncomingPhoneNumber so buying and changing a
    /// number accept and validate exactly the same values: the webhooks applications have too (see
    /// <see cref="WebhookSettingsCmdlet"/>), and what only numbers have: an application or a SIP trunk
    /// in place of the URLs, the receive mode, emergency calling and the regulatory address, identity
    /// and bundle. Only the parameters given are sent. None binds from the pipeline:
    /// a number or an available number piped in would otherwise set its own values back.
    /// </summary>
    public abstract class IncomingPhoneNumberSettingsCmdlet : WebhookSettingsCmdlet
    {
        /// <summary>The number's name, up to 64 characters (Twilio's default: the number, formatted).</summary>
        [Parameter] [ValidateLength(1, 64)] [FormField] public string FriendlyName { get; set; }

        /// <summary>An application that answers calls in place of the voice URLs (and drops any trunk).</summary>
        [Parameter] [ValidateSid("AP")] [FormField] [ArgumentCompleter(typeof(ApplicationSidCompleter))] public string VoiceApplicationSid { get; set; }

        /// <summary>Receive calls as voice or as fax.</summary>
        [Parameter] [ValidateSet("voice", "fax")] [FormField] public string VoiceReceiveMode { get; set; }

        /// <summary>A SIP trunk that takes the number's calls (and drops any voice application).</summary>
        [Parameter] [ValidateSid("TK")] [FormField] public string TrunkSid { get; set; }

        /// <summary>An application that answers messages in place of the SMS URLs.</summary>
        [Parameter] [ValidateSid("AP")] [FormField] [ArgumentCompleter(typeof(ApplicationSidCompleter))] public string SmsApplicationSid { get; set; }

        /// <summary>Whether the number may place emergency calls: Active or Inactive.</summary>
        [Parameter] [ValidateSet("Active", "Inactive")] [FormField] public string EmergencyStatus { get; set; }
        [Parameter] [ValidateSid("AD")] [FormField] public string EmergencyAddressSid { get; set; }

        /// <summary>The Address some countries require for the number.</summary>
        [Parameter] [ValidateSid("AD")] [FormField] public string AddressSid { get; set; }

        /// <summary>The Identity some countries require for the number.</summary>
        [Parameter] [ValidateSid("RI")] [FormField] public string IdentitySid { get; set; }

        /// <summary>The regulatory Bundle some countries require for the number.</summary>
        [Parameter] [ValidateSid("BU")] [FormField] public string BundleSid { get; set; }
    }
}
