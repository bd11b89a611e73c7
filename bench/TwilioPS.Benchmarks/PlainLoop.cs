using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// The baseline: what a C# author writes without TwilioPS. HttpClient, next_page_uri followed,
    /// each page deserialised from the response stream by source-generated System.Text.Json into a
    /// record with every Call field, dates and numbers parsed; for sending, a fixed pool of workers
    /// posting the form and reading each answer into a message record.
    /// </summary>
    internal static class PlainLoop
    {
        public static HttpClient CreateClient(Uri baseUri, string accountSid, string authToken)
        {
            var http = new HttpClient { BaseAddress = baseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(accountSid + ":" + authToken)));
            return http;
        }

        public static string FirstPage(string accountSid, int pageSize) => $"/2010-04-01/Accounts/{accountSid}/Calls.json?PageSize={pageSize}";

        /// <summary>Lists until the last page, or until <paramref name="limit"/> records have been read.</summary>
        public static async Task<int> ListAsync(HttpClient http, string first, int limit = int.MaxValue)
        {
            int count = 0;
            string next = first;
            while (next != null && count < limit)
            {
                using HttpResponseMessage response = await http.GetAsync(next, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync();
                CallPage page = await JsonSerializer.DeserializeAsync(stream, PlainJsonContext.Default.CallPage);
                count += page.Calls.Count;
                next = page.NextPageUri;
            }
            return count;
        }

        /// <summary>
        /// Sends <paramref name="count"/> messages with <paramref name="concurrency"/> workers, each
        /// taking the next message when its last is answered (so exactly that many are in flight), each
        /// answer deserialised into a record; returns how many were created.
        /// </summary>
        public static async Task<int> SendAsync(HttpClient http, string accountSid, int count, int concurrency, string from)
        {
            string path = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
            int next = -1;
            int sent = 0;
            async Task Worker()
            {
                for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    var form = new FormUrlEncodedContent(new[]
                    {
                        new KeyValuePair<string, string>("To", "+1415555" + (2000 + i % 8000).ToString(CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("From", from),
                        new KeyValuePair<string, string>("Body", "x"),
                    });
                    using HttpResponseMessage response = await http.PostAsync(path, form);
                    response.EnsureSuccessStatusCode();
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    MessageRecord message = await JsonSerializer.DeserializeAsync(stream, PlainJsonContext.Default.MessageRecord);
                    if (message.Sid != null) Interlocked.Increment(ref sent);
                }
            }
            var workers = new Task[concurrency];
            for (int w = 0; w < concurrency; w++) workers[w] = Worker();
            await Task.WhenAll(workers);
            return sent;
        }
    }

    internal sealed record CallPage(List<CallRecord> Calls, string NextPageUri);

    internal sealed class CallRecord
    {
        public string Sid { get; init; }
        public string AccountSid { get; init; }
        public string ParentCallSid { get; init; }
        public string To { get; init; }
        public string ToFormatted { get; init; }
        public string From { get; init; }
        public string FromFormatted { get; init; }
        public string PhoneNumberSid { get; init; }
        public string Status { get; init; }
        public string Direction { get; init; }
        public string AnsweredBy { get; init; }
        public string ApiVersion { get; init; }
        public string Annotation { get; init; }
        public string ForwardedFrom { get; init; }
        public string GroupSid { get; init; }
        public string CallerName { get; init; }
        public string TrunkSid { get; init; }
        public string PriceUnit { get; init; }
        public string Uri { get; init; }
        public Dictionary<string, string> SubresourceUris { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? DateCreated { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? DateUpdated { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? StartTime { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? EndTime { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int? Duration { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int? QueueTime { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public decimal? Price { get; init; }
    }

    internal sealed class MessageRecord
    {
        public string Sid { get; init; }
        public string AccountSid { get; init; }
        public string MessagingServiceSid { get; init; }
        public string To { get; init; }
        public string From { get; init; }
        public string Body { get; init; }
        public string Status { get; init; }
        public string Direction { get; init; }
        public string ApiVersion { get; init; }
        public string PriceUnit { get; init; }
        public string ErrorMessage { get; init; }
        public string Uri { get; init; }
        public Dictionary<string, string> SubresourceUris { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? DateCreated { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? DateUpdated { get; init; }
        [JsonConverter(typeof(Rfc2822Converter))] public DateTimeOffset? DateSent { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int? NumSegments { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int? NumMedia { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public int? ErrorCode { get; init; }
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public decimal? Price { get; init; }
    }

    /// <summary>Twilio's dates: "Thu, 26 Nov 2026 01:48:08 +0000".</summary>
    internal sealed class Rfc2822Converter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null
                : DateTimeOffset.ParseExact(reader.GetString(), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(CallPage))]
    [JsonSerializable(typeof(MessageRecord))]
    internal sealed partial class PlainJsonContext : JsonSerializerContext
    {
    }
}
