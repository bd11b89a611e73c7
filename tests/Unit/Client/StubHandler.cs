using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Tests.Client
{
    /// <summary>An HTTP handler that answers from a script of responses and records what it was sent.</summary>
    internal sealed class StubHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _respond;

        public StubHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) => _respond = respond;

        /// <summary>Answers the n-th request (0-based) with the n-th status; the last one repeats.</summary>
        public static StubHandler Statuses(params int[] statuses) =>
            new StubHandler((_, n) => Json(statuses[Math.Min(n, statuses.Length - 1)], "{}"));

        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        public int Count => Requests.Count;

        public static HttpResponseMessage Json(int status, string body) =>
            new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Requests.Count;
            Requests.Enqueue(request.Method + " " + request.RequestUri.PathAndQuery);
            return Task.FromResult(_respond(request, n));
        }
    }
}
