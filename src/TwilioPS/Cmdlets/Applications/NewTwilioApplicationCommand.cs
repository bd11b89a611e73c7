using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Applications
{
    /// <summary>Creates an application with the settings given (see <see cref="ApplicationSettingsCmdlet"/>).</summary>
    [Cmdlet(VerbsCommon.New, "TwilioApplication", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioApplication))]
    public sealed class NewTwilioApplicationCommand : ApplicationSettingsCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => FriendlyName;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(FriendlyName ?? "(unnamed)", "Create the application")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Applications.CreateAsync(AccountPath(), form, ct)));
        }
    }
}
