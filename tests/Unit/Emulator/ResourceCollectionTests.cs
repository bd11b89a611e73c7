using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's generic resource collection (fetch, list with declared filters and paging, delete,
    /// 404s, subaccount scoping), driven through recordings and their transcriptions, whose list, fetch
    /// and delete are declarations on it: equality and date filters, a parent in the route, a refusal.
    /// </summary>
    public class ResourceCollectionTests
    {
        private static List<JsonElement> Items(ApiResponse r, string key = "recordings") => r.Json.GetProperty(key).EnumerateArray().ToList();

        private static string Sid(JsonElement e) => e.GetProperty("sid").GetString();

        private static DateTimeOffset Created(JsonElement e) =>
            DateTimeOffset.ParseExact(e.GetProperty("date_created").GetString(), "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);

        private static async Task<List<JsonElement>> All(Api api, string path, string key = "recordings")
        {
            var all = new List<JsonElement>();
            for (string next = path; next != null;)
            {
                ApiResponse page = await api.Get(next);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                all.AddRange(Items(page, key));
                next = page.Str("next_page_uri");
            }
            return all;
        }

        [Fact]
        public async Task Paging_follows_next_page_uri_newest_first_without_gaps_or_repeats()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.SeedRecordings(23);
            ApiResponse first = await api.Get(api.RecordingsPath + "?PageSize=10");
            Assert.Equal(10, Items(first).Count);
            Assert.Equal(0, first.Int("page"));
            Assert.Equal(10, first.Int("page_size"));
            Assert.Null(first.Str("previous_page_uri"));
            string next = first.Str("next_page_uri");
            Assert.StartsWith(api.RecordingsPath + "?PageSize=10&Page=1&PageToken=PA", next);
            Assert.EndsWith(Sid(Items(first).Last()), next);

            List<JsonElement> all = await All(api, api.RecordingsPath + "?PageSize=10");
            Assert.Equal(23, all.Count);
            Assert.Equal(23, all.Select(Sid).Distinct().Count());
            List<DateTimeOffset> created = all.Select(Created).ToList();
            Assert.Equal(created.OrderByDescending(d => d).ToList(), created);

            ApiResponse last = await api.Get(api.RecordingsPath + "?PageSize=10&Page=2&PageToken=PA" + Sid(all[19]));
            Assert.Equal(3, Items(last).Count);
            Assert.Null(last.Str("next_page_uri"));
            Assert.Equal(20, last.Int("start"));
            Assert.Equal(22, last.Int("end"));
        }

        [Fact]
        public async Task Date_filters_mean_that_UTC_day_on_or_before_and_on_or_after()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.SeedRecordings(60);
            List<JsonElement> all = await All(api, api.RecordingsPath + "?PageSize=1000");
            DateTimeOffset pivot = Created(all[all.Count / 2]);
            string day = pivot.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string instant = pivot.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            // date_created shows whole seconds of a finer instant: "on or before" the next second covers the pivot's second.
            string nextSecond = pivot.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

            List<JsonElement> onDay = await All(api, api.RecordingsPath + "?PageSize=1000&DateCreated=" + day);
            Assert.Equal(all.Count(e => Created(e).UtcDateTime.Date == pivot.UtcDateTime.Date), onDay.Count);
            Assert.NotEmpty(onDay);

            List<JsonElement> before = await All(api, api.RecordingsPath + "?PageSize=1000&DateCreated%3C=" + Uri.EscapeDataString(nextSecond));
            List<JsonElement> after = await All(api, api.RecordingsPath + "?PageSize=1000&DateCreated%3E=" + Uri.EscapeDataString(instant));
            Assert.Equal(all.Count(e => Created(e) <= pivot), before.Count);
            Assert.Equal(all.Count(e => Created(e) >= pivot), after.Count);
            Assert.Contains(before, e => Sid(e) == Sid(all[all.Count / 2]));
            Assert.Contains(after, e => Sid(e) == Sid(all[all.Count / 2]));

            ApiResponse bad = await api.Get(api.RecordingsPath + "?DateCreated=yesterday");
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            Assert.Equal(20001, bad.Int("code"));
        }

        [Fact]
        public async Task Equality_filters_and_the_routes_parent_select_the_same_records_and_carry_into_page_uris()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.SeedRecordings(5);
            List<JsonElement> all = await All(api, api.RecordingsPath);
            string callSid = all[2].GetProperty("call_sid").GetString();

            ApiResponse byQuery = await api.Get(api.RecordingsPath + "?CallSid=" + callSid);
            ApiResponse byRoute = await api.Get(api.CallRecordingsPath(callSid));
            Assert.Equal(new[] { Sid(all[2]) }, Items(byQuery).Select(Sid));
            Assert.Equal(new[] { Sid(all[2]) }, Items(byRoute).Select(Sid));
            Assert.Equal(api.RecordingsPath + "?CallSid=" + callSid + "&PageSize=50&Page=0", byQuery.Str("first_page_uri"));

            // A recording is reached under its own call only.
            string otherCall = all[0].GetProperty("call_sid").GetString();
            Assert.Equal(HttpStatusCode.OK, (await api.Get(api.CallRecordingPath(callSid, Sid(all[2])))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get(api.CallRecordingPath(otherCall, Sid(all[2])))).Status);
            // A parent that does not exist is a 404, not an empty page.
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get(api.CallRecordingsPath("CA" + new string('0', 32)))).Status);
        }

        [Fact]
        public async Task Fetch_and_delete_of_an_unknown_or_deleted_record_answer_404_20404()
        {
            using var api = Api.WithClock(out _);
            api.Emulator.SeedRecordings(2, transcribed: true);
            string transcriptions = "/2010-04-01/Accounts/" + api.AccountSid + "/Transcriptions";
            string sid = Sid(Items(await api.Get(transcriptions + ".json"), "transcriptions")[0]);

            ApiResponse unknown = await api.Get(transcriptions + "/TR" + new string('0', 32) + ".json");
            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            Assert.Equal(20404, unknown.Int("code"));
            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(transcriptions + "/" + sid + ".json")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get(transcriptions + "/" + sid + ".json")).Status);
            ApiResponse again = await api.Delete(transcriptions + "/" + sid + ".json");
            Assert.Equal(HttpStatusCode.NotFound, again.Status);
            Assert.Equal(20404, again.Int("code"));
            Assert.Single(Items(await api.Get(transcriptions + ".json"), "transcriptions"));
        }

        [Fact]
        public async Task A_subaccount_sees_only_its_own_records()
        {
            using var api = Api.WithClock(out _);
            string sub = api.Emulator.CreateSubaccount("Support");
            api.Emulator.SeedRecordings(3);
            api.Emulator.SeedRecordings(2, sub);
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            string subRecordings = "/2010-04-01/Accounts/" + sub + "/Recordings.json";

            List<JsonElement> mine = await All(api, api.RecordingsPath);
            List<JsonElement> theirs = await All(subApi, subRecordings);
            Assert.Equal(3, mine.Count);
            Assert.Equal(2, theirs.Count);
            Assert.All(theirs, e => Assert.Equal(sub, e.GetProperty("account_sid").GetString()));
            Assert.Empty(mine.Select(Sid).Intersect(theirs.Select(Sid)));

            // The subaccount's record is not reachable through the main account's path, nor the reverse.
            Assert.Equal(HttpStatusCode.NotFound, (await api.Get(api.RecordingPath(Sid(theirs[0])))).Status);
            Assert.Equal(HttpStatusCode.NotFound,
                (await subApi.Get("/2010-04-01/Accounts/" + sub + "/Recordings/" + Sid(mine[0]) + ".json")).Status);
            Assert.Equal(HttpStatusCode.NotFound,
                (await subApi.Delete("/2010-04-01/Accounts/" + sub + "/Recordings/" + Sid(mine[0]) + ".json")).Status);
            Assert.Equal(3, (await All(api, api.RecordingsPath)).Count);
        }
    }
}
