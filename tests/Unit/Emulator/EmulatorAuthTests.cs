using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    public class EmulatorAuthTests
    {
        [Fact]
        public async Task No_credentials_get_Twilio_401_body_and_challenge()
        {
            using var api = new Api();
            using var anonymous = api.As("", "");
            ApiResponse r = await anonymous.Get("/2010-04-01/Accounts/" + api.AccountSid + ".json");
            Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
            Assert.Equal("{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}", r.Body);
            Assert.Equal("Basic realm=\"Twilio API\"", r.Message.Headers.WwwAuthenticate.Single().ToString());
            Assert.Equal("application/json; charset=utf-8", r.Message.Content.Headers.ContentType.ToString());
        }

        [Fact]
        public async Task Wrong_token_is_401_and_still_counted_and_recorded()
        {
            using var api = new Api();
            using var bad = api.As(api.AccountSid, "0000000000000000000000000000000");
            ApiResponse r = await bad.Get(api.CallsPath);
            Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
            Assert.Equal(20003, r.Int("code"));
            Assert.Equal(1, api.Emulator.RequestCount);
            EmulatorRequest seen = api.Emulator.Requests.Single();
            Assert.Equal("GET", seen.Method);
            Assert.Equal(api.AccountSid, seen.AuthUsername);
            Assert.Equal(401, seen.ResponseStatus);
        }

        [Fact]
        public async Task Defaults_are_the_documented_well_known_credentials()
        {
            using var api = new Api();
            Assert.Equal(EmulatorOptions.DefaultAccountSid, api.Emulator.AccountSid);
            Assert.Matches("^AC[0-9a-f]{32}$", api.Emulator.AccountSid);
            Assert.Matches("^[0-9a-f]{32}$", api.Emulator.AuthToken);
            Assert.Matches("^SK[0-9a-f]{32}$", api.Emulator.ApiKeySid);
            Assert.Equal("127.0.0.1", api.Emulator.BaseUri.Host);
            Assert.Equal(api.Emulator.Port, api.Emulator.BaseUri.Port);
            ApiResponse r = await api.Get("/2010-04-01/Accounts/" + api.AccountSid + ".json");
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.Equal(api.AccountSid, r.Str("sid"));
            Assert.Equal("active", r.Str("status"));
            Assert.Equal(api.AccountSid, r.Str("owner_account_sid"));
        }

        [Fact]
        public async Task Api_key_authenticates_for_the_account_and_its_subaccounts()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("Team A");
            using var key = api.As(api.Emulator.ApiKeySid, api.Emulator.ApiKeySecret);
            Assert.Equal(HttpStatusCode.OK, (await key.Get(api.CallsPath)).Status);
            Assert.Equal(HttpStatusCode.OK, (await key.Get("/2010-04-01/Accounts/" + sub + "/Calls.json")).Status);
            using var wrongSecret = api.As(api.Emulator.ApiKeySid, "nope");
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrongSecret.Get(api.CallsPath)).Status);
        }

        [Fact]
        public async Task Subaccount_credential_reaches_only_itself()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("Team A");
            string other = api.Emulator.CreateSubaccount("Team B");
            using var subApi = api.As(sub, api.Emulator.GetAuthToken(sub));

            Assert.Equal(HttpStatusCode.OK, (await subApi.Get("/2010-04-01/Accounts/" + sub + ".json")).Status);
            foreach (string forbidden in new[] { api.AccountSid, other })
            {
                string path = "/2010-04-01/Accounts/" + forbidden + "/Calls.json";
                ApiResponse r = await subApi.Get(path);
                Assert.Equal(HttpStatusCode.NotFound, r.Status);
                Assert.Equal(20404, r.Int("code"));
                Assert.Equal("The requested resource " + path + " was not found", r.Str("message"));
            }

            ApiResponse mine = await subApi.Get("/2010-04-01/Accounts.json");
            Assert.Equal(new[] { sub }, mine.Json.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("sid").GetString()).ToArray());
            ApiResponse all = await api.Get("/2010-04-01/Accounts.json");
            Assert.Equal(3, all.Json.GetProperty("accounts").GetArrayLength());

            // The main credential reads the subaccount, which reports its owner and its own token.
            ApiResponse fetched = await api.Get("/2010-04-01/Accounts/" + sub + ".json");
            Assert.Equal(api.AccountSid, fetched.Str("owner_account_sid"));
            Assert.Equal(api.Emulator.GetAuthToken(sub), fetched.Str("auth_token"));
        }

        [Fact]
        public async Task Subaccount_calls_are_separate_from_the_main_account()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("Team A");
            ApiResponse created = await api.Post("/2010-04-01/Accounts/" + sub + "/Calls.json",
                "To", "+14155551212", "From", "+15005550006", "Twiml", "<Response><Say>hi</Say></Response>");
            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal(sub, created.Str("account_sid"));
            Assert.Equal(0, (await api.Get(api.CallsPath)).Json.GetProperty("calls").GetArrayLength());
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get(api.CallPath(created.Str("sid")))).Status);
        }
    }
}
