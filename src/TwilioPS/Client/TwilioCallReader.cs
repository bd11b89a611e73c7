using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using TwilioPS.Models;

namespace TwilioPS.Client
{
    /// <summary>
    /// Reads one call record straight into a <see cref="TwilioCall"/>, for listings. The generated
    /// System.Text.Json reader is correct but goes through generic per-property machinery that a
    /// fresh process first runs as slow, instrumented first-tier code: reading 100,000 calls took
    /// 1.5 s on a first pass against 0.9 s for a direct reader, and 0.6 against 0.45 s warm. This one
    /// is compiled optimised at once and tries the fields in the order Twilio sends them. It must
    /// agree with the generated reader on every field and every error: CallReaderTests compares the
    /// two on each property of the generated metadata, so a field added to the model and not here fails.
    /// Single records (fetch, create, update) keep the generated reader.
    /// </summary>
    internal static class TwilioCallReader
    {
        private enum Field
        {
            AccountSid, Annotation, AnsweredBy, ApiVersion, CallerName, DateCreated, DateUpdated, Direction,
            Duration, EndTime, ForwardedFrom, From, FromFormatted, GroupSid, ParentCallSid, PhoneNumberSid,
            Price, PriceUnit, QueueTime, Sid, StartTime, Status, SubresourceUris, To, ToFormatted, TrunkSid, Uri,

            // The model's [JsonIgnore] alias of Sid: the generated reader skips the name, so this one does too.
            CallSid,
        }

        // Twilio's own order (alphabetical), the same as Field's; the ignored name last.
        private static readonly byte[][] Names = Utf8(
            "account_sid", "annotation", "answered_by", "api_version", "caller_name", "date_created", "date_updated", "direction",
            "duration", "end_time", "forwarded_from", "from", "from_formatted", "group_sid", "parent_call_sid", "phone_number_sid",
            "price", "price_unit", "queue_time", "sid", "start_time", "status", "subresource_uris", "to", "to_formatted", "trunk_sid", "uri",
            "call_sid");

        private static readonly TwilioDateConverter Dates = new TwilioDateConverter();
        private static readonly LenientInt32Converter Integers = new LenientInt32Converter();
        private static readonly LenientDecimalConverter Decimals = new LenientDecimalConverter();
        private static readonly SubresourceUrisConverter Subresources = new SubresourceUrisConverter();
        private static readonly RecurringStringConverter AccountSids = new RecurringStringConverter();
        private static readonly RecurringStringConverter ApiVersions = new RecurringStringConverter();
        private static readonly RecurringStringConverter Directions = new RecurringStringConverter();
        private static readonly RecurringStringConverter PriceUnits = new RecurringStringConverter();
        private static readonly RecurringStringConverter Statuses = new RecurringStringConverter();

        /// <summary>The record at the reader (positioned on its StartObject, or a null), read to its EndObject.</summary>
        [MethodImpl(Jit.Optimized)]
        public static TwilioCall Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A call record must be a JSON object.");
            var call = new TwilioCall();
            int expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = Find(ref reader, ref expected);
                if (field < 0)
                {
                    // A field this version does not model: kept, as the generated reader keeps it.
                    string name = reader.GetString();
                    reader.Read();
                    (call.AdditionalProperties ?? (call.AdditionalProperties = new Dictionary<string, JsonElement>()))[name] = JsonElement.ParseValue(ref reader);
                    continue;
                }
                reader.Read();
                switch ((Field)field)
                {
                    case Field.AccountSid: call.AccountSid = Recurring(ref reader, AccountSids); break;
                    case Field.Annotation: call.Annotation = Text(ref reader); break;
                    case Field.AnsweredBy: call.AnsweredBy = Text(ref reader); break;
                    case Field.ApiVersion: call.ApiVersion = Recurring(ref reader, ApiVersions); break;
                    case Field.CallerName: call.CallerName = Text(ref reader); break;
                    case Field.DateCreated: call.DateCreated = Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.DateUpdated: call.DateUpdated = Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.Direction: call.Direction = Recurring(ref reader, Directions); break;
                    case Field.Duration: call.Duration = Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.EndTime: call.EndTime = Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.ForwardedFrom: call.ForwardedFrom = Text(ref reader); break;
                    case Field.From: call.From = Text(ref reader); break;
                    case Field.FromFormatted: call.FromFormatted = Text(ref reader); break;
                    case Field.GroupSid: call.GroupSid = Text(ref reader); break;
                    case Field.ParentCallSid: call.ParentCallSid = Text(ref reader); break;
                    case Field.PhoneNumberSid: call.PhoneNumberSid = Text(ref reader); break;
                    case Field.Price: call.Price = Decimals.Read(ref reader, typeof(decimal?), null); break;
                    case Field.PriceUnit: call.PriceUnit = Recurring(ref reader, PriceUnits); break;
                    case Field.QueueTime: call.QueueTime = Integers.Read(ref reader, typeof(int?), null); break;
                    case Field.Sid: call.Sid = Text(ref reader); break;
                    case Field.StartTime: call.StartTime = Dates.Read(ref reader, typeof(DateTimeOffset?), null); break;
                    case Field.Status: call.Status = Recurring(ref reader, Statuses); break;
                    case Field.SubresourceUris:
                        call.SubresourceUriSet = reader.TokenType == JsonTokenType.Null ? null : Subresources.Read(ref reader, typeof(SubresourceUriSet), null);
                        break;
                    case Field.To: call.To = Text(ref reader); break;
                    case Field.ToFormatted: call.ToFormatted = Text(ref reader); break;
                    case Field.TrunkSid: call.TrunkSid = Text(ref reader); break;
                    case Field.Uri: call.Uri = Text(ref reader); break;
                    case Field.CallSid: reader.Skip(); break;
                }
            }
            return call;
        }

        /// <summary>The field the current property name is (the expected one first), or -1.</summary>
        private static int Find(ref Utf8JsonReader reader, ref int expected)
        {
            if (expected < Names.Length && reader.ValueTextEquals(Names[expected])) return expected++;
            for (int i = 0; i < Names.Length; i++)
            {
                if (reader.ValueTextEquals(Names[i]))
                {
                    expected = i + 1;
                    return i;
                }
            }
            return -1;
        }

        /// <summary>A string field, as the generated reader reads one: a string or null, anything else an error.</summary>
        private static string Text(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String) return reader.GetString();
            if (reader.TokenType == JsonTokenType.Null) return null;
            throw new JsonException($"The JSON value could not be converted to System.String: a {reader.TokenType} where a call field holds text.");
        }

        private static string Recurring(ref Utf8JsonReader reader, RecurringStringConverter shared)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.String) return Text(ref reader);
            return shared.Read(ref reader, typeof(string), null);
        }

        private static byte[][] Utf8(params string[] names)
        {
            var bytes = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++) bytes[i] = Encoding.UTF8.GetBytes(names[i]);
            return bytes;
        }
    }
}
