using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorWireFormatTests
    {
        private const string SpecPath = "/tmp/npmtools/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json";

        /// <summary>api.v2010.account.call's property names in @twilio-alpha/mcp 0.7.0, for machines without the spec.</summary>
        private static readonly string[] SpecCallProperties =
        {
            "sid", "date_created", "date_updated", "parent_call_sid", "account_sid", "to", "to_formatted", "from",
            "from_formatted", "phone_number_sid", "status", "start_time", "end_time", "duration", "price", "price_unit",
            "direction", "answered_by", "api_version", "forwarded_from", "group_sid", "caller_name", "queue_time",
            "trunk_sid", "uri", "subresource_uris",
        };

        private static HashSet<string> SpecProperties(string schema, string[] fallback)
        {
            if (!File.Exists(SpecPath)) return new HashSet<string>(fallback);
            using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(SpecPath));
            return new HashSet<string>(spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema)
                .GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }

        [Fact]
        public async Task Call_fields_are_the_spec_properties_plus_annotation()
        {
            // Twilio returns "annotation" (documented on the Call resource and in the spec's examples)
            // although the 0.7.0 schema omits it.
            HashSet<string> expected = SpecProperties("api.v2010.account.call", SpecCallProperties);
            expected.Add("annotation");
            using var api = Api.WithClock(out _, o => o.SeedCalls = 3);
            ApiResponse created = await api.CreateCall();
            ApiResponse listed = await api.Get(api.CallsPath);
            foreach (JsonElement call in listed.Json.GetProperty("calls").EnumerateArray().Append(created.Json))
                Assert.Equal(expected.OrderBy(x => x), call.EnumerateObject().Select(p => p.Name).OrderBy(x => x));
            Assert.Equal(new[] { "calls", "end", "first_page_uri", "next_page_uri", "page", "page_size", "previous_page_uri", "start", "uri" },
                listed.Json.EnumerateObject().Select(p => p.Name).OrderBy(x => x, StringComparer.Ordinal).ToArray());
            JsonElement subresources = created.Json.GetProperty("subresource_uris");
            Assert.Equal("/2010-04-01/Accounts/" + api.AccountSid + "/Calls/" + created.Str("sid") + "/Recordings.json",
                subresources.GetProperty("recordings").GetString());
        }

        [Fact]
        public async Task Account_fields_are_the_spec_properties()
        {
            HashSet<string> expected = SpecProperties("api.v2010.account", new[]
                { "auth_token", "date_created", "date_updated", "friendly_name", "owner_account_sid", "sid", "status", "subresource_uris", "type", "uri" });
            using var api = new Api();
            ApiResponse r = await api.Get("/2010-04-01/Accounts/" + api.AccountSid + ".json");
            Assert.Equal(expected.OrderBy(x => x), r.Json.EnumerateObject().Select(p => p.Name).OrderBy(x => x));
            Assert.Equal("/2010-04-01/Accounts/" + api.AccountSid + "/Calls.json", r.Json.GetProperty("subresource_uris").GetProperty("calls").GetString());
        }

        [Fact]
        public async Task Dates_are_RFC_2822_in_GMT()
        {
            using var api = Api.WithClock(out _);
            ApiResponse r = await api.CreateCall();
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", r.Str("date_created"));
            ApiResponse listed = await api.Get(api.CallsPath);
            foreach (string name in new[] { "date_created", "date_updated" })
            {
                string s = listed.Json.GetProperty("calls")[0].GetProperty(name).GetString();
                Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$", s);
                DateTimeOffset.ParseExact(s, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
            }
        }

        [Fact]
        public async Task Unknown_route_is_404_and_wrong_method_is_405_both_as_Twilio_json()
        {
            using var api = new Api();
            ApiResponse missing = await api.Get("/2010-04-01/Accounts/" + api.AccountSid + "/Nothing.json");
            Assert.Equal(HttpStatusCode.NotFound, missing.Status);
            Assert.Equal(20404, missing.Int("code"));
            Assert.Equal("application/json; charset=utf-8", missing.Message.Content.Headers.ContentType.ToString());

            ApiResponse wrong = await api.Send(new HttpRequestMessage(HttpMethod.Put, api.CallsPath) { Content = new StringContent("") });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.Status);
            Assert.Equal(405, wrong.Int("status"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + wrong.Int("code"), wrong.Str("more_info"));
        }

        [Fact]
        public async Task Unknown_account_is_404()
        {
            using var api = new Api();
            string path = "/2010-04-01/Accounts/AC" + new string('1', 32) + "/Calls.json";
            ApiResponse r = await api.Get(path);
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Equal("The requested resource " + path + " was not found", r.Str("message"));
        }

        [Fact]
        public async Task Requests_are_served_concurrently_and_all_counted()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 500);
            Task<ApiResponse>[] tasks = Enumerable.Range(0, 32).Select(_ => api.Get(api.CallsPath + "?PageSize=200")).ToArray();
            ApiResponse[] results = await Task.WhenAll(tasks);
            Assert.All(results, r => Assert.Equal(200, r.Json.GetProperty("calls").GetArrayLength()));
            Assert.Equal(32, api.Emulator.RequestCount);
            Assert.Equal(32, api.Emulator.Requests.Count);
            api.Emulator.ClearRequests();
            Assert.Empty(api.Emulator.Requests);
            Assert.Equal(32, api.Emulator.RequestCount);
        }
    }
}
