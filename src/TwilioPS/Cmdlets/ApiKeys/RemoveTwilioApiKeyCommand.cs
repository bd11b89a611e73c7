using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.ApiKeys
{
    /// <summary>
    /// Deletes API keys. Everything authenticating with a deleted key fails from then on (scripts,
    /// runbooks, servers), so this asks for confirmation unless -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioApiKeyCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SK")]
        [ArgumentCompleter(typeof(ApiKeySidCompleter))]
        [FromProperty("ApiKeySid")]
        public string ApiKeySid { get; set; }

        protected override string Target => ApiKeySid;

        protected override string Action => "Delete the API key (whatever authenticates with it stops working)";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.ApiKeys.DeleteAsync(AccountPath().Sid(ApiKeySid), cancellationToken);
    }
}
