using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The routes of <see cref="ApiCatalog.Conferences"/> and <see cref="ApiCatalog.Participants"/>.
    /// Conferences are made by calls joining them (see <see cref="AccountFlows"/>); adding a participant
    /// dials a new outbound call that joins when answered.
    /// </summary>
    internal static class ConferenceHandlers
    {
        private static readonly string[] Statuses = { "init", "in-progress", "completed" };
        private static readonly string[] UpdateStatuses = { "completed" };
        private static readonly string[] CallEvents = { "initiated", "ringing", "answered", "completed" };
        private static readonly string[] BeepValues = { "true", "false", "onEnter", "onExit" };
        private static readonly string[] ConferenceRecordValues = { "true", "false", "record-from-start", "do-not-record" };
        private static readonly string[] TrimValues = { "trim-silence", "do-not-trim" };
        private static readonly string[] ConferenceEvents = { "start", "end", "join", "leave", "mute", "hold", "modify", "speaker", "announcement" };
        private static readonly string[] RecordingEvents = { "started", "in-progress", "paused", "resumed", "stopped", "completed", "failed", "absent" };
        private static readonly string[] ConferenceRecordingEvents = { "in-progress", "completed", "failed", "absent" };
        private static readonly string[] ChannelValues = { "mono", "dual" };
        private static readonly string[] TrackValues = { "inbound", "outbound", "both" };
        private static readonly string[] MachineDetectionValues = { "Enable", "DetectMessageEnd" };
        private static readonly string[] JitterBufferValues = { "off", "small", "medium", "large" };
        private static readonly string[] Regions = { "us1", "us2", "ie1", "de1", "sg1", "br1", "au1", "jp1" };

        public static void Register(Router router)
        {
            CatalogRoutes.Map(router, ApiCatalog.Conferences, new ResourceHandlers { List = List, Fetch = Fetch, Update = Update });
            CatalogRoutes.Map(router, ApiCatalog.Participants, new ResourceHandlers
            {
                Create = CreateParticipant, List = ListParticipants, Fetch = FetchParticipant, Update = UpdateParticipant, Delete = DeleteParticipant,
            });
        }

        private static AccountFlows Flows(RequestContext ctx) => ctx.Emulator.Flows.For(ctx.Account.Sid);

        private static Conference Find(RequestContext ctx, string parameter)
        {
            if (!Flows(ctx).Conferences.TryGet(ctx.Route(parameter), out Conference conference)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return conference;
        }

        private static void Write(Utf8JsonWriter w, Conference c) =>
            JsonSerializer.Serialize(w, c.ToJson(), EmulatorJsonContext.Default.ConferenceJson);

        private static void Write(Utf8JsonWriter w, Participant p, DateTimeOffset now, bool queueTime = false) =>
            JsonSerializer.Serialize(w, p.ToJson(now, queueTime), EmulatorJsonContext.Default.ParticipantJson);

        // ---- conferences ------------------------------------------------------------------------

        private static void Fetch(RequestContext ctx)
        {
            lock (Flows(ctx).Gate)
            {
                Conference conference = Find(ctx, "Sid");
                ctx.Json(200, w => Write(w, conference));
            }
        }

        /// <summary>Newest first. Filters: FriendlyName, Status, DateCreated[&lt;|&gt;] and DateUpdated[&lt;|&gt;] (as the calls' date filters).</summary>
        private static void List(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            var tests = new List<Func<Conference, bool>>();
            foreach (KeyValuePair<string, string> f in request.Filters)
            {
                string value = f.Value;
                switch (f.Key)
                {
                    case "FriendlyName": tests.Add(c => c.FriendlyName == value); break;
                    case "Status":
                        Validate.Enum("Status", value, Statuses);
                        tests.Add(c => c.Status == value);
                        break;
                    case "DateCreated": case "DateCreated<": case "DateCreated>":
                    {
                        Func<DateTimeOffset, bool> test = Validate.DateFilterTest(f.Key, value);
                        tests.Add(c => test(c.DateCreated));
                        break;
                    }
                    case "DateUpdated": case "DateUpdated<": case "DateUpdated>":
                    {
                        Func<DateTimeOffset, bool> test = Validate.DateFilterTest(f.Key, value);
                        tests.Add(c => test(c.DateUpdated));
                        break;
                    }
                    // Unknown query parameters are ignored, as Twilio does.
                }
            }
            AccountFlows flows = Flows(ctx);
            lock (flows.Gate)
            {
                PageSlice<Conference> slice = flows.Conferences.ReadPage(c => tests.TrueForAll(t => t(c)), request.PageSize, request.Page, request.PageToken);
                string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
                ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Conferences.EnvelopeKey, path, request, slice, Write));
            }
        }

        /// <summary>Status=completed ends the conference and its participants' calls; AnnounceUrl/AnnounceMethod are kept.</summary>
        private static void Update(RequestContext ctx)
        {
            string status = ctx.Form("Status");
            string announceUrl = ctx.Form("AnnounceUrl"), announceMethod = ctx.Form("AnnounceMethod");
            Validate.Enum("Status", status, UpdateStatuses);
            Url("AnnounceUrl", announceUrl);
            Validate.Enum("AnnounceMethod", announceMethod, Validate.HttpMethods);
            AccountFlows flows = Flows(ctx);
            DateTimeOffset now = ctx.Now;
            lock (flows.Gate)
            {
                Conference conference = Find(ctx, "Sid");
                if (announceUrl != null) conference.AnnounceUrl = announceUrl;
                if (announceMethod != null) conference.AnnounceMethod = announceMethod;
                if (status == "completed") flows.End(conference, now, "conference-ended-via-api", null);
                ctx.Json(200, w => Write(w, conference));
            }
        }

        // ---- participants -----------------------------------------------------------------------

        /// <summary>The route's participant: {CallSid} is the call's SID or the participant's label.</summary>
        private static Participant FindParticipant(RequestContext ctx, Conference conference)
        {
            // A label arrives percent-encoded like any path segment ("%20" for a space).
            string key = Uri.UnescapeDataString(ctx.Route("CallSid"));
            if (conference.Participants.TryGet(key, out Participant byCall)) return byCall;
            List<Participant> byLabel = conference.Participants.ReadPage(p => p.Settings.Label == key, 1, 0, null).Items;
            if (byLabel.Count == 0) throw TwilioErrors.NotFound(ctx.Request.Path);
            return byLabel[0];
        }

        private static void FetchParticipant(RequestContext ctx)
        {
            lock (Flows(ctx).Gate)
            {
                Participant p = FindParticipant(ctx, Find(ctx, "ConferenceSid"));
                DateTimeOffset now = ctx.Now;
                ctx.Json(200, w => Write(w, p, now));
            }
        }

        /// <summary>Everyone in the conference or being dialled into it, newest first. Filters: Muted, Hold, Coaching.</summary>
        private static void ListParticipants(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            var tests = new List<Func<Participant, bool>>();
            foreach (KeyValuePair<string, string> f in request.Filters)
            {
                switch (f.Key)
                {
                    case "Muted": { bool want = Validate.Bool(f.Key, f.Value).Value; tests.Add(p => p.Settings.Muted == want); break; }
                    case "Hold": { bool want = Validate.Bool(f.Key, f.Value).Value; tests.Add(p => p.Hold == want); break; }
                    case "Coaching": { bool want = Validate.Bool(f.Key, f.Value).Value; tests.Add(p => p.Settings.Coaching == want); break; }
                    // Unknown query parameters are ignored, as Twilio does.
                }
            }
            lock (Flows(ctx).Gate)
            {
                Conference conference = Find(ctx, "ConferenceSid");
                PageSlice<Participant> slice = conference.Participants.ReadPage(p => tests.TrueForAll(t => t(p)), request.PageSize, request.Page, request.PageToken);
                string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
                DateTimeOffset now = ctx.Now;
                ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Participants.EnvelopeKey, path, request, slice, (jw, p) => Write(jw, p, now)));
            }
        }

        /// <summary>
        /// Dials To from From (a real outbound call, paced and timed like any other) into the conference
        /// named by {ConferenceSid}: a live conference's SID, or a friendly name, which Twilio also takes
        /// here and which makes a new conference when no live one has it.
        /// </summary>
        private static void CreateParticipant(RequestContext ctx)
        {
            EmulatorRequest r = ctx.Request;
            string to = r.FormValue("To"), from = r.FormValue("From");
            if (string.IsNullOrEmpty(to)) throw TwilioErrors.BadRequest(21201, "No 'To' number is specified");
            if (string.IsNullOrEmpty(from)) throw TwilioErrors.BadRequest(21213, "No 'From' number is specified");
            if (!Validate.IsEndpoint(to)) throw TwilioErrors.BadRequest(21211, "Invalid 'To' Phone Number: " + to);
            if (!Validate.IsEndpoint(from)) throw TwilioErrors.BadRequest(21212, "Invalid 'From' Phone Number: " + from);
            string callerId = r.FormValue("CallerId");
            if (callerId != null && !Validate.IsEndpoint(callerId)) throw TwilioErrors.BadRequest(21212, "Invalid 'CallerId' Phone Number: " + callerId);

            foreach (string name in new[] { "StatusCallback", "WaitUrl", "ConferenceStatusCallback", "RecordingStatusCallback", "ConferenceRecordingStatusCallback", "AmdStatusCallback" })
                Url(name, r.FormValue(name));
            foreach (string name in new[] { "StatusCallbackMethod", "WaitMethod", "ConferenceStatusCallbackMethod", "RecordingStatusCallbackMethod", "ConferenceRecordingStatusCallbackMethod", "AmdStatusCallbackMethod" })
                Validate.Enum(name, r.FormValue(name), Validate.HttpMethods);
            IReadOnlyList<string> events = Validate.Events(r.FormValues("StatusCallbackEvent"), "StatusCallbackEvent", CallEvents);
            Validate.Events(r.FormValues("ConferenceStatusCallbackEvent"), "ConferenceStatusCallbackEvent", ConferenceEvents);
            Validate.Events(r.FormValues("RecordingStatusCallbackEvent"), "RecordingStatusCallbackEvent", RecordingEvents);
            Validate.Events(r.FormValues("ConferenceRecordingStatusCallbackEvent"), "ConferenceRecordingStatusCallbackEvent", ConferenceRecordingEvents);
            Validate.Enum("Beep", r.FormValue("Beep"), BeepValues);
            Validate.Enum("ConferenceRecord", r.FormValue("ConferenceRecord"), ConferenceRecordValues);
            Validate.Enum("ConferenceTrim", r.FormValue("ConferenceTrim"), TrimValues);
            Validate.Enum("Trim", r.FormValue("Trim"), TrimValues);
            Validate.Enum("RecordingChannels", r.FormValue("RecordingChannels"), ChannelValues);
            Validate.Enum("RecordingTrack", r.FormValue("RecordingTrack"), TrackValues);
            Validate.Enum("MachineDetection", r.FormValue("MachineDetection"), MachineDetectionValues);
            Validate.Enum("JitterBufferSize", r.FormValue("JitterBufferSize"), JitterBufferValues);
            Validate.Enum("Region", r.FormValue("Region"), Regions);
            int? timeout = Validate.Int("Timeout", r.FormValue("Timeout"), 5, 600);
            int? timeLimit = Validate.Int("TimeLimit", r.FormValue("TimeLimit"), 1);
            Validate.Int("MaxParticipants", r.FormValue("MaxParticipants"), 2, 250);
            Validate.Int("MachineDetectionTimeout", r.FormValue("MachineDetectionTimeout"), 3, 59);
            Validate.Int("MachineDetectionSpeechThreshold", r.FormValue("MachineDetectionSpeechThreshold"), 1000, 6000);
            Validate.Int("MachineDetectionSpeechEndThreshold", r.FormValue("MachineDetectionSpeechEndThreshold"), 500, 5000);
            Validate.Int("MachineDetectionSilenceTimeout", r.FormValue("MachineDetectionSilenceTimeout"), 2000, 10000);
            foreach (string name in new[] { "Record", "EarlyMedia" }) Validate.Bool(name, r.FormValue(name));
            string byoc = r.FormValue("Byoc");
            if (!string.IsNullOrEmpty(byoc) && !Validate.IsSid(byoc, "BY"))
                throw TwilioErrors.InvalidParameter("Invalid Byoc '" + byoc + "': must match ^BY[0-9a-fA-F]{32}$");

            var settings = new ParticipantSettings
            {
                Muted = Validate.Bool("Muted", r.FormValue("Muted")) ?? false,
                StartConferenceOnEnter = Validate.Bool("StartConferenceOnEnter", r.FormValue("StartConferenceOnEnter")) ?? true,
                EndConferenceOnExit = Validate.Bool("EndConferenceOnExit", r.FormValue("EndConferenceOnExit")) ?? false,
                Beep = r.FormValue("Beep") ?? "true",
                WaitUrl = r.FormValue("WaitUrl"),
                WaitMethod = r.FormValue("WaitMethod") ?? "POST",
                Label = string.IsNullOrEmpty(r.FormValue("Label")) ? null : r.FormValue("Label"),
            };
            Coaching(settings, Validate.Bool("Coaching", r.FormValue("Coaching")), r.FormValue("CallSidToCoach"));

            AccountFlows flows = Flows(ctx);
            DateTimeOffset now = ctx.Now;
            lock (flows.Gate)
            {
                string key = Uri.UnescapeDataString(ctx.Route("ConferenceSid"));
                Conference conference;
                if (Validate.IsSid(key, "CF"))
                {
                    // A completed conference takes no one: Twilio answers as for an unknown one.
                    conference = Find(ctx, "ConferenceSid");
                    if (!conference.IsLive) throw TwilioErrors.NotFound(ctx.Request.Path);
                }
                else conference = flows.LiveConference(key) ?? flows.NewConference(key, now);
                if (settings.CallSidToCoach != null && !conference.Participants.TryGet(settings.CallSidToCoach, out _))
                    throw TwilioErrors.InvalidParameter("Invalid CallSidToCoach '" + settings.CallSidToCoach + "': not a participant of this conference");

                Call call = ctx.Emulator.Calls.NewCall(ctx.Account.Sid, Sids.New("CA"), now);
                call.To = to; call.ToFormatted = Call.Format(to);
                call.From = callerId ?? from; call.FromFormatted = Call.Format(call.From);
                call.StatusCallback = r.FormValue("StatusCallback"); call.StatusCallbackMethod = r.FormValue("StatusCallbackMethod") ?? "POST";
                call.StatusCallbackEvents = events;
                call.TimeLimit = timeLimit;
                call.MachineDetection = r.FormValue("MachineDetection") != null;
                call.CreateParameters = r.Form;
                CallHandlers.Dial(ctx, call, timeout, timeLimit);
                ctx.Emulator.Calls.For(ctx.Account.Sid).Add(call);
                ctx.Emulator.StatusCallbacks.Watch(call);

                var p = new Participant { Conference = conference, Call = call, DateCreated = now, DateUpdated = now, Settings = settings };
                conference.Participants.Add(p);
                conference.DateUpdated = now;
                ctx.Json(201, w => Write(w, p, now, queueTime: true));
            }
        }

        /// <summary>Coaching=true needs a call to coach; naming one implies coaching unless Coaching=false says otherwise.</summary>
        private static void Coaching(ParticipantSettings settings, bool? coaching, string callSidToCoach)
        {
            if (!string.IsNullOrEmpty(callSidToCoach))
            {
                if (!Validate.IsSid(callSidToCoach, "CA"))
                    throw TwilioErrors.InvalidParameter("Invalid CallSidToCoach '" + callSidToCoach + "': must match ^CA[0-9a-fA-F]{32}$");
                settings.CallSidToCoach = callSidToCoach;
            }
            if (coaching.HasValue) settings.Coaching = coaching.Value;
            else if (!string.IsNullOrEmpty(callSidToCoach)) settings.Coaching = true;
            if (settings.Coaching && settings.CallSidToCoach == null)
                throw TwilioErrors.InvalidParameter("CallSidToCoach is required when Coaching is true");
            if (!settings.Coaching) settings.CallSidToCoach = null;
        }

        private static void UpdateParticipant(RequestContext ctx)
        {
            EmulatorRequest r = ctx.Request;
            bool? muted = Validate.Bool("Muted", r.FormValue("Muted"));
            bool? hold = Validate.Bool("Hold", r.FormValue("Hold"));
            bool? beepOnExit = Validate.Bool("BeepOnExit", r.FormValue("BeepOnExit"));
            bool? endOnExit = Validate.Bool("EndConferenceOnExit", r.FormValue("EndConferenceOnExit"));
            bool? coaching = Validate.Bool("Coaching", r.FormValue("Coaching"));
            foreach (string name in new[] { "HoldUrl", "AnnounceUrl", "WaitUrl" }) Url(name, r.FormValue(name));
            foreach (string name in new[] { "HoldMethod", "AnnounceMethod", "WaitMethod" }) Validate.Enum(name, r.FormValue(name), Validate.HttpMethods);

            DateTimeOffset now = ctx.Now;
            lock (Flows(ctx).Gate)
            {
                Conference conference = Find(ctx, "ConferenceSid");
                Participant p = FindParticipant(ctx, conference);
                // Settings are swapped whole, so a refused coaching change leaves the participant as it was.
                ParticipantSettings s = p.Settings.Clone();
                if (muted.HasValue) s.Muted = muted.Value;
                if (endOnExit.HasValue) s.EndConferenceOnExit = endOnExit.Value;
                string v;
                if ((v = r.FormValue("WaitUrl")) != null) s.WaitUrl = v;
                if ((v = r.FormValue("WaitMethod")) != null) s.WaitMethod = v;
                if (coaching.HasValue || r.FormValue("CallSidToCoach") != null)
                {
                    Coaching(s, coaching, r.FormValue("CallSidToCoach"));
                    if (s.CallSidToCoach != null && (s.CallSidToCoach == p.Sid || !conference.Participants.TryGet(s.CallSidToCoach, out _)))
                        throw TwilioErrors.InvalidParameter("Invalid CallSidToCoach '" + s.CallSidToCoach + "': not another participant of this conference");
                }
                p.Settings = s;
                if (hold.HasValue) p.Hold = hold.Value;
                if (beepOnExit.HasValue) p.BeepOnExit = beepOnExit.Value;
                if ((v = r.FormValue("HoldUrl")) != null) p.HoldUrl = v;
                if ((v = r.FormValue("HoldMethod")) != null) p.HoldMethod = v;
                if ((v = r.FormValue("AnnounceUrl")) != null) p.AnnounceUrl = v;
                if ((v = r.FormValue("AnnounceMethod")) != null) p.AnnounceMethod = v;
                p.DateUpdated = now;
                ctx.Json(200, w => Write(w, p, now));
            }
        }

        /// <summary>Kicks the participant: its call ends now, and the conference with it if it was the last or had endConferenceOnExit.</summary>
        private static void DeleteParticipant(RequestContext ctx)
        {
            AccountFlows flows = Flows(ctx);
            DateTimeOffset now = ctx.Now;
            lock (flows.Gate)
            {
                Participant p = FindParticipant(ctx, Find(ctx, "ConferenceSid"));
                p.Kicked = true;
                flows.HangUp(p.Call, now);
                flows.Settle(now);
            }
            ctx.NoContent();
        }

        private static void Url(string name, string value)
        {
            if (!string.IsNullOrEmpty(value) && !Validate.IsAbsoluteHttpUrl(value))
                throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be an absolute http or https URL");
        }
    }
}
