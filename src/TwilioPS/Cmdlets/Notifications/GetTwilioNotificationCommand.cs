using System;
using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Notifications
{
    /// <summary>
    /// Gets one notification (an error or warning Twilio logged) by SID, or lists the account's or a
    /// call's, by log level and message date.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioNotification", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioNotification))]
    public sealed class GetTwilioNotificationCommand : TwilioListCmdlet<TwilioNotification>
    {
        private const string SidSet = "Sid";
        private const string CallSet = "Call";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("NO")]
        [ArgumentCompleter(typeof(NotificationSidCompleter))]
        [FromProperty("NotificationSid")]
        public string NotificationSid { get; set; }

        /// <summary>The call whose notifications to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CallSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        public string CallSid { get; set; }

        /// <summary>A call object from the pipeline: binds by type, so its own Sid never reaches -NotificationSid.</summary>
        [Parameter(ParameterSetName = CallSet, ValueFromPipeline = true, DontShow = true)]
        public TwilioCall Call { get; set; }

        /// <summary>Only errors, or only warnings (Twilio's log levels 0 and 1).</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [ValidateSet("Error", "Warning")]
        public string Log { get; set; }

        /// <summary>Notifications logged on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [FormField("MessageDate", DateOnly = true)]
        public DateTime MessageDate { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [FormField("MessageDate<")]
        public DateTime MessageDateBefore { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [FormField("MessageDate>")]
        public DateTime MessageDateAfter { get; set; }

        protected override object ErrorTarget => NotificationSid ?? CallSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(Await(ct => Client.Notifications.FetchAsync(AccountPath().Sid(NotificationSid), ct)));
                return;
            }
            FormBuilder filters = BoundFormFields();
            // Twilio's level is a number; the parameter takes the words users read in the console.
            if (Log != null) filters.Add("Log", Log == "Error" ? "0" : "1");
            WriteList(Client.Notifications, filters, ParameterSetName == CallSet ? AccountPath().With("CallSid", CallSid ?? Call?.Sid) : null);
        }
    }
}
