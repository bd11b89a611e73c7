using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A call queue (Twilio's Queue resource, api.v2010.account.queue).</summary>
    public sealed class TwilioQueue : TwilioResource, IQueueReference
    {
        /// <summary>The queue's own SID under its own name, so it binds to -QueueSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string QueueSid => Sid;

        /// <summary>The name TwiML's &lt;Enqueue&gt; uses.</summary>
        [JsonInclude] public string FriendlyName { get; internal set; }

        /// <summary>Calls waiting now.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? CurrentSize { get; internal set; }

        /// <summary>The most calls it holds (Twilio's default 1000, at most 5000).</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? MaxSize { get; internal set; }

        /// <summary>Average seconds the calls now waiting have waited.</summary>
        [JsonInclude, JsonConverter(typeof(LenientInt32Converter))]
        public int? AverageWaitTime { get; internal set; }

        /// <summary>"QUxxx 'support' 3 waiting".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName), CurrentSize == null ? null : Describe.Number(CurrentSize) + " waiting");
    }
}
