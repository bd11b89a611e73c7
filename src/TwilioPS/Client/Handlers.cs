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
    /// Bounds the requests one connection has in flight, whatever mix of cmdlets and runspaces share
    /// it, so bulk work cannot trip Twilio's concurrency limit (error 20429) on its own.
    /// </summary>
    internal sealed class ConcurrencyLimitHandler : DelegatingHandler
    {
        private readonly SemaphoreSlim _slots;

        public ConcurrencyLimitHandler(SemaphoreSlim slots) => _slots = slots;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
