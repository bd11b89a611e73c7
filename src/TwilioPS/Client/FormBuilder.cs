using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace TwilioPS.Client
{
    /// <summary>
    /// Builds Twilio's form-encoded request bodies and query strings: PascalCase names, lists as
    /// repeated keys (StatusCallbackEvent=a&amp;StatusCallbackEvent=b), and only the values that were
    /// given — a null is "not sent", never an empty string.
    /// </summary>
    public sealed class FormBuilder : IEnumerable<KeyValuePair<string, string>>
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();
        private readonly List<string> _secrets = new List<string>();
        private SecretScrubber _scrubber;

        public int Count => _pairs.Count;

        public FormBuilder Add(string name, string value)
        {
            if (value != null) _pairs.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        /// <summary>
        /// Adds a field whose value is a secret (a SIP password): sent like any other, and removed from
        /// any text the server sends back about this request.
        /// </summary>
        public FormBuilder AddSecret(string name, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _secrets.Add(value);
                _scrubber = null;
            }
            return Add(name, value);
        }

        /// <summary>
        /// Removes this form's secret values (see <see cref="AddSecret"/>) from text; null when it has
        /// none. Built once, however many texts an error reply has.
        /// </summary>
        internal SecretScrubber SecretScrubber
        {
            get
            {
                if (_secrets.Count == 0) return null;
                if (_scrubber == null) _scrubber = SecretScrubber.ForValues(_secrets);
                return _scrubber;
            }
        }

        public FormBuilder Add(string name, IEnumerable<string> values)
        {
            if (values == null) return this;
            foreach (string value in values) Add(name, value);
            return this;
        }

        public FormBuilder Add(string name, int? value) =>
            value.HasValue ? Add(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public FormBuilder Add(string name, bool? value) =>
            value.HasValue ? Add(name, value.Value ? "true" : "false") : this;

        /// <summary>Twilio's list filters take UTC date-times in ISO 8601.</summary>
        public FormBuilder Add(string name, DateTime? value) =>
            value.HasValue ? Add(name, FormatDate(value.Value)) : this;

        public static string FormatDate(DateTime value)
        {
            DateTime utc = value.Kind == DateTimeKind.Unspecified ? value : value.ToUniversalTime();
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        public HttpContent ToContent() => new ByteArrayContentWithType(Encoding.ASCII.GetBytes(Encode()));

        /// <summary>application/x-www-form-urlencoded text; also used for query strings.</summary>
        public string Encode()
        {
            var text = new StringBuilder();
            foreach (KeyValuePair<string, string> pair in _pairs)
            {
                if (text.Length > 0) text.Append('&');
                text.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            }
            return text.ToString();
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Re-readable body (a retried request sends it again), typed as a form.</summary>
        private sealed class ByteArrayContentWithType : ByteArrayContent
        {
            public ByteArrayContentWithType(byte[] body) : base(body)
            {
                Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            }
        }
    }
}
