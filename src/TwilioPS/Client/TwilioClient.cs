using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>The Twilio 2010-04-01 API for one connection: one property per resource family.</summary>
    public sealed class TwilioClient
    {
        internal TwilioClient(TwilioHttp http, CallThrottle callThrottle)
        {
            Http = http;
            CallThrottle = callThrottle;
            Calls = new ResourceApi<TwilioCall>(http, "Calls", "calls", TwilioJsonContext.Default.TwilioCall, callThrottle.WaitAsync);
        }

        public TwilioHttp Http { get; }

        public CallThrottle CallThrottle { get; }

        public ResourceApi<TwilioCall> Calls { get; }

        public Task<TwilioAccount> FetchAccountAsync(string accountSid, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Get, "/2010-04-01/Accounts/" + Uri.EscapeDataString(accountSid) + ".json", null,
                TwilioJsonContext.Default.TwilioAccount, cancellationToken);
    }
}
