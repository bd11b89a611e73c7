using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>Gets one usage trigger by SID, or lists the account's, filtered by category, recurrence and field.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioUsageTrigger", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioUsageTrigger))]
    public sealed class GetTwilioUsageTriggerCommand : TwilioListCmdlet<TwilioUsageTrigger>
    {
        private const string SidSet = "Sid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("UT")]
        [ArgumentCompleter(typeof(UsageTriggerSidCompleter))]
        [FromProperty("UsageTriggerSid")]
        public string UsageTriggerSid { get; set; }

        /// <summary>A trigger piped in: binds by type to the SID set, then gives its UsageTriggerSid (see TwilioConnectedCmdlet).</summary>
        [Parameter(ParameterSetName = SidSet, ValueFromPipeline = true, DontShow = true)]
        public TwilioUsageTrigger InputObject { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ArgumentCompleter(typeof(UsageCategoryCompleter))]
        [ValidateUsageCategory]
        [FormField]
        public string UsageCategory { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("daily", "monthly", "yearly", "alltime")]
        [FormField]
        public string Recurring { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("count", "usage", "price")]
        [FormField]
        public string TriggerBy { get; set; }

        protected override object ErrorTarget => UsageTriggerSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(Await(ct => Client.UsageTriggers.FetchAsync(AccountPath().Sid(UsageTriggerSid), ct)));
                return;
            }
            WriteList(Client.UsageTriggers, BoundFormFields());
        }
    }
}
