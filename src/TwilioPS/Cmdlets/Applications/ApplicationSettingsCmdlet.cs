using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>
    /// An application's settings, shared by New- and Set-TwilioApplication so both accept and validate
    /// exactly the same values: the webhooks every number has too (see <see cref="WebhookSettingsCmdlet"/>)
    /// and the message status callbacks and Client settings of applications alone. Only the parameters given are sent.
    /// </summary>
    public abstract class ApplicationSettingsCmdlet : WebhookSettingsCmdlet
    {
        [Parameter] [ValidateWebhookUrl] [FormField] public string SmsStatusCallback { get; set; }
        [Parameter] [ValidateWebhookUrl] [FormField] public string MessageStatusCallback { get; set; }

        /// <summary>Let other Twilio accounts dial this application's client (Twilio Client "public" applications).</summary>
        [Parameter] [FormField] public SwitchParameter PublicApplicationConnectEnabled { get; set; }
    }
}
