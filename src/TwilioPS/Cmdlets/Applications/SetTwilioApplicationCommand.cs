using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>Changes an application's settings; only the parameters given are sent.</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioApplication", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioApplication))]
    public sealed class SetTwilioApplicationCommand : ApplicationSettingsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("AP")]
        [ArgumentCompleter(typeof(ApplicationSidCompleter))]
        [FromProperty("ApplicationSid")]
        public string ApplicationSid { get; set; }

        /// <summary>The new name. (Not bound from the pipeline: an application piped in would rename itself to its own name.)</summary>
        [Parameter]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => ApplicationSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BoundFormFields().Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Nothing to change: give -FriendlyName, -VoiceUrl, -SmsUrl or another setting."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            if (!ShouldProcess(ApplicationSid, "Update the application")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Applications.UpdateAsync(AccountPath().Sid(ApplicationSid), form, ct)));
        }
    }
}
