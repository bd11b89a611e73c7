using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary><see cref="ApiCatalog.Notifications"/>, the account's and each call's, on the generic collection: list and fetch.</summary>
    internal static class NotificationHandlers
    {
        /// <summary>
        /// Newest first. Filters: Log (0 error, 1 warning) and MessageDate[&lt;|&gt;]. A fetch shows the
        /// spec's notification-instance (with the request and response), a list its shorter form.
        /// </summary>
        public static ResourceCollection<Notification> Collection() =>
            new ResourceCollection<Notification>(ApiCatalog.Notifications)
            {
                Visible = (ctx, n) => n.Exists(ctx.Now),
                Write = (ctx, w, n) => JsonSerializer.Serialize(w, (NotificationInstanceJson)n.ToJson(CatalogRoutes.InstanceUri(ctx, n.Sid), true),
                    EmulatorJsonContext.Default.NotificationInstanceJson),
                WriteInList = (ctx, w, n) => JsonSerializer.Serialize(w, n.ToJson(CatalogRoutes.InstanceUri(ctx, n.Sid), false),
                    EmulatorJsonContext.Default.NotificationJson),
            }
            .Parent("CallSid", n => n.Call.Sid, (ctx, sid) => ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(sid, out _))
            .Filter("Log", (n, now) => n.Log, "0", "1")
            .DateFilter("MessageDate", (n, now) => n.MessageDate);

        public static void Register(Router router, ResourceCollection<Notification> notifications) => CatalogRoutes.Map(router, notifications);
    }
}
