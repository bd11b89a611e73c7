using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>Adds Basic auth to every attempt (including retries).</summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        private readonly AuthenticationHeaderValue _header;

        public AuthenticationHandler(TwilioCredential credential)
        {
            _header = new AuthenticationHeaderValue("Basic", credential.BasicAuthorizationParameter());
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = _header;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps one connection's requests in flight within its <see cref="ConcurrencyWindow"/>, whatever
    /// mix of cmdlets and runspaces share it, and resends at once a request Twilio refused as one too
    /// many in flight (429 20429), as soon as the narrowed window has a slot for it.
    /// </summary>
    /// <remarks>
    /// A refused request waits for a slot rather than for the retry handler's backoff: a slot frees
    /// when one of the admitted requests is answered, a round trip (tens of milliseconds) away, while
    /// the backoff starts at half a second; behind a concurrency limit every refused request slept
    /// through it and a bulk send ran at a third of what the limit allows. These resends do not count
    /// against the connection's MaxRetries, which are kept for real failures: a request refused while
    /// the window converges must not fail for it. The retry handler still decides, with its backoff,
    /// when the window is down to 1 (a rate limit rather than a concurrency limit, or Twilio's load),
    /// when a Retry-After asks for a wait, and after <see cref="MaxImmediateResends"/> refusals of
    /// one attempt. Twilio did not process a refused request, so even a POST is safe to send again.
    /// </remarks>
    internal sealed class ConcurrencyWindowHandler : DelegatingHandler
    {
        /// <summary>
        /// Refusals of one attempt resent without a backoff: at the window's limit only one request in
        /// a window is refused, so one request refused this often means the 429s are not about concurrency.
        /// </summary>
        internal const int MaxImmediateResends = 10;

        private readonly ConcurrencyWindow _window;

        public ConcurrencyWindowHandler(ConcurrencyWindow window) => _window = window;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (int resends = 0; ; resends++)
            {
                await _window.AcquireAsync(cancellationToken).ConfigureAwait(false);
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _window.Release();
                    throw;
                }
                int status = (int)response.StatusCode;
                if (status != 429)
                {
                    if (status >= 500) _window.Release();
                    else _window.ReleaseAdmitted();
                    return response;
                }
                bool resend = _window.ReleaseRefused();
                if (!resend || resends >= MaxImmediateResends || AsksToWait(response) || cancellationToken.IsCancellationRequested)
                    return response;
                response.Dispose();
            }
        }

        private static bool AsksToWait(HttpResponseMessage response) => RetryHandler.RequestedWait(response) > TimeSpan.Zero;
    }
}
