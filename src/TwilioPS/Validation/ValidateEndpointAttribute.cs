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
        // \A…\z, not ^…$: in .NET "$" also matches before a final newline, which would then be sent.
        private static readonly Regex E164 = new Regex(@"\A\+[1-9][0-9]{1,14}\z", RegexOptions.CultureInvariant);
        private static readonly Regex Identity = new Regex(@"\A(?:client|sip):[^\s\p{C}]+\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Accept only phone numbers (list filters), not client: or sip: identities.</summary>
        public bool PhoneNumberOnly { get; set; }

        public static bool IsPhoneNumber(string value) => value != null && E164.IsMatch(value);

        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (IsPhoneNumber(value)) return;
            if (!PhoneNumberOnly && value != null && Identity.IsMatch(value)) return;
            throw new ValidationMetadataException(PhoneNumberOnly
                ? $"'{element}' is not an E.164 phone number such as +14155550100."
                : $"'{element}' is not an E.164 phone number (+14155550100), a client:identity or a sip: address.");
        }
    }
}
