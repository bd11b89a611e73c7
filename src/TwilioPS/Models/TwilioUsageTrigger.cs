using System;
using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// A webhook Twilio calls when a usage category crosses a value (Twilio's UsageTrigger resource),
    /// at most once per recurrence period.
    /// </summary>
    public sealed class TwilioUsageTrigger : TwilioResource
    {
        /// <summary>The trigger's own SID under its own name, so it binds to -UsageTriggerSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string UsageTriggerSid => Sid;

        [JsonInclude] public string FriendlyName { get; internal set; }
        [JsonInclude] public string ApiVersion { get; internal set; }

        /// <summary>The usage category watched (calls, sms, totalprice, …).</summary>
        [JsonInclude] public string UsageCategory { get; internal set; }

        /// <summary>The usage record field compared with <see cref="TriggerValue"/>: count, usage or price.</summary>
        [JsonInclude] public string TriggerBy { get; internal set; }

        /// <summary>The value at which the trigger fires.</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? TriggerValue { get; internal set; }

        /// <summary>The watched field's value now.</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? CurrentValue { get; internal set; }

        /// <summary>daily, monthly, yearly or alltime: the period the trigger fires at most once in (alltime: once ever).</summary>
        [JsonInclude] public string Recurring { get; internal set; }

        [JsonInclude] public string CallbackUrl { get; internal set; }
        [JsonInclude] public string CallbackMethod { get; internal set; }

        /// <summary>When the trigger last fired; null if it never has.</summary>
        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? DateFired { get; internal set; }

        /// <summary>The usage record the trigger watches, relative to the API host.</summary>
        [JsonInclude] public string UsageRecordUri { get; internal set; }

        /// <summary>"UTxxx 'spend' totalprice price 100".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName), UsageCategory, TriggerBy, Describe.Number(TriggerValue));
    }
}
