using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Completion
{
    /// <summary>
    /// Completes a SID from the first page of its list (the most recent records, newest first as Twilio
    /// lists them), each shown with what identifies it to a person.
    /// </summary>
    public abstract class RecentRecordsCompleter<T> : TwilioArgumentCompleter
    {
        /// <summary>Enough to recognise today's records without paging (one request per minute at most).</summary>
        public const int PageSize = 50;

        protected override async Task<IReadOnlyList<CompletionCandidate>> FetchAsync(CompletionContext context, CancellationToken cancellationToken)
        {
            ResourcePath path = ListPath(context);
            if (path == null) return Array.Empty<CompletionCandidate>();
            using (TwilioPager<T> pager = Api(context.Connection.Client).List(path, null, PageSize))
            {
                pager.PageLimit = 1;
                TwilioPage<T> page = await pager.NextAsync(cancellationToken).ConfigureAwait(false);
                if (page == null) return Array.Empty<CompletionCandidate>();
                using (page) return page.Records.Select(r => new CompletionCandidate(ValueOf(r), Describe(r))).Where(c => !string.IsNullOrEmpty(c.Value)).ToList();
            }
        }

        /// <summary>The list to read; null when the command line lacks a parent it needs.</summary>
        protected virtual ResourcePath ListPath(CompletionContext context) => ResourcePath.ForAccount(context.AccountSid);

        protected abstract ResourceApi<T> Api(TwilioClient client);

        protected abstract string ValueOf(T record);

        protected abstract string Describe(T record);

        protected static string When(DateTimeOffset? time) =>
            time.HasValue ? time.Value.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

        protected static string Join(params string[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    public sealed class CallSidCompleter : RecentRecordsCompleter<TwilioCall>
    {
        protected override ResourceApi<TwilioCall> Api(TwilioClient client) => client.Calls;
        protected override string ValueOf(TwilioCall call) => call.Sid;
        protected override string Describe(TwilioCall call) => Join(call.From, "->", call.To, call.Status, When(call.StartTime ?? call.DateCreated));
    }

    public sealed class RecordingSidCompleter : RecentRecordsCompleter<TwilioRecording>
    {
        protected override ResourceApi<TwilioRecording> Api(TwilioClient client) => client.Recordings;
        protected override string ValueOf(TwilioRecording recording) => recording.Sid;
        protected override string Describe(TwilioRecording recording) =>
            Join(recording.Duration.HasValue ? recording.Duration + "s" : null, recording.Status, "of", recording.CallSid ?? recording.ConferenceSid, When(recording.DateCreated));
    }

    public sealed class TranscriptionSidCompleter : RecentRecordsCompleter<TwilioTranscription>
    {
        protected override ResourceApi<TwilioTranscription> Api(TwilioClient client) => client.Transcriptions;
        protected override string ValueOf(TwilioTranscription transcription) => transcription.Sid;
        protected override string Describe(TwilioTranscription transcription) =>
            Join(transcription.Status, "of", transcription.RecordingSid, When(transcription.DateCreated));
    }

    public sealed class NotificationSidCompleter : RecentRecordsCompleter<TwilioNotification>
    {
        protected override ResourceApi<TwilioNotification> Api(TwilioClient client) => client.Notifications;
        protected override string ValueOf(TwilioNotification notification) => notification.Sid;
        protected override string Describe(TwilioNotification notification) =>
            Join(notification.ErrorCode, notification.CallSid, When(notification.MessageDate ?? notification.DateCreated));
    }

    public sealed class ConferenceSidCompleter : RecentRecordsCompleter<TwilioConference>
    {
        protected override ResourceApi<TwilioConference> Api(TwilioClient client) => client.Conferences;
        protected override string ValueOf(TwilioConference conference) => conference.Sid;
        protected override string Describe(TwilioConference conference) => Join(conference.FriendlyName, conference.Status, When(conference.DateCreated));
    }

    public sealed class QueueSidCompleter : RecentRecordsCompleter<TwilioQueue>
    {
        protected override ResourceApi<TwilioQueue> Api(TwilioClient client) => client.Queues;
        protected override string ValueOf(TwilioQueue queue) => queue.Sid;
        protected override string Describe(TwilioQueue queue) =>
            Join(queue.FriendlyName, queue.CurrentSize.HasValue ? "(" + queue.CurrentSize + " waiting)" : null);
    }

    public sealed class MessageSidCompleter : RecentRecordsCompleter<TwilioMessage>
    {
        protected override ResourceApi<TwilioMessage> Api(TwilioClient client) => client.Messages;
        protected override string ValueOf(TwilioMessage message) => message.Sid;
        protected override string Describe(TwilioMessage message) => Join(message.From, "->", message.To, message.Status, When(message.DateSent ?? message.DateCreated));
    }

    public sealed class ApplicationSidCompleter : RecentRecordsCompleter<TwilioApplication>
    {
        protected override ResourceApi<TwilioApplication> Api(TwilioClient client) => client.Applications;
        protected override string ValueOf(TwilioApplication application) => application.Sid;
        protected override string Describe(TwilioApplication application) => application.FriendlyName;
    }

    /// <summary>-MediaSid: the media of the -MessageSid on the command line.</summary>
    public sealed class MessageMediaSidCompleter : RecentRecordsCompleter<TwilioMessageMedia>
    {
        protected override string CacheScope(CompletionContext context) => context.Bound("MessageSid");
        protected override ResourcePath ListPath(CompletionContext context) =>
            context.Bound("MessageSid") is string message ? ResourcePath.ForAccount(context.AccountSid).With("MessageSid", message) : null;
        protected override ResourceApi<TwilioMessageMedia> Api(TwilioClient client) => client.MessageMedia;
        protected override string ValueOf(TwilioMessageMedia media) => media.Sid;
        protected override string Describe(TwilioMessageMedia media) => Join(media.ContentType, When(media.DateCreated));
    }

    public sealed class UsageTriggerSidCompleter : RecentRecordsCompleter<TwilioUsageTrigger>
    {
        protected override ResourceApi<TwilioUsageTrigger> Api(TwilioClient client) => client.UsageTriggers;
        protected override string ValueOf(TwilioUsageTrigger trigger) => trigger.Sid;
        protected override string Describe(TwilioUsageTrigger trigger) =>
            Join(trigger.FriendlyName, trigger.UsageCategory, trigger.TriggerBy, trigger.TriggerValue?.ToString(CultureInfo.InvariantCulture), trigger.Recurring);
    }

    public sealed class OutgoingCallerIdSidCompleter : RecentRecordsCompleter<TwilioOutgoingCallerId>
    {
        protected override ResourceApi<TwilioOutgoingCallerId> Api(TwilioClient client) => client.OutgoingCallerIds;
        protected override string ValueOf(TwilioOutgoingCallerId callerId) => callerId.Sid;
        protected override string Describe(TwilioOutgoingCallerId callerId) => Join(callerId.PhoneNumber, callerId.FriendlyName);
    }

    public sealed class ApiKeySidCompleter : RecentRecordsCompleter<TwilioApiKey>
    {
        protected override ResourceApi<TwilioApiKey> Api(TwilioClient client) => client.ApiKeys;
        protected override string ValueOf(TwilioApiKey key) => key.Sid;
        protected override string Describe(TwilioApiKey key) => Join(key.FriendlyName, When(key.DateCreated));
    }

    public sealed class IncomingPhoneNumberSidCompleter : RecentRecordsCompleter<TwilioIncomingPhoneNumber>
    {
        protected override ResourceApi<TwilioIncomingPhoneNumber> Api(TwilioClient client) => client.IncomingPhoneNumbers;
        protected override string ValueOf(TwilioIncomingPhoneNumber number) => number.Sid;
        protected override string Describe(TwilioIncomingPhoneNumber number) =>
            Join(number.PhoneNumber, number.FriendlyName == number.PhoneNumber ? null : number.FriendlyName);
    }

    /// <summary>-AccountSid: the connection's own account and its subaccounts, by friendly name.</summary>
    public sealed class AccountSidCompleter : RecentRecordsCompleter<TwilioAccount>
    {
        protected override ResourcePath ListPath(CompletionContext context) => ResourcePath.Root();
        protected override ResourceApi<TwilioAccount> Api(TwilioClient client) => client.Accounts;
        protected override string ValueOf(TwilioAccount account) => account.Sid;
        protected override string Describe(TwilioAccount account) => Join(account.FriendlyName, account.Status == "active" ? null : account.Status);
    }

    /// <summary>-CallSid of a conference participant: the participants of the -ConferenceSid on the command line.</summary>
    public sealed class ParticipantCallSidCompleter : RecentRecordsCompleter<TwilioConferenceParticipant>
    {
        protected override string CacheScope(CompletionContext context) => context.Bound("ConferenceSid");
        protected override ResourcePath ListPath(CompletionContext context) =>
            context.Bound("ConferenceSid") is string conference ? ResourcePath.ForAccount(context.AccountSid).With("ConferenceSid", conference) : null;
        protected override ResourceApi<TwilioConferenceParticipant> Api(TwilioClient client) => client.ConferenceParticipants;
        protected override string ValueOf(TwilioConferenceParticipant participant) => participant.CallSid;
        protected override string Describe(TwilioConferenceParticipant participant) =>
            Join(participant.Label, participant.Status, participant.Muted == true ? "muted" : null, participant.Hold == true ? "on hold" : null);
    }

    /// <summary>-CallSid of a queue member: the members of the -QueueSid on the command line, by position.</summary>
    public sealed class QueueMemberCallSidCompleter : RecentRecordsCompleter<TwilioQueueMember>
    {
        protected override string CacheScope(CompletionContext context) => context.Bound("QueueSid");
        protected override ResourcePath ListPath(CompletionContext context) =>
            context.Bound("QueueSid") is string queue ? ResourcePath.ForAccount(context.AccountSid).With("QueueSid", queue) : null;
        protected override ResourceApi<TwilioQueueMember> Api(TwilioClient client) => client.QueueMembers;
        protected override string ValueOf(TwilioQueueMember member) => member.CallSid;
        protected override string Describe(TwilioQueueMember member) =>
            Join(member.Position.HasValue ? "#" + member.Position : null, member.WaitTime.HasValue ? "waiting " + member.WaitTime + "s" : null);
    }
}
