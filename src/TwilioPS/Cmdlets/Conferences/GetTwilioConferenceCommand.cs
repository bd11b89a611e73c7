using System;
using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>
    /// Gets one conference by SID, or lists conferences by status, name and dates. A -FriendlyName
    /// with wildcards is matched here, since Twilio's filter is exact.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioConference", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioConference))]
    public sealed class GetTwilioConferenceCommand : TwilioListCmdlet<TwilioConference>
    {
        private const string SidSet = "Sid";
        private WildcardPattern _namePattern;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CF")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        [FromProperty("ConferenceSid")]
        public string ConferenceSid { get; set; }

        /// <summary>Anything that names a conference (a conference, a participant): binds by type, then gives its ConferenceSid.</summary>
        [Parameter(ParameterSetName = SidSet, ValueFromPipeline = true, DontShow = true)]
        public IConferenceReference InputObject { get; set; }

        /// <summary>The conference's name; wildcards are matched by TwilioPS (Twilio's filter is exact).</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateSet("init", "in-progress", "completed")]
        [FormField]
        public string Status { get; set; }

        /// <summary>Conferences created on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated", DateOnly = true)]
        public DateTime DateCreated { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated<")]
        public DateTime DateCreatedBefore { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated>")]
        public DateTime DateCreatedAfter { get; set; }

        /// <summary>Conferences last updated on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateUpdated", DateOnly = true)]
        public DateTime DateUpdated { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateUpdated<")]
        public DateTime DateUpdatedBefore { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateUpdated>")]
        public DateTime DateUpdatedAfter { get; set; }

        protected override object ErrorTarget => ConferenceSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet)
            {
                WriteObject(Await(ct => Client.Conferences.FetchAsync(AccountPath().Sid(ConferenceSid), ct)));
                return;
            }
            FormBuilder filters = BoundFormFields();
            if (FriendlyName != null)
            {
                if (WildcardPattern.ContainsWildcardCharacters(FriendlyName))
                    _namePattern = new WildcardPattern(FriendlyName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                else
                    filters.Add("FriendlyName", FriendlyName);
            }
            WriteList(Client.Conferences, filters);
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioConference record) =>
            _namePattern == null || _namePattern.IsMatch(record.FriendlyName ?? string.Empty);
    }
}
