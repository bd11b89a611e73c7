using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.CallerIds
{
    /// <summary>Gets one verified caller ID by SID, or lists them by number and name (a -FriendlyName with wildcards is matched here).</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioOutgoingCallerId", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioOutgoingCallerId))]
    public sealed class GetTwilioOutgoingCallerIdCommand : TwilioListCmdlet<TwilioOutgoingCallerId>
    {
        private WildcardPattern _namePattern;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Sid", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(OutgoingCallerIdSidCompleter))]
        [FromProperty("OutgoingCallerIdSid")]
        public string OutgoingCallerIdSid { get; set; }

        /// <summary>Only the caller ID of this number (Twilio's filter).</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateEndpoint(PhoneNumberOnly = true)]
        [FormField]
        public string PhoneNumber { get; set; }

        /// <summary>Only caller IDs with this name: an exact name is Twilio's filter, wildcards are matched by TwilioPS.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => OutgoingCallerIdSid;

        protected override void ProcessInput()
        {
            if (OutgoingCallerIdSid != null)
            {
                WriteObject(Await(ct => Client.OutgoingCallerIds.FetchAsync(AccountPath().Sid(OutgoingCallerIdSid), ct)));
                return;
            }
            FormBuilder filters = BoundFormFields();
            _namePattern = FriendlyNameFilter.Apply(FriendlyName, filters);
            WriteList(Client.OutgoingCallerIds, filters);
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioOutgoingCallerId record) => FriendlyNameFilter.Matches(_namePattern, record.FriendlyName);
    }
}
