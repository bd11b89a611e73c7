using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>Deletes media from a message (the message stays).</summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioMessageMedia", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioMessageMediaCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        public string MessageSid { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("ME")]
        [ArgumentCompleter(typeof(MessageMediaSidCompleter))]
        public string MediaSid { get; set; }

        protected override string Target => MediaSid;

        protected override string Action => $"Delete the media of message {MessageSid}";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.MessageMedia.DeleteAsync(AccountPath().With("MessageSid", MessageSid).Sid(MediaSid), cancellationToken);
    }
}
