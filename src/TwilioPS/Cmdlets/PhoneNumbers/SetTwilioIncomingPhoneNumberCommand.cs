using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// Changes a number's settings (see <see cref="IncomingPhoneNumberSettingsCmdlet"/>), or moves it to
    /// another account of the same main account with -DestinationAccountSid. Only the parameters given are sent.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TwilioIncomingPhoneNumber", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioIncomingPhoneNumber))]
    public sealed class SetTwilioIncomingPhoneNumberCommand : IncomingPhoneNumberSettingsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(IncomingPhoneNumberSidCompleter))]
        [FromProperty("IncomingPhoneNumberSid")]
        public string IncomingPhoneNumberSid { get; set; }

        /// <summary>
        /// Moves the number to this account (Twilio's AccountSid field): a subaccount, or the main
        /// account, of the same main account. -AccountSid still names the account that owns it now.
        /// </summary>
        [Parameter]
        [ValidateSid("AC")]
        [FormField("AccountSid")]
        [ArgumentCompleter(typeof(AccountSidCompleter))]
        public string DestinationAccountSid { get; set; }

        protected override object ErrorTarget => IncomingPhoneNumberSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BoundFormFields().Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Nothing to change: give -VoiceUrl, -VoiceApplicationSid, -SmsUrl, -DestinationAccountSid or another setting."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            string action = DestinationAccountSid != null ? "Move the number to account " + DestinationAccountSid : "Update the number";
            if (!ShouldProcess(IncomingPhoneNumberSid, action)) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.IncomingPhoneNumbers.UpdateAsync(AccountPath().Sid(IncomingPhoneNumberSid), form, ct)));
        }
    }
}
