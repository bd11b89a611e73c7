using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The routes of <see cref="ApiCatalog.Recordings"/> in every scope (account, call, conference), plus
    /// the media beside the account scope's instance path: {Sid}.wav, {Sid}.mp3 and the bare {Sid} of media_url.
    /// </summary>
    internal static class RecordingHandlers
    {
        /// <summary>The Sid that names a call's live recording in an update.</summary>
        public const string Current = "Twilio.CURRENT";

        private static readonly string[] UpdateStatuses = { "in-progress", "paused", "stopped" };
        private static readonly string[] PauseBehaviors = { "skip", "silence" };
        /// <summary>The scope parameters that name a recording's parent, and the parent's SID on the recording.</summary>
        private static readonly Dictionary<string, Func<Recording, string>> Parents = new Dictionary<string, Func<Recording, string>>(StringComparer.Ordinal)
        {
            ["CallSid"] = r => r.CallSid,
            ["ConferenceSid"] = r => r.ConferenceSid,
        };

        public static void Register(Router router)
        {
            CatalogRoutes.Map(router, ApiCatalog.Recordings, new ResourceHandlers { Create = Create, List = List, Fetch = Fetch, Update = Update, Delete = Delete });
            ResourceScope account = ApiCatalog.Recordings.ScopeFor(Operations.Fetch, new[] { "AccountSid", "Sid" });
            CatalogRoutes.MapMedia(router, account, ".wav", ctx => Media(ctx, RecordingMedia.WavContentType, RecordingMedia.Wav));
            CatalogRoutes.MapMedia(router, account, ".mp3", ctx => Media(ctx, RecordingMedia.Mp3ContentType, RecordingMedia.Mp3));
            // media_url has no extension; Twilio serves WAV there.
            CatalogRoutes.MapMedia(router, account, "", ctx => Media(ctx, RecordingMedia.WavContentType, RecordingMedia.Wav));
        }

        private static SortedStore<Recording> Store(RequestContext ctx) => ctx.Emulator.Recordings.For(ctx.Account.Sid);

        /// <summary>The {CallSid} of a call-scope route; 404 if the account has no such call.</summary>
        private static Call FindCall(RequestContext ctx)
        {
            if (!ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(ctx.Route("CallSid"), out Call call)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return call;
        }

        /// <summary>
        /// The route's recording as it is now: 404 unless it exists in this account under this scope's
        /// parent, and is not soft-deleted (unless asked for).
        /// </summary>
        private static Recording Find(RequestContext ctx, out RecordingState state, bool includeDeleted = false)
        {
            string sid = ctx.Route("Sid");
            Recording recording;
            if (sid == Current && ctx.Route("CallSid") != null) recording = CurrentOf(ctx, FindCall(ctx));
            else if (!Store(ctx).TryGet(sid, out recording)) recording = null;
            state = recording?.Evaluate(ctx.Now) ?? default(RecordingState);
            if (recording == null || !state.Exists || !SameParents(ctx, recording) || (state.Status == "deleted" && !includeDeleted))
                throw TwilioErrors.NotFound(ctx.Request.Path);
            return recording;
        }

        /// <summary>The call's newest live recording, or null.</summary>
        private static Recording CurrentOf(RequestContext ctx, Call call)
        {
            DateTimeOffset now = ctx.Now;
            PageSlice<Recording> newest = Store(ctx).ReadPage(r => r.CallSid == call.Sid && IsLive(r, now), 1, 0, null);
            return newest.Items.Count == 0 ? null : newest.Items[0];
        }

        private static bool IsLive(Recording r, DateTimeOffset now)
        {
            RecordingState s = r.Evaluate(now);
            return s.Exists && s.IsLive;
        }

        private static bool SameParents(RequestContext ctx, Recording recording)
        {
            foreach (KeyValuePair<string, Func<Recording, string>> parent in Parents)
            {
                string routed = ctx.Route(parent.Key);
                if (routed != null && routed != parent.Value(recording)) return false;
            }
            return true;
        }

        private static void Write(RequestContext ctx, Utf8JsonWriter w, Recording recording, RecordingState state)
        {
            var values = new Dictionary<string, string>(ctx.RouteValues, StringComparer.Ordinal) { ["Sid"] = recording.Sid };
            string uri = CatalogRoutes.Expand(ctx.Scope.InstancePath, values);
            JsonSerializer.Serialize(w, recording.ToJson(state, uri, ctx.Emulator.BaseUri), EmulatorJsonContext.Default.RecordingJson);
        }

        private static void Respond(RequestContext ctx, int status, Recording recording, RecordingState state) =>
            ctx.Json(status, w => Write(ctx, w, recording, state));

        // ---- fetch, list ------------------------------------------------------------------------

        private static void Fetch(RequestContext ctx)
        {
            bool includeDeleted = Validate.Bool("IncludeSoftDeleted", ctx.Request.QueryValue("IncludeSoftDeleted")) == true;
            Recording recording = Find(ctx, out RecordingState state, includeDeleted);
            Respond(ctx, 200, recording, state);
        }

        /// <summary>
        /// Newest first. Filters: DateCreated[&lt;|&gt;] (as the calls' date filters), CallSid and
        /// ConferenceSid (the route's parent wins over the query's), IncludeSoftDeleted.
        /// </summary>
        private static void List(RequestContext ctx)
        {
            if (ctx.Route("CallSid") != null) FindCall(ctx);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            var tests = new List<Func<Recording, bool>>();
            bool includeDeleted = false;
            foreach (KeyValuePair<string, string> f in request.Filters)
            {
                switch (f.Key)
                {
                    case "DateCreated": case "DateCreated<": case "DateCreated>":
                        Func<DateTimeOffset, bool> test = Validate.DateFilterTest(f.Key, f.Value);
                        tests.Add(r => test(r.DateCreated));
                        break;
                    case "IncludeSoftDeleted":
                        includeDeleted = Validate.Bool(f.Key, f.Value) == true;
                        break;
                    // Unknown query parameters are ignored, as Twilio does.
                }
            }
            foreach (KeyValuePair<string, Func<Recording, string>> parent in Parents)
            {
                string sid = ctx.Route(parent.Key) ?? request.Filter(parent.Key);
                Func<Recording, string> of = parent.Value;
                if (sid != null) tests.Add(r => of(r) == sid);
            }

            DateTimeOffset now = ctx.Now;
            PageSlice<Recording> slice = Store(ctx).ReadPage(r =>
            {
                for (int i = 0; i < tests.Count; i++) if (!tests[i](r)) return false;
                RecordingState s = r.Evaluate(now);
                return s.Exists && (includeDeleted || s.Status != "deleted");
            }, request.PageSize, request.Page, request.PageToken);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Recordings.EnvelopeKey, path, request, slice,
                (jw, r) => Write(ctx, jw, r, r.Evaluate(now))));
        }

        // ---- create, update, delete -------------------------------------------------------------

        /// <summary>Starts recording an in-progress call (StartCallRecordingAPI).</summary>
        private static void Create(RequestContext ctx)
        {
            Call call = FindCall(ctx);
            RecordingOptions options = RecordingOptions.Parse(ctx.Request);
            DateTimeOffset now = ctx.Now;
            if (call.Evaluate(now).Status != "in-progress")
                throw TwilioErrors.BadRequest(21220, "Requested resource is not eligible for recording");
            Recording recording = RecordingStore.New(call, now, "StartCallRecordingAPI", options);
            Store(ctx).Add(recording);
            Respond(ctx, 201, recording, recording.Evaluate(now));
        }

        /// <summary>Status=paused (PauseBehavior skip|silence), in-progress (resume) or stopped (which completes it).</summary>
        private static void Update(RequestContext ctx)
        {
            string status = ctx.Form("Status");
            string pauseBehavior = ctx.Form("PauseBehavior");
            if (string.IsNullOrEmpty(status)) throw TwilioErrors.InvalidParameter("Missing required parameter Status in the post body");
            Validate.Enum("Status", status, UpdateStatuses);
            Validate.Enum("PauseBehavior", pauseBehavior, PauseBehaviors);
            Recording recording = Find(ctx, out _);
            DateTimeOffset now = ctx.Now;
            Store(ctx).Mutate(() =>
            {
                if (!recording.Evaluate(now).IsLive)
                    throw TwilioErrors.BadRequest(21220, "Recording is not in-progress. Cannot update its status.");
                RecordingTimeline t = recording.Timeline.Clone();
                t.LastUpdate = now;
                switch (status)
                {
                    case "paused":
                        if (t.PausedAt.HasValue) break;
                        t.PausedAt = now;
                        t.PauseSkips = pauseBehavior == "skip";
                        break;
                    case "in-progress":
                        if (!t.PausedAt.HasValue) break;
                        if (t.PauseSkips) t.Skipped += now - t.PausedAt.Value;
                        t.PausedAt = null;
                        break;
                    case "stopped":
                        t.StoppedAt = now;
                        break;
                }
                recording.Timeline = t;
            });
            Respond(ctx, 200, recording, recording.Evaluate(now));
        }

        /// <summary>
        /// Soft-deletes: the recording is gone from fetches, lists and media, but IncludeSoftDeleted=true
        /// still shows it with status "deleted", as on Twilio.
        /// </summary>
        private static void Delete(RequestContext ctx)
        {
            Recording recording = Find(ctx, out _);
            DateTimeOffset now = ctx.Now;
            Store(ctx).Mutate(() =>
            {
                RecordingState state = recording.Evaluate(now);
                if (state.IsLive)
                    throw TwilioErrors.BadRequest(21220, "Recording is in progress. Stop it (Status=stopped) before deleting it.");
                if (state.Status == "deleted") throw TwilioErrors.NotFound(ctx.Request.Path);
                RecordingTimeline t = recording.Timeline.Clone();
                t.DeletedAt = now;
                recording.Timeline = t;
            });
            ctx.NoContent();
        }

        // ---- media ------------------------------------------------------------------------------

        /// <summary>The audio of a completed recording; 404 while it is still being recorded, as Twilio answers.</summary>
        private static void Media(RequestContext ctx, string contentType, Func<int, int, byte[]> encode)
        {
            Recording recording = Find(ctx, out RecordingState state);
            if (state.Status != "completed") throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.Media(contentType, encode(state.Seconds.Value, recording.Channels));
        }
    }
}
