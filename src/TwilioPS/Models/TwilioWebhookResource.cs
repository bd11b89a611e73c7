using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>
    /// What answers calls and messages: the voice and SMS URLs, methods, fallbacks and status callback
    /// that an application and a phone number both carry (and that New- and Set- of both take from one
    /// settings base, WebhookSettingsCmdlet).
    /// </summary>
    public abstract class TwilioWebhookResource : TwilioResource
    {
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
    }
}
