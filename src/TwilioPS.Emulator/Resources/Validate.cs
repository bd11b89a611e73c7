using System;
using System.Collections.Generic;
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

        /// <summary>Repeated keys, each possibly holding several space-separated events (both forms reach Twilio).</summary>
        public static IReadOnlyList<string> Events(IReadOnlyList<string> values, string name, string[] allowed)
        {
            var result = new List<string>();
            foreach (string v in values)
                foreach (string e in v.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    Enum(name, e, allowed);
                    result.Add(e);
                }
            return result;
        }

        public static int? Int(string name, string value, int min = int.MinValue, int max = int.MaxValue)
        {
            if (value == null) return null;
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
                throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be an integer" +
                    (min != int.MinValue ? " from " + min.ToString(CultureInfo.InvariantCulture) + (max != int.MaxValue ? " to " + max.ToString(CultureInfo.InvariantCulture) : " or more") : ""));
            return n;
        }

        /// <summary>A FriendlyName as Twilio takes it: up to 64 characters (null: not given).</summary>
        public static string FriendlyName(string value)
        {
            if (value != null && value.Length > 64)
                throw TwilioErrors.InvalidParameter("Invalid FriendlyName: must be 64 characters or fewer");
            return value;
        }

        public static bool? Bool(string name, string value)
        {
            if (value == null) return null;
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be true or false");
        }

        /// <summary>
        /// A resource's settings as Twilio checks them (applications, numbers): a name of at most 64
        /// characters, each URL absolute http(s) (21502), each method GET or POST, each flag true or false.
        /// </summary>
        public static void Settings(EmulatorRequest r, string[] urls, string[] methods, string[] flags)
        {
            string friendlyName = r.FormValue("FriendlyName");
            if (friendlyName != null && friendlyName.Length > 64)
                throw TwilioErrors.InvalidParameter("Invalid FriendlyName: must be 64 characters or fewer");
            foreach (string name in urls)
            {
                string url = r.FormValue(name);
                if (!string.IsNullOrEmpty(url) && !IsAbsoluteHttpUrl(url))
                    throw TwilioErrors.BadRequest(21502, "Invalid " + name + ": " + url);
            }
            foreach (string name in methods) Enum(name, r.FormValue(name), HttpMethods);
            foreach (string name in flags) Bool(name, r.FormValue(name));
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

        /// <summary>
        /// The test of a date filter named like the spec's (StartTime, StartTime&lt;, StartTime&gt;, DateCreated…):
        /// the plain form matches that UTC day, "&lt;" means on or before, "&gt;" on or after (a bare date meaning midnight UTC).
        /// </summary>
        public static Func<DateTimeOffset, bool> DateFilterTest(string name, string value)
        {
            DateTimeOffset bound = DateFilter(name, value, out _);
            switch (name[name.Length - 1])
            {
                case '<': return t => t <= bound;
                case '>': return t => t >= bound;
                default:
                    DateTime day = bound.UtcDateTime.Date;
                    return t => t.UtcDateTime.Date == day;
            }
        }
    }

    /// <summary>Twilio SIDs: two-letter prefix + 32 lowercase hex digits.</summary>
    internal static class Sids
    {
        public static string Hex32() => Guid.NewGuid().ToString("N");
        public static string New(string prefix) => prefix + Hex32();
    }
}
