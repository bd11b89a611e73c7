using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Accounts
{
    /// <summary>Creates a subaccount of the connection's account.</summary>
    [Cmdlet(VerbsCommon.New, "TwilioAccount", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioAccount))]
    public sealed class NewTwilioAccountCommand : TwilioConnectedCmdlet
    {
        /// <summary>The subaccount's name (Twilio's default: "SubAccount Created at …").</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => FriendlyName;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(FriendlyName ?? "(unnamed)", "Create a subaccount")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Accounts.CreateAsync(ResourcePath.Root(), form, ct)));
        }
    }
}
