using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// What one usage category cost over one period (Twilio's UsageRecord resource): how many events
    /// (Count, in CountUnit), how much was used to bill them (Usage, in UsageUnit) and the price, as a
    /// decimal in PriceUnit.
    /// </summary>
    public sealed class TwilioUsageRecord
    {
        [JsonInclude] public string AccountSid { get; internal set; }
        [JsonInclude] public string ApiVersion { get; internal set; }

        /// <summary>When Twilio last brought the record up to date (usage lags behind the calls and messages it counts).</summary>
        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? AsOf { get; internal set; }

        /// <summary>The usage category: calls, calls-outbound, sms, totalprice, … (see Get-TwilioUsageRecord -Category).</summary>
        [JsonInclude] public string Category { get; internal set; }

        [JsonInclude] public string Description { get; internal set; }

        /// <summary>The first day (GMT) the record covers.</summary>
        [JsonInclude, JsonConverter(typeof(TwilioDayConverter))]
        public DateTime? StartDate { get; internal set; }

        /// <summary>The last day (GMT) the record covers.</summary>
        [JsonInclude, JsonConverter(typeof(TwilioDayConverter))]
        public DateTime? EndDate { get; internal set; }

        /// <summary>How many events: calls, messages, …</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Count { get; internal set; }

        [JsonInclude] public string CountUnit { get; internal set; }

        /// <summary>The amount billed: minutes for calls (each call rounded up to the minute), segments for SMS.</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Usage { get; internal set; }

        [JsonInclude] public string UsageUnit { get; internal set; }

        /// <summary>What the usage cost, in <see cref="PriceUnit"/>.</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Price { get; internal set; }

        /// <summary>The currency of <see cref="Price"/> (ISO 4217, as Twilio writes it: usd, eur, …).</summary>
        [JsonInclude] public string PriceUnit { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the same usage listed by period (all_time, daily, monthly, …).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        [JsonInclude] public string Uri { get; internal set; }

        /// <summary>Fields this version does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"calls 2024-03-01..2024-03-31: 12 calls, 30 minutes, 0.39 USD".</summary>
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd}..{2:yyyy-MM-dd}: {3} {4}, {5} {6}, {7}",
                Category, StartDate, EndDate, Count, CountUnit, Usage, UsageUnit, Money.Format(Price, PriceUnit));
    }
}
