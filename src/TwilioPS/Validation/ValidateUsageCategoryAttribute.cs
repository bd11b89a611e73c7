using System;
using System.Linq;
using System.Management.Automation;
using TwilioPS.Catalog;

namespace TwilioPS.Validation
{
    /// <summary>
    /// One of Twilio's usage categories (<see cref="UsageCategories"/>, the spec's enum). Too many for a
    /// ValidateSet to list in help; tab completion comes from <see cref="Completion.UsageCategoryCompleter"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateUsageCategoryAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject?.ToString() : element?.ToString();
            if (UsageCategories.IsKnown(value)) return;
            string[] near = Near(value);
            throw new ValidationMetadataException($"'{element}' is not a Twilio usage category"
                + (near.Length > 0 ? " (did you mean " + string.Join(", ", near) + "?)" : "")
                + ". Press Tab after -Category or -UsageCategory to see them all.");
        }

        /// <summary>Up to five categories like the value: starting with it, else containing it, else sharing its first word.</summary>
        private static string[] Near(string value)
        {
            if (string.IsNullOrEmpty(value)) return new string[0];
            string firstWord = value.Split('-')[0];
            foreach (Func<string, bool> like in new Func<string, bool>[]
            {
                c => c.StartsWith(value, StringComparison.OrdinalIgnoreCase),
                c => c.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0,
                c => c.StartsWith(firstWord, StringComparison.OrdinalIgnoreCase),
            })
            {
                string[] found = UsageCategories.All.Where(like).Take(5).ToArray();
                if (found.Length > 0) return found;
            }
            return new string[0];
        }
    }
}
