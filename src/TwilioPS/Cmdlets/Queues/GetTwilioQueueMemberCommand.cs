using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Lists the calls waiting in a queue, front first, or gets one (by call SID, or Front).</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioQueueMember", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioQueueMember))]
    public sealed class GetTwilioQueueMemberCommand : TwilioListCmdlet<TwilioQueueMember>
    {
        private const string MemberSet = "Member";

        /// <summary>The queue; queues and members piped in supply it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("QU")]
        [ArgumentCompleter(typeof(QueueSidCompleter))]
        public string QueueSid { get; set; }

        /// <summary>The member's call SID, or Front for the call at the front of the queue.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = MemberSet)]
        [ValidateQueueMember]
        [ArgumentCompleter(typeof(QueueMemberCallSidCompleter))]
        public string CallSid { get; set; }

        protected override object ErrorTarget => CallSid ?? QueueSid;

        protected override void ProcessInput()
        {
            ResourcePath queue = AccountPath().With("QueueSid", QueueSid);
            if (ParameterSetName == MemberSet)
                WriteObject(Await(ct => Client.QueueMembers.FetchAsync(queue.With("CallSid", CallSid), ct)));
            else
                WriteList(Client.QueueMembers, null, queue);
        }
    }
}
