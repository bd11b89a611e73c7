using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>
    /// Takes a call out of a queue and sends it to the TwiML at -Url (Twilio's "dequeue a member"):
    /// the front call unless -CallSid names another. Members piped in are dequeued in turn.
    /// </summary>
    [Cmdlet(VerbsCommon.Pop, "TwilioQueueMember", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioQueueMember))]
    public sealed class PopTwilioQueueMemberCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("QU")]
        [ArgumentCompleter(typeof(QueueSidCompleter))]
        public string QueueSid { get; set; }

        /// <summary>The member's call SID, or Front (the default) for the call that has waited longest.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateQueueMember]
        [ArgumentCompleter(typeof(QueueMemberCallSidCompleter))]
        public string CallSid { get; set; } = ValidateQueueMemberAttribute.Front;

        /// <summary>The TwiML the call goes on to (an agent's &lt;Dial&gt;, say).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateWebhookUrl]
        [FormField]
        public string Url { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string Method { get; set; }

        protected override object ErrorTarget => CallSid;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(CallSid, $"Dequeue from {QueueSid} to {Url}")) return;
            FormBuilder form = BoundFormFields();
            ResourcePath member = AccountPath().With("QueueSid", QueueSid).With("CallSid", CallSid);
            WriteObject(Await(ct => Client.QueueMembers.UpdateAsync(member, form, ct)));
        }
    }
}
