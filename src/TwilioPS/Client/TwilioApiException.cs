using System;
using System.Net;

namespace TwilioPS.Client
{
    /// <summary>
    /// A request Twilio answered with an error. Carries Twilio's own error body so callers (and the
    /// ErrorRecords built from it) can act on the numeric code rather than parse message text.
    /// </summary>
    public sealed class TwilioApiException : Exception
    {
        public TwilioApiException(HttpStatusCode status, int? code, string message, string moreInfo, string details, string method, string path)
            : base(ComposeMessage(status, code, message))
        {
            Status = status;
            Code = code;
            TwilioMessage = message;
            MoreInfo = moreInfo;
            Details = details;
            Method = method;
            Path = path;
        }

        /// <summary>The HTTP status of the response.</summary>
        public HttpStatusCode Status { get; }

        /// <summary>Twilio's error code (e.g. 21211), when the body carried one.</summary>
        public int? Code { get; }

        /// <summary>Twilio's message, as sent.</summary>
        public string TwilioMessage { get; }

        /// <summary>The documentation link Twilio sent (more_info).</summary>
        public string MoreInfo { get; }

        /// <summary>Twilio's optional details object, as raw JSON.</summary>
        public string Details { get; }

        public string Method { get; }

        /// <summary>The request path and query (never carries credentials).</summary>
        public string Path { get; }

        private static string ComposeMessage(HttpStatusCode status, int? code, string message)
        {
            string text = string.IsNullOrEmpty(message) ? status.ToString() : message;
            return code.HasValue
                ? $"{text} (Twilio error {code.Value}, HTTP {(int)status})"
                : $"{text} (HTTP {(int)status})";
        }
    }
}
