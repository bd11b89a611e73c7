using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>Everything a handler needs: the request, route values, the caller, the clock, and the response.</summary>
    internal sealed class RequestContext
    {
        private readonly HttpListenerContext _http;
        private readonly HttpListenerResponse _response;

        public RequestContext(TwilioEmulator emulator, EmulatorRequest request, HttpListenerContext http, DateTimeOffset now)
        {
            Emulator = emulator;
            Request = request;
            _http = http;
            _response = http.Response;
            Now = now;
        }

        public TwilioEmulator Emulator { get; }
        public EmulatorRequest Request { get; }
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
                Send(status, buffer.Output.Buffer, buffer.Output.WrittenCount);
            }
            finally { JsonBuffer.Return(buffer); }
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
        }

        /// <summary>A 200 with a binary body (recording media), Content-Length set.</summary>
        public void Media(string contentType, byte[] body) => Send(200, body, body.Length, contentType);

        /// <summary>A body that is not Twilio's JSON (a proxy's page, a redirect's note).</summary>
        public void Text(int status, string contentType, string body)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
            Send(status, bytes, bytes.Length, contentType);
        }

        private void Send(int status, byte[] body, int count, string contentType = "application/json; charset=utf-8")
        {
            Responded = true;
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
