using System.Management.Automation;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>A set of voice and messaging URLs that numbers point to (Twilio's Application resource).</summary>
    public sealed class TwilioApplication : TwilioResource
    {
        /// <summary>The application's own SID under its own name, so it binds to -ApplicationSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string ApplicationSid => Sid;

        [JsonInclude] public string FriendlyName { get; internal set; }
        [JsonInclude] public string ApiVersion { get; internal set; }
        [JsonInclude] public string VoiceUrl { get; internal set; }
        [JsonInclude] public string VoiceMethod { get; internal set; }
        [JsonInclude] public string VoiceFallbackUrl { get; internal set; }
        [JsonInclude] public string VoiceFallbackMethod { get; internal set; }
        [JsonInclude] public bool? VoiceCallerIdLookup { get; internal set; }
        [JsonInclude] public string StatusCallback { get; internal set; }
        [JsonInclude] public string StatusCallbackMethod { get; internal set; }
        [JsonInclude] public string SmsUrl { get; internal set; }
        [JsonInclude] public string SmsMethod { get; internal set; }
        [JsonInclude] public string SmsFallbackUrl { get; internal set; }
        [JsonInclude] public string SmsFallbackMethod { get; internal set; }
        [JsonInclude] public string SmsStatusCallback { get; internal set; }
        [JsonInclude] public string MessageStatusCallback { get; internal set; }
        [JsonInclude] public bool? PublicApplicationConnectEnabled { get; internal set; }

        /// <summary>"APxxx 'IVR'".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName));
    }
}
