using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.ApiKeys
{
    /// <summary>Renames an API key (its name is the only thing Twilio lets change; a secret cannot be rotated, only replaced by a new key).</summary>
    [Cmdlet(VerbsCommon.Set, "TwilioApiKey", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioApiKey))]
    public sealed class SetTwilioApiKeyCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("SK")]
        [ArgumentCompleter(typeof(ApiKeySidCompleter))]
        [FromProperty("ApiKeySid")]
        public string ApiKeySid { get; set; }

        /// <summary>The new name. (Not bound from the pipeline: a key piped in would rename itself to its own name.)</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        protected override object ErrorTarget => ApiKeySid;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(ApiKeySid, $"Rename the API key to '{FriendlyName}'")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.ApiKeys.UpdateAsync(AccountPath().Sid(ApiKeySid), form, ct)).InAccount(TargetAccountSid));
        }
    }
}
