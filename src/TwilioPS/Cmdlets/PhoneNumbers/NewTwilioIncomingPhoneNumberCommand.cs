using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// Buys a number: one found with Get-TwilioAvailablePhoneNumber (piped in, or -PhoneNumber), or any
    /// available number in a US or Canadian -AreaCode, with the settings given (see
    /// <see cref="IncomingPhoneNumberSettingsCmdlet"/>). A number costs money every month, so the
    /// cmdlet asks first (ConfirmImpact High) unless -Force or -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TwilioIncomingPhoneNumber", DefaultParameterSetName = ByNumber, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TwilioIncomingPhoneNumber))]
    public sealed class NewTwilioIncomingPhoneNumberCommand : IncomingPhoneNumberSettingsCmdlet
    {
        private const string ByNumber = "PhoneNumber";
        private const string ByAreaCode = "AreaCode";

        /// <summary>The number to buy, in E.164; available numbers piped in bind by their PhoneNumber.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNumber, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateEndpoint(PhoneNumberOnly = true)]
        [FormField]
        [FromProperty("PhoneNumber")]
        public string PhoneNumber { get; set; }

        /// <summary>Buy any available number in this US or Canadian area code.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByAreaCode)]
        [ValidatePattern(@"\A[2-9][0-9]{2}\z")]
        [FormField]
        public string AreaCode { get; set; }

        /// <summary>Buy without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => PhoneNumber ?? AreaCode;

        protected override void ProcessInput()
        {
            string what = PhoneNumber ?? "a number in area code " + AreaCode;
            if (!ShouldChange(Force, what, "Buy the phone number (billed monthly)")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.IncomingPhoneNumbers.CreateAsync(AccountPath(), form, ct)));
        }
    }
}
