using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The routes of <see cref="ApiCatalog.Messages"/>, <see cref="ApiCatalog.MessageMedia"/> (plus the
    /// media content at the bare instance path, without ".json") and <see cref="ApiCatalog.MessageFeedback"/>.
    /// Failures answer with the codes Twilio documents for them.
    /// </summary>
    internal static class MessageHandlers
    {
        public const int MaxBody = 1600, MaxMedia = 10;
        /// <summary>How far ahead SendAt may lie: Twilio's error 35114 documents 300 seconds to 35 days, inclusive.</summary>
        public static readonly TimeSpan MinScheduleAhead = TimeSpan.FromSeconds(300), MaxScheduleAhead = TimeSpan.FromDays(35);

        private static readonly string[] ContentRetentions = { "retain", "discard" };
        private static readonly string[] AddressRetentions = { "retain", "obfuscate" };
        private static readonly string[] TrafficTypes = { "free" };
        private static readonly string[] ScheduleTypes = { "fixed" };
        private static readonly string[] RiskChecks = { "enable", "disable" };
        private static readonly string[] Outcomes = { "confirmed", "unconfirmed" };

        public static void Register(Router router, MessageStore messages)
        {
            CatalogRoutes.Map(router, ApiCatalog.Messages, new ResourceHandlers { Create = Create, List = List, Fetch = Fetch, Update = Update, Delete = Delete });
            ResourceCollection<MessageMedia> media = MediaCollection(messages);
            CatalogRoutes.Map(router, media);
            ResourceScope content = ApiCatalog.MessageMedia.ScopeFor(Operations.Fetch, new[] { "AccountSid", "MessageSid", "Sid" });
            // The file itself, with its content type and length.
            CatalogRoutes.MapMedia(router, content, "", ctx =>
            {
                MessageMedia found = media.Find(ctx);
                ctx.Media(found.ContentType, MessageMediaContent.For(found.ContentType));
            });
            CatalogRoutes.Map(router, ApiCatalog.MessageFeedback, new ResourceHandlers { Create = CreateFeedback });
        }

        private static AccountMessages Store(RequestContext ctx) => ctx.Emulator.Messages.For(ctx.Account.Sid);

        /// <summary>The message named by the route's {Sid} or {MessageSid}; 404 unless it is in this account.</summary>
        private static Message Find(RequestContext ctx)
        {
            if (!Store(ctx).Messages.TryGet(ctx.Route("MessageSid") ?? ctx.Route("Sid"), out Message message)) throw TwilioErrors.NotFound(ctx.Request.Path);
            return message;
        }

        private static void Respond(RequestContext ctx, int status, Message message) =>
            ctx.Json(status, w => JsonSerializer.Serialize(w, message.ToJson(message.Evaluate(ctx.Now)), EmulatorJsonContext.Default.MessageJson));

        // ---- fetch, list ------------------------------------------------------------------------

        private static void Fetch(RequestContext ctx) => Respond(ctx, 200, Find(ctx));

        /// <summary>Newest first. Filters: To, From, DateSent[&lt;|&gt;] (as the calls' StartTime; unsent messages never match a date).</summary>
        private static void List(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            DateTimeOffset now = ctx.Now;
            var tests = new List<Func<Message, MessageState, bool>>();
            foreach (KeyValuePair<string, string> f in request.Filters)
            {
                string value = f.Value;
                switch (f.Key)
                {
                    case "To": tests.Add((m, s) => m.To == value); break;
                    case "From": tests.Add((m, s) => s.From == value); break;
                    case "DateSent": case "DateSent<": case "DateSent>":
                        Func<DateTimeOffset, bool> test = Validate.DateFilterTest(f.Key, value);
                        tests.Add((m, s) => s.DateSent.HasValue && test(s.DateSent.Value));
                        break;
                    // Unknown query parameters are ignored, as Twilio does.
                }
            }
            PageSlice<Message> slice = Store(ctx).Messages.ReadPage(tests.Count == 0 ? (Func<Message, bool>)null : m =>
            {
                MessageState s = m.Evaluate(now);
                foreach (Func<Message, MessageState, bool> t in tests) if (!t(m, s)) return false;
                return true;
            }, request.PageSize, request.Page, request.PageToken);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.Messages.EnvelopeKey, path, request, slice,
                (jw, m) => JsonSerializer.Serialize(jw, m.ToJson(m.Evaluate(now)), EmulatorJsonContext.Default.MessageJson)));
        }

        // ---- create -----------------------------------------------------------------------------

        private static void Create(RequestContext ctx)
        {
            EmulatorRequest r = ctx.Request;
            string to = r.FormValue("To"), from = r.FormValue("From"), service = r.FormValue("MessagingServiceSid");
            string body = r.FormValue("Body"), contentSid = r.FormValue("ContentSid");
            IReadOnlyList<string> mediaUrls = r.FormValues("MediaUrl");

            if (string.IsNullOrEmpty(to)) throw TwilioErrors.BadRequest(21604, "A 'To' phone number is required.");
            if (!MessageAddress.IsValid(to)) throw TwilioErrors.BadRequest(21211, "Invalid 'To' Phone Number: " + to);
            if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(service))
                throw TwilioErrors.BadRequest(21603, "A 'From' phone number or a 'MessagingServiceSid' is required.");
            if (!string.IsNullOrEmpty(service) && !Validate.IsSid(service, "MG"))
                throw TwilioErrors.BadRequest(21705, "The Messaging Service is invalid: " + service);
            if (!string.IsNullOrEmpty(from))
            {
                if (!MessageAddress.IsValid(from)) throw TwilioErrors.BadRequest(21212, "Invalid 'From' Phone Number: " + from);
                if (!MessageNumbers.IsOwned(from))
                    throw TwilioErrors.BadRequest(21606, "The From phone number " + from + " is not a valid, message-capable Twilio phone number for this account.");
                if (MessageAddress.Channel(from) != MessageAddress.Channel(to))
                    throw TwilioErrors.BadRequest(21910, "Invalid From and To pair. From and To should be of the same channel");
            }
            if (body != null && body.Length > MaxBody)
                throw TwilioErrors.BadRequest(21617, "The concatenated message body exceeds the " + MaxBody + " character limit.");
            if (mediaUrls.Count > MaxMedia)
                throw TwilioErrors.BadRequest(21623, "The number of media files (" + mediaUrls.Count + ") exceeds the limit of " + MaxMedia + ".");
            foreach (string url in mediaUrls)
                if (!Validate.IsAbsoluteHttpUrl(url)) throw TwilioErrors.BadRequest(21620, "Invalid media URL(s): " + url);
            if (string.IsNullOrEmpty(body) && mediaUrls.Count == 0 && string.IsNullOrEmpty(contentSid))
                throw TwilioErrors.BadRequest(21602, "Message body is required.");
            if (!string.IsNullOrEmpty(contentSid) && !Validate.IsSid(contentSid, "HX"))
                throw TwilioErrors.InvalidParameter("Invalid ContentSid '" + contentSid + "': must match ^HX[0-9a-fA-F]{32}$");
            ValidateContentVariables(r.FormValue("ContentVariables"), contentSid);
            string callback = r.FormValue("StatusCallback");
            if (!string.IsNullOrEmpty(callback) && !Validate.IsAbsoluteHttpUrl(callback))
                throw TwilioErrors.BadRequest(21609, "Invalid StatusCallback: " + callback);
            string application = r.FormValue("ApplicationSid");
            if (!string.IsNullOrEmpty(application) && !Validate.IsSid(application, "AP"))
                throw TwilioErrors.InvalidParameter("Invalid ApplicationSid '" + application + "': must match ^AP[0-9a-fA-F]{32}$");
            string maxPrice = r.FormValue("MaxPrice");
            if (maxPrice != null && !decimal.TryParse(maxPrice, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                throw TwilioErrors.InvalidParameter("Invalid MaxPrice '" + maxPrice + "': must be a number");
            Validate.Int("Attempt", r.FormValue("Attempt"), 1);
            Validate.Int("ValidityPeriod", r.FormValue("ValidityPeriod"), 1, 36000);
            bool feedback = Validate.Bool("ProvideFeedback", r.FormValue("ProvideFeedback")) == true;
            Validate.Bool("ForceDelivery", r.FormValue("ForceDelivery"));
            Validate.Bool("SmartEncoded", r.FormValue("SmartEncoded"));
            Validate.Bool("SendAsMms", r.FormValue("SendAsMms"));
            if (Validate.Bool("ShortenUrls", r.FormValue("ShortenUrls")) == true && string.IsNullOrEmpty(service))
                throw TwilioErrors.InvalidParameter("ShortenUrls=true needs a MessagingServiceSid");
            Validate.Enum("ContentRetention", r.FormValue("ContentRetention"), ContentRetentions);
            Validate.Enum("AddressRetention", r.FormValue("AddressRetention"), AddressRetentions);
            Validate.Enum("TrafficType", r.FormValue("TrafficType"), TrafficTypes);
            Validate.Enum("RiskCheck", r.FormValue("RiskCheck"), RiskChecks);
            DateTimeOffset now = ctx.Now;
            DateTimeOffset? sendAt = Schedule(r, service, now);

            Message message = ctx.Emulator.Messages.New(ctx.Account.Sid, now, mediaUrls, out List<MessageMedia> media);
            message.To = to;
            message.From = string.IsNullOrEmpty(from) ? null : from;
            message.MessagingServiceSid = string.IsNullOrEmpty(service) ? null : service;
            // Twilio sends (and shows) the smart-encoded body, and counts its segments.
            message.Body = Validate.Bool("SmartEncoded", r.FormValue("SmartEncoded")) == true ? MessageSegments.SmartEncode(body ?? "") : body ?? "";
            message.Segments = MessageStore.SegmentsOf(message.Body, mediaUrls.Count, to);
            message.SendAt = sendAt;
            message.ProvideFeedback = feedback;
            message.StatusCallback = string.IsNullOrEmpty(callback) ? null : callback;
            if (feedback)
            {
                message.Timeline.Outcome = "unconfirmed";
                message.Timeline.FeedbackUpdated = now;
            }
            AccountMessages store = Store(ctx);
            store.Media.AddRange(media);
            store.Messages.Add(message);
            ctx.Emulator.StatusCallbacks.Watch(message);
            Respond(ctx, 201, message);
        }

        /// <summary>ContentVariables goes with a ContentSid and is a JSON object of strings (21656 otherwise).</summary>
        private static void ValidateContentVariables(string variables, string contentSid)
        {
            if (string.IsNullOrEmpty(variables)) return;
            if (string.IsNullOrEmpty(contentSid)) throw TwilioErrors.BadRequest(21656, "ContentVariables needs a ContentSid.");
            try
            {
                using (JsonDocument document = JsonDocument.Parse(variables))
                    if (document.RootElement.ValueKind == JsonValueKind.Object) return;
            }
            catch (JsonException) { }
            throw TwilioErrors.BadRequest(21656, "The ContentVariables Parameter is invalid: it must be a JSON object.");
        }

        /// <summary>
        /// ScheduleType=fixed with SendAt and a Messaging Service makes a scheduled message: 35111 without
        /// SendAt, 35118 without a Messaging Service, 35114 when SendAt is not an ISO 8601 instant 300 s
        /// to 35 days ahead. SendAt alone schedules nothing on Twilio, so it is refused rather than ignored.
        /// </summary>
        private static DateTimeOffset? Schedule(EmulatorRequest r, string service, DateTimeOffset now)
        {
            string type = r.FormValue("ScheduleType"), sendAt = r.FormValue("SendAt");
            Validate.Enum("ScheduleType", type, ScheduleTypes);
            if (type == null)
            {
                if (!string.IsNullOrEmpty(sendAt)) throw TwilioErrors.InvalidParameter("SendAt needs ScheduleType=fixed");
                return null;
            }
            if (string.IsNullOrEmpty(sendAt)) throw TwilioErrors.BadRequest(35111, "SendAt timestamp is missing: it is required when ScheduleType is 'fixed'.");
            if (string.IsNullOrEmpty(service)) throw TwilioErrors.BadRequest(35118, "MessagingServiceSid is required to schedule a message.");
            if (!DateTimeOffset.TryParse(sendAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
                || at - now < MinScheduleAhead || at - now > MaxScheduleAhead)
                throw TwilioErrors.BadRequest(35114, "SendAt time must be between 300 seconds and 35 days (3024000 seconds) in the future, inclusive.");
            return at.ToUniversalTime();
        }

        // ---- update, delete ---------------------------------------------------------------------

        /// <summary>
        /// Either Status=canceled (a scheduled message only: 30409 otherwise) or Body="" (redaction, of a
        /// finished message only); anything else, or both at once, is Twilio's 30400.
        /// </summary>
        private static void Update(RequestContext ctx)
        {
            string status = ctx.Form("Status"), body = ctx.Form("Body");
            if ((status == null) == (body == null))
                throw TwilioErrors.BadRequest(30400, "Parameters are not valid: send either Status=canceled or an empty Body.");
            if (status != null && status != "canceled")
                throw TwilioErrors.BadRequest(30400, "Parameters are not valid: Status can only be 'canceled'.");
            if (body != null && body.Length > 0)
                throw TwilioErrors.BadRequest(30400, "Parameters are not valid: a redaction has an empty Body.");
            Message message = Find(ctx);
            DateTimeOffset now = ctx.Now;
            Store(ctx).Messages.Mutate(() =>
            {
                MessageState state = message.Evaluate(now);
                MessageTimeline t = message.Timeline.Clone();
                if (status != null)
                {
                    if (state.Status != "scheduled") throw TwilioErrors.BadRequest(30409, "This message cannot be canceled: it is " + state.Status + ", not scheduled.");
                    t.CanceledAt = now;
                }
                else
                {
                    // Twilio redacts post-flight messages only; a message still on its way keeps its body.
                    if (!state.IsFinal) throw TwilioErrors.BadRequest(30400, "Parameters are not valid: only a finished message can be redacted; it is " + state.Status + ".");
                    t.Redacted = true;
                }
                t.LastUpdate = now;
                message.Timeline = t;
            });
            Respond(ctx, 200, message);
        }

        /// <summary>Removes a finished message and its media; a message on its way is Twilio's 20009.</summary>
        private static void Delete(RequestContext ctx)
        {
            Message message = Find(ctx);
            AccountMessages store = Store(ctx);
            DateTimeOffset now = ctx.Now;
            store.Messages.Mutate(() =>
            {
                MessageState state = message.Evaluate(now);
                if (!state.IsFinal) throw TwilioErrors.BadRequest(20009, "Cannot delete this resource before it is complete: the message is " + state.Status + ".");
            });
            if (!store.Messages.Remove(message.Sid)) throw TwilioErrors.NotFound(ctx.Request.Path);
            foreach (MessageMedia media in MediaOf(store, message.Sid)) store.Media.Remove(media.Sid);
            ctx.NoContent();
        }

        private static List<MessageMedia> MediaOf(AccountMessages store, string messageSid) =>
            store.Media.ReadPage(m => m.MessageSid == messageSid, ListRequest.MaxPageSize, 0, null).Items;

        // ---- media ------------------------------------------------------------------------------

        /// <summary>A message's media, kept beside it; newest first, filters DateCreated[&lt;|&gt;] as the recordings'.</summary>
        private static ResourceCollection<MessageMedia> MediaCollection(MessageStore messages) =>
            new ResourceCollection<MessageMedia>(ApiCatalog.MessageMedia, account => messages.For(account).Media)
            {
                Write = (ctx, w, m) => JsonSerializer.Serialize(w, m.ToJson(), EmulatorJsonContext.Default.MessageMediaJson),
            }
            .Parent("MessageSid", m => m.MessageSid, (ctx, sid) => Store(ctx).Messages.TryGet(sid, out _))
            .DateFilter("DateCreated", (m, now) => m.DateCreated);

        // ---- feedback ---------------------------------------------------------------------------

        /// <summary>
        /// Reports the outcome of a message sent with ProvideFeedback=true. Other messages have no
        /// feedback resource (their subresource_uris name none), so Twilio's answer is a 404.
        /// The spec answers 200 with the record, not 201.
        /// </summary>
        private static void CreateFeedback(RequestContext ctx)
        {
            string outcome = ctx.Form("Outcome");
            Validate.Enum("Outcome", outcome, Outcomes);
            Message message = Find(ctx);
            if (!message.ProvideFeedback) throw TwilioErrors.NotFound(ctx.Request.Path);
            DateTimeOffset now = ctx.Now;
            if (outcome != null)
                Store(ctx).Messages.Mutate(() =>
                {
                    MessageTimeline changed = message.Timeline.Clone();
                    changed.Outcome = outcome;
                    changed.FeedbackUpdated = now;
                    message.Timeline = changed;
                });
            MessageTimeline t = message.Timeline;
            var json = new MessageFeedbackJson
            {
                AccountSid = message.AccountSid,
                DateCreated = TwilioJson.Rfc2822(message.DateCreated),
                DateUpdated = TwilioJson.Rfc2822(t.FeedbackUpdated),
                MessageSid = message.Sid,
                Outcome = t.Outcome,
                Uri = message.UriBase + "/Feedback.json",
            };
            ctx.Json(200, w => JsonSerializer.Serialize(w, json, EmulatorJsonContext.Default.MessageFeedbackJson));
        }
    }
}
