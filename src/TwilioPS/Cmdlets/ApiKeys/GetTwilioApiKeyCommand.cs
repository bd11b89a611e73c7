using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.ApiKeys
{
    /// <summary>Gets one API key by SID, or lists the account's standard API keys (never their secrets: Twilio returns a secret only at creation).</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioApiKey", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioApiKey))]
    public sealed class GetTwilioApiKeyCommand : TwilioListCmdlet<TwilioApiKey>
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Sid", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SK")]
        [ArgumentCompleter(typeof(ApiKeySidCompleter))]
        [FromProperty("ApiKeySid")]
        public string ApiKeySid { get; set; }

        protected override object ErrorTarget => ApiKeySid;

        protected override void ProcessInput()
        {
            if (ApiKeySid != null)
                WriteObject(Await(ct => Client.ApiKeys.FetchAsync(AccountPath().Sid(ApiKeySid), ct)).InAccount(TargetAccountSid));
            else
                WriteList(Client.ApiKeys, null);
        }

        protected override object Prepare(TwilioApiKey record) => record.InAccount(TargetAccountSid);
    }
}
