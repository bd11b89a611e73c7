using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>
    /// Redacts a message's body (Twilio accepts only an empty body as an update) or cancels a scheduled
    /// message (the only status Twilio accepts). Both are the spec's update, named for what they do.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TwilioMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TwilioMessage))]
    public sealed class SetTwilioMessageCommand : TwilioConnectedCmdlet
    {
        private const string RedactSet = "Redact";
        private const string CancelSet = "Cancel";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        [FromProperty("MessageSid")]
        public string MessageSid { get; set; }

        /// <summary>Erase the body (sends an empty Body); the message stays, its text does not.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RedactSet)]
        public SwitchParameter Redact { get; set; }

        /// <summary>Cancel a scheduled message (sends Status=canceled).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CancelSet)]
        public SwitchParameter Cancel { get; set; }

        protected override object ErrorTarget => MessageSid;

        protected override void ProcessInput()
        {
            var form = new FormBuilder();
            if (ParameterSetName == RedactSet)
            {
                if (!ShouldProcess(MessageSid, "Redact the message's body")) return;
                form.Add("Body", string.Empty);
            }
            else
            {
                if (!ShouldProcess(MessageSid, "Cancel the scheduled message")) return;
                form.Add("Status", "canceled");
            }
            WriteObject(Await(ct => Client.Messages.UpdateAsync(AccountPath().Sid(MessageSid), form, ct)));
        }
    }
}
