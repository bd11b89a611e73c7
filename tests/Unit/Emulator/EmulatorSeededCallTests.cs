using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// Seeded calls share their strings (a clientele of customers, one PhoneNumberSid per number of ours)
    /// and derive their URIs when rendered; what a client reads must still hang together.
    /// </summary>
    public class EmulatorSeededCallTests
    {
        private static async Task<List<JsonElement>> SeededCalls(int count)
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = count);
            ApiResponse page = await api.Get(api.CallsPath + "?PageSize=1000");
            return page.Json.GetProperty("calls").EnumerateArray().ToList();
        }

        private static string Str(JsonElement e, string name) =>
            e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

        [Fact]
        public async Task Each_number_of_ours_has_one_phone_number_sid_and_only_inbound_calls_carry_it()
        {
            List<JsonElement> calls = await SeededCalls(1000);
            List<JsonElement> inbound = calls.Where(c => Str(c, "direction") == "inbound").ToList();
            Assert.NotEmpty(inbound);
            foreach (IGrouping<string, JsonElement> number in inbound.GroupBy(c => Str(c, "to")))
            {
                string[] sids = number.Select(c => Str(c, "phone_number_sid")).Distinct().ToArray();
                Assert.Single(sids);
                Assert.Matches("^PN[0-9a-f]{32}$", sids[0]);
            }
            Assert.Equal(inbound.Select(c => Str(c, "to")).Distinct().Count(), inbound.Select(c => Str(c, "phone_number_sid")).Distinct().Count());
            Assert.All(calls.Where(c => Str(c, "direction") != "inbound"), c => Assert.Null(Str(c, "phone_number_sid")));
        }

        [Fact]
        public async Task A_dialled_leg_comes_from_the_number_its_parent_called()
        {
            List<JsonElement> calls = await SeededCalls(1000);
            Dictionary<string, JsonElement> bySid = calls.ToDictionary(c => Str(c, "sid"));
            List<JsonElement> legs = calls.Where(c => Str(c, "direction") == "outbound-dial" && bySid.ContainsKey(Str(c, "parent_call_sid"))).ToList();
            Assert.NotEmpty(legs);
            foreach (JsonElement leg in legs)
            {
                JsonElement parent = bySid[Str(leg, "parent_call_sid")];
                Assert.Equal("inbound", Str(parent, "direction"));
                Assert.Equal(Str(parent, "to"), Str(leg, "from"));
                Assert.Equal(Str(parent, "to_formatted"), Str(leg, "from_formatted"));
            }
        }

        [Fact]
        public async Task Customers_repeat_but_are_many_and_formatted_as_NANP()
        {
            List<JsonElement> calls = await SeededCalls(1000);
            var parties = calls.SelectMany(c => new[] { (Str(c, "to"), Str(c, "to_formatted")), (Str(c, "from"), Str(c, "from_formatted")) }).ToList();
            foreach ((string number, string formatted) in parties.Where(p => p.Item1.StartsWith("+1")))
                Assert.Equal("(" + number.Substring(2, 3) + ") " + number.Substring(5, 3) + "-" + number.Substring(8, 4), formatted);
            foreach ((string endpoint, string formatted) in parties.Where(p => !p.Item1.StartsWith("+")))
                Assert.Equal(endpoint, formatted);
            // A thousand calls of a clientele of thousands: hundreds of distinct customers, not three.
            Assert.True(parties.Select(p => p.Item1).Distinct().Count() > 300);
        }
    }
}
