using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>
    /// Changes a live call: redirect it to new TwiML (-Url or -Twiml), end it (-Status), or change its
    /// status callback and time limit. Only the parameters given are sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TwilioCall", DefaultParameterSetName = "Callback", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioCall))]
    public sealed class SetTwilioCallCommand : CallInstructionsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        [FromProperty("CallSid")]
        public string CallSid { get; set; }

        /// <summary>canceled ends a queued or ringing call; completed hangs up a call in progress.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Status")]
        [ValidateSet("canceled", "completed")]
        [FormField]
        public string Status { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == "Callback" && !MyInvocation.BoundParameters.ContainsKey(nameof(StatusCallback))
                && !MyInvocation.BoundParameters.ContainsKey(nameof(StatusCallbackMethod))
                && !MyInvocation.BoundParameters.ContainsKey(nameof(TimeLimit)))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to change: give -Url, -Twiml, -Status, -StatusCallback, -StatusCallbackMethod or -TimeLimit."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            string action = Status != null ? $"End the call ({Status})" : Url != null || Twiml != null ? "Redirect the call" : "Update the call";
            if (!ShouldProcess(CallSid, action)) return;
            FormBuilder form = BoundFormFields();
            ResourcePath call = AccountPath().Sid(CallSid);
            Submit(ct => Client.Calls.UpdateAsync(call, form, ct), CallSid);
        }
    }
}
