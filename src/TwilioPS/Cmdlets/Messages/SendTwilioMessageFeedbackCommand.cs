using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>
    /// Tells Twilio whether a message reached its recipient (for messages sent with -ProvideFeedback),
    /// e.g. once the user typed the one-time code it carried.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "TwilioMessageFeedback", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioMessageFeedback))]
    public sealed class SendTwilioMessageFeedbackCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        [FromProperty("MessageSid")]
        public string MessageSid { get; set; }

        /// <summary>confirmed: it arrived (the default); unconfirmed: it did not.</summary>
        [Parameter(Position = 1)]
        [ValidateSet("confirmed", "unconfirmed")]
        [FormField]
        public string Outcome { get; set; } = "confirmed";

        protected override object ErrorTarget => MessageSid;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(MessageSid, $"Report the message {Outcome}")) return;
            var form = new FormBuilder().Add("Outcome", Outcome);
            WriteObject(Await(ct => Client.MessageFeedback.CreateAsync(AccountPath().With("MessageSid", MessageSid), form, ct)));
        }
    }
}
