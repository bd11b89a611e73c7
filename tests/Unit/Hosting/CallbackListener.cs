using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace TwilioPS.Tests.Hosting
{
    /// <summary>One callback as the listener received it.</summary>
    internal sealed record Callback(string Method, string Url, string Signature, Dictionary<string, string> Form);

    /// <summary>A loopback HTTP listener that records every request and answers 204.</summary>
    internal sealed class CallbackListener : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        public readonly BlockingCollection<Callback> Received = new BlockingCollection<Callback>();
        public string Url { get; }

        public CallbackListener()
        {
            int port = Loopback.FreePort();
            Url = $"http://127.0.0.1:{port}/status";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            Task.Run(Loop);
        }

        private async Task Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                Dictionary<string, string> form = ReadParameters(context.Request);
                Received.Add(new Callback(context.Request.HttpMethod, context.Request.Url.AbsoluteUri,
                    context.Request.Headers["X-Twilio-Signature"], form));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }

        /// <summary>A webhook's parameters: the query of a GET, the form body of a POST.</summary>
        public static Dictionary<string, string> ReadParameters(HttpListenerRequest request)
        {
            string body = new StreamReader(request.InputStream).ReadToEnd();
            string query = request.Url.Query.TrimStart('?');
            return (request.HttpMethod == "GET" ? query : body)
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(kv => WebUtility.UrlDecode(kv[0]), kv => WebUtility.UrlDecode(kv.Length > 1 ? kv[1] : ""));
        }

        /// <summary>Up to <paramref name="count"/> callbacks, waiting at most <paramref name="seconds"/> for each.</summary>
        public List<Callback> Take(int count, double seconds = 15)
        {
            var taken = new List<Callback>();
            while (taken.Count < count && Received.TryTake(out Callback c, TimeSpan.FromSeconds(seconds))) taken.Add(c);
            return taken;
        }

        public void Dispose() => _listener.Close(); // Close stops it too (see TwilioEmulator.Stop)
    }
}
