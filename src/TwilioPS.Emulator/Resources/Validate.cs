using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>Parameter checks shared by every resource; each throws a Twilio-shaped 400.</summary>
    internal static class Validate
    {
        // \A…\z, not ^…$: in .NET "$" also matches before a final newline, which Twilio refuses.
        private static readonly Regex E164 = new Regex(@"\A\+[1-9][0-9]{6,14}\z", RegexOptions.CultureInvariant);
        private static readonly Regex Client = new Regex(@"\Aclient:[^\s\p{C}]+\z", RegexOptions.CultureInvariant);
        private static readonly Regex Sip = new Regex(@"\Asip:[^\s\p{C}]+\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static readonly string[] HttpMethods = { "GET", "POST" };

        /// <summary>E.164 (+ and 7-15 digits), client:name or sip:address.</summary>
        public static bool IsEndpoint(string value) =>
            value != null && (E164.IsMatch(value) || Client.IsMatch(value) || Sip.IsMatch(value));

        public static bool IsE164(string value) => value != null && E164.IsMatch(value);

        public static bool IsSid(string value, string prefix) =>
            value != null && value.Length == 34 && value.StartsWith(prefix, StringComparison.Ordinal) && IsHex(value, 2);

        private static bool IsHex(string s, int from)
        {
            for (int i = from; i < s.Length; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
            }
            return true;
        }

        public static void Enum(string name, string value, string[] allowed)
        {
            if (value == null) return;
            if (Array.IndexOf(allowed, value) < 0)
                throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be one of " + string.Join(", ", allowed));
        }

        public static int? Int(string name, string value, int min = int.MinValue, int max = int.MaxValue)
        {
            if (value == null) return null;
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
                throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be an integer" +
                    (min != int.MinValue ? " from " + min.ToString(CultureInfo.InvariantCulture) + (max != int.MaxValue ? " to " + max.ToString(CultureInfo.InvariantCulture) : " or more") : ""));
            return n;
        }

        public static bool? Bool(string name, string value)
        {
            if (value == null) return null;
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be true or false");
        }

        public static bool IsAbsoluteHttpUrl(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out Uri u) && (u.Scheme == "http" || u.Scheme == "https");

        /// <summary>
        /// A date filter value: "YYYY-MM-DD" (a whole UTC day) or an ISO 8601 date-time (no offset = UTC).
        /// Returns the instant (midnight UTC for a date) and whether only a date was given.
        /// </summary>
        public static DateTimeOffset DateFilter(string name, string value, out bool dateOnly)
        {
            if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime day))
            {
                dateOnly = true;
                return new DateTimeOffset(DateTime.SpecifyKind(day, DateTimeKind.Utc));
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset instant))
            {
                dateOnly = false;
                return instant.ToUniversalTime();
            }
            throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': use YYYY-MM-DD or an ISO 8601 date-time");
        }
    }

    /// <summary>Twilio SIDs: two-letter prefix + 32 lowercase hex digits.</summary>
    internal static class Sids
    {
        public static string Hex32() => Guid.NewGuid().ToString("N");
        public static string New(string prefix) => prefix + Hex32();
    }
}
