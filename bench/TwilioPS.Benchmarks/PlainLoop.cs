using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// The baseline: what a C# author writes without TwilioPS. HttpClient, next_page_uri followed,
    /// each page deserialised from the response stream by source-generated System.Text.Json into a
    /// record with every Call field, dates and numbers parsed.
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
    internal sealed partial class PlainJsonContext : JsonSerializerContext
    {
    }
}
