using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's phone numbers: the countries and their types, a deterministic inventory searched
    /// with every filter of the spec, buying (by number or area code, with Twilio's 21422, 21451, 21452),
    /// releasing back to the inventory, moving between accounts of one family, and the application a
    /// number points to checked in its account.
    /// </summary>
    public class EmulatorPhoneNumberTests
    {
        private static string Root(Api api, string account = null) => "/2010-04-01/Accounts/" + (account ?? api.AccountSid);
        private static string Search(Api api, string country, string type, string query = "", string account = null) =>
            Root(api, account) + "/AvailablePhoneNumbers/" + country + "/" + type + ".json?PageSize=1000" + (query.Length > 0 ? "&" + query : "");
        private static string Numbers(Api api, string account = null) => Root(api, account) + "/IncomingPhoneNumbers.json";
        private static string NumberPath(Api api, string sid, string account = null) => Root(api, account) + "/IncomingPhoneNumbers/" + sid + ".json";

        private static List<JsonElement> Items(ApiResponse r, string key)
        {
            Assert.True(r.Status == HttpStatusCode.OK, r.Body);
            return r.Json.GetProperty(key).EnumerateArray().ToList();
        }

        private static async Task<List<JsonElement>> Found(Api api, string country, string type, string query = "") =>
            Items(await api.Get(Search(api, country, type, query)), "available_phone_numbers");

        private static string Number(JsonElement n) => n.GetProperty("phone_number").GetString();
        private static string Text(JsonElement n, string name) => n.GetProperty(name).ValueKind == JsonValueKind.Null ? null : n.GetProperty(name).GetString();
        private static bool Capable(JsonElement n, string capability) => n.GetProperty("capabilities").GetProperty(capability).GetBoolean();

        private static async Task<ApiResponse> Buy(Api api, params string[] form)
        {
            ApiResponse r = await api.Post(Numbers(api), form);
            Assert.True(r.Status == HttpStatusCode.Created, r.Body);
            return r;
        }

        private static void AssertError(ApiResponse r, HttpStatusCode status, int code)
        {
            Assert.True(r.Status == status, r.Body);
            Assert.Equal(code, r.Int("code"));
        }

        // ---- countries ------------------------------------------------------------------------------

        [Fact]
        public async Task Countries_list_their_number_types_as_the_specs_subresource_uris()
        {
            using var api = new Api();
            List<JsonElement> countries = Items(await api.Get(Root(api) + "/AvailablePhoneNumbers.json"), "countries");
            Assert.Contains(countries, c => Text(c, "country_code") == "US" && Text(c, "country") == "United States");
            JsonElement gb = countries.Single(c => Text(c, "country_code") == "GB");
            Assert.Equal(Root(api) + "/AvailablePhoneNumbers/GB.json", Text(gb, "uri"));
            var uris = gb.GetProperty("subresource_uris").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            Assert.Equal(new[] { "local", "mobile", "national", "toll_free", "voip" }, uris.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(Root(api) + "/AvailablePhoneNumbers/GB/TollFree.json", uris["toll_free"]);

            // Every type of the spec is sold somewhere, and every subresource URI answers.
            var types = countries.SelectMany(c => c.GetProperty("subresource_uris").EnumerateObject().Select(p => p.Name)).ToHashSet();
            Assert.Equal(ApiCatalog.AvailableNumberTypeNames.Length, types.Count);
            foreach (string uri in countries.SelectMany(c => c.GetProperty("subresource_uris").EnumerateObject().Select(p => p.Value.GetString())))
                Assert.NotEmpty(Items(await api.Get(uri + "?PageSize=1"), "available_phone_numbers"));

            ApiResponse us = await api.Get(Root(api) + "/AvailablePhoneNumbers/US.json");
            Assert.Equal("United States", us.Str("country"));
            AssertError(await api.Get(Root(api) + "/AvailablePhoneNumbers/ZZ.json"), HttpStatusCode.NotFound, 20404);
            // A country without the type has no such subresource.
            AssertError(await api.Get(Search(api, "US", "Mobile")), HttpStatusCode.NotFound, 20404);
        }

        // ---- the inventory --------------------------------------------------------------------------

        [Fact]
        public async Task The_inventory_is_realistic_and_the_same_for_the_same_seed()
        {
            using var api = new Api();
            using var same = new Api();
            using var other = new Api(new EmulatorOptions { AvailableNumberSeed = 7, AvailableNumbersPerType = 20 });
            List<JsonElement> local = await Found(api, "US", "Local");
            Assert.Equal(100, local.Count);
            Assert.Equal(local.Select(Number), (await Found(same, "US", "Local")).Select(Number));
            List<JsonElement> reseeded = await Found(other, "US", "Local");
            Assert.Equal(20, reseeded.Count);
            Assert.NotEqual(local.Take(20).Select(Number), reseeded.Select(Number));

            JsonElement first = local[0];
            Assert.Matches(@"\A\+1[2-9][0-9]{2}[2-9][0-9]{6}\z", Number(first));
            string national = Number(first).Substring(2);
            Assert.Equal($"({national.Substring(0, 3)}) {national.Substring(3, 3)}-{national.Substring(6)}", Text(first, "friendly_name"));
            Assert.Equal("US", Text(first, "iso_country"));
            foreach (string field in new[] { "lata", "locality", "rate_center", "region", "postal_code", "address_requirements" })
                Assert.False(string.IsNullOrEmpty(Text(first, field)), field);
            Assert.Equal(JsonValueKind.Number, first.GetProperty("latitude").ValueKind);
            Assert.True(local.Count(n => n.GetProperty("capabilities").GetProperty("voice").GetBoolean()) > 90);

            JsonElement mobile = (await Found(api, "GB", "Mobile"))[0];
            Assert.Matches(@"\A\+447[0-9]{9}\z", Number(mobile));
            Assert.Equal(Number(mobile), Text(mobile, "friendly_name"));
            Assert.Equal(JsonValueKind.Null, mobile.GetProperty("lata").ValueKind);
        }

        /// <summary>(filter query, the test every number found must pass): the filter finds exactly the unfiltered numbers that pass.</summary>
        public static IEnumerable<object[]> FilterRows() => new[]
        {
            new object[] { "US", "Local", "AreaCode=415", "n.phone_number starts +1415" },
            new object[] { "US", "Local", "Contains=415*******", "contains 415 then 7 digits" },
            new object[] { "US", "Local", "SmsEnabled=false", "no sms" },
            new object[] { "US", "Local", "SmsEnabled=true", "sms" },
            new object[] { "US", "Local", "MmsEnabled=false", "no mms" },
            new object[] { "US", "Local", "FaxEnabled=true", "fax" },
            new object[] { "US", "Local", "VoiceEnabled=false", "no voice" },
            new object[] { "SE", "MachineToMachine", "VoiceEnabled=true", "voice" },
            new object[] { "GB", "Local", "ExcludeAllAddressRequired=true", "address none" },
            new object[] { "DE", "Local", "ExcludeLocalAddressRequired=true", "address not local" },
            new object[] { "SE", "MachineToMachine", "ExcludeForeignAddressRequired=true", "address not foreign" },
            new object[] { "US", "Local", "Beta=false", "not beta" },
            new object[] { "US", "Local", "InRegion=ca", "region CA" },
            new object[] { "US", "Local", "InPostalCode=94612", "postal 94612" },
            new object[] { "US", "Local", "InLata=358", "lata 358" },
            new object[] { "US", "Local", "InLata=722&InRateCenter=SNMATEO", "rate center SNMATEO" },
            new object[] { "GB", "Local", "InLocality=Manchester", "locality Manchester" },
            new object[] { "US", "Local", "NearLatLong=37.7749,-122.4194&Distance=20", "within 20 miles of SF" },
            new object[] { "US", "TollFree", "Contains=8**", "starts 8 anywhere" },
        };

        private static bool Passes(JsonElement n, string rule)
        {
            string number = Number(n);
            switch (rule)
            {
                case "n.phone_number starts +1415": return number.StartsWith("+1415", StringComparison.Ordinal);
                case "contains 415 then 7 digits": return System.Text.RegularExpressions.Regex.IsMatch(number, @"415[0-9]{7}");
                case "no sms": return !Capable(n, "sms");
                case "sms": return Capable(n, "sms");
                case "no mms": return !Capable(n, "mms");
                case "fax": return Capable(n, "fax");
                case "no voice": return !Capable(n, "voice");
                case "voice": return Capable(n, "voice");
                case "address none": return Text(n, "address_requirements") == "none";
                case "address not local": return Text(n, "address_requirements") != "local";
                case "address not foreign": return Text(n, "address_requirements") != "foreign";
                case "not beta": return !n.GetProperty("beta").GetBoolean();
                case "region CA": return Text(n, "region") == "CA";
                case "postal 94612": return Text(n, "postal_code") == "94612";
                case "lata 358": return Text(n, "lata") == "358";
                case "rate center SNMATEO": return Text(n, "rate_center") == "SNMATEO" && Text(n, "lata") == "722";
                case "locality Manchester": return Text(n, "locality") == "Manchester";
                case "within 20 miles of SF": return Miles(n, 37.7749, -122.4194) <= 20;
                case "starts 8 anywhere": return number.Substring(1).Contains('8');
                default: throw new ArgumentException(rule);
            }
        }

        private static double Miles(JsonElement n, double latitude, double longitude)
        {
            double lat = n.GetProperty("latitude").GetDouble(), lon = n.GetProperty("longitude").GetDouble();
            double dLat = (latitude - lat) * Math.PI / 180, dLon = (longitude - lon) * Math.PI / 180;
            double a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat * Math.PI / 180) * Math.Cos(latitude * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2);
            return 2 * 3958.8 * Math.Asin(Math.Sqrt(a));
        }

        [Theory]
        [MemberData(nameof(FilterRows))]
        public async Task Every_search_filter_finds_exactly_the_numbers_that_pass_it(string country, string type, string query, string rule)
        {
            using var api = new Api();
            List<JsonElement> all = await Found(api, country, type);
            List<JsonElement> filtered = await Found(api, country, type, query);
            Assert.NotEmpty(filtered);
            Assert.All(filtered, n => Assert.True(Passes(n, rule), Number(n) + " fails " + rule));
            Assert.Equal(all.Where(n => Passes(n, rule)).Select(Number), filtered.Select(Number));
            Assert.True(filtered.Count < all.Count || rule == "starts 8 anywhere", "the filter left nothing out: " + query);
        }

        [Fact]
        public async Task Letters_match_their_keypad_digits_and_a_leading_plus_anchors_the_pattern()
        {
            using var api = new Api();
            List<JsonElement> all = await Found(api, "US", "Local");
            string wanted = Number(all[3]);
            // The last four digits written as letters: 2=A, 3=D, 4=G, 5=J, 6=M, 7=P, 8=T, 9=W, 0 and 1 stay digits.
            string letters = string.Concat(wanted.Substring(wanted.Length - 4).Select(d => d >= '2' ? "ADGJMPTW"[d - '2'] : d));
            List<JsonElement> found = await Found(api, "US", "Local", "Contains=" + letters);
            Assert.Contains(found, n => Number(n) == wanted);
            Assert.All(found, n => Assert.Contains(wanted.Substring(wanted.Length - 4), Number(n)));

            List<JsonElement> anchored = await Found(api, "US", "Local", "Contains=%2B1512");
            Assert.NotEmpty(anchored);
            Assert.All(anchored, n => Assert.StartsWith("+1512", Number(n)));
            Assert.Equal(all.Count(n => Number(n).StartsWith("+1512", StringComparison.Ordinal)), anchored.Count);
        }

        [Fact]
        public async Task Near_a_number_and_in_the_same_place_as_a_number_use_that_numbers_location()
        {
            using var api = new Api();
            List<JsonElement> all = await Found(api, "US", "Local");
            JsonElement boston = all.First(n => Text(n, "locality") == "Boston");
            double lat = boston.GetProperty("latitude").GetDouble(), lon = boston.GetProperty("longitude").GetDouble();

            List<JsonElement> near = await Found(api, "US", "Local", "NearNumber=" + Uri.EscapeDataString(Number(boston)) + "&Distance=5");
            Assert.Contains(near, n => Number(n) == Number(boston));
            Assert.Equal(all.Where(n => Miles(n, lat, lon) <= 5).Select(Number), near.Select(Number));

            List<JsonElement> sameRegion = await Found(api, "US", "Local", "InRegion=" + Uri.EscapeDataString(Number(boston)));
            Assert.Equal(all.Where(n => Text(n, "region") == "MA").Select(Number), sameRegion.Select(Number));

            // A number of a known area code, not for sale: the area's place.
            List<JsonElement> nearChicago = await Found(api, "US", "Local", "NearNumber=%2B13125550100&Distance=30");
            Assert.NotEmpty(nearChicago);
            Assert.All(nearChicago, n => Assert.Equal("Chicago", Text(n, "locality")));
        }

        [Theory]
        [InlineData("Contains=1")]
        [InlineData("Contains=****")]
        [InlineData("Contains=41-5")]
        [InlineData("AreaCode=41")]
        [InlineData("SmsEnabled=yes")]
        [InlineData("NearLatLong=north")]
        [InlineData("Distance=501&NearLatLong=37.7,-122.4")]
        [InlineData("InRateCenter=SNMATEO")]
        public async Task A_bad_filter_is_a_400_that_names_it(string query)
        {
            using var api = new Api();
            ApiResponse r = await api.Get(Search(api, "US", "Local", query));
            Assert.True(r.Status == HttpStatusCode.BadRequest, r.Body);
            Assert.Contains(query.Split('=')[0], r.Str("message"));
        }

        [Fact]
        public async Task A_search_returns_one_page_of_at_most_PageSize_numbers()
        {
            using var api = new Api();
            ApiResponse r = await api.Get(Root(api) + "/AvailablePhoneNumbers/US/Local.json?PageSize=7");
            Assert.Equal(7, Items(r, "available_phone_numbers").Count);
            Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("next_page_uri").ValueKind);
            Assert.Equal(50, Items(await api.Get(Root(api) + "/AvailablePhoneNumbers/US/Local.json"), "available_phone_numbers").Count);
        }

        // ---- buying and releasing -------------------------------------------------------------------

        [Fact]
        public async Task Buying_moves_a_number_out_of_the_inventory_and_releasing_puts_it_back()
        {
            using var api = new Api();
            JsonElement offered = (await Found(api, "US", "Local", "AreaCode=808"))[0];
            int before = api.Emulator.AvailablePhoneNumberCount("US", "Local");

            ApiResponse bought = await Buy(api, "PhoneNumber", Number(offered), "VoiceUrl", "https://example.com/voice.xml", "FriendlyName", "Hilo");
            string sid = bought.Str("sid");
            Assert.Matches(@"\APN[0-9a-f]{32}\z", sid);
            Assert.Equal(Number(offered), bought.Str("phone_number"));
            Assert.Equal("Hilo", bought.Str("friendly_name"));
            Assert.Equal("https://example.com/voice.xml", bought.Str("voice_url"));
            Assert.Equal(api.AccountSid, bought.Str("account_sid"));
            Assert.Equal(NumberPath(api, sid), bought.Str("uri"));
            Assert.Equal("twilio", bought.Str("origin"));
            Assert.Equal("in-use", bought.Str("status"));
            Assert.Equal(offered.GetProperty("capabilities").GetProperty("sms").GetBoolean(), bought.Json.GetProperty("capabilities").GetProperty("sms").GetBoolean());
            Assert.Equal(before - 1, api.Emulator.AvailablePhoneNumberCount("US", "Local"));
            Assert.DoesNotContain(await Found(api, "US", "Local", "AreaCode=808"), n => Number(n) == Number(offered));
            Assert.Equal(sid, Items(await api.Get(Numbers(api)), "incoming_phone_numbers").Single().GetProperty("sid").GetString());

            // Twilio's 21422: the number is no longer for sale.
            AssertError(await api.Post(Numbers(api), "PhoneNumber", Number(offered)), HttpStatusCode.BadRequest, 21422);

            ApiResponse released = await api.Delete(NumberPath(api, sid));
            Assert.Equal(HttpStatusCode.NoContent, released.Status);
            AssertError(await api.Get(NumberPath(api, sid)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(before, api.Emulator.AvailablePhoneNumberCount("US", "Local"));
            Assert.Equal(Number(offered), Number((await Found(api, "US", "Local", "AreaCode=808"))[0]));   // back in its old place
            Assert.Empty(Items(await api.Get(Numbers(api)), "incoming_phone_numbers"));
        }

        [Fact]
        public async Task Buying_by_area_code_takes_a_number_there_or_answers_Twilios_21451_and_21452()
        {
            using var api = new Api();
            ApiResponse bought = await Buy(api, "AreaCode", "512");
            Assert.StartsWith("+1512", bought.Str("phone_number"));
            Assert.Equal("(512) ", bought.Str("friendly_name").Substring(0, 6));

            AssertError(await api.Post(Numbers(api), "AreaCode", "999"), HttpStatusCode.BadRequest, 21452);
            AssertError(await api.Post(Numbers(api), "AreaCode", "12"), HttpStatusCode.BadRequest, 21451);
            AssertError(await api.Post(Numbers(api), "PhoneNumber", "+15005550000"), HttpStatusCode.BadRequest, 21422);
            AssertError(await api.Post(Numbers(api), "PhoneNumber", "415-555-0100"), HttpStatusCode.BadRequest, 21421);
            Assert.Equal(HttpStatusCode.BadRequest, (await api.Post(Numbers(api), "FriendlyName", "no number")).Status);

            // A bad setting is refused before the number is taken.
            string offered = Number((await Found(api, "US", "Local", "AreaCode=206"))[0]);
            Assert.Equal(HttpStatusCode.BadRequest, (await api.Post(Numbers(api), "PhoneNumber", offered, "VoiceMethod", "PUT")).Status);
            Assert.Contains(await Found(api, "US", "Local", "AreaCode=206"), n => Number(n) == offered);
        }

        [Fact]
        public async Task The_per_type_paths_buy_and_list_numbers_of_their_type_only()
        {
            using var api = new Api();
            string local = Number((await Found(api, "US", "Local"))[0]);
            string tollFree = Number((await Found(api, "US", "TollFree"))[0]);
            string mobile = Number((await Found(api, "GB", "Mobile"))[0]);
            AssertError(await api.Post(Root(api) + "/IncomingPhoneNumbers/Local.json", "PhoneNumber", tollFree), HttpStatusCode.BadRequest, 21422);
            Assert.Equal(HttpStatusCode.Created, (await api.Post(Root(api) + "/IncomingPhoneNumbers/Local.json", "PhoneNumber", local)).Status);
            Assert.Equal(HttpStatusCode.Created, (await api.Post(Root(api) + "/IncomingPhoneNumbers/TollFree.json", "PhoneNumber", tollFree)).Status);
            Assert.Equal(HttpStatusCode.Created, (await api.Post(Root(api) + "/IncomingPhoneNumbers/Mobile.json", "PhoneNumber", mobile)).Status);

            foreach ((string type, string number) in new[] { ("Local", local), ("TollFree", tollFree), ("Mobile", mobile) })
            {
                ApiResponse list = await api.Get(Root(api) + "/IncomingPhoneNumbers/" + type + ".json");
                Assert.Equal(new[] { number }, Items(list, "incoming_phone_numbers").Select(Number));
                Assert.StartsWith(Root(api) + "/IncomingPhoneNumbers/" + type + ".json", list.Str("uri"));
            }
            Assert.Equal(3, Items(await api.Get(Numbers(api)), "incoming_phone_numbers").Count);
        }

        [Fact]
        public async Task The_list_filters_by_partial_number_name_and_beta()
        {
            using var api = new Api();
            await Buy(api, "AreaCode", "415", "FriendlyName", "sales");
            await Buy(api, "AreaCode", "312", "FriendlyName", "support");
            List<string> Listed(ApiResponse r) => Items(r, "incoming_phone_numbers").Select(Number).ToList();
            Assert.All(Listed(await api.Get(Numbers(api) + "?PhoneNumber=%2B1415")), n => Assert.StartsWith("+1415", n));
            Assert.Single(Listed(await api.Get(Numbers(api) + "?PhoneNumber=%2B1415")));
            Assert.Single(Listed(await api.Get(Numbers(api) + "?PhoneNumber=312*")));
            Assert.Equal(2, Listed(await api.Get(Numbers(api) + "?Origin=twilio")).Count);
            Assert.Single(Listed(await api.Get(Numbers(api) + "?FriendlyName=support")));
            Assert.Equal(HttpStatusCode.BadRequest, (await api.Get(Numbers(api) + "?PhoneNumber=abc")).Status);
        }

        // ---- moving between accounts ----------------------------------------------------------------

        [Fact]
        public async Task A_number_moves_to_a_subaccount_of_the_same_main_account_only()
        {
            using var api = new Api();
            string paris = api.Emulator.CreateSubaccount("EU-Paris");
            string berlin = api.Emulator.CreateSubaccount("EU-Berlin");
            string sid = (await Buy(api, "AreaCode", "617", "VoiceUrl", "https://example.com/voice.xml")).Str("sid");

            ApiResponse moved = await api.Post(NumberPath(api, sid), "AccountSid", paris);
            Assert.True(moved.Status == HttpStatusCode.OK, moved.Body);
            Assert.Equal(paris, moved.Str("account_sid"));
            Assert.Equal(NumberPath(api, sid, paris), moved.Str("uri"));
            Assert.Equal("https://example.com/voice.xml", moved.Str("voice_url"));
            AssertError(await api.Get(NumberPath(api, sid)), HttpStatusCode.NotFound, 20404);
            Assert.Equal(paris, (await api.Get(NumberPath(api, sid, paris))).Str("account_sid"));
            Assert.Empty(Items(await api.Get(Numbers(api)), "incoming_phone_numbers"));
            Assert.Single(Items(await api.Get(Numbers(api, paris)), "incoming_phone_numbers"));

            // A subaccount's own credential cannot hand its number to a sibling.
            using Api asParis = api.As(paris, api.Emulator.GetAuthToken(paris));
            AssertError(await asParis.Post(NumberPath(api, sid, paris), "AccountSid", berlin), HttpStatusCode.BadRequest, 20001);
            // An account outside the family (here: none at all) is refused.
            AssertError(await api.Post(NumberPath(api, sid, paris), "AccountSid", "AC" + new string('1', 32)), HttpStatusCode.BadRequest, 20001);
            // The main account's credential moves it on, and back home.
            Assert.Equal(berlin, (await api.Post(NumberPath(api, sid, paris), "AccountSid", berlin)).Str("account_sid"));
            Assert.Equal(api.AccountSid, (await api.Post(NumberPath(api, sid, berlin), "AccountSid", api.AccountSid)).Str("account_sid"));
        }

        [Fact]
        public async Task Closing_a_subaccount_releases_its_numbers()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("closing");
            string number = Number((await Found(api, "US", "Local", "AreaCode=650"))[0]);
            Assert.Equal(HttpStatusCode.Created, (await api.Post(Numbers(api, sub), "PhoneNumber", number)).Status);
            await Buy(api, "AreaCode", "650");
            Assert.Equal(98, api.Emulator.AvailablePhoneNumberCount("US", "Local"));

            Assert.Equal(HttpStatusCode.OK, (await api.Post("/2010-04-01/Accounts/" + sub + ".json", "Status", "suspended")).Status);
            Assert.Equal(98, api.Emulator.AvailablePhoneNumberCount("US", "Local"));
            Assert.Equal(HttpStatusCode.OK, (await api.Post("/2010-04-01/Accounts/" + sub + ".json", "Status", "closed")).Status);
            Assert.Equal(99, api.Emulator.AvailablePhoneNumberCount("US", "Local"));
            Assert.Contains(await Found(api, "US", "Local", "AreaCode=650"), n => Number(n) == number);
            Assert.Single(Items(await api.Get(Numbers(api)), "incoming_phone_numbers"));   // the main account keeps its own
        }

        // ---- applications ---------------------------------------------------------------------------

        [Fact]
        public async Task An_application_on_a_number_must_exist_in_the_account_that_owns_it()
        {
            using var api = new Api();
            string sub = api.Emulator.CreateSubaccount("EU");
            string app = (await api.Post(Root(api) + "/Applications.json", "FriendlyName", "IVR")).Str("sid");
            string subApp = (await api.Post(Root(api, sub) + "/Applications.json", "FriendlyName", "EU IVR")).Str("sid");
            string missing = "AP" + new string('a', 32);

            ApiResponse refused = await api.Post(Numbers(api), "AreaCode", "305", "SmsApplicationSid", missing);
            AssertError(refused, HttpStatusCode.NotFound, 20404);
            Assert.Contains("/Applications/" + missing + ".json", refused.Str("message"));
            Assert.Equal(100, api.Emulator.AvailablePhoneNumberCount("US", "Local"));   // nothing was bought

            string sid = (await Buy(api, "AreaCode", "305", "TrunkSid", "TK" + new string('b', 32))).Str("sid");
            ApiResponse pointed = await api.Post(NumberPath(api, sid), "VoiceApplicationSid", app);
            Assert.True(pointed.Status == HttpStatusCode.OK, pointed.Body);
            Assert.Equal(app, pointed.Str("voice_application_sid"));
            Assert.Null(pointed.Str("trunk_sid"));   // an application and a trunk exclude each other

            // Another account's application is not this account's.
            AssertError(await api.Post(NumberPath(api, sid), "VoiceApplicationSid", subApp), HttpStatusCode.NotFound, 20404);
            // Moving with an application: it is looked up in the destination.
            AssertError(await api.Post(NumberPath(api, sid), "AccountSid", sub, "VoiceApplicationSid", app), HttpStatusCode.NotFound, 20404);
            ApiResponse moved = await api.Post(NumberPath(api, sid), "AccountSid", sub, "VoiceApplicationSid", subApp);
            Assert.True(moved.Status == HttpStatusCode.OK, moved.Body);
            Assert.Equal(subApp, moved.Str("voice_application_sid"));
            // An empty value clears it.
            Assert.Null((await api.Post(NumberPath(api, sid, sub), "VoiceApplicationSid", "")).Str("voice_application_sid"));
        }
    }
}
