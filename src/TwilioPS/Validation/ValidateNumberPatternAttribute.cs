using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace TwilioPS.Validation
{
    /// <summary>
    /// A number search pattern as Twilio's Contains takes it: digits, letters (matched by their phone
    /// keypad digit, so STORM finds 78676) and * for any one digit; 2 to 16 characters, an optional
    /// leading + anchoring the pattern at the start of the E.164 number, and at least one character
    /// that is not *.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNumberPatternAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex Pattern = new Regex(@"\A\+?(?=[*]*[0-9A-Za-z])[0-9A-Za-z*]{2,16}\z", RegexOptions.CultureInvariant);

        public static bool IsValid(string value) => value != null && Pattern.IsMatch(value);

        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (IsValid(value)) return;
            throw new ValidationMetadataException(
                $"'{element}' is not a number pattern: use 2 to 16 digits, letters or * (any one digit), such as 415***1234 or STORM, optionally after a leading +.");
        }
    }
}
