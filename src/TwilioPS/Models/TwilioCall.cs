using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A call (Twilio's Call resource, api.v2010.account.call).</summary>
    public sealed class TwilioCall : TwilioResource, ICallReference
    {
        /// <summary>The call's own SID under its own name, so it binds to -CallSid down the pipeline (see TwilioConnectedCmdlet).</summary>
        [Hidden, JsonIgnore] public string CallSid => Sid;

        [JsonInclude] public string ParentCallSid { get; internal set; }
        [JsonInclude] public string To { get; internal set; }
        [JsonInclude] public string ToFormatted { get; internal set; }
        [JsonInclude] public string From { get; internal set; }
        [JsonInclude] public string FromFormatted { get; internal set; }
        [JsonInclude] public string PhoneNumberSid { get; internal set; }

        /// <summary>queued, ringing, in-progress, completed, busy, failed, no-answer or canceled.</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Status { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? StartTime { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? EndTime { get; internal set; }

        /// <summary>Length in seconds; null for calls that never connected or are still going.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? Duration { get; internal set; }

        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Price { get; internal set; }

        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string PriceUnit { get; internal set; }

        /// <summary>inbound, outbound-api or outbound-dial.</summary>
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string Direction { get; internal set; }

        [JsonInclude] public string AnsweredBy { get; internal set; }
        [JsonInclude, JsonConverter(typeof(RecurringStringConverter))] public string ApiVersion { get; internal set; }
        [JsonInclude] public string Annotation { get; internal set; }
        [JsonInclude] public string ForwardedFrom { get; internal set; }
        [JsonInclude] public string GroupSid { get; internal set; }
        [JsonInclude] public string CallerName { get; internal set; }

        /// <summary>Milliseconds the call waited in Twilio's calls-per-second queue before it was placed.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? QueueTime { get; internal set; }

        [JsonInclude] public string TrunkSid { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this one (its recordings, notifications, …).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>"CAxxx +14155550100 -> +14155550101 completed".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Route(From, To), Status);
    }
}
