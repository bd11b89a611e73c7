using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// Gets one of the account's numbers by SID, or lists them: all, or one type (Local, Mobile,
    /// TollFree) through the spec's per-type lists, filtered as Twilio filters them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioIncomingPhoneNumber", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioIncomingPhoneNumber))]
    public sealed class GetTwilioIncomingPhoneNumberCommand : TwilioListCmdlet<TwilioIncomingPhoneNumber>
    {
        private WildcardPattern _namePattern;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Sid", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(IncomingPhoneNumberSidCompleter))]
        [FromProperty("IncomingPhoneNumberSid")]
        public string IncomingPhoneNumberSid { get; set; }

        /// <summary>Numbers containing these digits ('*' for any one digit), as Twilio matches them: +1415 finds every 415 number.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidatePattern(@"\A\+?[0-9*]{1,15}\z")]
        [FormField]
        public string PhoneNumber { get; set; }

        /// <summary>Only numbers with this name; wildcards are matched by TwilioPS, an exact name by Twilio.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        /// <summary>twilio (bought from Twilio) or hosted.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("twilio", "hosted")]
        [FormField]
        public string Origin { get; set; }

        /// <summary>Include numbers new to Twilio (Twilio's default); -Beta:$false leaves them out.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField]
        public SwitchParameter Beta { get; set; }

        /// <summary>Only numbers of this type, through Twilio's Local, Mobile or TollFree list.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("Local", "Mobile", "TollFree")]
        public string Type { get; set; }

        protected override object ErrorTarget => IncomingPhoneNumberSid;

        protected override void ProcessInput()
        {
            if (IncomingPhoneNumberSid != null)
            {
                WriteObject(Await(ct => Client.IncomingPhoneNumbers.FetchAsync(AccountPath().Sid(IncomingPhoneNumberSid), ct)));
                return;
            }
            FormBuilder filters = BoundFormFields();
            _namePattern = FriendlyNameFilter.Apply(FriendlyName, filters);
            WriteList(Client.IncomingPhoneNumbers, filters, AccountPath().In(Type));
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioIncomingPhoneNumber record) => FriendlyNameFilter.Matches(_namePattern, record.FriendlyName);
    }
}
