using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>Lists a call's events: each request Twilio made for the call (webhooks, TwiML) and the answer it got.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioCallEvent", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioCallEvent))]
    public sealed class GetTwilioCallEventCommand : TwilioListCmdlet<TwilioCallEvent>
    {
        /// <summary>The call whose events to list; calls piped in bind by their CallSid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        [FromProperty("CallSid")]
        public string CallSid { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput() =>
            WriteList(Client.CallEvents, null, AccountPath().With("CallSid", CallSid));

        protected override object Prepare(TwilioCallEvent record)
        {
            record.CallSid = CallSid;
            return record;
        }
    }
}
