using System;
using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>
    /// Lists usage per category for a period: all time (the default), per day, month or year, or for
    /// today, yesterday, this month or last month; optionally one category and a range of days.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioUsageRecord", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioUsageRecord))]
    public sealed class GetTwilioUsageRecordCommand : TwilioListCmdlet<TwilioUsageRecord>
    {
        /// <summary>The spec's Usage/Records subresource to read; without it, Usage/Records itself (all time, or the days given).</summary>
        [Parameter(Position = 0)]
        [ValidateSet("AllTime", "Daily", "Monthly", "Yearly", "Today", "Yesterday", "ThisMonth", "LastMonth")]
        public string Period { get; set; }

        /// <summary>Only this category (the spec's usage categories; Tab completes them).</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(UsageCategoryCompleter))]
        [ValidateUsageCategory]
        [FormField]
        public string Category { get; set; }

        /// <summary>The first day to include (GMT): a date, or an offset from today such as '-30days'.</summary>
        [Parameter]
        [ValidateNotNull]
        [FormField]
        public UsageDate StartDate { get; set; }

        /// <summary>The last day to include (GMT): a date, or an offset from today such as '+0days'.</summary>
        [Parameter]
        [ValidateNotNull]
        [FormField]
        public UsageDate EndDate { get; set; }

        /// <summary>Whether a parent account's usage includes its subaccounts' (Twilio's default); -IncludeSubaccounts:$false for the account alone.</summary>
        [Parameter]
        [FormField]
        public SwitchParameter IncludeSubaccounts { get; set; }

        protected override object ErrorTarget => Category ?? Period;

        protected override void BeginProcessing()
        {
            if (StartDate != null && EndDate != null && !StartDate.IsOffset && !EndDate.IsOffset
                && string.CompareOrdinal(StartDate.ToString(), EndDate.ToString()) > 0)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"-StartDate {StartDate} is after -EndDate {EndDate}."),
                    "StartDateAfterEndDate", ErrorCategory.InvalidArgument, StartDate));
            }
            base.BeginProcessing();
        }

        protected override void ProcessInput() =>
            WriteList(Client.UsageRecords, BoundFormFields(), AccountPath().In(Period ?? "Records"));
    }
}
