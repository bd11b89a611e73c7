using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace TwilioPS.Client
{
    /// <summary>
    /// Twilio's webhook signature (X-Twilio-Signature): Base64(HMAC-SHA1(auth token, URL + each POST
    /// parameter's name and value, names sorted ordinally, a repeated name's values sorted too)).
    /// A JSON body is signed through the URL instead, whose bodySHA256 query value is the hex SHA-256
    /// of the body. Twilio may sign the URL with or without the standard port (:443, :80), so both are
    /// tried, as Twilio's own helper libraries do.
    /// </summary>
    internal static class WebhookSignature
    {
        public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var data = new StringBuilder(url);
            if (parameters != null)
            {
                foreach (IGrouping<string, string> name in parameters.GroupBy(p => p.Key, p => p.Value ?? string.Empty, StringComparer.Ordinal)
                                                                       .OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    foreach (string value in name.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))
                        data.Append(name.Key).Append(value);
                }
            }
            using (var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken)))
            {
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
            }
        }

        /// <summary>Whether <paramref name="signature"/> is Twilio's for this form POST (or GET: no parameters).</summary>
        public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string signature)
        {
            List<KeyValuePair<string, string>> given = parameters?.ToList();
            bool valid = false;
            // Every candidate is compared, so the time taken does not say which one matched.
            foreach (string candidate in WithAndWithoutPort(url))
                valid |= FixedTimeEquals(Compute(authToken, candidate, given), signature);
            return valid;
        }

        /// <summary>Whether <paramref name="signature"/> is Twilio's for this JSON body and URL (which must carry its bodySHA256).</summary>
        public static bool IsValidJson(string authToken, string url, string body, string signature)
        {
            string expected = QueryValue(url, "bodySHA256");
            if (expected == null) return false;
            string actual;
            using (SHA256 sha = SHA256.Create())
            {
                actual = string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(body ?? string.Empty)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
            bool bodyMatches = FixedTimeEquals(actual, expected.ToLowerInvariant());
            return IsValid(authToken, url, null, signature) & bodyMatches;
        }

        /// <summary>The URL as given, and with its standard port removed or added.</summary>
        internal static IEnumerable<string> WithAndWithoutPort(string url)
        {
            yield return url;
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri)) yield break;
            int standard = uri.Scheme == Uri.UriSchemeHttps ? 443 : uri.Scheme == Uri.UriSchemeHttp ? 80 : -1;
            if (standard < 0 || uri.Port != standard) yield break;
            string authority = uri.Scheme + "://" + (string.IsNullOrEmpty(uri.UserInfo) ? string.Empty : uri.UserInfo + "@") + uri.Host;
            string rest = uri.PathAndQuery + uri.Fragment;
            string withPort = authority + ":" + standard.ToString(CultureInfo.InvariantCulture) + rest;
            string withoutPort = authority + rest;
            if (!string.Equals(withPort, url, StringComparison.Ordinal)) yield return withPort;
            if (!string.Equals(withoutPort, url, StringComparison.Ordinal)) yield return withoutPort;
        }

        private static string QueryValue(string url, string name)
        {
            int query = url.IndexOf('?');
            if (query < 0) return null;
            foreach (string pair in url.Substring(query + 1).Split('&'))
            {
                int equals = pair.IndexOf('=');
                string key = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                if (key == name) return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1));
            }
            return null;
        }

        /// <summary>Compares in time that depends only on the lengths, never on where the strings differ.</summary>
        private static bool FixedTimeEquals(string a, string b)
        {
            if (a == null || b == null) return false;
            byte[] x = Encoding.UTF8.GetBytes(a), y = Encoding.UTF8.GetBytes(b);
            int difference = x.Length ^ y.Length;
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++) difference |= x[i] ^ y[i];
            return difference == 0;
        }
    }
}
