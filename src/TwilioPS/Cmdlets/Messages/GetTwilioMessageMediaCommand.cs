using System;
using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>Lists a message's media (images, files), or gets one by SID; messages piped in list theirs.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioMessageMedia", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioMessageMedia))]
    public sealed class GetTwilioMessageMediaCommand : TwilioListCmdlet<TwilioMessageMedia>
    {
        private const string MediaSet = "Media";

        /// <summary>The message; messages and media piped in supply it.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        public string MessageSid { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = MediaSet)]
        [ValidateSid("ME")]
        [ArgumentCompleter(typeof(MessageMediaSidCompleter))]
        public string MediaSid { get; set; }

        /// <summary>Media added on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated", DateOnly = true)]
        public DateTime DateCreated { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated<")]
        public DateTime DateCreatedBefore { get; set; }

        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField("DateCreated>")]
        public DateTime DateCreatedAfter { get; set; }

        protected override object ErrorTarget => MediaSid ?? MessageSid;

        protected override void ProcessInput()
        {
            ResourcePath message = AccountPath().With("MessageSid", MessageSid);
            if (ParameterSetName == MediaSet) WriteObject(Await(ct => Client.MessageMedia.FetchAsync(message.Sid(MediaSid), ct)));
            else WriteList(Client.MessageMedia, BoundFormFields(), message);
        }
    }
}
