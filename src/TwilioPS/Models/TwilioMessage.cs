using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>An SMS, MMS or WhatsApp message (Twilio's Message resource, api.v2010.account.message).</summary>
    public sealed class TwilioMessage : TwilioResource, IMessageReference
    {
        /// <summary>The message's own SID under its own name, so it binds to -MessageSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string MessageSid => Sid;

        [JsonInclude] public string To { get; internal set; }
        [JsonInclude] public string From { get; internal set; }

        /// <summary>The text; empty once redacted.</summary>
        [JsonInclude] public string Body { get; internal set; }

        /// <summary>queued, sending, sent, delivered, undelivered, failed, scheduled, canceled, received, …</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Status { get; internal set; }

        /// <summary>inbound, outbound-api, outbound-call or outbound-reply.</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Direction { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateSent { get; internal set; }

        /// <summary>Segments billed (a long text is split into several).</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? NumSegments { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? NumMedia { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Price { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string PriceUnit { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? ErrorCode { get; internal set; }

        [JsonInclude] public string ErrorMessage { get; internal set; }

        [JsonInclude] public string MessagingServiceSid { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string ApiVersion { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this message (its media, feedback).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>"SMxxx +14155550100 -> +14155550101 delivered".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Route(From, To), Status);
    }
}
