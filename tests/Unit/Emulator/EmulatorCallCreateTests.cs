using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorCallCreateTests
    {
        [Theory]
        [InlineData(null, "+15005550006", 21201, "No 'To' number is specified")]
        [InlineData("+14155551212", null, 21213, "No 'From' number is specified")]
        [InlineData("4155551212", "+15005550006", 21211, "Invalid 'To' Phone Number: 4155551212")]
        [InlineData("+12", "+15005550006", 21211, "Invalid 'To' Phone Number: +12")]
        [InlineData("+14155551212", "mars", 21212, "Invalid 'From' Phone Number: mars")]
        public async Task Create_rejects_missing_or_invalid_endpoints(string to, string from, int code, string message)
        {
            using var api = new Api();
            var pairs = new System.Collections.Generic.List<string> { "Url", "https://example.com/twiml" };
            if (to != null) { pairs.Add("To"); pairs.Add(to); }
            if (from != null) { pairs.Add("From"); pairs.Add(from); }
            ApiResponse r = await api.Post(api.CallsPath, pairs.ToArray());
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal(code, r.Int("code"));
            Assert.Equal(message, r.Str("message"));
            Assert.Equal("https://www.twilio.com/docs/errors/" + code, r.Str("more_info"));
            Assert.Equal(400, r.Int("status"));
        }

        [Fact]
        public async Task Create_needs_Url_Twiml_or_ApplicationSid()
        {
            using var api = new Api();
            ApiResponse r = await api.Post(api.CallsPath, "To", "+14155551212", "From", "+15005550006");
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Equal(21205, r.Int("code"));
            Assert.Equal("Url parameter is required.", r.Str("message"));
            Assert.Equal(HttpStatusCode.Created, (await api.Post(api.CallsPath, "To", "+14155551212", "From", "+15005550006",
                "ApplicationSid", "AP" + new string('a', 32))).Status);
        }

        [Theory]
        [InlineData("Method", "PUT")]
        [InlineData("FallbackMethod", "DELETE")]
        [InlineData("StatusCallbackMethod", "post")]
        [InlineData("RecordingChannels", "stereo")]
        [InlineData("Trim", "yes")]
        [InlineData("MachineDetection", "enable")]
        [InlineData("StatusCallbackEvent", "hungup")]
        [InlineData("ApplicationSid", "AP123")]
        [InlineData("Timeout", "soon")]
        [InlineData("Record", "maybe")]
        public async Task Create_validates_enums_and_patterns_with_a_clear_400(string name, string value)
        {
            using var api = new Api();
            ApiResponse r = await api.Post(api.CallsPath, "To", "+14155551212", "From", "+15005550006", "Url", "https://example.com/t", name, value);
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.Contains(name, r.Str("message"));
            Assert.Contains(value, r.Str("message"));
            Assert.Equal(0, (await api.Get(api.CallsPath)).Json.GetProperty("calls").GetArrayLength());
        }

        [Theory]
        [InlineData("client:alice")]
        [InlineData("sip:bob@example.sip.twilio.com")]
        [InlineData("+442071838750")]
        public async Task Create_accepts_client_sip_and_international_endpoints(string to)
        {
            using var api = new Api();
            ApiResponse r = await api.Post(api.CallsPath, "To", to, "From", "+15005550006", "Url", "https://example.com/t");
            Assert.Equal(HttpStatusCode.Created, r.Status);
            Assert.Equal(to, r.Str("to"));
        }

        [Fact]
        public async Task Create_returns_a_queued_outbound_api_call_and_keeps_the_parameters()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.ClearRequests();
            ApiResponse r = await api.CreateCall("StatusCallbackEvent", "initiated", "StatusCallbackEvent", "answered", "Method", "GET");
            Assert.Equal(HttpStatusCode.Created, r.Status);
            Assert.Matches("^CA[0-9a-f]{32}$", r.Str("sid"));
            Assert.Equal("queued", r.Str("status"));
            Assert.Equal("outbound-api", r.Str("direction"));
            Assert.Equal("2010-04-01", r.Str("api_version"));
            Assert.Equal("(415) 555-1212", r.Str("to_formatted"));
            Assert.Null(r.Str("price"));
            Assert.Null(r.Str("start_time"));
            Assert.Null(r.Str("end_time"));
            Assert.Null(r.Str("duration"));
            Assert.Equal("0", r.Str("queue_time"));
            Assert.Equal("USD", r.Str("price_unit"));
            Assert.Equal("/2010-04-01/Accounts/" + api.AccountSid + "/Calls/" + r.Str("sid") + ".json", r.Str("uri"));

            var request = api.Emulator.Requests.Single();
            Assert.Equal("POST", request.Method);
            Assert.Equal(api.CallsPath, request.PathAndQuery);
            Assert.Equal(new[] { "initiated", "answered" }, request.FormValues("StatusCallbackEvent").ToArray());
            Assert.Equal("+14155551212", request.FormValue("To"));
            Assert.Equal(201, request.ResponseStatus);
        }
    }
}
