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
        private readonly HttpListenerResponse _response;

        public RequestContext(TwilioEmulator emulator, EmulatorRequest request, HttpListenerResponse response, DateTimeOffset now)
        {
            Emulator = emulator;
            Request = request;
            _response = response;
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
            Request.ResponseStatus = 204;
            _response.StatusCode = 204;
            _response.ContentLength64 = 0;
            _response.Close();
        }

        /// <summary>A 200 with a binary body (recording media), Content-Length set.</summary>
        public void Media(string contentType, byte[] body) => Send(200, body, body.Length, contentType);

        private void Send(int status, byte[] body, int count, string contentType = "application/json; charset=utf-8")
        {
            Responded = true;
            Request.ResponseStatus = status;
            _response.StatusCode = status;
            _response.ContentType = contentType;
            _response.ContentLength64 = count;
            _response.OutputStream.Write(body, 0, count);
            _response.Close();
        }
    }
}
