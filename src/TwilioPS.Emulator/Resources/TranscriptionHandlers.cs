using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The routes of <see cref="ApiCatalog.Transcriptions"/> in both scopes (account, recording), plus the
    /// text beside the account scope's instance path: {Sid}.txt.
    /// </summary>
    internal static class TranscriptionHandlers
    {
        public const string TextContentType = "text/plain; charset=utf-8";

        public static void Register(Router router)
        {
            CatalogRoutes.Map(router, ApiCatalog.Transcriptions, new ResourceHandlers { List = List, Fetch = Fetch, Delete = Delete });
            ResourceScope account = ApiCatalog.Transcriptions.ScopeFor(Operations.Fetch, new[] { "AccountSid", "Sid" });
            CatalogRoutes.MapMedia(router, account, ".txt", Text);
        }

        private static SortedStore<Transcription> Store(RequestContext ctx) => ctx.Emulator.Transcriptions.For(ctx.Account.Sid);

        /// <summary>The {RecordingSid} of a recording-scope route, checked: 404 unless the account has it and it exists yet.</summary>
        private static string RoutedRecording(RequestContext ctx)
        {
            string recordingSid = ctx.Route("RecordingSid");
            if (recordingSid != null && (!ctx.Emulator.Recordings.For(ctx.Account.Sid).TryGet(recordingSid, out Recording recording)
                                         || !recording.Evaluate(ctx.Now).Exists))
                throw TwilioErrors.NotFound(ctx.Request.Path);
            return recordingSid;
        }

        /// <summary>The route's transcription as it is now: 404 unless it exists in this account under this scope's recording.</summary>
        private static Transcription Find(RequestContext ctx, out TranscriptionState state)
        {
            string recordingSid = RoutedRecording(ctx);
            if (!Store(ctx).TryGet(ctx.Route("Sid"), out Transcription transcription)) transcription = null;
            state = transcription?.Evaluate(ctx.Now) ?? default(TranscriptionState);
            if (transcription == null || !state.Exists || (recordingSid != null && transcription.Recording.Sid != recordingSid))
                throw TwilioErrors.NotFound(ctx.Request.Path);
            return transcription;
        }

        private static void Write(RequestContext ctx, Utf8JsonWriter w, Transcription transcription, TranscriptionState state)
        {
            var values = new Dictionary<string, string>(ctx.RouteValues, StringComparer.Ordinal) { ["Sid"] = transcription.Sid };
            string uri = CatalogRoutes.Expand(ctx.Scope.InstancePath, values);
            JsonSerializer.Serialize(w, transcription.ToJson(state, uri), EmulatorJsonContext.Default.TranscriptionJson);
        }

        private static void Fetch(RequestContext ctx)
        {
            Transcription transcription = Find(ctx, out TranscriptionState state);
            ctx.Json(200, w => Write(ctx, w, transcription, state));
        }

        /// <summary>Newest first (by when recording began); the spec has no filters for either scope.</summary>
        private static void List(RequestContext ctx)
        {
            string recordingSid = RoutedRecording(ctx);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            DateTimeOffset now = ctx.Now;
            PageSlice<Transcription> slice = Store(ctx).ReadPage(
                t => (recordingSid == null || t.Recording.Sid == recordingSid) && t.Evaluate(now).Exists,
                request.PageSize, request.Page, request.PageToken);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Transcriptions.EnvelopeKey, path, request, slice,
                (jw, t) => Write(ctx, jw, t, t.Evaluate(now))));
        }

        /// <summary>Deletes the transcription for good (Twilio keeps no soft-deleted transcriptions).</summary>
        private static void Delete(RequestContext ctx)
        {
            Transcription transcription = Find(ctx, out _);
            if (!Store(ctx).Remove(transcription.Sid)) throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.NoContent();
        }

        /// <summary>The text as text/plain; 404 while it is still being transcribed, as media of a live recording is.</summary>
        private static void Text(RequestContext ctx)
        {
            Find(ctx, out TranscriptionState state);
            if (state.Text == null) throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.Media(TextContentType, Encoding.UTF8.GetBytes(state.Text));
        }
    }
}
