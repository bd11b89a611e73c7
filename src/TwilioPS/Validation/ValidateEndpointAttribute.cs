using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace TwilioPS.Validation
{
    /// <summary>
    /// Where a call can go or come from: an E.164 number (+ and up to 15 digits), a Twilio Client
    /// identity (client:alice) or a SIP URI (sip:…). Spaces, dashes, dots and parentheses a person
    /// might type are not silently dropped: the number must already be in E.164.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateEndpointAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex E164 = new Regex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant);

        /// <summary>Accept only phone numbers (list filters), not client: or sip: identities.</summary>
        public bool PhoneNumberOnly { get; set; }

        public static bool IsPhoneNumber(string value) => value != null && E164.IsMatch(value);

        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (IsPhoneNumber(value)) return;
            if (!PhoneNumberOnly && value != null
                && ((value.StartsWith("client:", StringComparison.OrdinalIgnoreCase) && value.Length > 7)
                    || (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && value.Length > 4)))
                return;
            throw new ValidationMetadataException(PhoneNumberOnly
                ? $"'{element}' is not an E.164 phone number such as +14155550100."
                : $"'{element}' is not an E.164 phone number (+14155550100), a client:identity or a sip: address.");
        }
    }
}
