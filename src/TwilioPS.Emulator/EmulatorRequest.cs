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

    /// <summary>What an <see cref="IRequestInterceptor"/> makes the emulator do instead of serving a request.</summary>
    public sealed class EmulatorFault
    {
        public int Status { get; set; }
        public int Code { get; set; }
        public string Message { get; set; }
        /// <summary>Sent as a Retry-After header (whole seconds) when set.</summary>
        public TimeSpan? RetryAfter { get; set; }
        /// <summary>Abort the connection without any response.</summary>
        public bool DropConnection { get; set; }
        /// <summary>Wait this long before answering (or dropping).</summary>
        public TimeSpan Delay { get; set; }

        public static EmulatorFault TooManyRequests(TimeSpan? retryAfter = null) => new EmulatorFault
        { Status = 429, Code = 20429, Message = "Too Many Requests", RetryAfter = retryAfter };
        public static EmulatorFault ServiceUnavailable(TimeSpan? retryAfter = null) => new EmulatorFault
        { Status = 503, Code = 20503, Message = "Service is unavailable. Please try again", RetryAfter = retryAfter };
        public static EmulatorFault InternalError() => new EmulatorFault
        { Status = 500, Code = 20500, Message = "An internal server error has occurred" };
        public static EmulatorFault Drop() => new EmulatorFault { DropConnection = true };

        /// <summary>Only added latency: after <paramref name="delay"/> the request is served as usual.</summary>
        public static EmulatorFault Latency(TimeSpan delay) => new EmulatorFault { Delay = delay };

        /// <summary>A fault that only delays (no status, no drop): the request is then served normally.</summary>
        public bool IsLatencyOnly => Status == 0 && !DropConnection;
    }
}
