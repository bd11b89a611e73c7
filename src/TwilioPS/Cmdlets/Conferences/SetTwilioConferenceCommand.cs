using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Conferences
{
    /// <summary>Ends a conference (-Status completed) or plays an announcement to everyone in it (-AnnounceUrl).</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioConference", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioConference))]
    public sealed class SetTwilioConferenceCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("CF")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        [FromProperty("ConferenceSid")]
        public string ConferenceSid { get; set; }

        /// <summary>completed ends the conference and disconnects everyone in it.</summary>
        [Parameter]
        [ValidateSet("completed")]
        [FormField]
        public string Status { get; set; }

        /// <summary>TwiML (&lt;Play&gt; or &lt;Say&gt;) to play to every participant.</summary>
        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string AnnounceUrl { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string AnnounceMethod { get; set; }

        protected override object ErrorTarget => ConferenceSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Status == null && AnnounceUrl == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to change: give -Status completed to end the conference, or -AnnounceUrl."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            if (!ShouldProcess(ConferenceSid, Status == "completed" ? "End the conference" : "Announce to the conference")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Conferences.UpdateAsync(AccountPath().Sid(ConferenceSid), form, ct)));
        }
    }
}
