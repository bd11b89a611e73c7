using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>
    /// Reads one message record straight into a <see cref="TwilioMessage"/>, for listings, as
    /// <see cref="TwilioCallReader"/> does for calls and for the same reason: the generated reader's
    /// generic per-property code runs instrumented and slow through a fresh process's first long
    /// listing. It must agree with the generated reader on every field and every error:
    /// MessageReaderTests compares the two on each property of the generated metadata, so a field
    /// added to the model and not here fails. Single messages (fetch, send, update) keep the generated reader.
    /// </summary>
    internal static class TwilioMessageReader
    {
        private enum Field
        {
            AccountSid, ApiVersion, Body, DateCreated, DateSent, DateUpdated, Direction, ErrorCode, ErrorMessage,
            From, MessagingServiceSid, NumMedia, NumSegments, Price, PriceUnit, Sid, Status, SubresourceUris, To, Uri,

            // The model's [JsonIgnore] alias of Sid: the generated reader skips the name, so this one does too.
            MessageSid,
        }

        // Twilio's own order (alphabetical), the same as Field's; the ignored name last.
        private static readonly byte[][] Names = RecordFields.Utf8(
            "account_sid", "api_version", "body", "date_created", "date_sent", "date_updated", "direction", "error_code", "error_message",
            "from", "messaging_service_sid", "num_media", "num_segments", "price", "price_unit", "sid", "status", "subresource_uris", "to", "uri",
            "message_sid");

        /// <summary>The record at the reader (positioned on its StartObject, or a null), read to its EndObject.</summary>
        [MethodImpl(Jit.Optimized)]
        public static TwilioMessage Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A message record must be a JSON object.");
            var message = new TwilioMessage();
            int expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = RecordFields.Find(ref reader, Names, ref expected);
                if (field < 0)
                {
                    RecordFields.KeepUnmodelled(ref reader, message);
                    continue;
                }
                reader.Read();
                switch ((Field)field)
                {
                    case Field.AccountSid: message.AccountSid = Recurring(ref reader, RecordFields.AccountSids); break;
                    case Field.ApiVersion: message.ApiVersion = Recurring(ref reader, RecordFields.ApiVersions); break;
                    case Field.Body: message.Body = Text(ref reader); break;
                    case Field.DateCreated: message.DateCreated = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.DateSent: message.DateSent = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.DateUpdated: message.DateUpdated = RecordFields.Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.Direction: message.Direction = Recurring(ref reader, RecordFields.Directions); break;
                    case Field.ErrorCode: message.ErrorCode = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.ErrorMessage: message.ErrorMessage = Text(ref reader); break;
                    case Field.From: message.From = Text(ref reader); break;
                    case Field.MessagingServiceSid: message.MessagingServiceSid = Text(ref reader); break;
                    case Field.NumMedia: message.NumMedia = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.NumSegments: message.NumSegments = RecordFields.Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.Price: message.Price = RecordFields.Decimals.Read(ref reader, typeof(decimal?), null); break;
                    case Field.PriceUnit: message.PriceUnit = Recurring(ref reader, RecordFields.PriceUnits); break;
                    case Field.Sid: message.Sid = Text(ref reader); break;
                    case Field.Status: message.Status = Recurring(ref reader, RecordFields.Statuses); break;
                    case Field.SubresourceUris:
                        message.SubresourceUriSet = reader.TokenType == JsonTokenType.Null ? null : RecordFields.Subresources.Read(ref reader, typeof(SubresourceUriSet), null);
                        break;
                    case Field.To: message.To = Text(ref reader); break;
                    case Field.Uri: message.Uri = Text(ref reader); break;
                    case Field.MessageSid: reader.Skip(); break;
                }
            }
            return message;
        }

        private static string Text(ref Utf8JsonReader reader) => RecordFields.Text(ref reader, "message");

        private static string Recurring(ref Utf8JsonReader reader, RecurringStringConverter shared) => RecordFields.Recurring(ref reader, shared, "message");
    }
}
