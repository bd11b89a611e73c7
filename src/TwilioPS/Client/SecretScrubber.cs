using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace TwilioPS.Client
{
    /// <summary>
    /// Removes a connection's secret from text a server sent back (some proxies and WAFs echo the
    /// request, Authorization header included) before it reaches an exception, a record or a stream:
    /// the secret as typed, inside the Basic parameter (base64 of user:secret), and URL-encoded either
    /// way (%20 or + for a space, hex digits in either case).
    /// </summary>
    internal sealed class SecretScrubber
    {
        public const string Replacement = "[secret removed]";

        // The forms are held for the connection's lifetime, as the Authorization header already is.
        private readonly Regex _forms;

        public SecretScrubber(string userName, string secret)
            : this(new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + secret)) })
        {
        }

        /// <summary>For secrets a request's form carried (a SIP password): each as typed and URL-encoded.</summary>
        public static SecretScrubber ForValues(IEnumerable<string> secrets) => new SecretScrubber(secrets.ToArray());

        private SecretScrubber(string[] plainForms)
        {
            string[] forms = plainForms
                .Where(form => !string.IsNullOrEmpty(form))
                .SelectMany(form => new[] { form, Uri.EscapeDataString(form), WebUtility.UrlEncode(form) })
                .Where(form => !string.IsNullOrEmpty(form))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(form => form.Length) // the longest first, so no form is left half-replaced
                .ToArray();
            _forms = forms.Length == 0
                ? null
                : new Regex(string.Join("|", forms.Select(Regex.Escape)), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        public string Scrub(string text) =>
            string.IsNullOrEmpty(text) || _forms == null ? text : _forms.Replace(text, Replacement);
    }
}
