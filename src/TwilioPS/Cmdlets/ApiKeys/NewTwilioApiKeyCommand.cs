using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.ApiKeys
{
    /// <summary>
    /// Creates a standard API key. Its secret comes back this once, as the SecureString Secret of the
    /// key returned; pipe the key to Connect-Twilio to use it, or store the secret in a vault.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TwilioApiKey", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioApiKey))]
    public sealed class NewTwilioApiKeyCommand : TwilioConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => FriendlyName;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(FriendlyName ?? "(unnamed)", "Create an API key")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.ApiKeys.CreateAsync(AccountPath(), form, ct)).InAccount(TargetAccountSid));
        }
    }
}
