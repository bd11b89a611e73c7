using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Catalog;
using TwilioPS.Client;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Client
{
    public class PagerTests
    {
        private static TwilioHttp Http(StubHandler stub, string baseUri = "http://127.0.0.1:9") =>
            new TwilioHttp(() => new HttpClient(stub, disposeHandler: false), new Uri(baseUri));

        private static string PageJson(string next, params string[] sids) =>
            "{\"calls\":[" + string.Join(",", sids.Select(s => "{\"sid\":\"" + s + "\"}")) + "],\"next_page_uri\":" + (next == null ? "null" : "\"" + next + "\"") + "}";

        [Fact]
        public async Task Stops_when_a_stand_in_links_a_page_to_itself()
        {
            // Prism's static mock answers every page with the same example, whose next_page_uri never changes.
            var stub = new StubHandler((_, n) => StubHandler.Json(200, PageJson("/2010-04-01/Accounts/AC1/Calls.json?Page=1", "CA1", "CA2")));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 50);
            int pages = 0;
            while (await pager.NextAsync(CancellationToken.None) != null) pages++;
            Assert.Equal(2, pages);
            Assert.Equal(2, stub.Count);
        }

        [Fact]
        public async Task Follows_next_page_uri_on_the_same_host_under_a_path_prefix()
        {
            var stub = new StubHandler((request, n) => StubHandler.Json(200, n == 0
                ? PageJson("/2010-04-01/Accounts/AC1/Calls.json?PageSize=1&PageToken=PA2", "CA1")
                : PageJson(null, "CA2")));
            var api = new ResourceApi<TwilioCall>(Http(stub, "https://proxy.example.com/twilio/"), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), new FormBuilder().Add("Status", "busy"), 1);
            TwilioPage<TwilioCall> first = await pager.NextAsync(CancellationToken.None);
            TwilioPage<TwilioCall> second = await pager.NextAsync(CancellationToken.None);
            Assert.Null(await pager.NextAsync(CancellationToken.None));
            Assert.Equal("CA1", first.Records.Single().Sid);
            Assert.Equal("CA2", second.Records.Single().Sid);
            Assert.Equal(new[]
            {
                "GET /twilio/2010-04-01/Accounts/AC1/Calls.json?PageSize=1&Status=busy",
                "GET /twilio/2010-04-01/Accounts/AC1/Calls.json?PageSize=1&PageToken=PA2",
            }, stub.Requests);
        }

        [Theory]
        [InlineData("{\"calls\":[],\"next_page_uri\":\"/a?PageToken=PA1\"}", "/a?PageToken=PA1")]
        [InlineData("{\"calls\":[] , \"next_page_uri\" :\n \"/a?x=1\\u0026y=2\" ,\"page\":1}", "/a?x=1&y=2")]
        [InlineData("{\"next_page_uri\":null,\"calls\":[]}", null)]
        [InlineData("{\"next_page_uri\":\"\",\"calls\":[]}", null)]
        [InlineData("{\"calls\":[]}", null)]
        [InlineData("{\"calls\":[{\"next_page_uri\":\"/nested\"}],\"next_page_uri\":\"/top\"}", null)]
        public void The_quick_look_finds_only_an_unambiguous_next_page(string json, string expected)
        {
            Assert.Equal(expected, PageIndex.FindNextPageUri(System.Text.Encoding.UTF8.GetBytes(json)));
        }

        [Fact]
        public async Task An_ambiguous_body_is_followed_by_its_parsed_next_page()
        {
            // A record carrying a next_page_uri of its own: the quick look declines, the parse decides.
            var stub = new StubHandler((_, n) => StubHandler.Json(200, n == 0
                ? "{\"calls\":[{\"sid\":\"CA1\",\"next_page_uri\":\"/decoy\"}],\"next_page_uri\":\"/2010-04-01/Accounts/AC1/Calls.json?PageToken=PA2\"}"
                : PageJson(null, "CA2")));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 1);
            var sids = new System.Collections.Generic.List<string>();
            for (TwilioPage<TwilioCall> page; (page = await pager.NextAsync(CancellationToken.None)) != null;)
                sids.AddRange(page.Records.Select(c => c.Sid));
            Assert.Equal(new[] { "CA1", "CA2" }, sids);
            Assert.DoesNotContain(stub.Requests, r => r.Contains("decoy"));
        }

        [Fact]
        public async Task A_page_parses_each_record_as_it_is_reached_and_keeps_none()
        {
            // Records that live only until the caller moves on are collected young; a page that held
            // them all kept megabytes alive across every collection of a long listing.
            var stub = new StubHandler((_, n) => StubHandler.Json(200, PageJson(null, "CA1", "CA2", "CA3")));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 3);
            using TwilioPage<TwilioCall> page = await pager.NextAsync(CancellationToken.None);
            Assert.Equal(3, page.Count);
            using System.Collections.Generic.IEnumerator<TwilioCall> records = page.GetEnumerator();
            WeakReference first = Advance(records, "CA1");
            Advance(records, "CA2");
            Advance(records, "CA3");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.False(first.IsAlive);
            Assert.False(records.MoveNext());
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static WeakReference Advance(System.Collections.Generic.IEnumerator<TwilioCall> records, string expectedSid)
        {
            Assert.True(records.MoveNext());
            Assert.Equal(expectedSid, records.Current.Sid);
            return new WeakReference(records.Current);
        }

        [Fact]
        public async Task A_record_that_is_not_a_call_fails_when_reached_after_those_before_it()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(200, "{\"calls\":[{\"sid\":\"CA1\"},{\"sid\":5}],\"next_page_uri\":null}"));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 2);
            using TwilioPage<TwilioCall> page = await pager.NextAsync(CancellationToken.None);
            using System.Collections.Generic.IEnumerator<TwilioCall> records = page.GetEnumerator();
            Assert.True(records.MoveNext());
            Assert.Equal("CA1", records.Current.Sid);
            TwilioProtocolException e = Assert.Throws<TwilioProtocolException>(() => records.MoveNext());
            Assert.Contains("not the JSON the Twilio API sends", e.Message);
        }

        [Fact]
        public async Task A_broken_envelope_fails_before_any_record_is_handed_out()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(200, "{\"calls\":[{\"sid\":\"CA1\"},{\"sid\":"));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 2);
            await Assert.ThrowsAsync<TwilioProtocolException>(() => pager.NextAsync(CancellationToken.None));
        }

        [Fact]
        public async Task A_disposed_page_has_returned_its_body_but_keeps_records_already_listed()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(200, PageJson(null, "CA1", "CA2")));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 2);
            TwilioPage<TwilioCall> listed = await pager.NextAsync(CancellationToken.None);
            Assert.Equal(2, listed.Records.Count);
            listed.Dispose();
            Assert.Equal(new[] { "CA1", "CA2" }, listed.Select(c => c.Sid));

            using TwilioPager<TwilioCall> second = api.List(ResourcePath.ForAccount("AC1"), null, 2);
            TwilioPage<TwilioCall> streamed = await second.NextAsync(CancellationToken.None);
            streamed.Dispose();
            Assert.Throws<ObjectDisposedException>(() => streamed.First());
        }

        [Fact]
        public async Task Look_ahead_is_bounded_while_the_caller_is_busy()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(200, PageJson("/2010-04-01/Accounts/AC1/Calls.json?PageToken=PA" + (n + 1), "CA" + n)));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 1);
            await pager.NextAsync(CancellationToken.None);
            // A slow consumer: the chain reads ahead up to the look-ahead, then waits instead of reading the endless list.
            int expected = 1 + TwilioPager<TwilioCall>.Lookahead;
            for (int i = 0; i < 200 && stub.Count < expected; i++) await Task.Delay(25);
            await Task.Delay(200);
            Assert.Equal(expected, stub.Count);
        }

        [Fact]
        public void Never_sends_a_request_to_another_host()
        {
            TwilioHttp http = Http(new StubHandler((_, n) => StubHandler.Json(200, "{}")), "http://127.0.0.1:4010");
            Assert.Equal("http://127.0.0.1:4010/2010-04-01/x.json", http.Resolve("http://127.0.0.1:4010/2010-04-01/x.json").ToString());
            // An API path echoed on another host is read from the connection's own host, never from there.
            Assert.Equal("http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Calls.json?Page=1",
                http.Resolve("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json?Page=1").ToString());
            Assert.Equal("http://127.0.0.1:4010/2010-04-01/x.json", http.Resolve("http://127.0.0.1:4011/2010-04-01/x.json").ToString());
            Assert.Throws<TwilioProtocolException>(() => http.Resolve("https://evil.example.com/collect?token=1"));
        }

        [Fact]
        public async Task Record_limit_stops_prefetching()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(200, PageJson("/next" + (n + 1), "CA" + n)));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            using TwilioPager<TwilioCall> pager = api.List(ResourcePath.ForAccount("AC1"), null, 1);
            pager.RecordLimit = 3;
            int pages = 0;
            while (await pager.NextAsync(CancellationToken.None) != null) pages++;
            Assert.Equal(3, pages);
            Assert.Equal(3, stub.Count);
        }

        [Fact]
        public async Task Errors_carry_Twilios_code_message_and_link()
        {
            var stub = new StubHandler((_, n) => StubHandler.Json(400,
                "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));
            var api = new ResourceApi<TwilioCall>(Http(stub), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            TwilioApiException e = await Assert.ThrowsAsync<TwilioApiException>(() => api.CreateAsync(ResourcePath.ForAccount("AC1"), new FormBuilder(), CancellationToken.None));
            Assert.Equal(21211, e.Code);
            Assert.Equal(400, (int)e.Status);
            Assert.Equal("Invalid 'To' Phone Number", e.TwilioMessage);
            Assert.Equal("https://www.twilio.com/docs/errors/21211", e.MoreInfo);
            Assert.Equal("POST", e.Method);
        }

        [Fact]
        public async Task Validation_lists_and_non_JSON_errors_are_kept_readable()
        {
            var prism = new StubHandler((_, n) => StubHandler.Json(422,
                "{\"type\":\"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY\",\"title\":\"Invalid request\",\"status\":422,\"detail\":\"x\",\"validation\":[{\"location\":[\"body\",\"To\"],\"message\":\"must be string\"}]}"));
            var api = new ResourceApi<TwilioCall>(Http(prism), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            TwilioApiException e = await Assert.ThrowsAsync<TwilioApiException>(() => api.FetchAsync(ResourcePath.ForAccount("AC1").Sid("CA1"), CancellationToken.None));
            Assert.Equal(422, (int)e.Status);
            Assert.Contains("must be string", e.Details);

            var html = new StubHandler((_, n) => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy down</html>") });
            api = new ResourceApi<TwilioCall>(Http(html), ApiCatalog.Calls, TwilioJsonContext.Default.TwilioCall);
            e = await Assert.ThrowsAsync<TwilioApiException>(() => api.FetchAsync(ResourcePath.ForAccount("AC1").Sid("CA1"), CancellationToken.None));
            Assert.Null(e.Code);
            Assert.Contains("proxy down", e.Message);
        }
    }
}
