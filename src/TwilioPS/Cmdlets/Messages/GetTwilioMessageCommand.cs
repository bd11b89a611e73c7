using System;
using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>Gets one message by SID, or lists messages by To, From and the date sent.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioMessage", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioMessage))]
    public sealed class GetTwilioMessageCommand : TwilioListCmdlet<TwilioMessage>
    {
        private const string SidSet = "Sid";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        [FromProperty("MessageSid")]
        public string MessageSid { get; set; }

        /// <summary>Anything that names a message (a message, its media, its feedback): binds by type, then gives its MessageSid.</summary>
        [Parameter(ParameterSetName = SidSet, ValueFromPipeline = true, DontShow = true)]
        public IMessageReference InputObject { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateMessageAddress]
        [FormField]
        public string To { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [ValidateMessageAddress(Sender = true)]
        [FormField]
        public string From { get; set; }

        /// <summary>Messages sent on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateSent", DateOnly = true)]
        public DateTime DateSent { get; set; }

        /// <summary>Messages sent on or before this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateSent<")]
        public DateTime DateSentBefore { get; set; }

        /// <summary>Messages sent on or after this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateSent>")]
        public DateTime DateSentAfter { get; set; }

        protected override object ErrorTarget => MessageSid;

        protected override void ProcessInput()
        {
            if (ParameterSetName == SidSet) WriteObject(Await(ct => Client.Messages.FetchAsync(AccountPath().Sid(MessageSid), ct)));
            else WriteList(Client.Messages, BoundFormFields());
        }
    }
}
