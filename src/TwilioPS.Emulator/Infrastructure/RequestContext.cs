using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>Everything a handler needs: the request, route values, the caller, the clock, and the response.</summary>
    internal sealed class RequestContext
    {
        private readonly HttpListenerContext _http;
        private readonly HttpListenerResponse _response;
        /// <summary>Stopwatch timestamp of the request's arrival.</summary>
        private readonly long _arrived;
        /// <summary>Stopwatch timestamp before which nothing of the response may leave; 0: it leaves as soon as it is ready.</summary>
        private long _sendAt;
        /// <summary>The response, prepared while <see cref="_sendAt"/> holds it back.</summary>
        private Action _held;

        public RequestContext(TwilioEmulator emulator, EmulatorRequest request, HttpListenerContext http, DateTimeOffset now, long arrived)
        {
            Emulator = emulator;
            Request = request;
            _http = http;
            _response = http.Response;
            Now = now;
            _arrived = arrived;
        }

        public TwilioEmulator Emulator { get; }
        public EmulatorRequest Request { get; }
        public HttpListenerRequest HttpRequest => _http.Request;
        /// <summary>The emulator clock, read once per request so one response is self-consistent.</summary>
        public DateTimeOffset Now { get; }
        public Dictionary<string, string> RouteValues { get; set; }
        /// <summary>The authenticated account (an API key authenticates as its owner account).</summary>
        public Account Principal { get; set; }
        /// <summary>The {AccountSid} of the route, after the access check.</summary>
        public Account Account { get; set; }
        /// <summary>The catalog scope the request was routed through (null for routes outside the catalog).</summary>
        public ResourceScope Scope { get; set; }
        public bool Responded { get; private set; }
        /// <summary>
        /// Fault injection: the response is written only in part (headers promising the whole body, half
        /// of it) and the connection aborted, after the handler did its work.
        /// </summary>
        public bool CutResponse { get; set; }

        public string Route(string name) => RouteValues != null && RouteValues.TryGetValue(name, out string v) ? v : null;
        public string Form(string name) => Request.FormValue(name);

        /// <summary>Writes a JSON body built by <paramref name="write"/> with the given status.</summary>
        public void Json(int status, Action<Utf8JsonWriter> write)
        {
            JsonBuffer buffer = JsonBuffer.Rent();
            try
            {
                write(buffer.Writer);
                buffer.Writer.Flush();
            }
            catch
            {
                JsonBuffer.Return(buffer);
                throw;
            }
            // A held response keeps its buffer until it is sent.
            Send(status, buffer.Output.Buffer, buffer.Output.WrittenCount, sent: () => JsonBuffer.Return(buffer));
        }

        public void Error(TwilioApiException error)
        {
            if (error.Status == 401) _response.AddHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            Json(error.Status, w => TwilioJson.WriteError(w, error.Status, error.Code, error.Message));
        }

        public void Error(int status, int code, string message)
        {
            Json(status, w => TwilioJson.WriteError(w, status, code, message));
        }

        public void AddHeader(string name, string value) => _response.AddHeader(name, value);

        public void NoContent()
        {
            Responded = true;
            Deliver(() =>
            {
                if (CutResponse)
                {
                    // No body to cut: the answer is lost altogether.
                    ConnectionReset.Reset(_http);
                    return;
                }
                Request.ResponseStatus = 204;
                _response.StatusCode = 204;
                _response.ContentLength64 = 0;
                _response.Close();
            });
        }

        /// <summary>Fault injection: the connection is aborted before any response byte.</summary>
        public void Reset()
        {
            Responded = true;
            Deliver(() => ConnectionReset.Reset(_http));
        }

        /// <summary>
        /// Fault injection: the connection breaks in a way every client notices: headers that promise a
        /// body, part of it, then a reset.
        /// </summary>
        public void DropMidResponse()
        {
            Responded = true;
            Deliver(() =>
            {
                try
                {
                    _response.StatusCode = 200;
                    _response.ContentType = "application/json; charset=utf-8";
                    _response.ContentLength64 = 1024;
                    byte[] part = Encoding.UTF8.GetBytes("{\"calls\":[");
                    _response.OutputStream.Write(part, 0, part.Length);
                    _response.OutputStream.Flush();
                }
                catch (Exception)
                {
                    // Already gone: that is the point.
                }
                ConnectionReset.Reset(_http);
            });
        }

        /// <summary>
        /// Simulated latency: no response byte leaves before <paramref name="delay"/> after the request
        /// arrived. The response is still prepared at once, so the emulator's own work counts within the
        /// delay instead of adding to it; <see cref="ReleaseAsync"/> sends it when the time has come.
        /// </summary>
        public void HoldFor(TimeSpan delay)
        {
            if (delay > TimeSpan.Zero) _sendAt = _arrived + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        }

        /// <summary>Sends a response held by <see cref="HoldFor"/> once its time has come (at once if it is already past).</summary>
        public async Task ReleaseAsync(CancellationToken cancel)
        {
            Action held = _held;
            if (held == null) return;
            _held = null;
            await Deadlines.Until(_sendAt, cancel).ConfigureAwait(false);
            held();
        }

        private void Deliver(Action send)
        {
            Action timed = () =>
            {
                Request.ResponseTime = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - _arrived) / (double)Stopwatch.Frequency);
                send();
            };
            if (_sendAt == 0) timed();
            else _held = timed;
        }

        /// <summary>A 200 with a binary body (recording media), Content-Length set.</summary>
        public void Media(string contentType, byte[] body) => Send(200, body, body.Length, contentType);

        /// <summary>A body that is not Twilio's JSON (a proxy's page, a redirect's note).</summary>
        public void Text(int status, string contentType, string body)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
            Send(status, bytes, bytes.Length, contentType);
        }

        /// <param name="sent">Called once the body is written (or the connection failed): where a pooled body goes back.</param>
        private void Send(int status, byte[] body, int count, string contentType = "application/json; charset=utf-8", Action sent = null)
        {
            Responded = true;
            Deliver(() =>
            {
                try { Write(status, body, count, contentType); }
                finally { sent?.Invoke(); }
            });
        }

        private void Write(int status, byte[] body, int count, string contentType)
        {
            _response.StatusCode = status;
            _response.ContentType = contentType;
            _response.ContentLength64 = count;
            if (CutResponse)
            {
                // Flushed so the headers and the half body reach the client before the abort.
                _response.OutputStream.Write(body, 0, count / 2);
                _response.OutputStream.Flush();
                ConnectionReset.Reset(_http);
                return;
            }
            Request.ResponseStatus = status;
            _response.OutputStream.Write(body, 0, count);
            _response.Close();
        }
    }
}
