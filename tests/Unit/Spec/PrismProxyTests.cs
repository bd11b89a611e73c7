using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TwilioPS.Catalog;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// The emulator behind Prism in proxy mode: every request and every response of every catalog
    /// operation is checked against Twilio's official spec, with data the emulator made itself.
    /// </summary>
    [Collection(PrismProxyCollection.Name)]
    public class PrismProxyTests
    {
        private readonly PrismProxyFixture _proxy;

        private static readonly string[] PageUris = { "first_page_uri", "next_page_uri", "previous_page_uri", "uri" };

        /// <summary>
        /// The places where the official spec's own examples fail its own schemas, so that Twilio's
        /// real answers (and the emulator's) cannot pass them. Each is accepted only in its exact form.
        /// <list type="bullet">
        /// <item>Every list page types its links as <c>{"format": "uri", "type": "string"}</c>, an absolute
        /// URI, yet every list example, like Twilio, gives a path relative to the API host:
        /// <c>"first_page_uri": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Recordings.json?PageSize=1&amp;Page=0"</c>.
        /// Accepted for the page's own links when they are such a path.</item>
        /// <item><c>api.v2010.account.transcription</c> and <c>api.v2010.account.call.call_recording</c> type
        /// <c>price</c> as <c>{"type": "number", "nullable": true}</c>, yet their examples, like Twilio, give a
        /// string: <c>"price": "-0.05000"</c> (transcription fetch), <c>"price": "-0.0025"</c> (call recording
        /// fetch and list). Accepted when the value is such a decimal string.</item>
        /// <item><c>api.v2010.account.available_phone_number_country</c>, alone of all records, types its own <c>uri</c>
        /// as <c>{"format": "uri"}</c>, yet its list and fetch examples, like Twilio, give a relative path:
        /// <c>"uri": "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/AvailablePhoneNumbers/US.json"</c>.
        /// Accepted for a listed country's uri when it is such a path.</item>
        /// <item><c>api.v2010.account.conference</c>'s <c>reason_conference_ended</c> is a <c>$ref</c> to a
        /// non-nullable string enum whose own description says "When a conference is in progress, will be
        /// <c>null</c>", and the in-progress fetch example (<c>fetchValidRegionInProgress</c>) gives
        /// <c>"reason_conference_ended": null</c>. Accepted as null while the conference is not completed.</item>
        /// </list>
        /// </summary>
        private static bool IsSpecBug(Violation v, string body)
        {
            string[] at = v.Location ?? Array.Empty<string>();
            if (at.Length < 3 || at[0] != "response" || at[1] != "body") return false;
            JsonElement value = JsonDocument.Parse(body).RootElement;
            foreach (string step in at.Skip(2))
            {
                if (value.ValueKind == JsonValueKind.Array && int.TryParse(step, out int index) && index < value.GetArrayLength()) value = value[index];
                else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(step, out JsonElement child)) value = child;
                else return false;
            }
            if (at[at.Length - 1] == "reason_conference_ended" && value.ValueKind == JsonValueKind.Null)
                return JsonDocument.Parse(body).RootElement is JsonElement root && ConferenceOf(root, at) is JsonElement conference
                    && conference.GetProperty("status").GetString() != "completed";
            if (value.ValueKind != JsonValueKind.String) return false;
            string text = value.GetString();
            if (at.Length == 3 && PageUris.Contains(at[2]) && v.Message.EndsWith("must match format \"uri\"", StringComparison.Ordinal))
                return text.StartsWith("/2010-04-01/Accounts", StringComparison.Ordinal);   // the Accounts list itself too
            if (at.Length == 5 && at[2] == "countries" && at[4] == "uri" && v.Message.EndsWith("must match format \"uri\"", StringComparison.Ordinal))
                return text.StartsWith("/2010-04-01/Accounts/", StringComparison.Ordinal);
            if (at[at.Length - 1] == "price" && v.Message.EndsWith("must be number,null", StringComparison.Ordinal))
                return decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out _);
            return false;
        }

        /// <summary>The conference object a violation's location points into (the body, or one record of a list).</summary>
        private static JsonElement? ConferenceOf(JsonElement root, string[] at) =>
            at.Length == 3 ? root : at.Length == 5 && int.TryParse(at[3], out int index) ? root.GetProperty(at[2])[index] : (JsonElement?)null;

        public PrismProxyTests(PrismProxyFixture proxy) { _proxy = proxy; }

        /// <summary>
        /// The success status of an operation: 201 for a create, 204 for a delete, 200 otherwise, unless
        /// the spec gives the operation only another one (a message's feedback is created with 200).
        /// </summary>
        private static HttpStatusCode SpecStatus(ResourceScope scope, Operations operation)
        {
            HttpStatusCode usual = operation == Operations.Create ? HttpStatusCode.Created
                : operation == Operations.Delete ? HttpStatusCode.NoContent
                : HttpStatusCode.OK;
            string method = operation == Operations.Delete ? "delete" : operation == Operations.Create || operation == Operations.Update ? "post" : "get";
            List<string> success = OfficialSpec.Path2010(scope.PathFor(operation)).GetProperty(method).GetProperty("responses")
                .EnumerateObject().Select(r => r.Name).Where(name => name.StartsWith("2", StringComparison.Ordinal)).ToList();
            return success.Contains(((int)usual).ToString(System.Globalization.CultureInfo.InvariantCulture))
                ? usual
                : (HttpStatusCode)int.Parse(success.Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static readonly Operations[] EachOperation =
            { Operations.Create, Operations.List, Operations.Fetch, Operations.Update, Operations.Delete };

        /// <summary>Every operation of every scope of the catalog, as (resource, scope, operation).</summary>
        private static IEnumerable<(ResourceScope Scope, Operations Operation)> CatalogOperations() =>
            from resource in ApiCatalog.All
            from scope in resource.Scopes
            from operation in EachOperation
            where scope.Allows(operation)
            select (scope, operation);

        private static object[] Row((ResourceScope Scope, Operations Operation) o) =>
            new object[] { o.Scope.Resource.Name, o.Scope.Name, o.Operation.ToString() };

        public static IEnumerable<object[]> Served() => CatalogOperations().Select(Row);

        [Theory]
        [MemberData(nameof(Served))]
        public void Every_catalog_operation_answers_as_the_spec_says(string resource, string scopeName, string operationName)
        {
            ResourceScope scope = ApiCatalog.All.Single(r => r.Name == resource).Scopes.Single(s => s.Name == scopeName);
            var operation = (Operations)Enum.Parse(typeof(Operations), operationName);
            ProxiedResponse response = _proxy.Send(scope, operation);

            HttpStatusCode expected = SpecStatus(scope, operation);
            Assert.True(expected == response.Status,
                $"{response.Request}: expected {(int)expected}, got {(int)response.Status} {response.Body}");
            Assert.True(response.Violations.All(v => v.Message != "Selected route not found"),
                $"{response.Request}: Prism found no operation of the spec for this request, so it validated nothing.");
            List<Violation> errors = response.Violations.Where(v => v.Severity == "Error" && !IsSpecBug(v, response.Body)).ToList();
            Assert.True(errors.Count == 0,
                $"{response.Request} -> {(int)response.Status}: the spec rejects\n" + string.Join("\n", errors) + "\n" + response.Body);
        }
    }

    /// <summary>The spec bugs <see cref="PrismProxyTests"/> accepts are still in the spec; once fixed, drop the exception.</summary>
    public class PrismProxySpecBugTests
    {
        private static JsonElement Example(string path, string name) =>
            OfficialSpec.Path2010(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("examples").GetProperty(name).GetProperty("value");

        [Fact]
        public void Page_links_are_typed_absolute_but_given_relative()
        {
            const string path = "/2010-04-01/Accounts/{AccountSid}/Recordings.json";
            JsonElement schema = OfficialSpec.Path2010(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
            Assert.Equal("uri", schema.GetProperty("first_page_uri").GetProperty("format").GetString());
            Assert.StartsWith("/2010-04-01/Accounts/", Example(path, "readFull").GetProperty("first_page_uri").GetString());
        }

        [Theory]
        [InlineData("api.v2010.account.transcription", "/2010-04-01/Accounts/{AccountSid}/Transcriptions/{Sid}.json", "fetch")]
        [InlineData("api.v2010.account.call.call_recording", "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json", "fetch")]
        public void Prices_are_typed_numbers_but_given_as_strings(string schema, string path, string example)
        {
            Assert.Equal("number", OfficialSpec.Schema(schema).GetProperty("properties").GetProperty("price").GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.String, Example(path, example).GetProperty("price").ValueKind);
        }

        [Fact]
        public void A_countrys_uri_is_typed_absolute_but_given_relative()
        {
            const string path = "/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers.json";
            Assert.Equal("uri", OfficialSpec.Schema("api.v2010.account.available_phone_number_country").GetProperty("properties").GetProperty("uri").GetProperty("format").GetString());
            Assert.StartsWith("/2010-04-01/Accounts/", Example(path, "readFull").GetProperty("countries")[0].GetProperty("uri").GetString());
        }

        [Fact]
        public void The_reason_a_conference_ended_is_non_nullable_but_given_null_while_in_progress()
        {
            JsonElement reason = OfficialSpec.Schema("api.v2010.account.conference").GetProperty("properties").GetProperty("reason_conference_ended");
            Assert.True(reason.TryGetProperty("$ref", out _));
            Assert.False(OfficialSpec.Schema("conference_enum_reason_conference_ended").TryGetProperty("nullable", out _));
            JsonElement example = Example("/2010-04-01/Accounts/{AccountSid}/Conferences/{Sid}.json", "fetchValidRegionInProgress");
            Assert.Equal(JsonValueKind.Null, example.GetProperty("reason_conference_ended").ValueKind);
        }
    }

    /// <summary>One entry of Prism's sl-violations header.</summary>
    public sealed class Violation
    {
        public string[] Location { get; set; }
        public string Severity { get; set; }
        public string Message { get; set; }

        public override string ToString() => $"{Severity} {string.Join(".", Location ?? Array.Empty<string>())}: {Message}";
    }

    public sealed class ProxiedResponse
    {
        public string Request;
        public HttpStatusCode Status;
        public string Body;
        public List<Violation> Violations;
    }

    /// <summary>
    /// An emulator holding a subaccount with data of every family, and one Prism proxy in front of it.
    /// The data is made once, here, through the emulator's seeders and its own API; each row of the
    /// walk gets a resource of its own where the operation changes or removes one, so the rows do not
    /// depend on their order. The emulator's clock is manual: calls placed through the API stay in
    /// progress (a call lasts an hour) and the failed one has logged its notification.
    /// </summary>
    public sealed class PrismProxyFixture : IDisposable
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero);
        private const string To = "+14155551212", From = "+15005550006";
        private const string ConferenceName = "PrismWalk", QueueName = "PrismWalkQueue";

        private static readonly JsonSerializerOptions ViolationJson = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };

        private readonly TwilioEmulator _emulator;
        private readonly PrismServer _prism;
        private readonly HttpClient _direct;
        private readonly HttpClient _proxied;
        private readonly string _account;
        private readonly Dictionary<string, string> _sids = new Dictionary<string, string>(StringComparer.Ordinal);

        public PrismProxyFixture()
        {
            var clock = new ManualClock(T0);
            _emulator = TwilioEmulator.Start(new EmulatorOptions { Clock = clock, CallDuration = TimeSpan.FromHours(1), CallsPerSecond = 100 });
            try
            {
                _account = _emulator.CreateSubaccount("Prism proxy walk");
                // The main account's credential reaches its subaccounts, as -AccountSid does.
                _direct = Client(_emulator.BaseUri);
                Seed(clock);
                _prism = PrismServer.Proxy(_emulator.BaseUri);
                _proxied = Client(_prism.BaseUri);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        private HttpClient Client(Uri baseUri)
        {
            // Generous: Prism validates each response on a loaded two-core machine.
            var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(_emulator.AccountSid + ":" + _emulator.AuthToken)));
            return http;
        }

        private string AccountPath(string rest) => "/2010-04-01/Accounts/" + _account + rest;

        private void Seed(ManualClock clock)
        {
            _emulator.SeedCalls(3, _account);
            _emulator.SeedRecordings(5, _account, transcribed: true);

            List<JsonElement> recordings = Records(AccountPath("/Recordings.json"), "recordings");
            var recordedCalls = recordings.Select(r => r.GetProperty("call_sid").GetString()).ToHashSet();
            List<string> seededCalls = Records(AccountPath("/Calls.json"), "calls")
                .Select(c => c.GetProperty("sid").GetString()).Where(c => !recordedCalls.Contains(c)).ToList();
            _sids["Call"] = seededCalls[0];
            _sids["Call.Delete"] = seededCalls[1];

            string[] recording = recordings.Select(r => r.GetProperty("sid").GetString()).ToArray();
            string CallOf(string sid) => recordings.Single(r => r.GetProperty("sid").GetString() == sid).GetProperty("call_sid").GetString();
            _sids["Recording"] = recording[0];
            _sids["Recording.Call"] = CallOf(recording[0]);
            _sids["Recording.Delete"] = recording[1];
            _sids["Recording@Call.Delete"] = recording[2];
            _sids["Recording@Call.Delete.Call"] = CallOf(recording[2]);

            List<JsonElement> transcriptions = Records(AccountPath("/Transcriptions.json"), "transcriptions");
            string TranscriptionOf(string recordingSid) =>
                transcriptions.Single(t => t.GetProperty("recording_sid").GetString() == recordingSid).GetProperty("sid").GetString();
            _sids["Transcription"] = TranscriptionOf(recording[0]);
            _sids["Transcription.Recording"] = recording[0];
            _sids["Transcription.Delete"] = TranscriptionOf(recording[3]);
            _sids["Transcription@Recording.Delete"] = TranscriptionOf(recording[4]);
            _sids["Transcription@Recording.Delete.Recording"] = recording[4];

            _sids["Call.Live"] = CreateCall("Url", "https://example.com/voice.xml");
            _sids["Call.Failed"] = CreateCall("Url", "https://unreachable.example/voice.xml");
            _sids["Conference.Call"] = CreateCall("Twiml", $"<Response><Dial><Conference record=\"record-from-start\">{ConferenceName}</Conference></Dial></Response>");
            CreateCall("Twiml", $"<Response><Dial><Conference record=\"record-from-start\">{ConferenceName}Ended</Conference></Dial></Response>");
            _sids["Conference.Call.Kicked"] = CreateCall("Twiml", $"<Response><Dial><Conference>{ConferenceName}</Conference></Dial></Response>");
            _sids["Queue"] = CreateQueue(QueueName);
            _sids["Queue.Delete"] = CreateQueue(QueueName + "Empty");
            _sids["QueueMember"] = CreateCall("Twiml", $"<Response><Enqueue>{QueueName}</Enqueue></Response>");
            _sids["QueueMember.Dequeued"] = CreateCall("Twiml", $"<Response><Enqueue>{QueueName}</Enqueue></Response>");

            // Caller IDs: verified when their validation calls end, within the half minute below.
            Post(AccountPath("/OutgoingCallerIds.json"), "PhoneNumber", "+14155550181");
            Post(AccountPath("/OutgoingCallerIds.json"), "PhoneNumber", "+14155550182", "FriendlyName", "Prism walk, deleted");
            _sids["ApiKey"] = Post(AccountPath("/Keys.json"), "FriendlyName", "Prism walk").GetProperty("sid").GetString();
            _sids["ApiKey.Delete"] = Post(AccountPath("/Keys.json"), "FriendlyName", "Prism walk, deleted").GetProperty("sid").GetString();

            // Every call above is answered: the failed one logs 11200, the others are in progress.
            clock.Advance(TimeSpan.FromSeconds(30));

            string CallerIdOf(string number) =>
                Records(AccountPath("/OutgoingCallerIds.json"), "outgoing_caller_ids").Single(c => c.GetProperty("phone_number").GetString() == number).GetProperty("sid").GetString();
            _sids["OutgoingCallerId"] = CallerIdOf("+14155550181");
            _sids["OutgoingCallerId.Delete"] = CallerIdOf("+14155550182");

            _sids["Notification"] = Records(AccountPath("/Notifications.json"), "notifications").Single().GetProperty("sid").GetString();
            _sids["Recording.Live"] = Post(AccountPath($"/Calls/{_sids["Call.Live"]}/Recordings.json")).GetProperty("sid").GetString();
            _sids["Conference"] = FindConference();
            _sids["Recording@Conference"] = ConferenceRecording(_sids["Conference"]);
            // A conference ended through the API: its recording is complete, to be deleted.
            _sids["Conference.Ended"] = FindConference(ConferenceName + "Ended");
            Post(AccountPath($"/Conferences/{_sids["Conference.Ended"]}.json"), "Status", "completed");
            _sids["Recording@Conference.Delete"] = ConferenceRecording(_sids["Conference.Ended"]);

            // Messages: delivered by now (a message takes a few seconds); the MMS has two pictures, one to delete.
            _sids["Message"] = CreateMessage("Body", "Prism walk");
            _sids["Message.Delete"] = CreateMessage("Body", "Prism walk, deleted");
            _sids["Message.Feedback"] = CreateMessage("Body", "Your code is 123456", "ProvideFeedback", "true");
            string mms = CreateMessage("Body", "Prism walk MMS", "MediaUrl", "https://example.com/a.png", "MediaUrl", "https://example.com/b.jpg");
            _sids["MessageMedia.Message"] = mms;
            List<string> media = Records(AccountPath($"/Messages/{mms}/Media.json"), "media_list").Select(m => m.GetProperty("sid").GetString()).ToList();
            _sids["MessageMedia"] = media[0];
            _sids["MessageMedia.Delete"] = media[1];
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        private string CreateMessage(params string[] content) =>
            Post(AccountPath("/Messages.json"), new[] { "To", To, "From", From }.Concat(content).ToArray()).GetProperty("sid").GetString();

        private string CreateCall(params string[] instructions) =>
            Post(AccountPath("/Calls.json"), new[] { "To", To, "From", From }.Concat(instructions).ToArray()).GetProperty("sid").GetString();

        /// <summary>The queue's SID; null while the emulator serves no queues (the rows that need one are skipped).</summary>
        private string CreateQueue(string name)
        {
            using HttpResponseMessage response = Send(HttpMethod.Post, AccountPath("/Queues.json"), "FriendlyName", name);
            return response.StatusCode == HttpStatusCode.NotFound ? null : Json(response).GetProperty("sid").GetString();
        }

        /// <summary>The conference the calls joined; null while the emulator serves no conferences.</summary>
        private string FindConference(string name = ConferenceName)
        {
            using HttpResponseMessage response = Send(HttpMethod.Get, AccountPath("/Conferences.json?FriendlyName=" + name));
            return response.StatusCode == HttpStatusCode.NotFound ? null
                : Json(response).GetProperty("conferences").EnumerateArray().Single().GetProperty("sid").GetString();
        }

        private string ConferenceRecording(string conference) =>
            Records(AccountPath($"/Conferences/{conference}/Recordings.json"), "recordings").Single().GetProperty("sid").GetString();

        private List<JsonElement> Records(string path, string key)
        {
            using HttpResponseMessage response = Send(HttpMethod.Get, path + "?PageSize=1000");
            return Json(response).GetProperty(key).EnumerateArray().ToList();
        }

        private JsonElement Post(string path, params string[] pairs)
        {
            using HttpResponseMessage response = Send(HttpMethod.Post, path, pairs);
            return Json(response);
        }

        private HttpResponseMessage Send(HttpMethod method, string path, params string[] pairs)
        {
            var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post) request.Content = Form(pairs);
            return _direct.SendAsync(request).GetAwaiter().GetResult();
        }

        private static JsonElement Json(HttpResponseMessage response)
        {
            string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Seeding: {response.RequestMessage.Method} {response.RequestMessage.RequestUri} -> {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        private static FormUrlEncodedContent Form(string[] pairs)
        {
            var fields = new List<KeyValuePair<string, string>>();
            for (int i = 0; i < pairs.Length; i += 2) fields.Add(new KeyValuePair<string, string>(pairs[i], pairs[i + 1]));
            return new FormUrlEncodedContent(fields);
        }

        private string Sid(string name) =>
            _sids.TryGetValue(name, out string sid) && sid != null ? sid : throw new InvalidOperationException("The fixture made no " + name + ".");

        /// <summary>
        /// The path values and form of a valid request for one catalog operation, from the fixture's
        /// data. A resource or scope without a recipe here fails its row: the catalog grew, the walk did not.
        /// </summary>
        private (Dictionary<string, string> Values, string[] Form) Recipe(ResourceScope scope, Operations operation)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = _account };
            string[] form = Array.Empty<string>();
            bool delete = operation == Operations.Delete;
            switch (scope.Resource.Name + "@" + scope.Name)
            {
                case "Account@Root":
                    // The walk's own subaccount: fetched and renamed (to its own name); created anew.
                    if (operation == Operations.Fetch || operation == Operations.Update) values["Sid"] = _account;
                    if (operation == Operations.Create) form = new[] { "FriendlyName", "Prism proxy walk, created" };
                    if (operation == Operations.Update) form = new[] { "FriendlyName", "Prism proxy walk" };
                    break;
                case "Application@Account":
                    if (operation != Operations.Create && operation != Operations.List) values["Sid"] = Created("/Applications.json", "FriendlyName", delete ? "to delete" : "kept");
                    if (operation == Operations.Create) form = new[] { "FriendlyName", "Prism walk IVR", "VoiceUrl", "https://example.com/ivr.xml", "VoiceCallerIdLookup", "true" };
                    if (operation == Operations.Update) form = new[] { "SmsUrl", "https://example.com/sms", "SmsMethod", "GET" };
                    break;
                case "AvailablePhoneNumberCountry@Account":
                    if (operation == Operations.Fetch) values["CountryCode"] = "GB";
                    break;
                case "AvailablePhoneNumber@Local":
                case "AvailablePhoneNumber@TollFree":
                case "AvailablePhoneNumber@Mobile":
                case "AvailablePhoneNumber@National":
                case "AvailablePhoneNumber@Voip":
                case "AvailablePhoneNumber@SharedCost":
                case "AvailablePhoneNumber@MachineToMachine":
                    values["CountryCode"] = CountrySelling(scope.Name);
                    break;
                case "IncomingPhoneNumber@Account":
                    if (operation == Operations.Create) form = new[] { "PhoneNumber", ForSale("US", "Local"), "FriendlyName", "Prism walk", "VoiceUrl", "https://example.com/voice.xml" };
                    if (operation != Operations.Create && operation != Operations.List) values["Sid"] = BoughtNumber();
                    if (operation == Operations.Update)
                        form = new[] { "VoiceApplicationSid", Created("/Applications.json", "FriendlyName", "kept"), "SmsUrl", "https://example.com/sms", "SmsMethod", "GET", "EmergencyStatus", "Inactive", "VoiceReceiveMode", "voice" };
                    break;
                case "IncomingPhoneNumber@Local":
                case "IncomingPhoneNumber@Mobile":
                case "IncomingPhoneNumber@TollFree":
                    if (operation == Operations.Create) form = new[] { "PhoneNumber", ForSale(CountrySelling(scope.Name), scope.Name) };
                    break;
                case "OutgoingCallerId@Account":
                    if (operation != Operations.Create && operation != Operations.List) values["Sid"] = Sid(delete ? "OutgoingCallerId.Delete" : "OutgoingCallerId");
                    if (operation == Operations.Create) form = new[] { "PhoneNumber", "+14155550183", "FriendlyName", "Prism walk desk", "CallDelay", "5", "Extension", "12#", "StatusCallbackMethod", "GET" };
                    if (operation == Operations.Update) form = new[] { "FriendlyName", "Prism walk, renamed" };
                    break;
                case "ApiKey@Account":
                    if (operation != Operations.Create && operation != Operations.List) values["Sid"] = Sid(delete ? "ApiKey.Delete" : "ApiKey");
                    if (operation == Operations.Create || operation == Operations.Update) form = new[] { "FriendlyName", "Prism walk runbook" };
                    break;
                case "UsageTrigger@Account":
                    if (operation != Operations.Create && operation != Operations.List)
                        values["Sid"] = Created("/Usage/Triggers.json", "UsageCategory", "calls", "TriggerValue", "100", "CallbackUrl", "https://example.com/usage",
                            "FriendlyName", delete ? "to delete" : "kept");
                    if (operation == Operations.Create)
                        form = new[] { "UsageCategory", "totalprice", "TriggerValue", "+5", "CallbackUrl", "https://example.com/spend", "CallbackMethod", "GET",
                            "TriggerBy", "price", "Recurring", "monthly", "FriendlyName", "Prism walk spend" };
                    if (operation == Operations.Update) form = new[] { "FriendlyName", "Prism walk", "CallbackMethod", "POST" };
                    break;
                case var usage when usage.StartsWith("UsageRecord@", StringComparison.Ordinal):
                case "Balance@Account":
                    // The walk's subaccount has billed calls (seeded) and messages (delivered above): real totals.
                    break;
                case "Call@Account":
                    values["Sid"] = Sid(delete ? "Call.Delete" : "Call");
                    if (operation == Operations.Create) form = new[] { "To", To, "From", From, "Url", "https://example.com/voice.xml" };
                    if (operation == Operations.Update) form = new[] { "StatusCallback", "https://example.com/status", "StatusCallbackMethod", "POST" };
                    break;
                case "Recording@Account":
                    values["Sid"] = Sid(delete ? "Recording.Delete" : "Recording");
                    break;
                case "Recording@Call":
                    bool live = operation == Operations.Create || operation == Operations.Update;
                    values["CallSid"] = Sid(live ? "Call.Live" : delete ? "Recording@Call.Delete.Call" : "Recording.Call");
                    values["Sid"] = Sid(live ? "Recording.Live" : delete ? "Recording@Call.Delete" : "Recording");
                    if (operation == Operations.Update) form = new[] { "Status", "paused", "PauseBehavior", "silence" };
                    break;
                case "Transcription@Account":
                    values["Sid"] = Sid(delete ? "Transcription.Delete" : "Transcription");
                    break;
                case "Transcription@Recording":
                    values["RecordingSid"] = Sid(delete ? "Transcription@Recording.Delete.Recording" : "Transcription.Recording");
                    values["Sid"] = Sid(delete ? "Transcription@Recording.Delete" : "Transcription");
                    break;
                case "Notification@Account":
                    values["Sid"] = Sid("Notification");
                    break;
                case "Notification@Call":
                    values["CallSid"] = Sid("Call.Failed");
                    values["Sid"] = Sid("Notification");
                    break;
                case "CallEvent@Call":
                    values["CallSid"] = Sid("Call.Live");
                    break;
                case "Conference@Account":
                    values["Sid"] = Sid("Conference");
                    if (operation == Operations.Update) form = new[] { "AnnounceUrl", "https://example.com/announce.xml", "AnnounceMethod", "POST" };
                    break;
                case "Recording@Conference":
                    values["ConferenceSid"] = Sid(delete ? "Conference.Ended" : "Conference");
                    if (operation != Operations.List) values["Sid"] = Sid(delete ? "Recording@Conference.Delete" : "Recording@Conference");
                    if (operation == Operations.Update) form = new[] { "Status", "paused", "PauseBehavior", "silence" };
                    break;
                case "ConferenceParticipant@Conference":
                    values["ConferenceSid"] = Sid("Conference");
                    values["CallSid"] = Sid(delete ? "Conference.Call.Kicked" : "Conference.Call");
                    if (operation == Operations.Create) form = new[] { "From", From, "To", To };
                    if (operation == Operations.Update) form = new[] { "Muted", "true" };
                    break;
                case "Queue@Account":
                    values["Sid"] = Sid(delete ? "Queue.Delete" : "Queue");
                    if (operation == Operations.Create) form = new[] { "FriendlyName", QueueName + "Created" };
                    if (operation == Operations.Update) form = new[] { "MaxSize", "50" };
                    break;
                case "QueueMember@Queue":
                    values["QueueSid"] = Sid("Queue");
                    values["CallSid"] = Sid(operation == Operations.Update ? "QueueMember.Dequeued" : "QueueMember");
                    if (operation == Operations.Update) form = new[] { "Url", "https://example.com/dequeued.xml", "Method", "POST" };
                    break;
                case "Message@Account":
                    values["Sid"] = Sid(delete ? "Message.Delete" : "Message");
                    if (operation == Operations.Create) form = new[] { "To", To, "From", From, "Body", "Sent through Prism" };
                    // Redaction: the one update a delivered message takes.
                    if (operation == Operations.Update) form = new[] { "Body", "" };
                    break;
                case "MessageMedia@Message":
                    values["MessageSid"] = Sid("MessageMedia.Message");
                    values["Sid"] = Sid(delete ? "MessageMedia.Delete" : "MessageMedia");
                    break;
                case "MessageFeedback@Message":
                    values["MessageSid"] = Sid("Message.Feedback");
                    form = new[] { "Outcome", "confirmed" };
                    break;
                default:
                    throw new InvalidOperationException($"No request recipe for {scope} {operation}: add one to {nameof(PrismProxyFixture)}.");
            }
            return (values, form);
        }

        /// <summary>A record of the walk's subaccount made through the emulator's API (one to keep, one to delete): its SID.</summary>
        private string Created(string collection, params string[] form)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, AccountPath(collection)) { Content = Form(form) };
            using HttpResponseMessage response = _direct.SendAsync(request).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty("sid").GetString();
        }

        /// <summary>A country the emulator sells numbers of this type in.</summary>
        private static string CountrySelling(string type) => type switch
        {
            "Local" or "TollFree" => "US",
            "Mobile" or "National" or "Voip" => "GB",
            "SharedCost" => "FR",
            "MachineToMachine" => "SE",
            _ => throw new InvalidOperationException("No country sells " + type + " numbers in the emulator."),
        };

        /// <summary>A number for sale now, found through the emulator's search.</summary>
        private string ForSale(string country, string type) =>
            Records(AccountPath($"/AvailablePhoneNumbers/{country}/{type}.json"), "available_phone_numbers").First().GetProperty("phone_number").GetString();

        /// <summary>A number the walk's subaccount owns, bought through the emulator's API: one per row that changes or releases it.</summary>
        private string BoughtNumber() => Post(AccountPath("/IncomingPhoneNumbers.json"), "AreaCode", "212").GetProperty("sid").GetString();

        private static readonly Regex Placeholder = new Regex(@"\{(\w+)\}", RegexOptions.CultureInvariant);

        /// <summary>Sends one catalog operation through Prism and reads what Prism says of it.</summary>
        internal ProxiedResponse Send(ResourceScope scope, Operations operation)
        {
            (Dictionary<string, string> values, string[] form) = Recipe(scope, operation);
            string path = Placeholder.Replace(scope.PathFor(operation), m => values[m.Groups[1].Value]);
            HttpMethod method = operation == Operations.Delete ? HttpMethod.Delete
                : operation == Operations.Create || operation == Operations.Update ? HttpMethod.Post
                : HttpMethod.Get;
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post) request.Content = Form(form);
            using HttpResponseMessage response = _proxied.SendAsync(request).GetAwaiter().GetResult();
            var violations = new List<Violation>();
            if (response.Headers.TryGetValues("sl-violations", out IEnumerable<string> header))
                foreach (string value in header)
                {
                    // Prism cuts a header over 8 KB and says so in front of the cut JSON.
                    if (value.StartsWith("Too many violations!", StringComparison.Ordinal))
                        violations.Add(new Violation { Severity = "Error", Message = value });
                    else violations.AddRange(JsonSerializer.Deserialize<List<Violation>>(value, ViolationJson));
                }
            return new ProxiedResponse
            {
                Request = $"{method} {path}",
                Status = response.StatusCode,
                Body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult(),
                Violations = violations,
            };
        }

        public void Dispose()
        {
            _proxied?.Dispose();
            _prism?.Dispose();
            _direct?.Dispose();
            _emulator?.Dispose();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PrismProxyCollection : ICollectionFixture<PrismProxyFixture>
    {
        public const string Name = "Prism proxy";
    }
}
