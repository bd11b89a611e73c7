using System.Text;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// <see cref="ApiCatalog.Transcriptions"/> in both scopes (account, recording) on the generic
    /// collection, plus the text beside the account scope's instance path: {Sid}.txt.
    /// </summary>
    internal static class TranscriptionHandlers
    {
        public const string TextContentType = "text/plain; charset=utf-8";

        /// <summary>
        /// Newest first (by when recording began); the spec has no filters for either scope. A
        /// transcription exists once its recording does; deleting one removes it for good (Twilio keeps
        /// no soft-deleted transcriptions).
        /// </summary>
        public static ResourceCollection<Transcription> Collection() =>
            new ResourceCollection<Transcription>(ApiCatalog.Transcriptions)
            {
                Visible = (ctx, t) => t.Evaluate(ctx.Now).Exists,
                Write = (ctx, w, t) => JsonSerializer.Serialize(w, t.ToJson(t.Evaluate(ctx.Now), CatalogRoutes.InstanceUri(ctx, t.Sid)),
                    EmulatorJsonContext.Default.TranscriptionJson),
            }.Parent("RecordingSid", t => t.Recording.Sid, (ctx, sid) =>
                ctx.Emulator.Recordings.For(ctx.Account.Sid).TryGet(sid, out Recording recording) && recording.Evaluate(ctx.Now).Exists);

        public static void Register(Router router, ResourceCollection<Transcription> transcriptions)
        {
            CatalogRoutes.Map(router, transcriptions);
            ResourceScope account = ApiCatalog.Transcriptions.ScopeFor(Operations.Fetch, new[] { "AccountSid", "Sid" });
            CatalogRoutes.MapMedia(router, account, ".txt", ctx => Text(ctx, transcriptions));
        }

        /// <summary>The text as text/plain; 404 while it is still being transcribed, as media of a live recording is.</summary>
        private static void Text(RequestContext ctx, ResourceCollection<Transcription> transcriptions)
        {
            TranscriptionState state = transcriptions.Find(ctx).Evaluate(ctx.Now);
            if (state.Text == null) throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.Media(TextContentType, Encoding.UTF8.GetBytes(state.Text));
        }
    }
}
