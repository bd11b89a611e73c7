using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// A TwiML app on a loopback port for the emulator to fetch: each path answers what its handler
    /// returns for the request's parameters (or a status code), and every request is kept.
    /// </summary>
    internal sealed class TwimlApp : IDisposable
    {
        internal sealed record Request(string Method, string Path, string Url, string Signature, Dictionary<string, string> Form);

        private readonly HttpListener _listener = new HttpListener();
        private readonly ConcurrentDictionary<string, Func<Dictionary<string, string>, (int Status, string Body)>> _routes =
            new ConcurrentDictionary<string, Func<Dictionary<string, string>, (int, string)>>();
        public readonly ConcurrentQueue<Request> Requests = new ConcurrentQueue<Request>();

        public TwimlApp()
        {
            int port = Loopback.FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            Task.Run(Loop);
        }

        public string BaseUrl { get; }
        public string Url(string path) => BaseUrl + path;

        public void Answer(string path, string twiml) => _routes[path] = _ => (200, twiml);
        public void Answer(string path, Func<Dictionary<string, string>, string> twiml) => _routes[path] = form => (200, twiml(form));
        public void Fail(string path, int status) => _routes[path] = _ => (status, "");

        public List<Request> To(string path) => Requests.Where(r => r.Path == path).ToList();

        private async Task Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                Dictionary<string, string> form = ReadParameters(context.Request);
                string path = context.Request.Url.AbsolutePath;
                Requests.Enqueue(new Request(context.Request.HttpMethod, path, context.Request.Url.AbsoluteUri, context.Request.Headers["X-Twilio-Signature"], form));
                (int status, string text) = _routes.TryGetValue(path, out var route) ? route(form) : (404, "");
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/xml";
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                context.Response.OutputStream.Write(bytes, 0, bytes.Length);
                context.Response.Close();
            }
        }

        /// <summary>A webhook's parameters: the query of a GET, the form body of a POST.</summary>
        public static Dictionary<string, string> ReadParameters(HttpListenerRequest request) => CallbackListener.ReadParameters(request);

        /// <summary>Twilio's signature, computed here independently of the emulator: HMAC-SHA1 of the URL and the sorted POST pairs.</summary>
        public static string Signature(string authToken, string url, IDictionary<string, string> post)
        {
            var data = new StringBuilder(url);
            foreach (KeyValuePair<string, string> p in post.OrderBy(p => p.Key, StringComparer.Ordinal)) data.Append(p.Key).Append(p.Value);
            using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
            return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
        }

        public void Dispose() => _listener.Close();
    }
}
