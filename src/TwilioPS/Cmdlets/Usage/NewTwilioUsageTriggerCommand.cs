using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>Creates a usage trigger: a callback when a category's count, usage or price reaches a value.</summary>
    [Cmdlet(VerbsCommon.New, "TwilioUsageTrigger", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioUsageTrigger))]
    public sealed class NewTwilioUsageTriggerCommand : UsageTriggerSettingsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UsageCategoryCompleter))]
        [ValidateUsageCategory]
        [FormField]
        public string UsageCategory { get; set; }

        /// <summary>The value that fires the trigger: a positive number, or '+N' for N more than the value now.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(@"\A\+?[0-9]{1,12}(\.[0-9]{1,8})?\z")]
        [FormField]
        public string TriggerValue { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateWebhookUrl]
        [FormField]
        public string CallbackUrl { get; set; }

        /// <summary>Fire at most once a day, month or year, or once ever (alltime, Twilio's default when none is given).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("daily", "monthly", "yearly", "alltime")]
        [FormField]
        public string Recurring { get; set; }

        /// <summary>The usage record field compared with -TriggerValue: count, usage (Twilio's default) or price.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("count", "usage", "price")]
        [FormField]
        public string TriggerBy { get; set; }

        protected override object ErrorTarget => UsageCategory;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(UsageCategory + " at " + TriggerValue, "Create the usage trigger")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.UsageTriggers.CreateAsync(AccountPath(), form, ct)));
        }
    }
}
