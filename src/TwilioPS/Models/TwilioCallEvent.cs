using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>
    /// One request Twilio made for a call and the answer it got (Twilio's Call Event resource). Twilio
    /// sends only the two; the call's SID is added by Get-TwilioCallEvent so the event says whose it is.
    /// </summary>
    public sealed class TwilioCallEvent : ICallReference
    {
        /// <summary>The call whose log this is.</summary>
        [JsonIgnore] public string CallSid { get; internal set; }

        /// <summary>The request: method, url and parameters, as Twilio reports them.</summary>
        [JsonInclude] public JsonElement? Request { get; internal set; }

        /// <summary>The response: status code, headers, body and timing, as Twilio reports them.</summary>
        [JsonInclude] public JsonElement? Response { get; internal set; }

        /// <summary>The request's method and URL, for tables.</summary>
        [JsonIgnore] public string Url => Text(Request, "url");

        [JsonIgnore] public string Method => Text(Request, "method");

        [JsonIgnore] public string ResponseCode => Text(Response, "response_code");

        private static string Text(JsonElement? element, string name) =>
            element.HasValue && element.Value.ValueKind == JsonValueKind.Object && element.Value.TryGetProperty(name, out JsonElement value)
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
                : null;

        /// <summary>"CAxxx POST https://example.com/voice 200".</summary>
        public override string ToString() => Describe.Join(CallSid, Method, Url, ResponseCode);
    }
}
