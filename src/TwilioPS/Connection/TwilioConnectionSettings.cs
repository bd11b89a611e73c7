using System;
using System.Net;
using TwilioPS.Client;
using TwilioPS.Validation;

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
        /// <summary>
        /// Requests in flight at once on this connection, across every cmdlet and runspace using it. As
        /// many as the largest -ThrottleLimit (100), so a bulk send gets the concurrency it asks for; a
        /// lower limit silently capped -ThrottleLimit 50 at 32. This is the ceiling of the connection's
        /// <see cref="TwilioPS.Client.ConcurrencyWindow"/>: Twilio answers 429 20429 beyond an account's
        /// own concurrency limit, and the window narrows to what the account admits.
        /// </summary>
        public int MaxConcurrentRequests { get; set; } = 100;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public IWebProxy Proxy { get; set; }
        public bool UseSystemProxy { get; set; } = true;
        public string UserAgent { get; set; } = "TwilioPS";
        public string Source { get; set; }

        /// <summary>
        /// Twilio's host for an edge and region: api.{edge}.{region}.twilio.com; an edge without a
        /// region means us1 (Twilio's rule). Refuses anything that is not an edge or region, whoever
        /// validated it before: these values become the host the credential is sent to.
        /// </summary>
        public static Uri TwilioBaseUri(string edge, string region)
        {
            if (string.IsNullOrEmpty(edge) && string.IsNullOrEmpty(region)) return new Uri("https://api.twilio.com");
            if (!string.IsNullOrEmpty(edge) && !TwilioLocation.IsEdge(edge))
                throw new ArgumentException($"'{edge}' is not a Twilio edge ({string.Join(", ", TwilioLocation.Edges)}).", nameof(edge));
            if (!string.IsNullOrEmpty(region) && !TwilioLocation.IsRegion(region))
                throw new ArgumentException($"'{region}' is not a Twilio region (two letters and a digit, such as us1 or ie1).", nameof(region));
            if (string.IsNullOrEmpty(region)) region = "us1";
            string host = string.IsNullOrEmpty(edge) ? $"api.{region}.twilio.com" : $"api.{edge}.{region}.twilio.com";
            return new Uri("https://" + host.ToLowerInvariant());
        }

        /// <summary>
        /// Credentials only travel over HTTPS, except to this machine (the emulator, Prism); and never
        /// with user information in the URI, which would put a second identity beside the credential.
        /// </summary>
        public static bool IsAllowedBaseUri(Uri uri) =>
            uri.IsAbsoluteUri
            && string.IsNullOrEmpty(uri.UserInfo)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

        private static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.DnsSafeHost, out IPAddress address) && IPAddress.IsLoopback(address);
        }
    }
}
