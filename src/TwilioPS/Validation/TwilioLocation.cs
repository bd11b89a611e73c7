using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace TwilioPS.Validation
{
    /// <summary>
    /// Twilio's edges and regions, the only values allowed into the API host name
    /// (api.{edge}.{region}.twilio.com). Parameters and environment variables are checked by the same
    /// rules, because anything else in a host name decides where the credential is sent.
    /// </summary>
    public static class TwilioLocation
    {
        /// <summary>A processing region such as us1, ie1, au1. Matched case-insensitively, like ValidatePattern.</summary>
        public const string RegionPattern = @"\A[a-z]{2}[0-9]\z";

        /// <summary>The names Connect-Twilio's -Edge accepts (its ValidateSet lists the same ones, for tab completion).</summary>
        public static readonly string[] Edges =
            { "ashburn", "dublin", "frankfurt", "singapore", "sydney", "tokyo", "umatilla", "sao-paulo", "roaming" };

        private static readonly Regex Region = new Regex(RegionPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool IsRegion(string value) => value != null && Region.IsMatch(value);

        public static bool IsEdge(string value) => value != null && Edges.Contains(value, StringComparer.OrdinalIgnoreCase);
    }
}
