using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>Deletes messages (their record, body and media) from the account.</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioMessageCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        [FromProperty("MessageSid")]
        public string MessageSid { get; set; }

        protected override string Target => MessageSid;

        protected override string Action => "Delete the message";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.Messages.DeleteAsync(AccountPath().Sid(MessageSid), cancellationToken);
    }
}
