using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace TwilioPS.Validation
{
    /// <summary>
    /// Where a message can go or come from, as Twilio accepts it: an E.164 number, the same behind a
    /// channel prefix (whatsapp:+14155550100), a Messenger page or user id (messenger:1234…), and, for
    /// a sender, a short code (3 to 8 digits) or an alphanumeric sender ID (up to 11 letters, digits
    /// and spaces, with at least one letter).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateMessageAddressAttribute : ValidateEnumeratedArgumentsAttribute
    {
        // \A…\z, not ^…$: in .NET "$" also matches before a final newline, which would then be sent.
        private static readonly Regex Channel = new Regex(@"\A(?:whatsapp:\+[1-9][0-9]{1,14}|messenger:[0-9]{1,32})\z", RegexOptions.CultureInvariant);
        private static readonly Regex ShortCode = new Regex(@"\A[0-9]{3,8}\z", RegexOptions.CultureInvariant);
        private static readonly Regex AlphanumericSender = new Regex(@"\A(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11}\z", RegexOptions.CultureInvariant);

        /// <summary>Also accept what only a sender can be: a short code or an alphanumeric sender ID.</summary>
        public bool Sender { get; set; }

        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (ValidateEndpointAttribute.IsPhoneNumber(value) || (value != null && Channel.IsMatch(value))) return;
            if (Sender && value != null && (ShortCode.IsMatch(value) || AlphanumericSender.IsMatch(value))) return;
            throw new ValidationMetadataException(Sender
                ? $"'{element}' is not a sender Twilio accepts: an E.164 number (+14155550100), whatsapp:+14155550100, messenger:<id>, a short code or an alphanumeric sender ID of up to 11 characters."
                : $"'{element}' is not an address Twilio accepts: an E.164 number (+14155550100), whatsapp:+14155550100 or messenger:<id>.");
        }
    }
}
