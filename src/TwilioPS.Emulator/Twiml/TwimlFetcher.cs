using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TwilioPS.Emulator.Infrastructure;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Twiml
{
    /// <summary>What one webhook request got: the body when the server answered 2xx, else a failure.</summary>
    internal sealed class FetchResult
    {
        public bool Ok;
        public int? Code;
        public string ContentType;
        public string Body;
        public string Url, Method;
        public string Variables;
    }

    /// <summary>
    /// Makes the requests Twilio makes for a call's TwiML (the call's Url, an application's voice URL,
    /// &lt;Redirect&gt;, the action of Gather, Record, Dial and Enqueue, waitUrl) with Twilio's parameters,
    /// signed with X-Twilio-Signature under the account's auth token, and records each as a call event.
    /// </summary>
    /// <remarks>
    /// Only loopback hosts (127.0.0.0/8, localhost, ::1) are really fetched: that is where a local TwiML
    /// app runs, and the emulator makes no request off this machine. Hosts reserved never to resolve
    /// ("unreachable.example", *.invalid) fail as an unreachable server does. Any other host stands for
    /// a remote app the emulator cannot reach, which answers a &lt;Pause&gt; as long as
    /// <see cref="EmulatorOptions.CallDuration"/>, so such calls last as calls without TwiML do.
    /// </remarks>
    internal sealed class TwimlFetcher : IDisposable
    {
        private readonly TwilioEmulator _emulator;
        private readonly HttpClient _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(15) };

        public TwimlFetcher(TwilioEmulator emulator) { _emulator = emulator; }

        /// <summary>True while a request to a local TwiML app is waiting for its answer.</summary>
        public volatile bool InFlight;

        public static bool IsLoopback(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri)) return false;
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress address) && IPAddress.IsLoopback(address);
        }

        /// <summary>The TwiML a remote app the emulator does not reach stands in with.</summary>
        public string StandInDocument() =>
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Pause length=\"" +
            ((long)_emulator.Options.CallDuration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "\"/></Response>";

        /// <summary>Requests <paramref name="url"/> for <paramref name="call"/> at <paramref name="at"/> and records the exchange.</summary>
        public FetchResult Fetch(Call call, string url, string method, string callStatus, IEnumerable<KeyValuePair<string, string>> extra, DateTimeOffset at)
        {
            method = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST";
            var form = CallDocument.WebhookParameters(call, callStatus);
            if (call.ParentCallSid != null) form.Add(new KeyValuePair<string, string>("ParentCallSid", call.ParentCallSid));
            if (extra != null) form.AddRange(extra);
            var result = new FetchResult { Url = url, Method = method, Variables = Encode(form) };

            if (CallDocument.IsUnreachable(url)) result.Ok = false;
            else if (!IsLoopback(url))
            {
                result.Ok = true; result.Code = 200; result.ContentType = "text/xml"; result.Body = StandInDocument();
            }
            else Send(call.AccountSid, url, method, form, result);

            Record(call, at, result, form);
            return result;
        }

        private void Send(string accountSid, string url, string method, List<KeyValuePair<string, string>> form, FetchResult result)
        {
            string token = _emulator.Accounts.Find(accountSid)?.AuthToken ?? _emulator.AuthToken;
            HttpRequestMessage request;
            if (method == "GET")
            {
                // A GET carries the parameters in the query, and Twilio signs the whole URL alone.
                string full = url + (url.Contains("?") ? "&" : "?") + string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value ?? "")));
                request = new HttpRequestMessage(HttpMethod.Get, full);
                request.Headers.Add("X-Twilio-Signature", StatusCallbackSender.Sign(token, full, Array.Empty<KeyValuePair<string, string>>()));
            }
            else
            {
                request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", StatusCallbackSender.Sign(token, url, form));
            }
            request.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1");
            InFlight = true;
            try
            {
                using (request)
                using (HttpResponseMessage response = _http.SendAsync(request).GetAwaiter().GetResult())
                {
                    result.Code = (int)response.StatusCode;
                    result.ContentType = response.Content.Headers.ContentType?.MediaType;
                    result.Body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    result.Ok = response.IsSuccessStatusCode;
                }
            }
            catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException || e is InvalidOperationException)
            {
                result.Ok = false; // nobody answered: no code, no body
            }
            finally { InFlight = false; }
        }

        /// <summary>Sends a callback whose answer Twilio ignores (recordingStatusCallback, an action after the caller hung up).</summary>
        public void Notify(Call call, string url, string method, string callStatus, IEnumerable<KeyValuePair<string, string>> extra, DateTimeOffset at) =>
            Fetch(call, url, method, callStatus, extra, at);

        private static void Record(Call call, DateTimeOffset at, FetchResult result, List<KeyValuePair<string, string>> form)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> p in form) parameters[p.Key] = p.Value;
            var e = new CallEvent
            {
                At = at,
                Json = new CallEventJson
                {
                    Request = new CallEventRequestJson { Method = result.Method, Url = result.Url, Parameters = parameters },
                    Response = new CallEventResponseJson
                    {
                        ResponseCode = result.Code,
                        ContentType = result.Code.HasValue ? result.ContentType : null,
                        ResponseBody = result.Code.HasValue ? result.Body : null,
                        DateCreated = TwilioJson.Rfc2822(at),
                    },
                },
            };
            lock (call.Requests) call.Requests.Add(e);
        }

        private static string Encode(IEnumerable<KeyValuePair<string, string>> form)
        {
            var s = new StringBuilder(256);
            foreach (KeyValuePair<string, string> p in form) UrlEncoding.AppendPair(s, p.Key, p.Value);
            return s.ToString();
        }

        public void Dispose() => _http.Dispose();
    }
}
