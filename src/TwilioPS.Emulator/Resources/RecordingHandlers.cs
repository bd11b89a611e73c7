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

        /// <summary>
        /// Newest first. Filters: DateCreated[&lt;|&gt;], CallSid and ConferenceSid (the route's parent wins
        /// over the query's), IncludeSoftDeleted. Deleting is soft (see <see cref="SoftDelete"/>).
        /// </summary>
        public static ResourceCollection<Recording> Collection() =>
            new ResourceCollection<Recording>(ApiCatalog.Recordings)
            {
                Visible = (ctx, r) =>
                {
                    RecordingState s = r.Evaluate(ctx.Now);
                    return s.Exists && (s.Status != "deleted" || IncludeDeleted(ctx));
                },
                Write = (ctx, w, r) => JsonSerializer.Serialize(w, r.ToJson(r.Evaluate(ctx.Now), CatalogRoutes.InstanceUri(ctx, r.Sid), ctx.Emulator.BaseUri),
                    EmulatorJsonContext.Default.RecordingJson),
                Delete = SoftDelete,
                Alias = (ctx, sid) => sid == Current && ctx.Route("CallSid") != null ? CurrentOf(ctx, FindCall(ctx)) : null,
            }
            .Parent("CallSid", r => r.CallSid, (ctx, sid) => ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(sid, out _))
            .Parent("ConferenceSid", r => r.ConferenceSid)
            .Filter("CallSid", (r, now) => r.CallSid)
            .Filter("ConferenceSid", (r, now) => r.ConferenceSid)
            .DateFilter("DateCreated", (r, now) => r.DateCreated);

        public static void Register(Router router, ResourceCollection<Recording> recordings)
        {
            // IncludeSoftDeleted is checked once up front, so a bad value is refused even when nothing is deleted.
            CatalogRoutes.Map(router, recordings, new ResourceHandlers
            {
                Create = ctx => Create(ctx, recordings),
                Update = ctx => Update(ctx, recordings),
                List = ctx => { IncludeDeleted(ctx); recordings.List(ctx); },
                Fetch = ctx => { IncludeDeleted(ctx); recordings.Fetch(ctx); },
            });
            ResourceScope account = ApiCatalog.Recordings.ScopeFor(Operations.Fetch, new[] { "AccountSid", "Sid" });
            CatalogRoutes.MapMedia(router, account, ".wav", ctx => Media(ctx, recordings, RecordingMedia.WavContentType, RecordingMedia.Wav));
            CatalogRoutes.MapMedia(router, account, ".mp3", ctx => Media(ctx, recordings, RecordingMedia.Mp3ContentType, RecordingMedia.Mp3));
            // media_url has no extension; Twilio serves WAV there.
            CatalogRoutes.MapMedia(router, account, "", ctx => Media(ctx, recordings, RecordingMedia.WavContentType, RecordingMedia.Wav));
        }

        private static bool IncludeDeleted(RequestContext ctx) =>
            Validate.Bool("IncludeSoftDeleted", ctx.Request.QueryValue("IncludeSoftDeleted")) == true;

        private static SortedStore<Recording> Store(RequestContext ctx) => ctx.Emulator.Recordings.For(ctx.Account.Sid);

        /// <summary>The {CallSid} of a call-scope route; 404 if the account has no such call.</summary>
        private static Call FindCall(RequestContext ctx)
        {
            if (!ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(ctx.Route("CallSid"), out Call call)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return call;
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

        // ---- create, update, delete -------------------------------------------------------------

        /// <summary>Starts recording an in-progress call (StartCallRecordingAPI).</summary>
        private static void Create(RequestContext ctx, ResourceCollection<Recording> recordings)
        {
            Call call = FindCall(ctx);
            RecordingOptions options = RecordingOptions.Parse(ctx.Request);
            DateTimeOffset now = ctx.Now;
            if (call.Evaluate(now).Status != "in-progress")
                throw TwilioErrors.BadRequest(21220, "Requested resource is not eligible for recording");
            Recording recording = Recording.New(call, now, "StartCallRecordingAPI", options);
            Store(ctx).Add(recording);
            recordings.Respond(ctx, 201, recording);
        }

        /// <summary>Status=paused (PauseBehavior skip|silence), in-progress (resume) or stopped (which completes it).</summary>
        private static void Update(RequestContext ctx, ResourceCollection<Recording> recordings)
        {
            string status = ctx.Form("Status");
            string pauseBehavior = ctx.Form("PauseBehavior");
            if (string.IsNullOrEmpty(status)) throw TwilioErrors.InvalidParameter("Missing required parameter Status in the post body");
            Validate.Enum("Status", status, UpdateStatuses);
            Validate.Enum("PauseBehavior", pauseBehavior, PauseBehaviors);
            Recording recording = recordings.Find(ctx);
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
            recordings.Respond(ctx, 200, recording);
        }

        /// <summary>
        /// Soft-deletes: the recording is gone from fetches, lists and media, but IncludeSoftDeleted=true
        /// still shows it with status "deleted", as on Twilio.
        /// </summary>
        private static void SoftDelete(RequestContext ctx, Recording recording)
        {
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
        }

        // ---- media ------------------------------------------------------------------------------

        /// <summary>The audio of a completed recording; 404 while it is still being recorded, as Twilio answers.</summary>
        private static void Media(RequestContext ctx, ResourceCollection<Recording> recordings, string contentType, Func<int, int, byte[]> encode)
        {
            Recording recording = recordings.Find(ctx);
            RecordingState state = recording.Evaluate(ctx.Now);
            if (state.Status != "completed") throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.Media(contentType, encode(state.Seconds.Value, recording.Channels));
        }
    }
}
