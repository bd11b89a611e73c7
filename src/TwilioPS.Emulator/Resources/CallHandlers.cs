using System;
using System.Collections.Generic;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>The routes of <see cref="ApiCatalog.Calls"/>: …/Calls.json and …/Calls/{Sid}.json.</summary>
    internal static class CallHandlers
    {

        private static readonly string[] Statuses = { "queued", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled" };
        private static readonly string[] UpdateStatuses = { "canceled", "completed" };
        private static readonly string[] CallbackEvents = { "initiated", "ringing", "answered", "completed" };
        private static readonly string[] MachineDetectionValues = { "Enable", "DetectMessageEnd" };

        /// <summary>
        /// Newest first. Filters: To, From, ParentCallSid, Status, StartTime[&lt;|&gt;], EndTime[&lt;|&gt;] (status
        /// and times derived from the clock; a call not yet started or ended never matches those dates).
        /// Twilio refuses to delete a live call; its exact code is undocumented, so 20009 is our choice.
        /// </summary>
        public static ResourceCollection<Call> Collection() =>
            new ResourceCollection<Call>(ApiCatalog.Calls)
            {
                Write = (ctx, w, call) => call.Write(w, ctx.Now),
                Delete = (ctx, call) =>
                {
                    SortedStore<Call> store = ctx.Emulator.Calls.For(ctx.Account.Sid);
                    store.Mutate(() =>
                    {
                        if (call.Evaluate(ctx.Now).IsActive)
                            throw TwilioErrors.BadRequest(20009, "Cannot delete a call that is in progress. End the call first (Status=completed or canceled).");
                    });
                    store.Remove(call.Sid);
                },
            }
            .Filter("To", (c, now) => c.To)
            .Filter("From", (c, now) => c.From)
            .Filter("ParentCallSid", (c, now) => c.ParentCallSid)
            .Filter("Status", (c, now) => c.Evaluate(now).Status, Statuses)
            .DateFilter("StartTime", (c, now) => c.Evaluate(now).StartTime)
            .DateFilter("EndTime", (c, now) => c.Evaluate(now).EndTime);

        public static void Register(Router router, ResourceCollection<Call> calls) =>
            CatalogRoutes.Map(router, calls, new ResourceHandlers { Create = Create, Update = ctx => Update(ctx, calls) });

        // ---- create -----------------------------------------------------------------------------

        private static void Create(RequestContext ctx)
        {
            EmulatorRequest r = ctx.Request;
            string to = r.FormValue("To");
            string from = r.FormValue("From");
            if (string.IsNullOrEmpty(to)) throw TwilioErrors.BadRequest(21201, "No 'To' number is specified");
            if (string.IsNullOrEmpty(from)) throw TwilioErrors.BadRequest(21213, "No 'From' number is specified");
            if (!Validate.IsEndpoint(to)) throw TwilioErrors.BadRequest(21211, "Invalid 'To' Phone Number: " + to);
            if (!Validate.IsEndpoint(from)) throw TwilioErrors.BadRequest(21212, "Invalid 'From' Phone Number: " + from);

            string url = r.FormValue("Url"), twiml = r.FormValue("Twiml"), applicationSid = r.FormValue("ApplicationSid");
            if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(twiml) && string.IsNullOrEmpty(applicationSid))
                throw TwilioErrors.BadRequest(21205, "Url parameter is required.");
            if (!string.IsNullOrEmpty(url) && !Validate.IsAbsoluteHttpUrl(url))
                throw TwilioErrors.BadRequest(21205, "Url is not a valid URL: " + url);
            if (!string.IsNullOrEmpty(applicationSid) && !Validate.IsSid(applicationSid, "AP"))
                throw TwilioErrors.InvalidParameter("Invalid ApplicationSid '" + applicationSid + "': must match ^AP[0-9a-fA-F]{32}$");
            if (twiml != null && twiml.Length > 4000)
                throw TwilioErrors.InvalidParameter("Twiml must be 4000 characters or fewer");

            ValidateCommon(r);
            Validate.Enum("AsyncAmdStatusCallbackMethod", r.FormValue("AsyncAmdStatusCallbackMethod"), Validate.HttpMethods);
            Validate.Enum("MachineDetection", r.FormValue("MachineDetection"), MachineDetectionValues);
            IReadOnlyList<string> events = Validate.Events(r.FormValues("StatusCallbackEvent"), "StatusCallbackEvent", CallbackEvents);
            RecordingOptions recording = RecordingOptions.Parse(r);
            bool record = Validate.Bool("Record", r.FormValue("Record")) == true;
            Validate.Bool("AsyncAmd", r.FormValue("AsyncAmd"));
            int? timeout = Validate.Int("Timeout", r.FormValue("Timeout"), 1, 600);
            int? timeLimit = Validate.Int("TimeLimit", r.FormValue("TimeLimit"), 1);
            Validate.Int("MachineDetectionTimeout", r.FormValue("MachineDetectionTimeout"), 3, 59);
            Validate.Int("MachineDetectionSpeechThreshold", r.FormValue("MachineDetectionSpeechThreshold"), 1000, 6000);
            Validate.Int("MachineDetectionSpeechEndThreshold", r.FormValue("MachineDetectionSpeechEndThreshold"), 500, 5000);
            Validate.Int("MachineDetectionSilenceTimeout", r.FormValue("MachineDetectionSilenceTimeout"), 2000, 10000);
            string byoc = r.FormValue("Byoc");
            if (!string.IsNullOrEmpty(byoc) && !Validate.IsSid(byoc, "BY"))
                throw TwilioErrors.InvalidParameter("Invalid Byoc '" + byoc + "': must match ^BY[0-9a-fA-F]{32}$");

            DateTimeOffset now = ctx.Now;
            Call call = ctx.Emulator.Calls.NewCall(ctx.Account.Sid, Sids.New("CA"), now);
            call.To = to; call.ToFormatted = Call.Format(to);
            call.From = from; call.FromFormatted = Call.Format(from);
            call.Url = url; call.Twiml = twiml; call.ApplicationSid = applicationSid;
            call.Method = r.FormValue("Method") ?? "POST";
            call.FallbackUrl = r.FormValue("FallbackUrl"); call.FallbackMethod = r.FormValue("FallbackMethod") ?? "POST";
            call.StatusCallback = r.FormValue("StatusCallback"); call.StatusCallbackMethod = r.FormValue("StatusCallbackMethod") ?? "POST";
            call.StatusCallbackEvents = events;
            call.TimeLimit = timeLimit;
            call.MachineDetection = r.FormValue("MachineDetection") != null;
            call.CreateParameters = r.Form;

            CallTimeline t = Dial(ctx, call, timeout, timeLimit);
            ctx.Emulator.Calls.For(ctx.Account.Sid).Add(call);
            ctx.Emulator.StatusCallbacks.Watch(call);
            // Twilio runs Twiml only when no Url is given; either way the call's TwiML runs once it is answered.
            ctx.Emulator.Twiml.Follow(call);
            // Record=true records the answered part of the call, so a call never answered has no recording.
            if (record && t.AnswerAt.HasValue)
            {
                Recording answered = Recording.New(call, t.AnswerAt.Value, "OutboundAPI", recording);
                answered.StartsWithAnswer = true;
                ctx.Emulator.Recordings.For(ctx.Account.Sid).Add(answered);
            }
            ctx.Json(201, w => call.Write(w, now, asCreated: true));
        }

        /// <summary>
        /// Schedules a new outbound call (queue time from the account's calls per second, then ring,
        /// answer and talk from the options) and sets its timeline; the caller stores the call.
        /// Conference participants added through the API are dialled the same way.
        /// </summary>
        internal static CallTimeline Dial(RequestContext ctx, Call call, int? timeout, int? timeLimit)
        {
            EmulatorOptions o = ctx.Emulator.Calls.Options;
            DateTimeOffset now = call.DateCreated;
            TimeSpan queue = ctx.Emulator.Calls.TakeQueueTime(ctx.Account, now);
            call.QueueTimeMs = (long)queue.TotalMilliseconds;
            var t = new CallTimeline { RingAt = now + queue + o.RingDelay, LastUpdate = now };
            TimeSpan ringFor = TimeSpan.FromSeconds(timeout ?? 60);
            if (o.AnswerDelay > ringFor)
            {
                t.AnswerAt = null;
                t.EndAt = t.RingAt + ringFor;
                t.FinalStatus = "no-answer";
            }
            else
            {
                t.AnswerAt = t.RingAt + o.AnswerDelay;
                // The person answering hangs up after CallDuration; the call's TwiML may end it sooner.
                TimeSpan talk = o.CallDuration;
                if (timeLimit.HasValue && TimeSpan.FromSeconds(timeLimit.Value) < talk) talk = TimeSpan.FromSeconds(timeLimit.Value);
                t.EndAt = t.AnswerAt.Value + talk;
                t.FinalStatus = "completed";
            }
            call.Timeline = t;
            return t;
        }

        private static void ValidateCommon(EmulatorRequest r)
        {
            Validate.Enum("Method", r.FormValue("Method"), Validate.HttpMethods);
            Validate.Enum("FallbackMethod", r.FormValue("FallbackMethod"), Validate.HttpMethods);
            Validate.Enum("StatusCallbackMethod", r.FormValue("StatusCallbackMethod"), Validate.HttpMethods);
        }

        // ---- update -----------------------------------------------------------------------------

        private static void Update(RequestContext ctx, ResourceCollection<Call> calls)
        {
            EmulatorRequest r = ctx.Request;
            Call call = calls.Find(ctx);
            string status = r.FormValue("Status");
            string url = r.FormValue("Url"), twiml = r.FormValue("Twiml");
            Validate.Enum("Status", status, UpdateStatuses);
            ValidateCommon(r);
            if (!string.IsNullOrEmpty(url) && !Validate.IsAbsoluteHttpUrl(url))
                throw TwilioErrors.BadRequest(21205, "Url is not a valid URL: " + url);
            int? timeLimit = Validate.Int("TimeLimit", r.FormValue("TimeLimit"), 1);
            DateTimeOffset now = ctx.Now;

            ctx.Emulator.Calls.For(ctx.Account.Sid).Mutate(() =>
            {
                CallState state = call.Evaluate(now);
                bool redirect = !string.IsNullOrEmpty(url) || !string.IsNullOrEmpty(twiml);
                if (redirect && !state.IsActive)
                    throw TwilioErrors.BadRequest(21220, "Call is not in-progress. Cannot redirect.");

                CallTimeline t = call.Timeline.Clone();
                t.LastUpdate = now;
                if (status != null && state.IsActive)
                {
                    if (state.Status == "in-progress" && status == "completed")
                    {
                        t.EndAt = now;
                        t.FinalStatus = "completed";
                    }
                    else if (state.Status != "in-progress")
                    {
                        // canceled, or completed before anyone answered: Twilio reports the call as canceled.
                        t.AnswerAt = null;
                        t.EndAt = now;
                        t.FinalStatus = "canceled";
                    }
                    // Status=canceled on an in-progress call has no effect, as on Twilio.
                }
                if (timeLimit.HasValue && state.IsActive)
                {
                    DateTimeOffset answered = t.AnswerAt ?? now;
                    DateTimeOffset cap = (answered > now ? answered : now) + TimeSpan.FromSeconds(timeLimit.Value);
                    if (t.AnswerAt.HasValue && state.Status == "in-progress") cap = t.AnswerAt.Value + TimeSpan.FromSeconds(timeLimit.Value);
                    if (cap < now) cap = now;
                    if (cap < t.EndAt) t.EndAt = cap;
                    call.TimeLimit = timeLimit;
                }
                if (redirect)
                {
                    call.Url = string.IsNullOrEmpty(url) ? null : url;
                    call.Twiml = string.IsNullOrEmpty(url) ? twiml : null; // Url wins over Twiml, per the spec
                }
                string v;
                if ((v = r.FormValue("Method")) != null) call.Method = v;
                if ((v = r.FormValue("FallbackUrl")) != null) call.FallbackUrl = v;
                if ((v = r.FormValue("FallbackMethod")) != null) call.FallbackMethod = v;
                if ((v = r.FormValue("StatusCallback")) != null) call.StatusCallback = v;
                if ((v = r.FormValue("StatusCallbackMethod")) != null) call.StatusCallbackMethod = v;
                call.Timeline = t;
            });
            ctx.Emulator.StatusCallbacks.Watch(call);
            if (!string.IsNullOrEmpty(url) || !string.IsNullOrEmpty(twiml))
                ctx.Emulator.Twiml.Redirect(call, now, call.Url, call.Method, call.Twiml);
            ctx.Json(200, w => call.Write(w, now));
        }
    }
}
