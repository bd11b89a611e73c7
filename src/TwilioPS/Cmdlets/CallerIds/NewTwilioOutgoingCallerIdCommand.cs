using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.CallerIds
{
    /// <summary>
    /// Starts verifying a number as a caller ID (Twilio's validation request): Twilio calls the number
    /// and the person answering keys in the code this cmdlet returns. The caller ID exists once they have.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TwilioOutgoingCallerId", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioValidationRequest))]
    public sealed class NewTwilioOutgoingCallerIdCommand : TwilioConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint(PhoneNumberOnly = true)]
        [FormField]
        [FromProperty("PhoneNumber")]
        public string PhoneNumber { get; set; }

        /// <summary>The caller ID's name (Twilio's default: the number, formatted).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        /// <summary>Seconds to wait before the validation call (0 to 60), time to read out the code first.</summary>
        [Parameter]
        [ValidateRange(0, 60)]
        [FormField]
        public int CallDelay { get; set; }

        /// <summary>Digits to dial once the call connects (an extension behind a switchboard): 0-9, #, * and w (half-second pause).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(@"\A[0-9#*w]{1,32}\z")]
        [FormField]
        public string Extension { get; set; }

        /// <summary>Where Twilio reports the outcome (VerificationStatus success or failed).</summary>
        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string StatusCallback { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string StatusCallbackMethod { get; set; }

        protected override object ErrorTarget => PhoneNumber;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(PhoneNumber, "Place a validation call to verify the number as a caller ID")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.OutgoingCallerIds.CreateAsync(AccountPath(), form, TwilioJsonContext.Default.TwilioValidationRequest, ct)));
        }
    }
}
