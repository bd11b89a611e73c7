using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>application/x-www-form-urlencoded parsing and query building, repeated keys kept in order.</summary>
    internal static class UrlEncoding
    {
        public static List<KeyValuePair<string, string>> Parse(string encoded)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(encoded)) return result;
            int start = 0;
            if (encoded[0] == '?') start = 1;
            while (start < encoded.Length)
            {
                int amp = encoded.IndexOf('&', start);
                if (amp < 0) amp = encoded.Length;
                if (amp > start)
                {
                    int eq = encoded.IndexOf('=', start, amp - start);
                    string key, value;
                    if (eq < 0) { key = encoded.Substring(start, amp - start); value = ""; }
                    else { key = encoded.Substring(start, eq - start); value = encoded.Substring(eq + 1, amp - eq - 1); }
                    result.Add(new KeyValuePair<string, string>(Decode(key), Decode(value)));
                }
                start = amp + 1;
            }
            return result;
        }

        public static string Decode(string s) => s.IndexOf('%') < 0 && s.IndexOf('+') < 0 ? s : WebUtility.UrlDecode(s);

        /// <summary>RFC 3986 escaping (so "+" becomes %2B and "&lt;" becomes %3C, as Twilio's page URIs do).</summary>
        public static string Encode(string s) => Uri.EscapeDataString(s ?? "");

        public static void AppendPair(StringBuilder sb, string key, string value)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(Encode(key)).Append('=').Append(Encode(value));
        }
    }
}
