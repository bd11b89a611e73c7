using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Catalog;
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
            // Creating a call or a recording of one places or changes a call: only call creation waits on the throttle.
            Calls = new ResourceApi<TwilioCall>(http, ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall, callThrottle.WaitAsync);
            Recordings = new ResourceApi<TwilioRecording>(http, ApiCatalog.Recordings, TwilioJsonContext.Default.TwilioRecording);
            Transcriptions = new ResourceApi<TwilioTranscription>(http, ApiCatalog.Transcriptions, TwilioJsonContext.Default.TwilioTranscription);
            Notifications = new ResourceApi<TwilioNotification>(http, ApiCatalog.Notifications, TwilioJsonContext.Default.TwilioNotification);
            CallEvents = new ResourceApi<TwilioCallEvent>(http, ApiCatalog.CallEvents, TwilioJsonContext.Default.TwilioCallEvent);
        }

        public TwilioHttp Http { get; }

        public CallThrottle CallThrottle { get; }

        public ResourceApi<TwilioCall> Calls { get; }

        public ResourceApi<TwilioRecording> Recordings { get; }

        public ResourceApi<TwilioTranscription> Transcriptions { get; }

        public ResourceApi<TwilioNotification> Notifications { get; }

        public ResourceApi<TwilioCallEvent> CallEvents { get; }

        public Task<TwilioAccount> FetchAccountAsync(string accountSid, CancellationToken cancellationToken) =>
            Http.SendAsync(HttpMethod.Get, "/2010-04-01/Accounts/" + Uri.EscapeDataString(accountSid) + ".json", null,
                TwilioJsonContext.Default.TwilioAccount, cancellationToken);
    }
}
