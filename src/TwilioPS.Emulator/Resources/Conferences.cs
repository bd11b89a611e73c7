using System;
using System.Collections.Generic;
using System.Globalization;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// api.v2010.account.conference. Its state changes only inside <see cref="AccountFlows"/> (under
    /// its gate), as the calls in it are answered and end: <see cref="AccountFlows.Settle"/> commits
    /// every change up to the request's instant before a handler reads it.
    /// </summary>
    internal sealed class Conference : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Conference>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string FriendlyName;
        public DateTimeOffset DateCreated;
        public DateTimeOffset DateUpdated;
        /// <summary>When a participant with startConferenceOnEnter joined; null while init.</summary>
        public DateTimeOffset? StartedAt;
        public DateTimeOffset? EndedAt;
        public string ReasonEnded;
        public string CallSidEnding;
        public string AnnounceUrl, AnnounceMethod;
        /// <summary>The conference's recording (record="record-from-start"); it ends with the conference.</summary>
        public Recording Recording;
        /// <summary>Everyone who is, or is being dialled to be, in the conference; those who left are removed.</summary>
        public readonly SortedStore<Participant> Participants = new SortedStore<Participant>();

        public string Status => EndedAt.HasValue ? "completed" : StartedAt.HasValue ? "in-progress" : "init";
        public bool IsLive => !EndedAt.HasValue;

        public ConferenceJson ToJson()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AccountSid"] = AccountSid, ["Sid"] = Sid, ["ConferenceSid"] = Sid,
            };
            return new ConferenceJson
            {
                AccountSid = AccountSid,
                ApiVersion = "2010-04-01",
                CallSidEndingConference = CallSidEnding,
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(DateUpdated),
                FriendlyName = FriendlyName,
                ReasonConferenceEnded = ReasonEnded,
                // Basic conferences are always mixed in us1.
                Region = "us1",
                Sid = Sid,
                Status = Status,
                SubresourceUris = new ConferenceSubresources
                {
                    Participants = CatalogRoutes.Expand(ApiCatalog.Participants.Scopes[0].CollectionPath, values),
                    Recordings = CatalogRoutes.Expand(ApiCatalog.Recordings.ScopeFor(Operations.List, new[] { "AccountSid", "ConferenceSid" }).CollectionPath, values),
                },
                Uri = CatalogRoutes.Expand(ApiCatalog.Conferences.Scopes[0].InstancePath, values),
            };
        }
    }

    /// <summary>How a call takes part in a conference: from &lt;Conference&gt;'s attributes or the Participants API.</summary>
    internal sealed class ParticipantSettings
    {
        public bool Muted;
        public bool StartConferenceOnEnter = true;
        public bool EndConferenceOnExit;
        public string Beep = "true";
        public string WaitUrl, WaitMethod = "POST";
        public string Label;
        public bool Coaching;
        public string CallSidToCoach;

        public ParticipantSettings Clone() => (ParticipantSettings)MemberwiseClone();
    }

    /// <summary>api.v2010.account.conference.participant, keyed by its call's SID.</summary>
    internal sealed class Participant : IStoredResource
    {
        public string Sid => Call.Sid;
        public long Seq { get; } = SortedStore<Participant>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public Conference Conference;
        public Call Call;
        public DateTimeOffset DateCreated;
        public DateTimeOffset DateUpdated;
        public ParticipantSettings Settings;
        public bool Hold;
        public string HoldUrl, HoldMethod = "GET", AnnounceUrl, AnnounceMethod = "POST";
        public bool? BeepOnExit;
        /// <summary>When its call was answered and it entered the conference; null while being dialled.</summary>
        public DateTimeOffset? JoinedAt;
        /// <summary>Joined by &lt;Dial&gt;&lt;Conference&gt;: when the conference ends, the call's TwiML goes on.</summary>
        public bool JoinedByTwiml;
        /// <summary>Removed through the API (DELETE): the conference's end reason says "kicked".</summary>
        public bool Kicked;

        /// <summary>participant_enum_status from the call's state: the participant joins the moment its call is answered.</summary>
        public string Status(DateTimeOffset now)
        {
            CallState call = Call.Evaluate(now);
            switch (call.Status)
            {
                case "queued": return "queued";
                case "ringing": return "ringing";
                case "in-progress": return JoinedAt.HasValue ? "connected" : "connecting";
                default: return JoinedAt.HasValue ? "complete" : "failed";
            }
        }

        /// <param name="queueTime">Only the create response carries queue_time, as the spec says.</param>
        public ParticipantJson ToJson(DateTimeOffset now, bool queueTime = false)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AccountSid"] = Call.AccountSid, ["ConferenceSid"] = Conference.Sid, ["CallSid"] = Call.Sid,
            };
            return new ParticipantJson
            {
                AccountSid = Call.AccountSid,
                CallSid = Call.Sid,
                CallSidToCoach = Settings.CallSidToCoach,
                Coaching = Settings.Coaching,
                ConferenceSid = Conference.Sid,
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(DateUpdated),
                EndConferenceOnExit = Settings.EndConferenceOnExit,
                Hold = Hold,
                Label = Settings.Label,
                Muted = Settings.Muted,
                QueueTime = queueTime ? Call.QueueTimeMs.ToString(CultureInfo.InvariantCulture) : null,
                StartConferenceOnEnter = Settings.StartConferenceOnEnter,
                Status = Status(now),
                Uri = CatalogRoutes.Expand(ApiCatalog.Participants.Scopes[0].InstancePath, values),
            };
        }
    }

    /// <summary>The wire form of a conference; names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal sealed class ConferenceJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string CallSidEndingConference { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string FriendlyName { get; set; }
        public string ReasonConferenceEnded { get; set; }
        public string Region { get; set; }
        public string Sid { get; set; }
        public string Status { get; set; }
        public ConferenceSubresources SubresourceUris { get; set; }
        public string Uri { get; set; }
    }

    internal sealed class ConferenceSubresources
    {
        public string Participants { get; set; }
        public string Recordings { get; set; }
    }

    /// <summary>The wire form of a participant.</summary>
    internal sealed class ParticipantJson
    {
        public string AccountSid { get; set; }
        public string CallSid { get; set; }
        public string CallSidToCoach { get; set; }
        public bool Coaching { get; set; }
        public string ConferenceSid { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public bool EndConferenceOnExit { get; set; }
        public bool Hold { get; set; }
        public string Label { get; set; }
        public bool Muted { get; set; }
        public string QueueTime { get; set; }
        public bool StartConferenceOnEnter { get; set; }
        public string Status { get; set; }
        public string Uri { get; set; }
    }
}
