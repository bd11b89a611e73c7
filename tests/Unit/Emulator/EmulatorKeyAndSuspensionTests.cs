using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>API keys on the wire (secret once, authenticating from creation to deletion) and accounts that are not active.</summary>
    public class EmulatorKeyAndSuspensionTests
    {
        private static string Keys(string account) => "/2010-04-01/Accounts/" + account + "/Keys.json";

        [Fact]
        public async Task A_key_authenticates_from_its_creation_until_its_deletion_and_shows_its_secret_once()
        {
            using var api = new Api();
            ApiResponse created = await api.Post(Keys(api.AccountSid), "FriendlyName", "runbook");
            Assert.Equal(HttpStatusCode.Created, created.Status);
            string sid = created.Str("sid"), secret = created.Str("secret");
            Assert.Matches("^SK[0-9a-f]{32}$", sid);
            Assert.Equal(32, secret.Length);

            using var key = api.As(sid, secret);
            Assert.Equal(HttpStatusCode.OK, (await key.Get(api.CallsPath)).Status);
            using var wrong = api.As(sid, new string('0', 32));
            Assert.Equal(20003, (await wrong.Get(api.CallsPath)).Int("code"));

            ApiResponse fetched = await api.Get("/2010-04-01/Accounts/" + api.AccountSid + "/Keys/" + sid + ".json");
            Assert.False(fetched.Json.TryGetProperty("secret", out _));
            ApiResponse listed = await api.Get(Keys(api.AccountSid));
            // The configured key is a key of the main account like any other.
            Assert.Equal(new[] { sid, api.Emulator.ApiKeySid }, listed.Json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("sid").GetString()).ToArray());
            Assert.DoesNotContain("secret", listed.Body);

            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete("/2010-04-01/Accounts/" + api.AccountSid + "/Keys/" + sid + ".json")).Status);
            ApiResponse refused = await key.Get(api.CallsPath);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal(20003, refused.Int("code"));
        }

        [Fact]
        public async Task A_subaccounts_key_reaches_that_subaccount_only()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("Tenant");
            ApiResponse created = await api.Post(Keys(sub), "FriendlyName", "tenant runbook");
            using var key = api.As(created.Str("sid"), created.Str("secret"));
            Assert.Equal(HttpStatusCode.OK, (await key.Get("/2010-04-01/Accounts/" + sub + "/Calls.json")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await key.Get(api.CallsPath)).Status);
            Assert.Equal(0, (await api.Get(Keys(api.AccountSid))).Json.GetProperty("keys").EnumerateArray().Count(k => k.GetProperty("sid").GetString() == created.Str("sid")));
        }

        [Fact]
        public async Task Suspension_answers_20005_to_the_subaccount_and_its_owner_until_reactivated_and_closing_is_final()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("Tenant");
            string subCalls = "/2010-04-01/Accounts/" + sub + "/Calls.json", subAccount = "/2010-04-01/Accounts/" + sub + ".json";
            ApiResponse keyCreated = await api.Post(Keys(sub), "FriendlyName", "tenant");
            using var own = api.As(sub, api.Emulator.GetAuthToken(sub));
            using var key = api.As(keyCreated.Str("sid"), keyCreated.Str("secret"));

            Assert.Equal(HttpStatusCode.OK, (await api.Post(subAccount, "Status", "suspended")).Status);
            foreach (Api client in new[] { own, key, api })
            {
                ApiResponse refused = await client.Get(subCalls);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
                Assert.Equal(20005, refused.Int("code"));
                Assert.Equal("Account not active", refused.Str("message"));
            }
            // The suspended account's own credential reaches nothing, not even the account resource or the account list.
            foreach (string path in new[] { subAccount, "/2010-04-01/Accounts.json" })
                Assert.Equal(20005, (await own.Get(path)).Int("code"));
            // The owner still reads the account itself, and the main account's own resources answer.
            Assert.Equal("suspended", (await api.Get(subAccount)).Str("status"));
            Assert.Equal(HttpStatusCode.OK, (await api.Get(api.CallsPath)).Status);

            Assert.Equal(HttpStatusCode.OK, (await api.Post(subAccount, "Status", "active")).Status);
            foreach (Api client in new[] { own, key, api })
                Assert.Equal(HttpStatusCode.OK, (await client.Get(subCalls)).Status);

            Assert.Equal(HttpStatusCode.OK, (await api.Post(subAccount, "Status", "closed")).Status);
            Assert.Equal(20003, (await own.Get(subCalls)).Int("code"));
            Assert.Equal(20003, (await key.Get(subCalls)).Int("code"));
            Assert.Equal(20005, (await api.Get(subCalls)).Int("code"));
            ApiResponse reopen = await api.Post(subAccount, "Status", "active");
            Assert.Equal(HttpStatusCode.BadRequest, reopen.Status);
            Assert.Equal(21100, reopen.Int("code"));
            Assert.Equal("closed", (await api.Get(subAccount)).Str("status"));
        }
    }

    /// <summary>Validation requests on the wire, on a manual clock: the code, the call, the caller ID when the call ends.</summary>
    public class EmulatorOutgoingCallerIdTests
    {
        [Fact]
        public async Task A_validation_call_after_CallDelay_makes_the_caller_ID_when_it_completes()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string collection = "/2010-04-01/Accounts/" + api.AccountSid + "/OutgoingCallerIds.json";
            ApiResponse request = await api.Post(collection, "PhoneNumber", "+14155550123", "CallDelay", "20");
            Assert.Equal(HttpStatusCode.OK, request.Status);
            Assert.Matches("^[0-9]{6}$", request.Str("validation_code"));
            Assert.Equal("(415) 555-0123", request.Str("friendly_name"));   // Twilio's default: the number, formatted
            string callSid = request.Str("call_sid");

            clock.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal("queued", (await api.Get(api.CallPath(callSid))).Str("status"));   // rings a second after the delay
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal("ringing", (await api.Get(api.CallPath(callSid))).Str("status"));
            Assert.Equal(0, (await api.Get(collection)).Json.GetProperty("outgoing_caller_ids").GetArrayLength());

            clock.Advance(TimeSpan.FromSeconds(15));
            Assert.Equal("completed", (await api.Get(api.CallPath(callSid))).Str("status"));
            var listed = (await api.Get(collection + "?PhoneNumber=%2B14155550123")).Json.GetProperty("outgoing_caller_ids").EnumerateArray().ToList();
            Assert.Equal("+14155550123", Assert.Single(listed).GetProperty("phone_number").GetString());

            ApiResponse again = await api.Post(collection, "PhoneNumber", "+14155550123");
            Assert.Equal(21450, again.Int("code"));
            Assert.Equal("Phone number already verified for your account", again.Str("message"));
        }

        [Fact]
        public async Task A_newer_request_replaces_one_under_way_and_bad_requests_are_refused()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string collection = "/2010-04-01/Accounts/" + api.AccountSid + "/OutgoingCallerIds.json";
            await api.Post(collection, "PhoneNumber", "+14155550123");
            clock.Advance(TimeSpan.FromSeconds(1));
            await api.Post(collection, "PhoneNumber", "+14155550123", "FriendlyName", "second");
            clock.Advance(TimeSpan.FromMinutes(1));
            var listed = (await api.Get(collection)).Json.GetProperty("outgoing_caller_ids").EnumerateArray().ToList();
            Assert.Equal("second", Assert.Single(listed).GetProperty("friendly_name").GetString());

            Assert.Equal(20001, (await api.Post(collection, "FriendlyName", "no number")).Int("code"));
            Assert.Equal(21211, (await api.Post(collection, "PhoneNumber", "4155550123")).Int("code"));
            Assert.Equal(20001, (await api.Post(collection, "PhoneNumber", "+14155550124", "CallDelay", "61")).Int("code"));
        }
    }
}
