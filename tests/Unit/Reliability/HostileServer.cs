using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>One request as the hostile server read it.</summary>
    public sealed class HostileRequest
    {
        public string Method { get; init; }
        public string PathAndQuery { get; init; }
        public Dictionary<string, string> Headers { get; init; }
        public string Body { get; init; }
        public string Header(string name) => Headers.TryGetValue(name, out string value) ? value : null;
    }

    /// <summary>
    /// A loopback HTTP/1.1 server (127.0.0.1 only) that answers however a test says, including the
    /// ways a real server must not: redirects, cut bodies, resets, stalls, endless bodies, echoed
    /// credentials. Raw sockets, so nothing between the test and the wire tidies the answer up.
    /// </summary>
    public sealed class HostileServer : IDisposable
    {
        public const string AccountSid = "AC00000000000000000000000000000001";

        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Func<HostileRequest, HostileExchange, Task> _handler;
        private readonly ConcurrentQueue<HostileRequest> _requests = new ConcurrentQueue<HostileRequest>();
        private readonly ConcurrentBag<TcpClient> _clients = new ConcurrentBag<TcpClient>();

        /// <param name="handler">Answers every request except the account fetch Connect-Twilio verifies with.</param>
        public HostileServer(Func<HostileRequest, HostileExchange, Task> handler)
        {
            _handler = handler;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public Uri BaseUri => new Uri($"http://127.0.0.1:{Port}");

        /// <summary>Requests other than Connect-Twilio's account fetch, in arrival order.</summary>
        public IReadOnlyList<HostileRequest> Requests => _requests.Where(r => !IsAccountFetch(r)).ToList();

        public IReadOnlyList<HostileRequest> AllRequests => _requests.ToList();

        public static bool IsAccountFetch(HostileRequest r) =>
            r.Method == "GET" && r.PathAndQuery == $"/2010-04-01/Accounts/{AccountSid}.json";

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _clients.Add(client);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                while (!_stop.IsCancellationRequested)
                {
                    HostileRequest request = await ReadRequestAsync(stream);
                    if (request == null) break;
                    _requests.Enqueue(request);
                    var exchange = new HostileExchange(client, stream, _stop.Token);
                    if (IsAccountFetch(request))
                        await exchange.JsonAsync(200, $"{{\"sid\":\"{AccountSid}\",\"friendly_name\":\"Hostile\",\"status\":\"active\"}}");
                    else
                        await _handler(request, exchange);
                    if (exchange.Closed) break;
                }
            }
            catch (Exception)
            {
                // The client went away, or the test closed the connection on purpose.
            }
            finally
            {
                client.Dispose();
            }
        }

        private static async Task<HostileRequest> ReadRequestAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (true)
            {
                int read = await stream.ReadAsync(one, 0, 1);
                if (read == 0) return null;
                head.Add(one[0]);
                int n = head.Count;
                if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') break;
            }
            string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            string[] start = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            string body = string.Empty;
            if (headers.TryGetValue("Content-Length", out string length) && int.Parse(length) > 0)
            {
                var buffer = new byte[int.Parse(length)];
                int got = 0;
                while (got < buffer.Length)
                {
                    int read = await stream.ReadAsync(buffer, got, buffer.Length - got);
                    if (read == 0) return null;
                    got += read;
                }
                body = Encoding.UTF8.GetString(buffer);
            }
            return new HostileRequest { Method = start[0], PathAndQuery = start[1], Headers = headers, Body = body };
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (TcpClient client in _clients) client.Dispose();
        }
    }

    /// <summary>How the hostile server answers one request.</summary>
    public sealed class HostileExchange
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;
        private readonly CancellationToken _stop;

        internal HostileExchange(TcpClient client, NetworkStream stream, CancellationToken stop)
        {
            _client = client;
            _stream = stream;
            _stop = stop;
        }

        /// <summary>True once the answer ended the connection.</summary>
        public bool Closed { get; private set; }

        public Task JsonAsync(int status, string json, params (string Name, string Value)[] headers) =>
            RespondAsync(status, "application/json", Encoding.UTF8.GetBytes(json), headers);

        public async Task RespondAsync(int status, string contentType, byte[] body, params (string Name, string Value)[] headers)
        {
            var head = new StringBuilder($"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n");
            foreach ((string name, string value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
            head.Append("\r\n");
            await WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            await WriteAsync(body);
        }

        /// <summary>Headers announcing <paramref name="declaredLength"/> bytes (or chunked, when null), then <paramref name="body"/>.</summary>
        public async Task HeadersThenAsync(int status, long? declaredLength, string body)
        {
            string framing = declaredLength.HasValue ? $"Content-Length: {declaredLength.Value}" : "Transfer-Encoding: chunked";
            await WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n{framing}\r\n\r\n"));
            if (body.Length > 0)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                if (!declaredLength.HasValue) await WriteAsync(Encoding.ASCII.GetBytes(bytes.Length.ToString("x") + "\r\n"));
                await WriteAsync(bytes);
                if (!declaredLength.HasValue) await WriteAsync(Encoding.ASCII.GetBytes("\r\n"));
            }
        }

        /// <summary>Up to <paramref name="total"/> bytes of filler after <see cref="HeadersThenAsync"/>, unless the client goes first.</summary>
        public async Task BodyBytesAsync(long total, bool chunked)
        {
            byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            byte[] payload = chunked
                ? Encoding.ASCII.GetBytes(chunk.Length.ToString("x") + "\r\n").Concat(chunk).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray()
                : chunk;
            for (long sent = 0; sent < total && !_stop.IsCancellationRequested; sent += chunk.Length) await WriteAsync(payload);
        }

        /// <summary>Keeps the connection open and silent until the server stops.</summary>
        public async Task StallAsync()
        {
            try { await Task.Delay(Timeout.Infinite, _stop); }
            catch (OperationCanceledException) { }
            Close();
        }

        /// <summary>Ends the connection gracefully (FIN).</summary>
        public void Close()
        {
            Closed = true;
            _client.Client.Shutdown(SocketShutdown.Both);
            _client.Close();
        }

        /// <summary>Ends the connection with a TCP reset.</summary>
        public void Reset()
        {
            Closed = true;
            _client.LingerState = new LingerOption(true, 0);
            _client.Close();
        }

        private Task WriteAsync(byte[] bytes) => _stream.WriteAsync(bytes, 0, bytes.Length, _stop);
    }
}
