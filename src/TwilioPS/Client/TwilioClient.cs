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
            // Placing a call waits on the throttle; so does adding a conference participant (below), which dials one.
            Accounts = new ResourceApi<TwilioAccount>(http, ApiCatalog.Accounts, TwilioJsonContext.Default.TwilioAccount);
            Calls = new ResourceApi<TwilioCall>(http, ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall, callThrottle.WaitAsync);
            Recordings = new ResourceApi<TwilioRecording>(http, ApiCatalog.Recordings, TwilioJsonContext.Default.TwilioRecording);
            Transcriptions = new ResourceApi<TwilioTranscription>(http, ApiCatalog.Transcriptions, TwilioJsonContext.Default.TwilioTranscription);
            Notifications = new ResourceApi<TwilioNotification>(http, ApiCatalog.Notifications, TwilioJsonContext.Default.TwilioNotification);
            CallEvents = new ResourceApi<TwilioCallEvent>(http, ApiCatalog.CallEvents, TwilioJsonContext.Default.TwilioCallEvent);
            Conferences = new ResourceApi<TwilioConference>(http, ApiCatalog.Conferences, TwilioJsonContext.Default.TwilioConference);
            // Adding a participant dials a call: it waits on the call throttle like New-TwilioCall.
            ConferenceParticipants = new ResourceApi<TwilioConferenceParticipant>(http, ApiCatalog.Participants, TwilioJsonContext.Default.TwilioConferenceParticipant, callThrottle.WaitAsync);
            Queues = new ResourceApi<TwilioQueue>(http, ApiCatalog.Queues, TwilioJsonContext.Default.TwilioQueue);
            QueueMembers = new ResourceApi<TwilioQueueMember>(http, ApiCatalog.QueueMembers, TwilioJsonContext.Default.TwilioQueueMember);
            Messages = new ResourceApi<TwilioMessage>(http, ApiCatalog.Messages, TwilioJsonContext.Default.TwilioMessage);
            MessageMedia = new ResourceApi<TwilioMessageMedia>(http, ApiCatalog.MessageMedia, TwilioJsonContext.Default.TwilioMessageMedia);
            MessageFeedback = new ResourceApi<TwilioMessageFeedback>(http, ApiCatalog.MessageFeedback, TwilioJsonContext.Default.TwilioMessageFeedback);
            Applications = new ResourceApi<TwilioApplication>(http, ApiCatalog.Applications, TwilioJsonContext.Default.TwilioApplication);
            UsageRecords = new ResourceApi<TwilioUsageRecord>(http, ApiCatalog.UsageRecords, TwilioJsonContext.Default.TwilioUsageRecord);
            UsageTriggers = new ResourceApi<TwilioUsageTrigger>(http, ApiCatalog.UsageTriggers, TwilioJsonContext.Default.TwilioUsageTrigger);
            Balance = new ResourceApi<TwilioBalance>(http, ApiCatalog.Balance, TwilioJsonContext.Default.TwilioBalance);
            // A validation request places a call (Twilio's validation call), so it waits on the call throttle too.
            OutgoingCallerIds = new ResourceApi<TwilioOutgoingCallerId>(http, ApiCatalog.OutgoingCallerIds, TwilioJsonContext.Default.TwilioOutgoingCallerId, callThrottle.WaitAsync);
            ApiKeys = new ResourceApi<TwilioApiKey>(http, ApiCatalog.ApiKeys, TwilioJsonContext.Default.TwilioApiKey);
            AvailablePhoneNumberCountries = new ResourceApi<TwilioAvailablePhoneNumberCountry>(http, ApiCatalog.AvailablePhoneNumberCountries,
                TwilioJsonContext.Default.TwilioAvailablePhoneNumberCountry);
            AvailablePhoneNumbers = new ResourceApi<TwilioAvailablePhoneNumber>(http, ApiCatalog.AvailablePhoneNumbers, TwilioJsonContext.Default.TwilioAvailablePhoneNumber);
            IncomingPhoneNumbers = new ResourceApi<TwilioIncomingPhoneNumber>(http, ApiCatalog.IncomingPhoneNumbers, TwilioJsonContext.Default.TwilioIncomingPhoneNumber);
        }

        public TwilioHttp Http { get; }

        public CallThrottle CallThrottle { get; }

        public ResourceApi<TwilioAccount> Accounts { get; }

        public ResourceApi<TwilioCall> Calls { get; }

        public ResourceApi<TwilioRecording> Recordings { get; }

        public ResourceApi<TwilioTranscription> Transcriptions { get; }

        public ResourceApi<TwilioNotification> Notifications { get; }

        public ResourceApi<TwilioCallEvent> CallEvents { get; }

        public ResourceApi<TwilioConference> Conferences { get; }

        public ResourceApi<TwilioConferenceParticipant> ConferenceParticipants { get; }

        public ResourceApi<TwilioQueue> Queues { get; }

        public ResourceApi<TwilioQueueMember> QueueMembers { get; }

        public ResourceApi<TwilioMessage> Messages { get; }

        public ResourceApi<TwilioMessageMedia> MessageMedia { get; }

        public ResourceApi<TwilioMessageFeedback> MessageFeedback { get; }

        public ResourceApi<TwilioApplication> Applications { get; }

        public ResourceApi<TwilioUsageRecord> UsageRecords { get; }

        public ResourceApi<TwilioUsageTrigger> UsageTriggers { get; }

        public ResourceApi<TwilioBalance> Balance { get; }
        public ResourceApi<TwilioOutgoingCallerId> OutgoingCallerIds { get; }

        public ResourceApi<TwilioApiKey> ApiKeys { get; }
        public ResourceApi<TwilioAvailablePhoneNumberCountry> AvailablePhoneNumberCountries { get; }

        public ResourceApi<TwilioAvailablePhoneNumber> AvailablePhoneNumbers { get; }

        public ResourceApi<TwilioIncomingPhoneNumber> IncomingPhoneNumbers { get; }


    }
}
