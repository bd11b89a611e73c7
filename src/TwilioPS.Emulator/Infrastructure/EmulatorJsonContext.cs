using System.Text.Json.Serialization;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>
    /// Source-generated serializers for resources rendered from a plain record type: the property
    /// names become Twilio's snake_case, nulls are written (Twilio sends every field), and the writer
    /// keeps <see cref="JsonBuffer"/>'s relaxed escaping. Serialize into the handler's Utf8JsonWriter.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(RecordingJson))]
    [JsonSerializable(typeof(ApplicationJson))]
    [JsonSerializable(typeof(OutgoingCallerIdJson))]
    [JsonSerializable(typeof(ValidationRequestJson))]
    [JsonSerializable(typeof(ApiKeyJson))]
    [JsonSerializable(typeof(AvailableCountryJson))]
    [JsonSerializable(typeof(AvailableNumberJson))]
    [JsonSerializable(typeof(IncomingNumberJson))]
    [JsonSerializable(typeof(TranscriptionJson))]
    [JsonSerializable(typeof(NotificationJson))]
    [JsonSerializable(typeof(NotificationInstanceJson))]
    [JsonSerializable(typeof(CallEventJson))]
    [JsonSerializable(typeof(ConferenceJson))]
    [JsonSerializable(typeof(ParticipantJson))]
    [JsonSerializable(typeof(QueueJson))]
    [JsonSerializable(typeof(MemberJson))]
    [JsonSerializable(typeof(MessageJson))]
    [JsonSerializable(typeof(MessageMediaJson))]
    [JsonSerializable(typeof(MessageFeedbackJson))]
    internal sealed partial class EmulatorJsonContext : JsonSerializerContext
    {
    }
}
