using System;
using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>Gets one call by SID, or lists calls with Twilio's filters.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioCall", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioCall))]
    public sealed class GetTwilioCallCommand : TwilioListCmdlet<TwilioCall>
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Sid", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        [FromProperty("CallSid")]
        public string CallSid { get; set; }

        /// <summary>Anything that names a call (a recording, a notification…): binds by type, then gives its CallSid.</summary>
        [Parameter(ParameterSetName = "Sid", ValueFromPipeline = true, DontShow = true)]
        public ICallReference InputObject { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateEndpoint]
        [FormField]
        public string To { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateEndpoint]
        [FormField]
        public string From { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled")]
        [FormField]
        public string Status { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSid("CA")]
        [FormField]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        public string ParentCallSid { get; set; }

        /// <summary>Calls that started on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("StartTime", DateOnly = true)]
        public DateTime StartTime { get; set; }

        /// <summary>Calls that started on or before this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("StartTime<")]
        public DateTime StartTimeBefore { get; set; }

        /// <summary>Calls that started on or after this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("StartTime>")]
        public DateTime StartTimeAfter { get; set; }

        /// <summary>Calls that ended on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("EndTime", DateOnly = true)]
        public DateTime EndTime { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("EndTime<")]
        public DateTime EndTimeBefore { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("EndTime>")]
        public DateTime EndTimeAfter { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput()
        {
            if (CallSid != null) WriteObject(Await(ct => Client.Calls.FetchAsync(AccountPath().Sid(CallSid), ct)));
            else WriteList(Client.Calls, BoundFormFields());
        }
    }
}
