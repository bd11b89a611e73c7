using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>
    /// Source-generated (de)serialization for every model: no reflection per record, and the same
    /// code path on .NET Framework and .NET. Add each new model here.
    /// </summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(TwilioCall))]
    [JsonSerializable(typeof(TwilioAccount))]
    [JsonSerializable(typeof(TwilioRecording))]
    [JsonSerializable(typeof(TwilioTranscription))]
    [JsonSerializable(typeof(TwilioNotification))]
    [JsonSerializable(typeof(TwilioCallEvent))]
    [JsonSerializable(typeof(TwilioConference))]
    [JsonSerializable(typeof(TwilioConferenceParticipant))]
    [JsonSerializable(typeof(TwilioQueue))]
    [JsonSerializable(typeof(TwilioQueueMember))]
    [JsonSerializable(typeof(TwilioMessage))]
    [JsonSerializable(typeof(TwilioMessageMedia))]
    [JsonSerializable(typeof(TwilioMessageFeedback))]
    [JsonSerializable(typeof(TwilioApplication))]
    [JsonSerializable(typeof(TwilioUsageRecord))]
    [JsonSerializable(typeof(TwilioUsageTrigger))]
    [JsonSerializable(typeof(TwilioBalance))]
    [JsonSerializable(typeof(TwilioOutgoingCallerId))]
    [JsonSerializable(typeof(TwilioValidationRequest))]
    [JsonSerializable(typeof(TwilioApiKey))]
    [JsonSerializable(typeof(TwilioAvailablePhoneNumberCountry))]
    [JsonSerializable(typeof(TwilioAvailablePhoneNumber))]
    [JsonSerializable(typeof(TwilioIncomingPhoneNumber))]
    [JsonSerializable(typeof(TwilioErrorBody))]
    internal sealed partial class TwilioJsonContext : JsonSerializerContext
    {
    }

    /// <summary>Twilio's error body: {"code":21211,"message":"…","more_info":"…","status":400}.</summary>
    internal sealed class TwilioErrorBody
    {
        [JsonInclude] public int? Code { get; internal set; }
        [JsonInclude] public string Message { get; internal set; }
        [JsonInclude] public string MoreInfo { get; internal set; }
        [JsonInclude] public int? Status { get; internal set; }
        [JsonInclude] public JsonElement? Details { get; internal set; }
    }
}
