using System;
using System.Net;
using System.Globalization;
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
        private readonly TimeSpan _timeout;
        private readonly SecretScrubber _scrubber;

        /// <param name="timeout">The deadline for one request, from sending it to the last byte of its body (null: none).</param>
        /// <param name="scrubber">Removes the connection's secret from text a server sends back (null: nothing to remove).</param>
        internal TwilioHttp(Func<HttpClient> httpClient, Uri baseUri, TimeSpan? timeout = null, SecretScrubber scrubber = null)
        {
            _httpClient = httpClient;
            BaseUri = baseUri;
            // Twilio's URIs (next_page_uri, uri) are relative to the API host; a proxy may add a path prefix.
            _root = baseUri.GetLeftPart(UriPartial.Authority) + baseUri.AbsolutePath.TrimEnd('/');
            _timeout = timeout ?? Timeout.InfiniteTimeSpan;
            _scrubber = scrubber;
        }

        public Uri BaseUri { get; }

        /// <summary>Text a server sent, without the connection's secret (some proxies echo the Authorization header).</summary>
        internal string Scrub(string text) => _scrubber == null ? text : _scrubber.Scrub(text);

        /// <summary>Text a server sent about a request, without the connection's secret nor the secrets the request's form carried.</summary>
        private string Scrub(string text, FormBuilder form)
        {
            text = Scrub(text);
            SecretScrubber secrets = form?.SecretScrubber;
            return secrets == null ? text : secrets.Scrub(text);
        }

        /// <summary>
        /// A body that is not the JSON the Twilio API sends. The JSON error's message may quote the
        /// server's text, so it is scrubbed, and the original exception (which quotes it too) is not kept.
        /// </summary>
        internal TwilioProtocolException NotTwilioJson(JsonException exception) =>
            new TwilioProtocolException("The response is not the JSON the Twilio API sends: " + Scrub(exception.Message));

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
                throw new TwilioProtocolException($"Refusing to follow {Scrub(absolute.GetLeftPart(UriPartial.Authority) + absolute.AbsolutePath)}: it is neither the connection's API host ({BaseUri.GetLeftPart(UriPartial.Authority)}) nor a Twilio API path.");
            }
            return new Uri(_root + (hostRelativePath.StartsWith("/", StringComparison.Ordinal) ? hostRelativePath : "/" + hostRelativePath));
        }

        public Task<T> SendAsync<T>(HttpMethod method, string path, FormBuilder form, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
            WithDeadlineAsync(method, path, cancellationToken, async token =>
            {
                using (ResponseBuffer body = await SendForBodyAsync(method, path, form, token).ConfigureAwait(false))
                {
                    try
                    {
                        return JsonSerializer.Deserialize(body.Span, typeInfo);
                    }
                    catch (JsonException exception)
                    {
                        throw NotTwilioJson(exception);
                    }
                }
            });

        /// <summary>For requests whose answer has no body worth reading (DELETE's 204).</summary>
        public Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken) =>
            WithDeadlineAsync(method, path, cancellationToken, async token =>
            {
                using (await SendForBodyAsync(method, path, null, token).ConfigureAwait(false))
                {
                    return true;
                }
            });

        /// <summary>A GET's whole body in a pooled buffer (the caller disposes it), for list pages.</summary>
        internal Task<ResponseBuffer> GetBodyAsync(string path, CancellationToken cancellationToken) =>
            WithDeadlineAsync(HttpMethod.Get, path, cancellationToken, token => SendForBodyAsync(HttpMethod.Get, path, null, token));

        /// <summary>Any request's whole body, unparsed (Invoke-TwilioApi); the caller disposes it.</summary>
        internal Task<ResponseBuffer> SendRawAsync(HttpMethod method, string path, FormBuilder form, CancellationToken cancellationToken) =>
            WithDeadlineAsync(method, path, cancellationToken, token => SendForBodyAsync(method, path, form, token));

        /// <summary>
        /// Runs one request, its retries and the reading of its body under one deadline (-TimeoutSec):
        /// a server that sends headers and then stalls is as late as one that never answers.
        /// </summary>
        private async Task<T> WithDeadlineAsync<T>(HttpMethod method, string path, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> operation)
        {
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(_timeout);
                try
                {
                    return await operation(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (deadline.IsCancellationRequested
                                                  && (exception is OperationCanceledException || exception is ObjectDisposedException || exception is System.IO.IOException || exception is HttpRequestException))
                {
                    // However an aborted read surfaced, Ctrl+C is a cancellation and the deadline a timeout.
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException(string.Format(CultureInfo.InvariantCulture,
                        "{0} {1} had no complete response within {2:0.###} s (-TimeoutSec).", method.Method, Shown(path), _timeout.TotalSeconds), exception);
                }
            }
        }

        /// <summary>
        /// Whether a failed request never left this machine: the host could not be resolved or refused
        /// the connection. Anything else (a reset, a closed connection) may have reached Twilio.
        /// </summary>
        private static bool NeverSent(Exception exception)
        {
            for (Exception inner = exception; inner != null; inner = inner.InnerException)
            {
                if (inner is System.Net.Sockets.SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.HostNotFound:
                        case System.Net.Sockets.SocketError.NoData:
                        case System.Net.Sockets.SocketError.TryAgain:
                        case System.Net.Sockets.SocketError.NetworkUnreachable:
                        case System.Net.Sockets.SocketError.HostUnreachable:
                            return true;
                    }
                }
                if (inner is System.Security.Authentication.AuthenticationException) return true;   // TLS failed: nothing was sent
            }
            return false;
        }

        /// <summary>A request path for a message: without its query, and scrubbed (a next_page_uri is the server's text).</summary>
        private string Shown(string path)
        {
            int query = path.IndexOf('?');
            return Scrub(query < 0 ? path : path.Substring(0, query));
        }

        /// <summary>
        /// Sends, checks the status and reads the whole body (up to <see cref="ResponseBuffer.MaxLength"/>).
        /// A body cut off after a create or update was sent is reported as such: Twilio may have acted on it.
        /// </summary>
        private async Task<ResponseBuffer> SendForBodyAsync(HttpMethod method, string path, FormBuilder form, CancellationToken cancellationToken)
        {
            using (HttpResponseMessage response = await SendCheckedAsync(method, path, form, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    // Not every runtime's response stream observes the token (.NET Framework's does not):
                    // disposing the response aborts the read wherever it is.
                    using (cancellationToken.Register(state => ((HttpResponseMessage)state).Dispose(), response))
                    {
                        return await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (System.IO.IOException exception) when (method != HttpMethod.Get && method != HttpMethod.Delete && !cancellationToken.IsCancellationRequested)
                {
                    throw new TwilioResponseInterruptedException(
                        $"The response to {method.Method} {Shown(path)} broke off after Twilio received the request ({Scrub(exception.Message, form)}): it may have been carried out. Check before sending it again.",
                        exception);
                }
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
            var request = new HttpRequestMessage(method, Resolve(path))
            {
                // .NET's connection pool silently re-sends a request without content (up to three times)
                // when its connection closes before the response starts. An empty body opts out of that,
                // so the retry handler (and -MaxRetries) alone decides what is sent again.
                Content = form != null ? form.ToContent() : new ByteArrayContent(Array.Empty<byte>()),
            };
            HttpResponseMessage response;
            try
            {
                response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception) when (method == HttpMethod.Post && !cancellationToken.IsCancellationRequested && !NeverSent(exception))
            {
                // The connection broke after the request went out and before any answer: Twilio may have
                // created the call or message. Say so, so the user checks instead of blindly resending.
                throw new TwilioResponseInterruptedException(
                    $"The connection broke before Twilio answered {method.Method} {Shown(path)} ({Scrub(exception.Message, form)}): it may have been carried out. Check before sending it again.",
                    exception);
            }
            finally
            {
                request.Dispose();
            }

            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                int status = (int)response.StatusCode;
                if (status >= 300 && status < 400)
                {
                    // Twilio's API never redirects, and a followed redirect would carry the credential and a
                    // create's body (with its passwords) to wherever the server points.
                    string location = response.Headers.Location?.OriginalString;
                    throw new TwilioProtocolException(string.Format(CultureInfo.InvariantCulture,
                        "The API answered {0} {1} with HTTP {2}, a redirect{3}. The Twilio API does not redirect, so TwilioPS never follows one: check -BaseUri and any proxy in between.",
                        method.Method, Shown(path), status, location == null ? string.Empty : " to " + Truncate(Scrub(location), 200)));
                }
                throw await ReadErrorAsync(response, method, path, form, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<TwilioApiException> ReadErrorAsync(HttpResponseMessage response, HttpMethod method, string path, FormBuilder form, CancellationToken cancellationToken)
        {
            string text = null;
            try
            {
                using (ResponseBuffer body = await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false))
                {
                    text = Scrub(Encoding.UTF8.GetString(body.Memory.ToArray()), form);
                    if (body.Length > 0 && body.Span[0] == (byte)'{')
                    {
                        TwilioErrorBody error = JsonSerializer.Deserialize(body.Span, TwilioJsonContext.Default.TwilioErrorBody);
                        if (error != null && (error.Code.HasValue || error.Message != null))
                        {
                            return new TwilioApiException(response.StatusCode, error.Code, Scrub(error.Message, form), Scrub(error.MoreInfo, form),
                                Scrub(error.Details?.GetRawText(), form), method.Method, Scrub(path));
                        }
                        TwilioApiException problem = ProblemDetails(body.Span, response.StatusCode, method, path, form);
                        if (problem != null) return problem;
                    }
                }
            }
            catch (JsonException)
            {
                // Not Twilio's JSON (a proxy's HTML page, say): report the status with the text below.
            }

            string message = string.IsNullOrWhiteSpace(text) ? Scrub(response.ReasonPhrase, form) : Truncate(text.Trim(), 300);
            return new TwilioApiException(response.StatusCode, null, message, null, null, method.Method, Scrub(path));
        }

        /// <summary>
        /// An RFC 7807 problem (what stand-ins such as Prism send: title, detail and a "validation" list),
        /// kept readable instead of reduced to its status.
        /// </summary>
        private TwilioApiException ProblemDetails(ReadOnlySpan<byte> json, HttpStatusCode status, HttpMethod method, string path, FormBuilder form)
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
                return new TwilioApiException(status, null, Scrub(message, form), null, Scrub(details, form), method.Method, Scrub(path));
            }
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
    }
}
