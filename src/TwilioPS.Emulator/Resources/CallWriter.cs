using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// A call as api.v2010.account.call (every spec property in the order Twilio's snake_case names sort,
    /// plus "annotation"), written straight into the response: names pre-encoded, dates, numbers and URIs
    /// formatted into stack buffers. A 1000-call page allocates nothing per call.
    /// </summary>
    internal static class CallWriter
    {
        private const string ApiVersion = "2010-04-01";

        private static readonly JsonEncodedText AccountSid = JsonEncodedText.Encode("account_sid");
        private static readonly JsonEncodedText Annotation = JsonEncodedText.Encode("annotation");
        private static readonly JsonEncodedText AnsweredBy = JsonEncodedText.Encode("answered_by");
        private static readonly JsonEncodedText ApiVersionName = JsonEncodedText.Encode("api_version");
        private static readonly JsonEncodedText ApiVersionValue = JsonEncodedText.Encode(ApiVersion);
        private static readonly JsonEncodedText CallerName = JsonEncodedText.Encode("caller_name");
        private static readonly JsonEncodedText DateCreated = JsonEncodedText.Encode("date_created");
        private static readonly JsonEncodedText DateUpdated = JsonEncodedText.Encode("date_updated");
        private static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
        private static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
        private static readonly JsonEncodedText EndTime = JsonEncodedText.Encode("end_time");
        private static readonly JsonEncodedText ForwardedFrom = JsonEncodedText.Encode("forwarded_from");
        private static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
        private static readonly JsonEncodedText FromFormatted = JsonEncodedText.Encode("from_formatted");
        private static readonly JsonEncodedText GroupSid = JsonEncodedText.Encode("group_sid");
        private static readonly JsonEncodedText ParentCallSid = JsonEncodedText.Encode("parent_call_sid");
        private static readonly JsonEncodedText PhoneNumberSid = JsonEncodedText.Encode("phone_number_sid");
        private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        private static readonly JsonEncodedText PriceUnit = JsonEncodedText.Encode("price_unit");
        private static readonly JsonEncodedText Usd = JsonEncodedText.Encode("USD");
        private static readonly JsonEncodedText QueueTime = JsonEncodedText.Encode("queue_time");
        private static readonly JsonEncodedText Sid = JsonEncodedText.Encode("sid");
        private static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("start_time");
        private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        private static readonly JsonEncodedText SubresourceUris = JsonEncodedText.Encode("subresource_uris");
        private static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
        private static readonly JsonEncodedText ToFormatted = JsonEncodedText.Encode("to_formatted");
        private static readonly JsonEncodedText TrunkSid = JsonEncodedText.Encode("trunk_sid");
        private static readonly JsonEncodedText Uri = JsonEncodedText.Encode("uri");

        /// <summary>The call's subresources: property name and the path after the call's own URI base.</summary>
        private static readonly (JsonEncodedText Name, string Suffix, byte[] SuffixBytes)[] Subresources =
        {
            Subresource("notifications", "/Notifications.json"),
            Subresource("recordings", "/Recordings.json"),
            Subresource("payments", "/Payments.json"),
            Subresource("events", "/Events.json"),
            Subresource("siprec", "/Siprec.json"),
            Subresource("streams", "/Streams.json"),
            Subresource("transcriptions", "/Transcriptions.json"),
            Subresource("user_defined_message_subscriptions", "/UserDefinedMessageSubscriptions.json"),
            Subresource("user_defined_messages", "/UserDefinedMessages.json"),
        };

        private static readonly byte[] AccountsPrefix = Ascii("/" + ApiVersion + "/Accounts/");
        private static readonly byte[] CallsInfix = Ascii("/Calls/");
        private static readonly byte[] JsonSuffix = Ascii(".json");
        private static readonly byte[] PlusZero = Ascii("+0000");
        private static readonly StandardFormat Rfc1123 = new StandardFormat('R');
        private static readonly StandardFormat FivePlaces = new StandardFormat('F', 5);

        public static void Write(Utf8JsonWriter w, Call call, DateTimeOffset now, bool asCreated)
        {
            CallState s = call.Evaluate(now, asCreated);
            Span<byte> scratch = stackalloc byte[64];
            w.WriteStartObject();
            w.WriteString(AccountSid, call.AccountSid);
            w.WriteString(Annotation, call.Annotation);
            w.WriteString(AnsweredBy, s.AnsweredBy);
            w.WriteString(ApiVersionName, ApiVersionValue);
            w.WriteString(CallerName, call.CallerName);
            WriteDate(w, DateCreated, call.DateCreated, scratch);
            WriteDate(w, DateUpdated, s.DateUpdated, scratch);
            w.WriteString(Direction, call.Direction);
            if (s.DurationSeconds.HasValue) w.WriteString(Duration, Formatted(s.DurationSeconds.Value, scratch));
            else w.WriteNull(Duration);
            WriteDate(w, EndTime, s.EndTime, scratch);
            w.WriteString(ForwardedFrom, call.ForwardedFrom);
            w.WriteString(From, call.From);
            w.WriteString(FromFormatted, call.FromFormatted);
            w.WriteString(GroupSid, call.GroupSid);
            w.WriteString(ParentCallSid, call.ParentCallSid);
            w.WriteString(PhoneNumberSid, call.PhoneNumberSid);
            if (s.PriceValue.HasValue) w.WriteString(Price, Formatted(s.PriceValue.Value, scratch));
            else w.WriteNull(Price);
            w.WriteString(PriceUnit, Usd);
            // Twilio writes queue_time as a string of milliseconds.
            w.WriteString(QueueTime, Formatted(call.QueueTimeMs, scratch));
            w.WriteString(Sid, call.Sid);
            WriteDate(w, StartTime, s.StartTime, scratch);
            w.WriteString(Status, s.Status);

            Span<byte> uri = stackalloc byte[256];
            int baseLength = UriBase(call, uri);
            // A SID that is not plain ASCII (never Twilio's) takes the string path.
            string uriBase = baseLength < 0 ? call.UriBase : null;
            w.WriteStartObject(SubresourceUris);
            foreach ((JsonEncodedText name, string suffix, byte[] suffixBytes) in Subresources)
            {
                if (uriBase == null) w.WriteString(name, WithSuffix(uri, baseLength, suffixBytes));
                else w.WriteString(name, uriBase + suffix);
            }
            w.WriteEndObject();
            w.WriteString(To, call.To);
            w.WriteString(ToFormatted, call.ToFormatted);
            w.WriteString(TrunkSid, call.TrunkSid);
            if (uriBase == null) w.WriteString(Uri, WithSuffix(uri, baseLength, JsonSuffix));
            else w.WriteString(Uri, uriBase + ".json");
            w.WriteEndObject();
        }

        /// <summary>"/2010-04-01/Accounts/{AC}/Calls/{CA}" into the buffer with room for any suffix; its length, or -1 if a SID is not ASCII or too long.</summary>
        private static int UriBase(Call call, Span<byte> buffer)
        {
            int length = 0;
            return Append(buffer, ref length, AccountsPrefix) && AppendAscii(buffer, ref length, call.AccountSid)
                && Append(buffer, ref length, CallsInfix) && AppendAscii(buffer, ref length, call.Sid)
                && length + 64 <= buffer.Length
                ? length : -1;
        }

        private static ReadOnlySpan<byte> WithSuffix(Span<byte> buffer, int baseLength, byte[] suffix)
        {
            suffix.CopyTo(buffer.Slice(baseLength));
            return buffer.Slice(0, baseLength + suffix.Length);
        }

        private static bool Append(Span<byte> buffer, ref int length, byte[] bytes)
        {
            if (length + bytes.Length > buffer.Length) return false;
            bytes.CopyTo(buffer.Slice(length));
            length += bytes.Length;
            return true;
        }

        private static bool AppendAscii(Span<byte> buffer, ref int length, string text)
        {
            if (text == null || length + text.Length > buffer.Length) return false;
            foreach (char c in text)
            {
                if (c > 0x7f) return false;
                buffer[length++] = (byte)c;
            }
            return true;
        }

        /// <summary>RFC 2822 as Twilio writes it: RFC 1123's form with "+0000" for "GMT" (see <see cref="TwilioJson.Rfc2822"/>).</summary>
        private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateTimeOffset? value, Span<byte> buffer)
        {
            if (!value.HasValue) { w.WriteNull(name); return; }
            Utf8Formatter.TryFormat(value.Value.UtcDateTime, buffer, out int written, Rfc1123);
            PlusZero.CopyTo(buffer.Slice(written - 3));
            w.WriteString(name, buffer.Slice(0, written + 2));
        }

        private static ReadOnlySpan<byte> Formatted(long value, Span<byte> buffer)
        {
            Utf8Formatter.TryFormat(value, buffer, out int written);
            return buffer.Slice(0, written);
        }

        /// <summary>A price as "-0.01300": five places, and zero without a sign (as decimal's "0.00000" format writes it).</summary>
        private static ReadOnlySpan<byte> Formatted(decimal value, Span<byte> buffer)
        {
            if (value == 0m) value = 0m;
            Utf8Formatter.TryFormat(value, buffer, out int written, FivePlaces);
            return buffer.Slice(0, written);
        }

        private static (JsonEncodedText, string, byte[]) Subresource(string name, string suffix) => (JsonEncodedText.Encode(name), suffix, Ascii(suffix));

        private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);
    }
}
