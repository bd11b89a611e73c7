using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// api.v2010.account.call.call_event: one request Twilio made for a call and the answer it got. Events
    /// are not stored: they are derived from the call's timeline and the clock on every read, like its status.
    /// </summary>
    internal sealed class CallEvent : IStoredResource
    {
        /// <summary>Events have no SID; this key ("EV" + ordinal within the call) is only for page tokens.</summary>
        public string Sid { get; set; }
        public long Seq { get; set; }
        public long SortTicks => At.UtcTicks;
        public DateTimeOffset At;
        public CallEventJson Json;
    }

    /// <summary>The wire form of a call event; property names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal sealed class CallEventJson
    {
        public CallEventRequestJson Request { get; set; }
        public CallEventResponseJson Response { get; set; }
    }

    internal sealed class CallEventRequestJson
    {
        public string Method { get; set; }
        public string Url { get; set; }
        /// <summary>As sent: PascalCase for webhooks, the API's snake_case names for the create request.</summary>
        public Dictionary<string, string> Parameters { get; set; }
    }

    /// <summary>A request with no answer (an unreachable host) has null code, type and body.</summary>
    internal sealed class CallEventResponseJson
    {
        public int? ResponseCode { get; set; }
        /// <summary>Milliseconds; 0, as nothing crosses a network in the emulator.</summary>
        public int RequestDuration { get; set; }
        public string ContentType { get; set; }
        public string ResponseBody { get; set; }
        public string DateCreated { get; set; }
    }

    /// <summary>The route of <see cref="ApiCatalog.CallEvents"/>: …/Calls/{CallSid}/Events.json.</summary>
    internal static class CallEventHandlers
    {
        private static readonly JsonWriterOptions BodyOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static void Register(Router router) =>
            CatalogRoutes.Map(router, ApiCatalog.CallEvents, new ResourceHandlers { List = List });

        /// <summary>Newest first, paged like every list; the spec has no filters.</summary>
        private static void List(RequestContext ctx)
        {
            if (!ctx.Emulator.Calls.For(ctx.Account.Sid).TryGet(ctx.Route("CallSid"), out Call call)) throw TwilioErrors.NotFound(ctx.Request.Path);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            var events = new SortedStore<CallEvent>();
            events.AddRange(Derive(call, ctx.Now, ctx.Emulator.BaseUri));
            PageSlice<CallEvent> slice = events.ReadPage(null, request.PageSize, request.Page, request.PageToken);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.CallEvents.EnvelopeKey, path, request, slice,
                (jw, e) => JsonSerializer.Serialize(jw, e.Json, EmulatorJsonContext.Default.CallEventJson)));
        }

        /// <summary>
        /// The requests made for the call up to <paramref name="now"/>: the API request that created it,
        /// every request its TwiML runner made (its Url, redirects, actions; see TwimlFetcher) with the
        /// answer it got, and each status callback, reported as answered 200 except that a host
        /// <see cref="CallDocument.IsUnreachable"/> gives no answer at all.
        /// </summary>
        public static List<CallEvent> Derive(Call call, DateTimeOffset now, Uri baseUri)
        {
            var events = new List<CallEvent>();
            CallTimeline t = call.Timeline;
            void Add(DateTimeOffset at, string method, string url, Dictionary<string, string> parameters, int? code, string contentType, string body)
            {
                if (at > now) return;
                bool replied = code.HasValue;
                events.Add(new CallEvent
                {
                    Sid = "EV" + events.Count.ToString("D4", CultureInfo.InvariantCulture),
                    Seq = events.Count,
                    At = at,
                    Json = new CallEventJson
                    {
                        Request = new CallEventRequestJson { Method = method, Url = url, Parameters = parameters },
                        Response = new CallEventResponseJson
                        {
                            ResponseCode = code,
                            ContentType = replied ? contentType : null,
                            ResponseBody = replied ? body : null,
                            DateCreated = TwilioJson.Rfc2822(at),
                        },
                    },
                });
            }

            if (call.CreateParameters != null)
            {
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["account_sid"] = call.AccountSid };
                foreach (KeyValuePair<string, string> p in call.CreateParameters)
                {
                    string name = SnakeCase(p.Key);
                    parameters[name] = parameters.TryGetValue(name, out string earlier) ? earlier + " " + p.Value : p.Value;
                }
                Add(call.DateCreated, "POST", new Uri(baseUri, "/2010-04-01/Accounts/" + call.AccountSid + "/Calls.json").AbsoluteUri,
                    parameters, 201, "application/json", CreatedBody(call));
            }

            bool answered = t.AnswerAt.HasValue && t.AnswerAt.Value <= t.EndAt;
            lock (call.Requests)
                foreach (CallEvent request in call.Requests)
                {
                    CallEventResponseJson r = request.Json.Response;
                    Add(request.At, request.Json.Request.Method, request.Json.Request.Url, request.Json.Request.Parameters, r.ResponseCode, r.ContentType, r.ResponseBody);
                }

            if (!string.IsNullOrEmpty(call.StatusCallback))
            {
                IReadOnlyList<string> wanted = call.StatusCallbackEvents != null && call.StatusCallbackEvents.Count > 0
                    ? call.StatusCallbackEvents : new[] { "completed" };
                int? code = CallDocument.IsUnreachable(call.StatusCallback) ? (int?)null : 200;
                int sequence = 0;
                foreach ((string name, string status, DateTimeOffset? at) in new (string, string, DateTimeOffset?)[]
                {
                    ("initiated", "initiated", call.DateCreated),
                    ("ringing", "ringing", t.RingAt < t.EndAt ? t.RingAt : (DateTimeOffset?)null),
                    ("answered", "in-progress", answered ? t.AnswerAt : null),
                    ("completed", t.FinalStatus, t.EndAt),
                })
                {
                    if (!at.HasValue || !Contains(wanted, name)) continue;
                    Dictionary<string, string> parameters = Webhook(call, status);
                    parameters["CallbackSource"] = "call-progress-events";
                    parameters["SequenceNumber"] = (sequence++).ToString(CultureInfo.InvariantCulture);
                    parameters["Timestamp"] = TwilioJson.Rfc2822(at.Value);
                    if (name == "completed")
                        parameters["CallDuration"] = (answered ? (long)Math.Floor((t.EndAt - t.AnswerAt.Value).TotalSeconds) : 0).ToString(CultureInfo.InvariantCulture);
                    Add(at.Value, call.StatusCallbackMethod ?? "POST", call.StatusCallback, parameters, code, null, "");
                }
            }
            return events;
        }

        private static bool Contains(IReadOnlyList<string> list, string value)
        {
            for (int i = 0; i < list.Count; i++) if (list[i] == value) return true;
            return false;
        }

        private static Dictionary<string, string> Webhook(Call call, string status)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> p in CallDocument.WebhookParameters(call, status)) parameters[p.Key] = p.Value;
            return parameters;
        }

        /// <summary>"StatusCallbackMethod" -> "status_callback_method", as Twilio names the API request's parameters here.</summary>
        private static string SnakeCase(string name)
        {
            var s = new StringBuilder(name.Length + 8);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && !char.IsUpper(name[i - 1])) s.Append('_');
                    s.Append(char.ToLowerInvariant(c));
                }
                else s.Append(c);
            }
            return s.ToString();
        }

        /// <summary>The 201 body the create request got: the call as it was created.</summary>
        private static string CreatedBody(Call call)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, BodyOptions)) call.Write(w, call.DateCreated, asCreated: true);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }
    }
}
