using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>Gets one application by SID, or lists the account's applications (a -FriendlyName with wildcards is matched here).</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioApplication", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioApplication))]
    public sealed class GetTwilioApplicationCommand : TwilioListCmdlet<TwilioApplication>
    {
        private WildcardPattern _namePattern;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Sid", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("AP")]
        [ArgumentCompleter(typeof(ApplicationSidCompleter))]
        [FromProperty("ApplicationSid")]
        public string ApplicationSid { get; set; }

        /// <summary>Only applications with this name: an exact name is Twilio's filter, wildcards are matched by TwilioPS.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => ApplicationSid;

        protected override void ProcessInput()
        {
            if (ApplicationSid != null)
            {
                WriteObject(Await(ct => Client.Applications.FetchAsync(AccountPath().Sid(ApplicationSid), ct)));
                return;
            }
            var filters = new FormBuilder();
            _namePattern = FriendlyNameFilter.Apply(FriendlyName, filters);
            WriteList(Client.Applications, filters);
        }

        protected override bool FiltersLocally => _namePattern != null;

        protected override bool Keep(TwilioApplication record) => FriendlyNameFilter.Matches(_namePattern, record.FriendlyName);
    }
}
