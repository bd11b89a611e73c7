using System;
using System.Management.Automation;

namespace TwilioPS.Validation
{
    /// <summary>
    /// An absolute http or https URL, as Twilio requires for every webhook and TwiML URL. Uri itself
    /// trims surrounding whitespace but the text is sent as typed, so whitespace and control characters
    /// anywhere are refused.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateWebhookUrlAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject?.ToString() : element?.ToString();
            if (value != null && !HasWhiteSpaceOrControl(value)
                && Uri.TryCreate(value, UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return;
            throw new ValidationMetadataException($"'{element}' is not an absolute http or https URL.");
        }

        private static bool HasWhiteSpaceOrControl(string value)
        {
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return true;
            }
            return false;
        }
    }
}
