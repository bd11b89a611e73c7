using System;
using System.Net;
using TwilioPS.Client;

namespace TwilioPS.Connection
{
    /// <summary>Everything a TwilioConnection is built from; Connect-Twilio fills it in.</summary>
    internal sealed class TwilioConnectionSettings
    {
        public string AccountSid { get; set; }
        public TwilioCredential Credential { get; set; }
        public Uri BaseUri { get; set; }
        public string Edge { get; set; }
        public string Region { get; set; }
        public double CallsPerSecond { get; set; } = 1;
        public RetrySettings Retry { get; set; } = new RetrySettings();
        public int MaxConcurrentRequests { get; set; } = 32;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public IWebProxy Proxy { get; set; }
        public bool UseSystemProxy { get; set; } = true;
        public string UserAgent { get; set; } = "TwilioPS";
        public string Source { get; set; }

        /// <summary>
        /// Twilio's host for an edge and region: api.{edge}.{region}.twilio.com; an edge without a
        /// region means us1 (Twilio's rule).
        /// </summary>
        public static Uri TwilioBaseUri(string edge, string region)
        {
            if (string.IsNullOrEmpty(edge) && string.IsNullOrEmpty(region)) return new Uri("https://api.twilio.com");
            if (string.IsNullOrEmpty(region)) region = "us1";
            string host = string.IsNullOrEmpty(edge) ? $"api.{region}.twilio.com" : $"api.{edge}.{region}.twilio.com";
            return new Uri("https://" + host.ToLowerInvariant());
        }

        /// <summary>Credentials only travel over HTTPS, except to this machine (the emulator, Prism).</summary>
        public static bool IsAllowedBaseUri(Uri uri) =>
            uri.IsAbsoluteUri
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.DnsSafeHost, out IPAddress address) && IPAddress.IsLoopback(address);
        }
    }
}
