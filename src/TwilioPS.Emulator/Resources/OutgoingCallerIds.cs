using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// api.v2010.account.outgoing_caller_id, from the validation request that makes it: the record is
    /// stored when the request is made and becomes visible when its validation call completes (never,
    /// when validation fails).
    /// </summary>
    internal sealed class OutgoingCallerId : IStoredResource
    {
        /// <summary>
        /// Validation calls to this number ring out unanswered, so the validation fails (the
        /// messages' failing destination, +15005550001, fails here too).
        /// </summary>
        public const string UnansweredNumber = MessageNumbers.FailedTo;

        /// <summary>The number validation calls come from: the account's Twilio number.</summary>
        public const string ValidationCaller = MessageNumbers.MagicFrom;

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<OutgoingCallerId>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid, PhoneNumber, FriendlyName, ValidationCode, StatusCallback, StatusCallbackMethod;
        public Call ValidationCall;
        /// <summary>Created when its validation call completes.</summary>
        public DateTimeOffset DateCreated, DateUpdated;
        public bool Succeeds;
        /// <summary>A newer validation request for the same number replaced this one before it completed.</summary>
        public volatile bool Superseded;

        public bool IsVerified(DateTimeOffset now) => Succeeds && !Superseded && now >= DateCreated;

        public bool IsPending(DateTimeOffset now) => !Superseded && now < DateCreated;

        public OutgoingCallerIdJson ToJson() => new OutgoingCallerIdJson
        {
            AccountSid = AccountSid,
            DateCreated = TwilioJson.Rfc2822(DateCreated),
            DateUpdated = TwilioJson.Rfc2822(DateUpdated),
            FriendlyName = FriendlyName,
            PhoneNumber = PhoneNumber,
            Sid = Sid,
            Uri = "/2010-04-01/Accounts/" + AccountSid + "/OutgoingCallerIds/" + Sid + ".json",
        };
    }

    internal sealed class OutgoingCallerIdJson
    {
        public string AccountSid { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string FriendlyName { get; set; }
        public string PhoneNumber { get; set; }
        public string Sid { get; set; }
        public string Uri { get; set; }
    }

    /// <summary>api.v2010.account.validation_request: what a POST to OutgoingCallerIds.json answers.</summary>
    internal sealed class ValidationRequestJson
    {
        public string AccountSid { get; set; }
        public string CallSid { get; set; }
        public string FriendlyName { get; set; }
        public string PhoneNumber { get; set; }
        public string ValidationCode { get; set; }
    }

    /// <summary>
    /// The routes of <see cref="ApiCatalog.OutgoingCallerIds"/>. A validation request places a real
    /// call (listed with the account's calls) to the number after CallDelay seconds; when it
    /// completes, the caller ID appears and the StatusCallback hears VerificationStatus.
    /// </summary>
    internal static class OutgoingCallerIdHandlers
    {
        public static void Register(Router router)
        {
            var callerIds = new ResourceCollection<OutgoingCallerId>(ApiCatalog.OutgoingCallerIds)
            {
                Write = (ctx, w, c) => JsonSerializer.Serialize(w, c.ToJson(), EmulatorJsonContext.Default.OutgoingCallerIdJson),
                Visible = (ctx, c) => c.IsVerified(ctx.Now),
            }
            .Filter("PhoneNumber", (c, now) => c.PhoneNumber)
            .Filter("FriendlyName", (c, now) => c.FriendlyName);
            CatalogRoutes.Map(router, callerIds, new ResourceHandlers
            {
                Create = ctx => RequestValidation(ctx, callerIds),
                Update = ctx =>
                {
                    OutgoingCallerId callerId = callerIds.Find(ctx);
                    string friendlyName = Validate.FriendlyName(ctx.Form("FriendlyName"));
                    callerIds.For(ctx.Account.Sid).Mutate(() =>
                    {
                        if (friendlyName != null) callerId.FriendlyName = friendlyName;
                        callerId.DateUpdated = ctx.Now;
                    });
                    callerIds.Respond(ctx, 200, callerId);
                },
            });
        }

        private static void RequestValidation(RequestContext ctx, ResourceCollection<OutgoingCallerId> callerIds)
        {
            EmulatorRequest r = ctx.Request;
            string number = r.FormValue("PhoneNumber");
            // Twilio's generic answer for a missing required parameter.
            if (string.IsNullOrEmpty(number)) throw TwilioErrors.BadRequest(20001, "Missing required parameter PhoneNumber in the post body");
            if (!Validate.IsE164(number)) throw TwilioErrors.BadRequest(21211, "Invalid 'PhoneNumber' Phone Number: " + number);
            string friendlyName = Validate.FriendlyName(r.FormValue("FriendlyName"));
            int delay = Validate.Int("CallDelay", r.FormValue("CallDelay"), 0, 60) ?? 0;
            string callback = r.FormValue("StatusCallback");
            if (!string.IsNullOrEmpty(callback) && !Validate.IsAbsoluteHttpUrl(callback))
                throw TwilioErrors.BadRequest(21502, "Invalid StatusCallback: " + callback);
            Validate.Enum("StatusCallbackMethod", r.FormValue("StatusCallbackMethod"), Validate.HttpMethods);

            DateTimeOffset now = ctx.Now;
            SortedStore<OutgoingCallerId> store = callerIds.For(ctx.Account.Sid);
            OutgoingCallerId callerId;
            // Checked and added as one step, so two requests for one number cannot both pass the check.
            lock (store)
            {
                foreach (OutgoingCallerId existing in store.ReadPage(c => c.PhoneNumber == number && (c.IsVerified(now) || c.IsPending(now)), 1000, 0, null).Items)
                {
                    if (existing.IsVerified(now)) throw TwilioErrors.BadRequest(21450, "Phone number already verified for your account");
                    // A new request for the same number replaces one still under way: only the newest code counts.
                    existing.Superseded = true;
                }
                callerId = new OutgoingCallerId
                {
                    Sid = Sids.New("PN"),
                    AccountSid = ctx.Account.Sid,
                    PhoneNumber = number,
                    FriendlyName = friendlyName ?? Call.Format(number),
                    ValidationCode = NewValidationCode(),
                    StatusCallback = string.IsNullOrEmpty(callback) ? null : callback,
                    StatusCallbackMethod = r.FormValue("StatusCallbackMethod") ?? "POST",
                    Succeeds = number != OutgoingCallerId.UnansweredNumber,
                };
                callerId.ValidationCall = PlaceValidationCall(ctx, number, TimeSpan.FromSeconds(delay), callerId.Succeeds);
                callerId.DateCreated = callerId.DateUpdated = callerId.ValidationCall.Timeline.EndAt;
                store.Add(callerId);
            }
            ctx.Emulator.StatusCallbacks.Watch(callerId);
            ctx.Json(200, w => JsonSerializer.Serialize(w, new ValidationRequestJson
            {
                AccountSid = callerId.AccountSid,
                CallSid = callerId.ValidationCall.Sid,
                FriendlyName = callerId.FriendlyName,
                PhoneNumber = number,
                ValidationCode = callerId.ValidationCode,
            }, EmulatorJsonContext.Default.ValidationRequestJson));
        }

        /// <summary>Six random digits (RandomNumberGenerator.GetInt32 is not in netstandard2.0).</summary>
        private static string NewValidationCode()
        {
            var bytes = new byte[4];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return (BitConverter.ToUInt32(bytes, 0) % 1000000).ToString("000000", CultureInfo.InvariantCulture);
        }

        private static readonly TimeSpan ValidationTalk = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The validation call, on the account's call list: after the delay it rings, then is
        /// answered and lasts while the code is keyed in (10 s, or the emulator's call duration if
        /// shorter), or, to the unanswered number, rings as long and ends no-answer.
        /// </summary>
        private static Call PlaceValidationCall(RequestContext ctx, string number, TimeSpan delay, bool answered)
        {
            EmulatorOptions o = ctx.Emulator.Calls.Options;
            DateTimeOffset now = ctx.Now;
            Call call = ctx.Emulator.Calls.NewCall(ctx.Account.Sid, Sids.New("CA"), now);
            call.To = number; call.ToFormatted = Call.Format(number);
            call.From = OutgoingCallerId.ValidationCaller; call.FromFormatted = Call.Format(call.From);
            DateTimeOffset ringAt = now + delay + o.RingDelay;
            // Keying in six digits takes seconds, whatever the emulator's usual call duration.
            TimeSpan keyingIn = o.CallDuration < ValidationTalk ? o.CallDuration : ValidationTalk;
            DateTimeOffset endAt = ringAt + o.AnswerDelay + keyingIn;
            call.Timeline = answered
                ? new CallTimeline { RingAt = ringAt, AnswerAt = ringAt + o.AnswerDelay, EndAt = endAt, FinalStatus = "completed", LastUpdate = now }
                : new CallTimeline { RingAt = ringAt, AnswerAt = null, EndAt = endAt, FinalStatus = "no-answer", LastUpdate = now };
            ctx.Emulator.Calls.For(ctx.Account.Sid).Add(call);
            return call;
        }
    }
}
