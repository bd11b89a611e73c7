using System;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>An error or warning Twilio logged, usually about a webhook (Twilio's Notification resource).</summary>
    public sealed class TwilioNotification : TwilioResource, ICallReference
    {
        /// <summary>The notification's own SID under its own name, so it binds to -NotificationSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string NotificationSid => Sid;

        /// <summary>The call it is about, if any.</summary>
        [JsonInclude] public string CallSid { get; internal set; }

        /// <summary>Twilio's error code (e.g. 11200, an HTTP retrieval failure), as a string: Twilio sends it so.</summary>
        [JsonInclude] public string ErrorCode { get; internal set; }

        /// <summary>Error or Warning (Twilio's log level 0 or 1).</summary>
        [JsonIgnore] public string Level => Log == "0" ? "Error" : Log == "1" ? "Warning" : Log;

        /// <summary>Twilio's log level: "0" for an error, "1" for a warning.</summary>
        [JsonInclude] public string Log { get; internal set; }

        [JsonInclude, JsonConverter(typeof(TwilioDateConverter))]
        public DateTimeOffset? MessageDate { get; internal set; }

        /// <summary>What went wrong, URL-encoded as Twilio sends it.</summary>
        [JsonInclude] public string MessageText { get; internal set; }

        /// <summary>The documentation of the error code.</summary>
        [JsonInclude] public string MoreInfo { get; internal set; }

        [JsonInclude] public string RequestMethod { get; internal set; }
        [JsonInclude] public string RequestUrl { get; internal set; }

        /// <summary>What Twilio sent and received (fetched notifications only).</summary>
        [JsonInclude] public string RequestVariables { get; internal set; }
        [JsonInclude] public string ResponseBody { get; internal set; }
        [JsonInclude] public string ResponseHeaders { get; internal set; }

        [JsonInclude] public string ApiVersion { get; internal set; }

        /// <summary>"NOxxx error 11200 CAxxx".</summary>
        public override string ToString() => Describe.Join(Sid, Level, ErrorCode, CallSid);
    }
}
