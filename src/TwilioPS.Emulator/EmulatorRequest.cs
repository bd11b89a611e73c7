using System;
using System.Collections.Generic;

namespace TwilioPS.Emulator
{
    /// <summary>One HTTP request as the emulator received it (kept in <see cref="TwilioEmulator.Requests"/>).</summary>
    public sealed class EmulatorRequest
    {
        private static readonly IReadOnlyList<KeyValuePair<string, string>> None = new KeyValuePair<string, string>[0];

        internal EmulatorRequest(long number, DateTimeOffset timestamp, string method, string pathAndQuery, string path,
            IReadOnlyList<KeyValuePair<string, string>> query, IReadOnlyList<KeyValuePair<string, string>> form,
            string authUsername, string contentType, string userAgent = null)
        {
            Number = number;
            Timestamp = timestamp;
            Method = method;
            PathAndQuery = pathAndQuery;
            Path = path;
            Query = query ?? None;
            Form = form ?? None;
            AuthUsername = authUsername;
            ContentType = contentType;
            UserAgent = userAgent;
        }

        /// <summary>1-based sequence number of the request since the emulator started.</summary>
        public long Number { get; }
        /// <summary>Emulator clock time at arrival.</summary>
        public DateTimeOffset Timestamp { get; }
        public string Method { get; }
        /// <summary>The raw path and query as sent (still URL-encoded).</summary>
        public string PathAndQuery { get; }
        /// <summary>The path without the query.</summary>
        public string Path { get; }
        /// <summary>Decoded query parameters in order, repeated keys kept.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }
        /// <summary>Decoded form fields in order, repeated keys kept (e.g. StatusCallbackEvent).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Form { get; }
        /// <summary>The Basic auth user name (AccountSid or API key SID), null without Basic auth.</summary>
        public string AuthUsername { get; }
        public string ContentType { get; }

        /// <summary>The client's User-Agent header, as sent.</summary>
        public string UserAgent { get; }
        /// <summary>The HTTP status the emulator answered with (0 while in flight or if the connection was dropped).</summary>
        public int ResponseStatus { get; internal set; }
        /// <summary>
        /// From the request's arrival until its response (or the fault that breaks it) started on its way
        /// to the connection; zero while in flight. With latency injected, never less than the latency.
        /// </summary>
        public TimeSpan ResponseTime { get; internal set; }

        /// <summary>The first form value for <paramref name="name"/>, or null.</summary>
        public string FormValue(string name) => First(Form, name);
        /// <summary>Every form value for <paramref name="name"/>, in order.</summary>
        public IReadOnlyList<string> FormValues(string name) => All(Form, name);
        public string QueryValue(string name) => First(Query, name);

        public override string ToString() => Method + " " + PathAndQuery;

        internal static string First(IReadOnlyList<KeyValuePair<string, string>> list, string name)
        {
            for (int i = 0; i < list.Count; i++)
                if (string.Equals(list[i].Key, name, StringComparison.Ordinal)) return list[i].Value;
            return null;
        }

        internal static IReadOnlyList<string> All(IReadOnlyList<KeyValuePair<string, string>> list, string name)
        {
            var result = new List<string>();
            for (int i = 0; i < list.Count; i++)
                if (string.Equals(list[i].Key, name, StringComparison.Ordinal)) result.Add(list[i].Value);
            return result;
        }
    }

    /// <summary>
    /// The fault-injection seam: consulted for every request after it is counted and recorded, before
    /// authentication and routing. Return null to let the request through, or a fault to answer with.
    /// </summary>
    public interface IRequestInterceptor
    {
        EmulatorFault Intercept(EmulatorRequest request);
    }

    /// <summary>
    /// What an <see cref="IRequestInterceptor"/> makes the emulator do with a request: answer with an
    /// error instead of serving it, break the connection before or after serving it, or only delay it.
    /// </summary>
    public sealed class EmulatorFault
    {
        public int Status { get; set; }
        public int Code { get; set; }
        public string Message { get; set; }
        /// <summary>Sent as a Retry-After header (whole seconds) when set.</summary>
        public TimeSpan? RetryAfter { get; set; }
        /// <summary>Send a 200's headers and part of its body, then abort: the request is not processed.</summary>
        public bool DropConnection { get; set; }
        /// <summary>Abort the connection before any byte of a response: the request is not processed.</summary>
        public bool DropBeforeAnyResponse { get; set; }
        /// <summary>
        /// Serve the request (a create creates), then send the response's headers and half its body and
        /// abort: the client cannot tell whether the request was carried out.
        /// </summary>
        public bool CutResponseAfterProcessing { get; set; }
        /// <summary>A Location header for the answer (a redirect).</summary>
        public string Location { get; set; }
        /// <summary>With <see cref="Body"/>: answer with this body instead of Twilio's JSON error.</summary>
        public string ContentType { get; set; }
        /// <summary>A raw body (a proxy's HTML page; empty for a redirect) instead of Twilio's JSON error.</summary>
        public string Body { get; set; }
        /// <summary>
        /// Latency: the answer, the drop or the served response leaves this long after the request arrived.
        /// The emulator's own work to prepare it counts within the delay (a response that took longer to
        /// prepare leaves as soon as it is ready), so the delay stands for the time on the wire alone.
        /// </summary>
        public TimeSpan Delay { get; set; }
        /// <summary>The fault's name in a <see cref="RandomFaults"/> spec (e.g. "429+1s", "cut"), for counts and logs.</summary>
        public string Kind { get; set; }

        public static EmulatorFault TooManyRequests(TimeSpan? retryAfter = null) => new EmulatorFault
        { Status = 429, Code = 20429, Message = "Too Many Requests", RetryAfter = retryAfter, Kind = KindWithRetryAfter("429", retryAfter) };
        public static EmulatorFault ServiceUnavailable(TimeSpan? retryAfter = null) => new EmulatorFault
        { Status = 503, Code = 20503, Message = "Service is unavailable. Please try again", RetryAfter = retryAfter, Kind = KindWithRetryAfter("503", retryAfter) };
        public static EmulatorFault InternalError() => new EmulatorFault
        { Status = 500, Code = 20500, Message = "An internal server error has occurred", Kind = "500" };
        /// <summary>Headers and part of a body, then a reset, without processing the request.</summary>
        public static EmulatorFault Drop() => new EmulatorFault { DropConnection = true, Kind = "truncate" };
        /// <summary>The connection is aborted before any response byte, without processing the request.</summary>
        public static EmulatorFault DropBeforeResponse() => new EmulatorFault { DropBeforeAnyResponse = true, Kind = "drop" };
        /// <summary>The request is served (a create creates), then its response is cut off half way.</summary>
        public static EmulatorFault CutAfterProcessing() => new EmulatorFault { CutResponseAfterProcessing = true, Kind = "cut" };

        /// <summary>A proxy's HTML error page (502 Bad Gateway by default), not Twilio's JSON.</summary>
        public static EmulatorFault HtmlPage(int status = 502) => new EmulatorFault
        {
            Status = status,
            ContentType = "text/html; charset=utf-8",
            Body = "<html><head><title>" + status + " Bad Gateway</title></head><body><h1>" + status + " Bad Gateway</h1><hr><center>proxy</center></body></html>",
            Kind = "html",
        };

        /// <summary>A redirect (307 keeps the method and body; 301/302/303 invite a GET) to <paramref name="location"/>.</summary>
        public static EmulatorFault Redirect(string location, int status = 307)
        {
            if (status < 300 || status > 399) throw new ArgumentOutOfRangeException(nameof(status), "A redirect's status is 3xx.");
            return new EmulatorFault { Status = status, Location = location ?? throw new ArgumentNullException(nameof(location)), ContentType = "text/plain", Body = string.Empty, Kind = "redirect" };
        }

        /// <summary>Only latency: the request is served as usual, its response sent <paramref name="delay"/> after it arrived.</summary>
        public static EmulatorFault Latency(TimeSpan delay) => new EmulatorFault { Delay = delay, Kind = "latency" };

        /// <summary>A fault that only delays (no status, no drop, no cut): the request is then served normally.</summary>
        public bool IsLatencyOnly => Status == 0 && !DropConnection && !DropBeforeAnyResponse && !CutResponseAfterProcessing;

        private static string KindWithRetryAfter(string status, TimeSpan? retryAfter) =>
            retryAfter.HasValue ? status + "+" + ((int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "s" : status;
    }
}
