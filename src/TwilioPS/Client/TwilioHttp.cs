using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// The one place requests are sent and responses read for a connection: path composition,
    /// status checks, Twilio error bodies, JSON. Retry, auth and concurrency live in the handler
    /// pipeline beneath the HttpClient this uses.
    /// </summary>
    public sealed class TwilioHttp
    {
        private readonly Func<HttpClient> _httpClient;
        private readonly string _root;

        internal TwilioHttp(Func<HttpClient> httpClient, Uri baseUri)
        {
            _httpClient = httpClient;
            BaseUri = baseUri;
            // Twilio's URIs (next_page_uri, uri) are relative to the API host; a proxy may add a path prefix.
            _root = baseUri.GetLeftPart(UriPartial.Authority) + baseUri.AbsolutePath.TrimEnd('/');
        }

        public Uri BaseUri { get; }

        /// <summary>
        /// An absolute URI for a host-relative Twilio path such as "/2010-04-01/Accounts/AC….json".
        /// The Authorization header must never travel to a host the user did not connect to, so an
        /// absolute URI (a next_page_uri from some stand-ins and proxies) is used as is only on the
        /// connection's own host; an API path on any other host (say, api.twilio.com echoed by a
        /// stand-in) is read against the connection's own root; anything else is refused.
        /// </summary>
        public Uri Resolve(string hostRelativePath)
        {
            if (Uri.TryCreate(hostRelativePath, UriKind.Absolute, out Uri absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                if (Uri.Compare(absolute, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
                    return absolute;
                if (absolute.AbsolutePath.StartsWith("/2010-04-01/", StringComparison.Ordinal))
                    return new Uri(_root + absolute.PathAndQuery);
                throw new TwilioProtocolException($"Refusing to follow {absolute.GetLeftPart(UriPartial.Authority)}{absolute.AbsolutePath}: it is neither the connection's API host ({BaseUri.GetLeftPart(UriPartial.Authority)}) nor a Twilio API path.");
            }
            return new Uri(_root + (hostRelativePath.StartsWith("/", StringComparison.Ordinal) ? hostRelativePath : "/" + hostRelativePath));
        }

        public async Task<T> SendAsync<T>(HttpMethod method, string path, FormBuilder form, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage response = await SendCheckedAsync(method, path, form, cancellationToken).ConfigureAwait(false))
            using (ResponseBuffer body = await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false))
            {
                return JsonSerializer.Deserialize(body.Span, typeInfo);
            }
        }

        /// <summary>For requests whose answer has no body worth reading (DELETE's 204).</summary>
        public async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
        {
            using (await SendCheckedAsync(method, path, null, cancellationToken).ConfigureAwait(false))
            {
            }
        }

        /// <summary>A GET's whole body in a pooled buffer (the caller disposes it), for list pages.</summary>
        internal async Task<ResponseBuffer> GetBodyAsync(string path, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage response = await SendCheckedAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false))
            {
                return await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// A GET whose body is media (a recording's audio, a transcription's text), left unread for the
        /// caller to stream to a file; the caller disposes the response. Twilio's errors still arrive
        /// as <see cref="TwilioApiException"/>.
        /// </summary>
        internal Task<HttpResponseMessage> GetMediaAsync(string path, CancellationToken cancellationToken) =>
            SendCheckedAsync(HttpMethod.Get, path, null, cancellationToken);

        private async Task<HttpResponseMessage> SendCheckedAsync(HttpMethod method, string path, FormBuilder form, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(method, Resolve(path));
            if (form != null) request.Content = form.ToContent();
            HttpResponseMessage response;
            try
            {
                response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                request.Dispose();
            }

            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                throw await ReadErrorAsync(response, method, path, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<TwilioApiException> ReadErrorAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
        {
            string text = null;
            try
            {
                using (ResponseBuffer body = await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false))
                {
                    text = Encoding.UTF8.GetString(body.Memory.ToArray());
                    if (body.Length > 0 && body.Span[0] == (byte)'{')
                    {
                        TwilioErrorBody error = JsonSerializer.Deserialize(body.Span, TwilioJsonContext.Default.TwilioErrorBody);
                        if (error != null && (error.Code.HasValue || error.Message != null))
                        {
                            return new TwilioApiException(response.StatusCode, error.Code, error.Message, error.MoreInfo,
                                error.Details?.GetRawText(), method.Method, path);
                        }
                        TwilioApiException problem = ProblemDetails(body.Span, response.StatusCode, method, path);
                        if (problem != null) return problem;
                    }
                }
            }
            catch (JsonException)
            {
                // Not Twilio's JSON (a proxy's HTML page, say): report the status with the text below.
            }

            string message = string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase : Truncate(text.Trim(), 300);
            return new TwilioApiException(response.StatusCode, null, message, null, null, method.Method, path);
        }

        /// <summary>
        /// An RFC 7807 problem (what stand-ins such as Prism send: title, detail and a "validation" list),
        /// kept readable instead of reduced to its status.
        /// </summary>
        private static TwilioApiException ProblemDetails(ReadOnlySpan<byte> json, HttpStatusCode status, HttpMethod method, string path)
        {
            using (JsonDocument document = JsonDocument.Parse(json.ToArray()))
            {
                JsonElement root = document.RootElement;
                string title = root.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                string detail = root.TryGetProperty("detail", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (title == null && detail == null) return null;
                string details = root.TryGetProperty("validation", out JsonElement v) ? v.GetRawText() : null;
                string message = title != null && detail != null ? title + ": " + detail : title ?? detail;
                if (details != null) message += " " + details;
                return new TwilioApiException(status, null, message, null, details, method.Method, path);
            }
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
    }
}
