using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The routes of <see cref="ApiCatalog.Queues"/> and <see cref="ApiCatalog.QueueMembers"/>. Calls
    /// join a queue through &lt;Enqueue&gt; (see <see cref="AccountFlows"/>); updating a member dequeues it.
    /// </summary>
    internal static class QueueHandlers
    {
        /// <summary>The spec: "It can be up to 64 characters long."</summary>
        private const int MaxFriendlyName = 64;
        /// <summary>The {CallSid} that names the member at the front of the queue.</summary>
        public const string Front = "Front";

        public static void Register(Router router, FlowStore flows)
        {
            ResourceCollection<Queue> queues = Collection(flows);
            CatalogRoutes.Map(router, queues, new ResourceHandlers { Create = ctx => Create(ctx, queues), Update = ctx => Update(ctx, queues) });
            CatalogRoutes.Map(router, ApiCatalog.QueueMembers, new ResourceHandlers { List = ListMembers, Fetch = FetchMember, Update = UpdateMember });
        }

        private static AccountFlows Flows(RequestContext ctx) => ctx.Emulator.Flows.For(ctx.Account.Sid);

        private static Queue Find(RequestContext ctx, string parameter)
        {
            if (!Flows(ctx).Queues.TryGet(ctx.Route(parameter), out Queue queue)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return queue;
        }

        /// <summary>
        /// The account's queues, kept in its call flows and read under their gate; newest first, and the
        /// spec has no filters for queues. Deleting one is refused while calls wait in it. Twilio's code
        /// for this is not documented; 20009 is our choice, as for deleting a live call.
        /// </summary>
        private static ResourceCollection<Queue> Collection(FlowStore flows) =>
            new ResourceCollection<Queue>(ApiCatalog.Queues, account => flows.For(account).Queues)
            {
                Gate = ctx => Flows(ctx).Gate,
                Write = (ctx, w, q) => JsonSerializer.Serialize(w, q.ToJson(ctx.Now), EmulatorJsonContext.Default.QueueJson),
                Delete = (ctx, queue) =>
                {
                    if (queue.Members.Count > 0)
                        throw TwilioErrors.BadRequest(20009, "Cannot delete a queue while calls wait in it. Dequeue them or let them leave first.");
                    Flows(ctx).DeleteQueue(queue);
                },
            };

        private static void Write(Utf8JsonWriter w, QueueMember m, DateTimeOffset now, int position) =>
            JsonSerializer.Serialize(w, m.ToJson(now, position), EmulatorJsonContext.Default.MemberJson);

        private static string FriendlyName(string value, bool required)
        {
            if (value == null && !required) return null;
            if (string.IsNullOrEmpty(value)) throw TwilioErrors.InvalidParameter("Missing required parameter FriendlyName in the post body");
            if (value.Length > MaxFriendlyName)
                throw TwilioErrors.InvalidParameter("Invalid FriendlyName: must be " + MaxFriendlyName + " characters or fewer");
            return value;
        }

        /// <summary>Friendly names are unique in an account; Twilio refuses a second queue of one name with 22003.</summary>
        private static void Unique(AccountFlows flows, string friendlyName, Queue self)
        {
            Queue other = flows.QueueNamed(friendlyName);
            if (other != null && other != self)
                throw TwilioErrors.BadRequest(22003, "A queue with the friendly name '" + friendlyName + "' already exists");
        }

        // ---- queues -----------------------------------------------------------------------------

        private static void Create(RequestContext ctx, ResourceCollection<Queue> queues)
        {
            string friendlyName = FriendlyName(ctx.Form("FriendlyName"), required: true);
            int maxSize = Validate.Int("MaxSize", ctx.Form("MaxSize"), 1, Queue.MaxMaxSize) ?? Queue.DefaultMaxSize;
            AccountFlows flows = Flows(ctx);
            DateTimeOffset now = ctx.Now;
            lock (flows.Gate)
            {
                Unique(flows, friendlyName, null);
                Queue queue = flows.NewQueue(friendlyName, maxSize, now);
                queues.Respond(ctx, 201, queue);
            }
        }

        private static void Update(RequestContext ctx, ResourceCollection<Queue> queues)
        {
            string friendlyName = FriendlyName(ctx.Form("FriendlyName"), required: false);
            int? maxSize = Validate.Int("MaxSize", ctx.Form("MaxSize"), 1, Queue.MaxMaxSize);
            AccountFlows flows = Flows(ctx);
            DateTimeOffset now = ctx.Now;
            lock (flows.Gate)
            {
                Queue queue = queues.Find(ctx);
                if (friendlyName != null)
                {
                    Unique(flows, friendlyName, queue);
                    queue.FriendlyName = friendlyName;
                }
                // A smaller MaxSize turns away new calls; the calls already waiting stay.
                if (maxSize.HasValue) queue.MaxSize = maxSize.Value;
                queue.DateUpdated = now;
                queues.Respond(ctx, 200, queue);
            }
        }

        // ---- members ----------------------------------------------------------------------------

        /// <summary>The route's member by its call's SID, or "Front" for the member at the front; with its position.</summary>
        private static QueueMember FindMember(RequestContext ctx, Queue queue, out int position)
        {
            string key = ctx.Route("CallSid");
            List<QueueMember> waiting = queue.Waiting();
            int index = key == Front ? (waiting.Count > 0 ? 0 : -1) : waiting.FindIndex(m => m.Sid == key);
            if (index < 0) throw TwilioErrors.NotFound(ctx.Request.Path);
            position = index + 1;
            return waiting[index];
        }

        private static void FetchMember(RequestContext ctx)
        {
            lock (Flows(ctx).Gate)
            {
                QueueMember member = FindMember(ctx, Find(ctx, "QueueSid"), out int position);
                DateTimeOffset now = ctx.Now;
                ctx.Json(200, w => Write(w, member, now, position));
            }
        }

        /// <summary>Front of the queue first (position 1).</summary>
        private static void ListMembers(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            lock (Flows(ctx).Gate)
            {
                Queue queue = Find(ctx, "QueueSid");
                var positions = new Dictionary<string, int>(StringComparer.Ordinal);
                List<QueueMember> waiting = queue.Waiting();
                for (int i = 0; i < waiting.Count; i++) positions[waiting[i].Sid] = i + 1;
                PageSlice<QueueMember> slice = queue.Members.ReadPage(null, request.PageSize, request.Page, request.PageToken);
                string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
                DateTimeOffset now = ctx.Now;
                ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.QueueMembers.EnvelopeKey, path, request, slice, (jw, m) => Write(jw, m, now, positions[m.Sid])));
            }
        }

        /// <summary>
        /// Dequeues the member: it leaves the queue and its call goes on to Url (the emulator keeps the
        /// call in progress). The response shows the member as it was when dequeued.
        /// </summary>
        private static void UpdateMember(RequestContext ctx)
        {
            string url = ctx.Form("Url"), method = ctx.Form("Method");
            if (string.IsNullOrEmpty(url)) throw TwilioErrors.BadRequest(21205, "Url parameter is required.");
            if (!Validate.IsAbsoluteHttpUrl(url)) throw TwilioErrors.BadRequest(21205, "Url is not a valid URL: " + url);
            Validate.Enum("Method", method, Validate.HttpMethods);
            DateTimeOffset now = ctx.Now;
            QueueMember member;
            lock (Flows(ctx).Gate)
            {
                Queue queue = Find(ctx, "QueueSid");
                member = FindMember(ctx, queue, out int position);
                queue.Members.Remove(member.Sid);
                ctx.Emulator.Calls.For(ctx.Account.Sid).Mutate(() =>
                {
                    member.Call.Url = url;
                    member.Call.Twiml = null;
                    member.Call.Method = method ?? "POST";
                });
                ctx.Json(200, w => Write(w, member, now, position));
            }
            ctx.Emulator.Twiml.Redirect(member.Call, now, url, method ?? "POST", null);
        }
    }
}
