using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>An HTTP response from the emulator: status, headers and parsed JSON (null for an empty body).</summary>
    internal sealed class ApiResponse
    {
        public HttpStatusCode Status;
        public HttpResponseMessage Message;
        public string Body;
        public JsonElement Json;

        public string Str(string name) => Json.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Json.GetProperty(name).GetString();
        public int Int(string name) => Json.GetProperty(name).GetInt32();
    }

    /// <summary>A started emulator plus an HttpClient that speaks to it with a given credential.</summary>
    internal sealed class Api : IDisposable
    {
        public static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero);

        private readonly HttpClient _http;
        private readonly bool _ownsEmulator;

        public Api(EmulatorOptions options = null) : this(TwilioEmulator.Start(options ?? new EmulatorOptions()), null, null, true) { }

        private Api(TwilioEmulator emulator, string user, string password, bool owns)
        {
            Emulator = emulator;
            _ownsEmulator = owns;
            _http = new HttpClient { BaseAddress = emulator.BaseUri };
            user = user ?? emulator.AccountSid;
            password = password ?? emulator.AuthToken;
            if (user.Length > 0)
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }

        public static Api WithClock(out ManualClock clock, Action<EmulatorOptions> configure = null)
        {
            clock = new ManualClock(T0);
            var options = new EmulatorOptions { Clock = clock };
            configure?.Invoke(options);
            return new Api(options);
        }

        /// <summary>
        /// On a manual clock, a call created at T0 rings at +1 s, is answered at +3 s and ends at +63 s
        /// (<paramref name="configure"/> may change more, after these).
        /// </summary>
        public static Api WithMinuteCalls(out ManualClock clock, Action<EmulatorOptions> configure = null) => WithClock(out clock, o =>
        {
            o.RingDelay = TimeSpan.FromSeconds(1);
            o.AnswerDelay = TimeSpan.FromSeconds(2);
            o.CallDuration = TimeSpan.FromSeconds(60);
            configure?.Invoke(o);
        });

        public TwilioEmulator Emulator { get; }
        public string AccountSid => Emulator.AccountSid;
        public string CallsPath => "/2010-04-01/Accounts/" + AccountSid + "/Calls.json";
        public string CallPath(string sid) => "/2010-04-01/Accounts/" + AccountSid + "/Calls/" + sid + ".json";
        public string RecordingsPath => "/2010-04-01/Accounts/" + AccountSid + "/Recordings.json";
        public string RecordingPath(string sid, string extension = ".json") => "/2010-04-01/Accounts/" + AccountSid + "/Recordings/" + sid + extension;
        public string CallRecordingsPath(string callSid) => "/2010-04-01/Accounts/" + AccountSid + "/Calls/" + callSid + "/Recordings.json";
        public string CallRecordingPath(string callSid, string sid) => "/2010-04-01/Accounts/" + AccountSid + "/Calls/" + callSid + "/Recordings/" + sid + ".json";

        /// <summary>Another client on the same emulator with a different credential ("" user = no auth at all).</summary>
        public Api As(string user, string password) => new Api(Emulator, user, password, false);

        public Task<ApiResponse> Get(string pathAndQuery) => Send(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));
        public Task<ApiResponse> Delete(string path) => Send(new HttpRequestMessage(HttpMethod.Delete, path));

        public Task<ApiResponse> Post(string path, params string[] pairs)
        {
            var fields = new List<KeyValuePair<string, string>>();
            for (int i = 0; i < pairs.Length; i += 2) fields.Add(new KeyValuePair<string, string>(pairs[i], pairs[i + 1]));
            return Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
        }

        public async Task<ApiResponse> CreateCall(params string[] extra)
        {
            var pairs = new List<string> { "To", "+14155551212", "From", "+15005550006", "Url", "https://demo.twilio.com/docs/voice.xml" };
            pairs.AddRange(extra);
            ApiResponse r = await Post(CallsPath, pairs.ToArray());
            if (r.Status != HttpStatusCode.Created) throw new InvalidOperationException("create failed: " + r.Body);
            return r;
        }

        /// <summary>A GET whose body is binary (recording media): the response and its bytes.</summary>
        public async Task<(HttpResponseMessage Message, byte[] Body)> GetBytes(string path)
        {
            HttpResponseMessage message = await _http.GetAsync(path);
            return (message, await message.Content.ReadAsByteArrayAsync());
        }

        public async Task<ApiResponse> Send(HttpRequestMessage request)
        {
            HttpResponseMessage message = await _http.SendAsync(request);
            string body = await message.Content.ReadAsStringAsync();
            var r = new ApiResponse { Status = message.StatusCode, Message = message, Body = body };
            if (body.Length > 0) r.Json = JsonDocument.Parse(body).RootElement.Clone();
            return r;
        }

        public void Dispose()
        {
            _http.Dispose();
            if (_ownsEmulator) Emulator.Dispose();
        }
    }
}
