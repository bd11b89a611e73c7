using System.Management.Automation;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A -FriendlyName list filter: an exact name goes to Twilio, which matches it exactly; a name with
    /// wildcards is matched by TwilioPS over the pages read (case-insensitive, as PowerShell does).
    /// </summary>
    internal static class FriendlyNameFilter
    {
        /// <summary>Adds an exact name to <paramref name="filters"/>, or returns the pattern to match locally (null: none).</summary>
        public static WildcardPattern Apply(string friendlyName, FormBuilder filters)
        {
            if (friendlyName == null) return null;
            if (WildcardPattern.ContainsWildcardCharacters(friendlyName))
                return new WildcardPattern(friendlyName, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            filters.Add("FriendlyName", friendlyName);
            return null;
        }

        public static bool Matches(WildcardPattern pattern, string friendlyName) =>
            pattern == null || pattern.IsMatch(friendlyName ?? string.Empty);
    }
}
