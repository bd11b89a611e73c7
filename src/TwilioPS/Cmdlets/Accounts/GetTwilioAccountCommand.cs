using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Accounts
{
    /// <summary>
    /// Gets the connection's account (by default) or the one -AccountSid names, or lists the account
    /// and its subaccounts by name (wildcards matched here) and status.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioAccount", DefaultParameterSetName = SidSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioAccount))]
    public sealed class GetTwilioAccountCommand : TwilioListCmdlet<TwilioAccount>
    {
        private const string SidSet = "Sid";
        private WildcardPattern _namePattern;

        /// <summary>Only accounts with this name; wildcards are matched by TwilioPS, an exact name by Twilio ('*' lists every account).</summary>
        [Parameter(Position = 0, ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("active", "suspended", "closed")]
        [FormField]
        public string Status { get; set; }

        protected override object ErrorTarget => TargetAccountSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(Await(ct => Client.Accounts.FetchAsync(ResourcePath.Root().Sid(TargetAccountSid), ct)));
                return;
            }
            FormBuilder filters = BoundFormFields();
            _namePattern = FriendlyNameFilter.Apply(FriendlyName, filters);
            WriteList(Client.Accounts, filters, ResourcePath.Root());
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioAccount record) => FriendlyNameFilter.Matches(_namePattern, record.FriendlyName);
    }
}
