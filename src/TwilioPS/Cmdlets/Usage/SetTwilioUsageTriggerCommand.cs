using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>Changes a usage trigger's callback or name (Twilio allows no other change; the rest means a new trigger).</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioUsageTrigger", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioUsageTrigger))]
    public sealed class SetTwilioUsageTriggerCommand : UsageTriggerSettingsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("UT")]
        [ArgumentCompleter(typeof(UsageTriggerSidCompleter))]
        [FromProperty("UsageTriggerSid")]
        public string UsageTriggerSid { get; set; }

        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string CallbackUrl { get; set; }

        protected override object ErrorTarget => UsageTriggerSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BoundFormFields().Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Nothing to change: give -CallbackUrl, -CallbackMethod or -FriendlyName."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            if (!ShouldProcess(UsageTriggerSid, "Update the usage trigger")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.UsageTriggers.UpdateAsync(AccountPath().Sid(UsageTriggerSid), form, ct)));
        }
    }
}
