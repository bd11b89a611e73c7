using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using TwilioPS.Tests.Spec;
using Xunit;
using static TwilioPS.Tests.Emulator.EmulatorMessageTests;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>A message's media (records, content, list, delete) and feedback, on the emulator.</summary>
    public class EmulatorMessageMediaTests
    {
        private static string MediaPath(Api api, string message, string sid = null, string extension = ".json") =>
            "/2010-04-01/Accounts/" + api.AccountSid + "/Messages/" + message + "/Media" + (sid == null ? ".json" : "/" + sid + extension);

        private static string FeedbackPath(Api api, string message, string account = null) =>
            "/2010-04-01/Accounts/" + (account ?? api.AccountSid) + "/Messages/" + message + "/Feedback.json";

        private static List<JsonElement> Items(ApiResponse r) => r.Json.GetProperty("media_list").EnumerateArray().ToList();

        [Theory]
        [InlineData("https://example.com/a.jpg", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
        [InlineData("https://example.com/a.JPEG?size=large", "image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF })]
        [InlineData("https://example.com/a.png", "image/png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
        [InlineData("https://example.com/a.gif", "image/gif", new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8' })]
        [InlineData("https://example.com/a.pdf", "application/pdf", new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' })]
        [InlineData("https://example.com/a.mp4", "video/mp4", new byte[] { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p' })]
        [InlineData("https://example.com/a.vcf", "text/vcard", new byte[] { (byte)'B', (byte)'E', (byte)'G', (byte)'I', (byte)'N' })]
        [InlineData("https://example.com/download", "application/octet-stream", new byte[0])]
        public async Task Each_MediaUrl_becomes_a_record_whose_content_has_its_type(string url, string contentType, byte[] magic)
        {
            using var api = Api.WithClock(out _);
            ApiResponse message = await Send(api, "MediaUrl", url);
            Assert.Matches("^MM[0-9a-f]{32}$", message.Str("sid"));
            Assert.Equal("1", message.Str("num_media"));
            JsonElement media = Items(await api.Get(MediaPath(api, message.Str("sid")))).Single();
            Assert.Equal(contentType, media.GetProperty("content_type").GetString());

            (System.Net.Http.HttpResponseMessage response, byte[] body) = await api.GetBytes(MediaPath(api, message.Str("sid"), media.GetProperty("sid").GetString(), ""));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType.MediaType);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.True(body.Length > 0);
            Assert.Equal(magic, body.Take(magic.Length));
        }

        [Fact]
        public async Task Media_records_render_every_field_of_the_spec_and_are_fetched_listed_and_deleted()
        {
            using var api = Api.WithClock(out ManualClock clock);
            string message = (await Send(api, "Body", "two pictures", "MediaUrl", "https://example.com/a.png", "MediaUrl", "https://example.com/b.gif")).Str("sid");
            List<JsonElement> media = Items(await api.Get(MediaPath(api, message)));
            Assert.Equal(2, media.Count);
            JsonElement first = media[0];
            string sid = first.GetProperty("sid").GetString();
            Assert.Matches("^ME[0-9a-f]{32}$", sid);
            Assert.Equal(api.AccountSid, first.GetProperty("account_sid").GetString());
            Assert.Equal(message, first.GetProperty("parent_sid").GetString());
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", first.GetProperty("date_created").GetString());
            Assert.Equal(MediaPath(api, message, sid), first.GetProperty("uri").GetString());
            var declared = OfficialSpec.Schema("api.v2010.account.message.media").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n);
            Assert.Equal(declared, first.EnumerateObject().Select(p => p.Name).OrderBy(n => n));

            ApiResponse fetched = await api.Get(MediaPath(api, message, sid));
            Assert.Equal(HttpStatusCode.OK, fetched.Status);
            Assert.Equal(sid, fetched.Str("sid"));

            Assert.Equal(2, Items(await api.Get(MediaPath(api, message) + "?DateCreated=2024-03-05")).Count);
            Assert.Empty(Items(await api.Get(MediaPath(api, message) + "?DateCreated%3E=2024-03-06")));
            Assert.Equal(2, Items(await api.Get(MediaPath(api, message) + "?DateCreated%3C=2024-03-05T12:00:00Z")).Count);
            ApiResponse page = await api.Get(MediaPath(api, message) + "?PageSize=1");
            Assert.Single(Items(page));
            Assert.Single(Items(await api.Get(page.Str("next_page_uri"))));

            Assert.Equal(HttpStatusCode.NoContent, (await api.Delete(MediaPath(api, message, sid))).Status);
            AssertTwilioError(await api.Get(MediaPath(api, message, sid)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MediaPath(api, message, sid, "")), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Delete(MediaPath(api, message, sid)), HttpStatusCode.NotFound, 20404);
            Assert.Single(Items(await api.Get(MediaPath(api, message))));
        }

        [Fact]
        public async Task Media_is_found_only_under_its_own_message_and_account()
        {
            using var api = Api.WithClock(out _);
            string a = (await Send(api, "MediaUrl", "https://example.com/a.png")).Str("sid");
            string b = (await Send(api, "MediaUrl", "https://example.com/b.png")).Str("sid");
            string media = Items(await api.Get(MediaPath(api, a))).Single().GetProperty("sid").GetString();
            AssertTwilioError(await api.Get(MediaPath(api, b, media)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await api.Get(MediaPath(api, "MM" + new string('0', 32))), HttpStatusCode.NotFound, 20404);

            string sub = api.Emulator.CreateSubaccount("isolated");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            AssertTwilioError(await subApi.Get(MediaPath(api, a, media).Replace(api.AccountSid, sub)), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Get(MediaPath(api, a, media)), HttpStatusCode.NotFound, 20404);
        }

        [Fact]
        public async Task Eleven_media_urls_are_too_many_and_ten_make_ten_records()
        {
            using var api = Api.WithClock(out _);
            var fields = new List<string>();
            for (int i = 0; i < 10; i++) fields.AddRange(new[] { "MediaUrl", "https://example.com/" + i + ".jpg" });
            string message = (await Send(api, fields.ToArray())).Str("sid");
            Assert.Equal(10, Items(await api.Get(MediaPath(api, message))).Count);
            fields.AddRange(new[] { "MediaUrl", "https://example.com/10.jpg", "To", To, "From", From });
            AssertTwilioError(await api.Post(MessagesPath(api), fields.ToArray()), HttpStatusCode.BadRequest, 21623);
        }

        // ---- feedback ---------------------------------------------------------------------------

        [Fact]
        public async Task Feedback_is_reported_for_messages_sent_with_ProvideFeedback()
        {
            using var api = Api.WithClock(out ManualClock clock);
            ApiResponse message = await Send(api, "Body", "Your code is 123456", "ProvideFeedback", "true");
            string sid = message.Str("sid");
            Assert.Equal(FeedbackPath(api, sid), message.Json.GetProperty("subresource_uris").GetProperty("feedback").GetString());
            clock.Advance(TimeSpan.FromMinutes(2));

            ApiResponse feedback = await api.Post(FeedbackPath(api, sid), "Outcome", "confirmed");
            Assert.Equal(HttpStatusCode.OK, feedback.Status);
            Assert.Equal(api.AccountSid, feedback.Str("account_sid"));
            Assert.Equal(sid, feedback.Str("message_sid"));
            Assert.Equal("confirmed", feedback.Str("outcome"));
            Assert.Equal("Tue, 05 Mar 2024 12:00:00 +0000", feedback.Str("date_created"));
            Assert.Equal("Tue, 05 Mar 2024 12:02:00 +0000", feedback.Str("date_updated"));
            Assert.Equal(FeedbackPath(api, sid), feedback.Str("uri"));
            var declared = OfficialSpec.Schema("api.v2010.account.message.message_feedback").GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n);
            Assert.Equal(declared, feedback.Json.EnumerateObject().Select(p => p.Name).OrderBy(n => n));

            Assert.Equal("unconfirmed", (await api.Post(FeedbackPath(api, sid), "Outcome", "unconfirmed")).Str("outcome"));
            AssertTwilioError(await api.Post(FeedbackPath(api, sid), "Outcome", "maybe"), HttpStatusCode.BadRequest, 20001);
        }

        [Fact]
        public async Task Feedback_for_a_message_sent_without_ProvideFeedback_or_of_another_account_is_404()
        {
            using var api = Api.WithClock(out _);
            string plain = (await Send(api, "Body", "no feedback")).Str("sid");
            AssertTwilioError(await api.Post(FeedbackPath(api, plain), "Outcome", "confirmed"), HttpStatusCode.NotFound, 20404);
            string tracked = (await Send(api, "Body", "tracked", "ProvideFeedback", "true")).Str("sid");
            string sub = api.Emulator.CreateSubaccount("isolated");
            using Api subApi = api.As(sub, api.Emulator.GetAuthToken(sub));
            AssertTwilioError(await subApi.Post(FeedbackPath(api, tracked, sub), "Outcome", "confirmed"), HttpStatusCode.NotFound, 20404);
            AssertTwilioError(await subApi.Post(FeedbackPath(api, tracked), "Outcome", "confirmed"), HttpStatusCode.NotFound, 20404);
        }
    }
}
