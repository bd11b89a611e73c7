using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>Deletes applications (numbers that pointed to one lose their voice and SMS handling).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioApplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioApplicationCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("AP")]
        [ArgumentCompleter(typeof(ApplicationSidCompleter))]
        [FromProperty("ApplicationSid")]
        public string ApplicationSid { get; set; }

        protected override string Target => ApplicationSid;

        protected override string Action => "Delete the application";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Applications.DeleteAsync(AccountPath().Sid(ApplicationSid), cancellationToken);
    }
}
