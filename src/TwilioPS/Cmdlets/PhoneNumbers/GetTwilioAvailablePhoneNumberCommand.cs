using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.PhoneNumbers
{
    /// <summary>
    /// Searches the numbers for sale in a country, of one type, with every filter of Twilio's search.
    /// The numbers found carry their country, type and the account searched for, and pipe into
    /// New-TwilioIncomingPhoneNumber to be bought.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioAvailablePhoneNumber", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioAvailablePhoneNumber))]
    public sealed class GetTwilioAvailablePhoneNumberCommand : TwilioListCmdlet<TwilioAvailablePhoneNumber>
    {
        private string _countryCode;

        /// <summary>ISO 3166-1 alpha-2 country (US by default); completed from the countries the account may buy in.</summary>
        [Parameter(Position = 0)]
        [ValidatePattern(@"\A[A-Za-z]{2}\z")]
        [ArgumentCompleter(typeof(AvailableCountryCompleter))]
        public string CountryCode { get; set; } = "US";

        /// <summary>The number type, as Twilio's search subresources name them.</summary>
        [Parameter]
        [ValidateSet("Local", "TollFree", "Mobile", "National", "Voip", "SharedCost", "MachineToMachine")]
        public string Type { get; set; } = "Local";

        /// <summary>US and Canadian area code.</summary>
        [Parameter] [ValidateRange(200, 999)] [FormField] public int AreaCode { get; set; }

        /// <summary>Digits, letters (their keypad digits) and * for any one digit.</summary>
        [Parameter] [ValidateNumberPattern] [FormField] public string Contains { get; set; }

        [Parameter] [FormField] public SwitchParameter SmsEnabled { get; set; }
        [Parameter] [FormField] public SwitchParameter MmsEnabled { get; set; }
        [Parameter] [FormField] public SwitchParameter VoiceEnabled { get; set; }
        [Parameter] [FormField] public SwitchParameter FaxEnabled { get; set; }

        /// <summary>Leave out numbers that need any Address before they can be bought.</summary>
        [Parameter] [FormField] public SwitchParameter ExcludeAllAddressRequired { get; set; }
        [Parameter] [FormField] public SwitchParameter ExcludeLocalAddressRequired { get; set; }
        [Parameter] [FormField] public SwitchParameter ExcludeForeignAddressRequired { get; set; }

        /// <summary>Include numbers new to Twilio (Twilio's default); -Beta:$false leaves them out.</summary>
        [Parameter] [FormField] public SwitchParameter Beta { get; set; }

        /// <summary>Numbers within -Distance miles of this one (US and Canada).</summary>
        [Parameter] [ValidateEndpoint(PhoneNumberOnly = true)] [FormField] public string NearNumber { get; set; }

        /// <summary>Numbers within -Distance miles of "latitude,longitude" (US and Canada).</summary>
        [Parameter] [ValidatePattern(@"\A-?[0-9]{1,2}(\.[0-9]+)?,-?[0-9]{1,3}(\.[0-9]+)?\z")] [FormField] public string NearLatLong { get; set; }

        /// <summary>The radius of -NearNumber or -NearLatLong in miles (Twilio's default 25).</summary>
        [Parameter] [ValidateRange(0, 500)] [FormField] public int Distance { get; set; }

        [Parameter] [ValidateNotNullOrEmpty] [FormField] public string InPostalCode { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] [FormField] public string InRegion { get; set; }

        /// <summary>A rate center; Twilio needs -InLata with it.</summary>
        [Parameter] [ValidateNotNullOrEmpty] [FormField] public string InRateCenter { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] [FormField] public string InLata { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] [FormField] public string InLocality { get; set; }

        protected override object ErrorTarget => CountryCode;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (InRateCenter != null && InLata == null)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-InRateCenter '{InRateCenter}' needs -InLata: Twilio searches a rate center within its LATA."),
                    "RateCenterNeedsLata", ErrorCategory.InvalidArgument, InRateCenter));
            }
            bool near = NearNumber != null || NearLatLong != null;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Distance)) && !near)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-Distance {Distance} needs -NearNumber or -NearLatLong: it is the radius of that search."),
                    "DistanceWithoutNear", ErrorCategory.InvalidArgument, Distance));
            }
            _countryCode = CountryCode.ToUpperInvariant();
        }

        protected override void ProcessInput() =>
            WriteList(Client.AvailablePhoneNumbers, BoundFormFields(), AccountPath().With("CountryCode", _countryCode).In(Type));

        protected override object Prepare(TwilioAvailablePhoneNumber record)
        {
            record.CountryCode = _countryCode;
            record.Type = Type;
            record.AccountSid = TargetAccountSid;
            return record;
        }
    }
}
