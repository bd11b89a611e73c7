using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using TwilioPS.Client;

namespace TwilioPS.Connection
{
    /// <summary>
    /// What Connect-Twilio makes: who you are, where the API is, how hard to retry, how fast to place
    /// calls, and one HTTP pipeline. Safe to share between runspaces (runbook jobs, ForEach-Object
    /// -Parallel): everything mutable inside is thread-safe. Never exposes the secret.
    /// </summary>
    public sealed class TwilioConnection : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly IHttpClientFactory _httpClientFactory;
        private readonly string _httpClientName;
        private int _disposed;

        internal TwilioConnection(TwilioConnectionSettings settings)
        {
            AccountSid = settings.AccountSid;
            Credential = settings.Credential;
            BaseUri = settings.BaseUri;
            Edge = settings.Edge;
            Region = settings.Region;
            CallsPerSecond = settings.CallsPerSecond;
            MaxRetries = settings.Retry.MaxRetries;
            MaxConcurrentRequests = settings.MaxConcurrentRequests;
            Source = settings.Source;

            _httpClientName = "TwilioPS:" + Guid.NewGuid().ToString("N");
            var window = new ConcurrencyWindow(settings.MaxConcurrentRequests);
            string userAgent = settings.UserAgent;

            // IHttpClientFactory recycles the primary handler, so a runbook that keeps a connection for
            // hours still notices DNS changes (which a single static HttpClient would not on .NET Framework).
            var services = new ServiceCollection();
            services.AddHttpClient(_httpClientName, client =>
                {
                    // TwilioHttp's own deadline covers the body as well; HttpClient's would stop at the headers.
                    client.Timeout = Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
                    client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                })
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                    // Twilio's API never redirects; a followed one would take the credential and a create's
                    // body elsewhere. TwilioHttp reports any 3xx as a protocol error instead.
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    MaxConnectionsPerServer = settings.MaxConcurrentRequests,
                    Proxy = settings.Proxy,
                    UseProxy = settings.Proxy != null || settings.UseSystemProxy,
                })
                // Outermost first: retry (with backoff) around the concurrency window around authentication.
                .AddHttpMessageHandler(() => new RetryHandler(settings.Retry))
                .AddHttpMessageHandler(() => new ConcurrencyWindowHandler(window))
                .AddHttpMessageHandler(() => new AuthenticationHandler(settings.Credential))
                .SetHandlerLifetime(TimeSpan.FromMinutes(10))
                .RemoveAllLoggers();
            _services = services.BuildServiceProvider();
            _httpClientFactory = _services.GetRequiredService<IHttpClientFactory>();

            var http = new TwilioHttp(CreateHttpClient, settings.BaseUri, settings.Timeout, settings.Credential.CreateScrubber());
            Client = new TwilioClient(http, new CallThrottle(settings.CallsPerSecond));
        }

        /// <summary>The account every request acts for unless a cmdlet's -AccountSid names a subaccount.</summary>
        public string AccountSid { get; }

        /// <summary>AuthToken or ApiKey.</summary>
        public TwilioCredentialKind CredentialKind => Credential.Kind;

        /// <summary>The API key SID when connected with an API key; otherwise null.</summary>
        public string ApiKeySid => Credential.Kind == TwilioCredentialKind.ApiKey ? Credential.UserName : null;

        public Uri BaseUri { get; }
        public string Edge { get; }
        public string Region { get; }
        public double CallsPerSecond { get; }
        public int MaxRetries { get; }
        public int MaxConcurrentRequests { get; }

        /// <summary>Where the credential came from: Parameters, Credential, Environment or Emulator.</summary>
        public string Source { get; }

        /// <summary>The account's friendly name, as Connect-Twilio read it when it verified the credential.</summary>
        public string FriendlyName { get; internal set; }

        public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.Now;

        public bool IsDisposed => _disposed != 0;

        /// <summary>True once the connection has been given to the user (-PassThru), who may keep using it.</summary>
        internal bool HandedOut { get; set; }

        internal TwilioCredential Credential { get; }

        internal TwilioClient Client { get; }

        private HttpClient CreateHttpClient()
        {
            if (_disposed != 0)
                throw new ConnectionClosedException();
            return _httpClientFactory.CreateClient(_httpClientName);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            Client.CallThrottle.Dispose();
            _services.Dispose();
        }

        /// <summary>Never the secret.</summary>
        public override string ToString() => $"{AccountSid} at {BaseUri} ({CredentialKind})";
    }
}
