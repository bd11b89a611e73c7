using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>
    /// Reads one recording record straight into a <see cref="TwilioRecording"/>, for listings, as
    /// <see cref="TwilioCallReader"/> does for calls and for the same reason: the generated reader's
    /// generic per-property code runs instrumented and slow through a fresh process's first long
    /// listing (a clean-up script lists every recording of an account). It must agree with the
    /// generated reader on every field and every error: RecordingReaderTests compares the two on each
    /// property of the generated metadata. Single recordings keep the generated reader.
    /// </summary>
    internal static class TwilioRecordingReader
    {
        private enum Field
        {
            AccountSid, ApiVersion, CallSid, Channels, ConferenceSid, DateCreated, DateUpdated, Duration, EncryptionDetails,
            ErrorCode, MediaUrl, Price, PriceUnit, Sid, Source, StartTime, Status, SubresourceUris, Track, Uri,

            // The model's [JsonIgnore] alias of Sid: the generated reader skips the name, so this one does too.
            RecordingSid,
        }

        // Twilio's own order (alphabetical), the same as Field's; the ignored name last.
        private static readonly byte[][] Names = RecordFields.Utf8(
            "account_sid", "api_version", "call_sid", "channels", "conference_sid", "date_created", "date_updated", "duration", "encryption_details",
            "error_code", "media_url", "price", "price_unit", "sid", "source", "start_time", "status", "subresource_uris", "track", "uri",
            "recording_sid");

        private static readonly RecurringStringConverter Sources = new RecurringStringConverter();
        private static readonly RecurringStringConverter Tracks = new RecurringStringConverter();

        /// <summary>The record at the reader (positioned on its StartObject, or a null), read to its EndObject.</summary>
        [MethodImpl(Jit.Optimized)]
        public static TwilioRecording Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A recording record must be a JSON object.");
            var recording = new TwilioRecording();
            int expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = RecordFields.Find(ref reader, Names, ref expected);
                if (field < 0)
                {
                    RecordFields.KeepUnmodelled(ref reader, recording);
                    continue;
                }
                reader.Read();
                switch ((Field)field)
                {
                    case Field.AccountSid: recording.AccountSid = Recurring(ref reader, RecordFields.AccountSids); break;
                    case Field.ApiVersion: recording.ApiVersion = Recurring(ref reader, RecordFields.ApiVersions); break;
                    case Field.CallSid: recording.CallSid = Text(ref reader); break;
                    case Field.Channels: recording.Channels = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.ConferenceSid: recording.ConferenceSid = Text(ref reader); break;
                    case Field.DateCreated: recording.DateCreated = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.DateUpdated: recording.DateUpdated = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.Duration: recording.Duration = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.EncryptionDetails:
                        // Any JSON value as sent, as the generated reader keeps a JsonElement?; null is none.
                        recording.EncryptionDetails = reader.TokenType == JsonTokenType.Null ? (JsonElement?)null : JsonElement.ParseValue(ref reader);
                        break;
                    case Field.ErrorCode: recording.ErrorCode = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.MediaUrl: recording.MediaUrl = Text(ref reader); break;
                    case Field.Price: recording.Price = RecordFields.Decimals.Read(ref reader, typeof(decimal?), null); break;
                    case Field.PriceUnit: recording.PriceUnit = Recurring(ref reader, RecordFields.PriceUnits); break;
                    case Field.Sid: recording.Sid = Text(ref reader); break;
                    case Field.Source: recording.Source = Recurring(ref reader, Sources); break;
                    case Field.StartTime: recording.StartTime = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.Status: recording.Status = Recurring(ref reader, RecordFields.Statuses); break;
                    case Field.SubresourceUris:
                        recording.SubresourceUriSet = reader.TokenType == JsonTokenType.Null ? null : RecordFields.Subresources.Read(ref reader, typeof(SubresourceUriSet), null);
                        break;
                    case Field.Track: recording.Track = Recurring(ref reader, Tracks); break;
                    case Field.Uri: recording.Uri = Text(ref reader); break;
                    case Field.RecordingSid: reader.Skip(); break;
                }
            }
            return recording;
        }

        private static string Text(ref Utf8JsonReader reader) => RecordFields.Text(ref reader, "recording");

        private static string Recurring(ref Utf8JsonReader reader, RecurringStringConverter shared) => RecordFields.Recurring(ref reader, shared, "recording");
    }
}
