using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>The routes of <see cref="ApiCatalog.Notifications"/>: the account's and each call's, list and fetch.</summary>
    internal static class NotificationHandlers
    {
        private static readonly string[] LogLevels = { "0", "1" };

        public static void Register(Router router) =>
            CatalogRoutes.Map(router, ApiCatalog.Notifications, new ResourceHandlers { List = List, Fetch = Fetch });

        private static SortedStore<Notification> Store(RequestContext ctx) => ctx.Emulator.Notifications.For(ctx.Account.Sid);

        /// <summary>The {CallSid} of a call-scope route, checked: 404 if the account has no such call.</summary>
        private static string RoutedCall(RequestContext ctx)
        {
            string callSid = ctx.Route("CallSid");
            if (callSid != null && !ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(callSid, out _)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return callSid;
        }

        private static NotificationJson Render(RequestContext ctx, Notification notification, bool instance)
        {
            var values = new Dictionary<string, string>(ctx.RouteValues, StringComparer.Ordinal) { ["Sid"] = notification.Sid };
            return notification.ToJson(CatalogRoutes.Expand(ctx.Scope.InstancePath, values), instance);
        }

        private static void Fetch(RequestContext ctx)
        {
            string callSid = RoutedCall(ctx);
            if (!Store(ctx).TryGet(ctx.Route("Sid"), out Notification notification) || !notification.Exists(ctx.Now)
                || (callSid != null && notification.Call.Sid != callSid))
                throw TwilioErrors.NotFound(ctx.Request.Path);
            ctx.Json(200, w => JsonSerializer.Serialize(w, (NotificationInstanceJson)Render(ctx, notification, true),
                EmulatorJsonContext.Default.NotificationInstanceJson));
        }

        /// <summary>Newest first. Filters: Log (0 error, 1 warning) and MessageDate[&lt;|&gt;], as the calls' date filters.</summary>
        private static void List(RequestContext ctx)
        {
            string callSid = RoutedCall(ctx);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            var tests = new List<Func<Notification, bool>>();
            if (callSid != null) tests.Add(n => n.Call.Sid == callSid);
            foreach (KeyValuePair<string, string> f in request.Filters)
            {
                switch (f.Key)
                {
                    case "Log":
                        Validate.Enum(f.Key, f.Value, LogLevels);
                        string level = f.Value;
                        tests.Add(n => n.Log == level);
                        break;
                    case "MessageDate": case "MessageDate<": case "MessageDate>":
                        Func<DateTimeOffset, bool> test = Validate.DateFilterTest(f.Key, f.Value);
                        tests.Add(n => test(n.MessageDate));
                        break;
                    // Unknown query parameters are ignored, as Twilio does.
                }
            }
            DateTimeOffset now = ctx.Now;
            PageSlice<Notification> slice = Store(ctx).ReadPage(n =>
            {
                if (!n.Exists(now)) return false;
                for (int i = 0; i < tests.Count; i++) if (!tests[i](n)) return false;
                return true;
            }, request.PageSize, request.Page, request.PageToken);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Notifications.EnvelopeKey, path, request, slice,
                (jw, n) => JsonSerializer.Serialize(jw, Render(ctx, n, false), EmulatorJsonContext.Default.NotificationJson)));
        }
    }
}
