using System.Management.Automation;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>A set of voice and messaging URLs that numbers point to (Twilio's Application resource).</summary>
    public sealed class TwilioApplication : TwilioWebhookResource
    {
        /// <summary>The application's own SID under its own name, so it binds to -ApplicationSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string ApplicationSid => Sid;

        [JsonInclude] public string SmsStatusCallback { get; internal set; }
        [JsonInclude] public string MessageStatusCallback { get; internal set; }
        [JsonInclude] public bool? PublicApplicationConnectEnabled { get; internal set; }

        /// <summary>"APxxx 'IVR'".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName));
    }
}
