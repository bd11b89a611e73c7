using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// Sends status callbacks as Twilio does, each signed with X-Twilio-Signature under the owning
    /// account's auth token, so webhook handlers and Test-TwilioSignature can be tried end to end:
    /// for a call, the events it subscribed to (initiated, ringing, answered, completed; only
    /// completed when it named none), in order; for a message, a POST on each status change
    /// (queued, sent, delivered; failed, undelivered, canceled); for a caller ID's validation, its
    /// outcome when the validation call ends (VerificationStatus success or failed).
    /// </summary>
    /// <remarks>
    /// A call's status is computed from its timeline on every read, so nothing "happens" at a
    /// transition; a pump looks at the watched calls every 50 ms and sends what the clock has passed.
    /// The events come from the timeline, not from sampled status, so a manual clock that jumps over
    /// ringing still sends ringing before completed. Delivery failures are dropped: the listener is a
    /// test's, and Twilio does not retry call-progress events either.
    /// </remarks>
    internal sealed class StatusCallbackSender : IDisposable
    {
        private static readonly string[] Stages = { "initiated", "ringing", "answered", "completed" };
        private static readonly string[] ReportedMessageStatuses = { "queued", "sent", "delivered", "undelivered", "failed", "canceled" };

        private readonly TwilioEmulator _emulator;
        private readonly ConcurrentDictionary<Call, Progress> _watched = new ConcurrentDictionary<Call, Progress>();
        private readonly ConcurrentDictionary<Message, string> _messages = new ConcurrentDictionary<Message, string>(); // last status sent
        private readonly ConcurrentDictionary<OutgoingCallerId, bool> _validations = new ConcurrentDictionary<OutgoingCallerId, bool>();
        private readonly HttpClient _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        private readonly Timer _timer;
        private int _pumping;
        private long _sent;

        private sealed class Progress
        {
            public int NextStage;      // index into Stages of the next event to consider
            public int SequenceNumber; // Twilio numbers the callbacks it sends for a call from 0
        }

        public StatusCallbackSender(TwilioEmulator emulator)
        {
            _emulator = emulator;
            _timer = new Timer(_ => Pump(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
        }

        /// <summary>Starts following a call that has a StatusCallback (again, after an update, is harmless).</summary>
        public void Watch(Call call)
        {
            if (!string.IsNullOrEmpty(call.StatusCallback)) _watched.TryAdd(call, new Progress());
        }

        /// <summary>Starts following a message that has a StatusCallback.</summary>
        public void Watch(Message message)
        {
            if (!string.IsNullOrEmpty(message.StatusCallback)) _messages.TryAdd(message, null);
        }

        /// <summary>Starts following a caller ID's validation that has a StatusCallback, to report its outcome.</summary>
        public void Watch(OutgoingCallerId validation)
        {
            if (!string.IsNullOrEmpty(validation.StatusCallback)) _validations.TryAdd(validation, true);
        }

        /// <summary>Callbacks sent so far (for tests and the log).</summary>
        public long Sent => Interlocked.Read(ref _sent);

        private void Pump()
        {
            if (Interlocked.Exchange(ref _pumping, 1) == 1) return; // the previous pump is still sending
            try
            {
                DateTimeOffset now = _emulator.Clock.UtcNow;
                // TwiML due by now may still change a timeline (a Reject unanswers the call, a Hangup ends it).
                if (!_watched.IsEmpty) _emulator.Twiml.Advance(now);
                foreach (KeyValuePair<Call, Progress> watched in _watched)
                {
                    Call call = watched.Key;
                    Progress progress = watched.Value;
                    CallTimeline t = call.Timeline;
                    while (progress.NextStage < Stages.Length && (Reached(Stages[progress.NextStage], t, now) || now >= t.EndAt))
                    {
                        string stage = Stages[progress.NextStage++];
                        // Once the call is over, a stage it never reached (answered, for a call that was
                        // busy, rejected or never picked up) is passed over on the way to completed.
                        if (!Reached(stage, t, now) || !Subscribed(call, stage)) continue;
                        Send(call, stage, progress.SequenceNumber++, now).GetAwaiter().GetResult();
                    }
                    if (progress.NextStage == Stages.Length) _watched.TryRemove(call, out _);
                }
                foreach (KeyValuePair<Message, string> watched in _messages)
                {
                    MessageState state = watched.Key.Evaluate(now);
                    if (state.Status == watched.Value || Array.IndexOf(ReportedMessageStatuses, state.Status) < 0) continue;
                    _messages[watched.Key] = state.Status;
                    Send(watched.Key, state).GetAwaiter().GetResult();
                    if (state.IsFinal) _messages.TryRemove(watched.Key, out _);
                }
                foreach (OutgoingCallerId validation in _validations.Keys)
                {
                    if (now < validation.DateCreated) continue;
                    _validations.TryRemove(validation, out _);
                    // A request replaced by a newer one for the same number reports nothing: its code no longer counts.
                    if (!validation.Superseded) Send(validation).GetAwaiter().GetResult();
                }
            }
            catch (Exception)
            {
                // Stopping (the client disposed), or a callback URL HttpClient cannot send to: an
                // exception escaping a timer callback would end the emulator's process.
            }
            finally
            {
                Volatile.Write(ref _pumping, 0);
            }
        }

        private static bool Reached(string stage, CallTimeline t, DateTimeOffset now)
        {
            switch (stage)
            {
                case "initiated": return true;
                case "ringing": return now >= t.EndAt ? t.RingAt < t.EndAt && t.FinalStatus != "canceled" : now >= t.RingAt;
                case "answered": return t.AnswerAt.HasValue && now >= t.AnswerAt.Value && t.AnswerAt.Value < t.EndAt;
                default: return now >= t.EndAt;
            }
        }

        private static bool Subscribed(Call call, string stage) =>
            call.StatusCallbackEvents == null || call.StatusCallbackEvents.Count == 0
                ? stage == "completed"
                : call.StatusCallbackEvents.Contains(stage, StringComparer.OrdinalIgnoreCase);

        private async Task Send(Call call, string stage, int sequenceNumber, DateTimeOffset now)
        {
            CallState state = call.Evaluate(now);
            var form = new List<KeyValuePair<string, string>>
            {
                Pair("AccountSid", call.AccountSid),
                Pair("ApiVersion", call.ApiVersion),
                Pair("CallSid", call.Sid),
                // Twilio reports "initiated" (a status the resource never shows) when it starts dialing.
                Pair("CallStatus", stage == "answered" ? "in-progress" : stage == "completed" ? state.Status : stage),
                Pair("CallbackSource", "call-progress-events"),
                Pair("Direction", call.Direction),
                Pair("From", call.From),
                Pair("SequenceNumber", sequenceNumber.ToString(CultureInfo.InvariantCulture)),
                Pair("Timestamp", TwilioJson.Rfc2822(now)),
                Pair("To", call.To),
            };
            if (stage == "completed") form.Add(Pair("CallDuration", state.Duration ?? "0"));
            if (call.ParentCallSid != null) form.Add(Pair("ParentCallSid", call.ParentCallSid));

            await Deliver(call.AccountSid, call.StatusCallback, call.StatusCallbackMethod, form).ConfigureAwait(false);
        }

        /// <remarks>
        /// Message callbacks follow the status as the pump samples it (every 50 ms, against status
        /// steps of a second or more); a manual clock moved past several steps at once reports the
        /// status it lands on.
        /// </remarks>
        private async Task Send(Message message, MessageState state)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                Pair("AccountSid", message.AccountSid),
                Pair("ApiVersion", "2010-04-01"),
                Pair("From", state.From ?? message.From),
                Pair("MessageSid", message.Sid),
                Pair("MessageStatus", state.Status),
                Pair("SmsSid", message.Sid),
                Pair("SmsStatus", state.Status),
                Pair("To", message.To),
            };
            if (message.MessagingServiceSid != null) form.Add(Pair("MessagingServiceSid", message.MessagingServiceSid));
            if (state.Status == "failed") form.Add(Pair("ErrorCode", MessageNumbers.FailedCode.ToString(CultureInfo.InvariantCulture)));
            if (state.Status == "undelivered") form.Add(Pair("ErrorCode", MessageNumbers.UndeliveredCode.ToString(CultureInfo.InvariantCulture)));
            await Deliver(message.AccountSid, message.StatusCallback, "POST", form).ConfigureAwait(false);
        }

        /// <summary>Twilio's report of a validation call's outcome: VerificationStatus, and the new caller ID's SID on success.</summary>
        private async Task Send(OutgoingCallerId validation)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                Pair("AccountSid", validation.AccountSid),
                Pair("CallSid", validation.ValidationCall.Sid),
                Pair("PhoneNumber", validation.PhoneNumber),
                Pair("VerificationStatus", validation.Succeeds ? "success" : "failed"),
            };
            if (validation.Succeeds) form.Add(Pair("OutgoingCallerIdSid", validation.Sid));
            await Deliver(validation.AccountSid, validation.StatusCallback, validation.StatusCallbackMethod, form).ConfigureAwait(false);
        }

        /// <summary>Sends one signed callback (a form POST, or GET with the parameters in the query); a failure drops it.</summary>
        internal async Task Deliver(string accountSid, string url, string method, List<KeyValuePair<string, string>> form)
        {
            string token = _emulator.Accounts.Find(accountSid)?.AuthToken ?? _emulator.AuthToken;
            bool get = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
            HttpRequestMessage request;
            if (get)
            {
                // A GET carries the parameters in the query, and Twilio signs the whole URL alone.
                url += (url.Contains("?") ? "&" : "?") + string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
                request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-Twilio-Signature", Sign(token, url, Array.Empty<KeyValuePair<string, string>>()));
            }
            else
            {
                request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", Sign(token, url, form));
            }
            request.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1");
            try
            {
                using (request)
                using (HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false)) { }
                Interlocked.Increment(ref _sent);
            }
            catch (Exception exception) when (exception is HttpRequestException || exception is TaskCanceledException
                                               || exception is InvalidOperationException || exception is NotSupportedException)
            {
                // Not delivered (nobody listening, a timeout, a URL HttpClient cannot send to): as on
                // Twilio, the callback is not tried again, and the next one still goes.
            }
        }

        /// <summary>Twilio's webhook signature: HMAC-SHA1 over the URL and each POST parameter's name and value, sorted by name.</summary>
        /// <remarks>
        /// Written apart from the module's WebhookSignature on purpose: the tests verify these
        /// signatures with Test-TwilioSignature, which proves something only if the two are separate.
        /// </remarks>
        internal static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
        {
            var data = new StringBuilder(url);
            foreach (KeyValuePair<string, string> pair in form.OrderBy(p => p.Key, StringComparer.Ordinal))
                data.Append(pair.Key).Append(pair.Value);
            using (var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken)))
                return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value ?? string.Empty);

        public void Dispose()
        {
            _timer.Dispose();
            _http.Dispose();
        }
    }
}
