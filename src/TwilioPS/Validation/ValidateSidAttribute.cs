using System;
using System.Management.Automation;

namespace TwilioPS.Validation
{
    /// <summary>
    /// A Twilio SID: a two-letter prefix (CA call, AC account, AP application, …) and 32 hex digits.
    /// Rejected before any request is sent, with a message that says what was expected.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateSidAttribute : ValidateEnumeratedArgumentsAttribute
    {
        public ValidateSidAttribute(params string[] prefixes) => Prefixes = prefixes;

        public string[] Prefixes { get; }

        public static bool IsSid(string value, string prefix)
        {
            if (value == null || value.Length != 34 || !value.StartsWith(prefix, StringComparison.Ordinal)) return false;
            for (int i = 2; i < 34; i++)
            {
                char c = value[i];
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) return false;
            }
            return true;
        }

        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            foreach (string prefix in Prefixes)
            {
                if (IsSid(value, prefix)) return;
            }
            throw new ValidationMetadataException(
                $"'{element}' is not a valid SID: expected {string.Join(" or ", Prefixes)} followed by 32 hexadecimal characters.");
        }
    }
}
