using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Completion;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// Releases numbers: they stop answering at once and go back to Twilio, where anyone may buy them,
    /// so the cmdlet asks first (ConfirmImpact High) unless -Force or -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TwilioIncomingPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveTwilioIncomingPhoneNumberCommand : TwilioRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("PN")]
        [ArgumentCompleter(typeof(IncomingPhoneNumberSidCompleter))]
        [FromProperty("IncomingPhoneNumberSid")]
        public string IncomingPhoneNumberSid { get; set; }

        protected override string Target => IncomingPhoneNumberSid;

        protected override string Action => "Release the phone number (it stops working and returns to Twilio)";

        protected override Task DeleteAsync(CancellationToken cancellationToken) =>
            Client.IncomingPhoneNumbers.DeleteAsync(AccountPath().Sid(IncomingPhoneNumberSid), cancellationToken);
    }
}
