using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Gets one queue by SID, or lists the account's queues (a -FriendlyName, wildcards allowed, is matched here).</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioQueue", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioQueue))]
    public sealed class GetTwilioQueueCommand : TwilioListCmdlet<TwilioQueue>
    {
        private const string SidSet = "Sid";
        private WildcardPattern _namePattern;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("QU")]
        [ArgumentCompleter(typeof(QueueSidCompleter))]
        [FromProperty("QueueSid")]
        public string QueueSid { get; set; }

        /// <summary>Anything that names a queue (a queue, a member): binds by type, then gives its QueueSid.</summary>
        [Parameter(ParameterSetName = SidSet, ValueFromPipeline = true, DontShow = true)]
        public IQueueReference InputObject { get; set; }

        /// <summary>Only queues with this name (wildcards allowed); Twilio has no such filter, so TwilioPS matches it.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => QueueSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(Await(ct => Client.Queues.FetchAsync(AccountPath().Sid(QueueSid), ct)));
                return;
            }
            if (FriendlyName != null) _namePattern = new WildcardPattern(FriendlyName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            WriteList(Client.Queues, null);
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioQueue record) =>
            _namePattern == null || _namePattern.IsMatch(record.FriendlyName ?? string.Empty);
    }
}
