using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// A call as api.v2010.account.call (every spec property in the order Twilio's snake_case names sort,
    /// plus "annotation"), written straight into the response. Almost every call has no value that
    /// needs escaping: its JSON is assembled by hand from pre-encoded fragments in a stack buffer and
    /// copied in whole, about twice as fast as field by field through the writer; a call with such a value
    /// takes the writer's path (names pre-encoded, dates, numbers and URIs formatted into stack
    /// buffers), whose escaping is the reference. Neither allocates anything per call.
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
            // A reused scratch array, not stackalloc: C# zeroes a stackalloc'd block on every call, and
            // 4 KB zeroed per call was most of the time to write a page of 1000 calls.
            Span<byte> record = _scratch ?? (_scratch = new byte[RawLimit]);
            int length = WriteRaw(record, call, s);
            if (length > 0) w.WriteRawValue(record.Slice(0, length), skipInputValidation: true);
            else WriteFields(w, call, s);
        }

        /// <summary>The same JSON through the writer's own escaping: for a call with a value that needs escaping.</summary>
        private static void WriteFields(Utf8JsonWriter w, Call call, CallState s)
        {
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

        // ---- the raw form: the common case, where no value needs escaping --------------------------

        /// <summary>A call is about 2 KB; one with longer values takes the writer's path.</summary>
        private const int RawLimit = 4096;

        [ThreadStatic] private static byte[] _scratch;

        private static readonly byte[] RawAccountSid = Field("account_sid", first: true);
        private static readonly byte[] RawAnnotation = Field("annotation");
        private static readonly byte[] RawAnsweredBy = Field("answered_by");
        private static readonly byte[] RawApiVersion = Ascii(",\"api_version\":\"" + ApiVersion + "\"");
        private static readonly byte[] RawCallerName = Field("caller_name");
        private static readonly byte[] RawDateCreated = Field("date_created");
        private static readonly byte[] RawDateUpdated = Field("date_updated");
        private static readonly byte[] RawDirection = Field("direction");
        private static readonly byte[] RawDuration = Field("duration");
        private static readonly byte[] RawEndTime = Field("end_time");
        private static readonly byte[] RawForwardedFrom = Field("forwarded_from");
        private static readonly byte[] RawFrom = Field("from");
        private static readonly byte[] RawFromFormatted = Field("from_formatted");
        private static readonly byte[] RawGroupSid = Field("group_sid");
        private static readonly byte[] RawParentCallSid = Field("parent_call_sid");
        private static readonly byte[] RawPhoneNumberSid = Field("phone_number_sid");
        private static readonly byte[] RawPrice = Field("price");
        private static readonly byte[] RawPriceUnit = Ascii(",\"price_unit\":\"USD\"");
        private static readonly byte[] RawQueueTime = Field("queue_time");
        private static readonly byte[] RawSid = Field("sid");
        private static readonly byte[] RawStartTime = Field("start_time");
        private static readonly byte[] RawStatus = Field("status");
        private static readonly byte[] RawSubresourceUris = Field("subresource_uris");
        private static readonly byte[] RawTo = Field("to");
        private static readonly byte[] RawToFormatted = Field("to_formatted");
        private static readonly byte[] RawTrunkSid = Field("trunk_sid");
        private static readonly byte[] RawUri = Field("uri");
        /// <summary>Each subresource's "{"name":"" or ","name":"", the URI base and suffix going between it and the closing quote.</summary>
        private static readonly byte[][] RawSubresources = Array.ConvertAll(new[]
        {
            "notifications", "recordings", "payments", "events", "siprec", "streams", "transcriptions",
            "user_defined_message_subscriptions", "user_defined_messages",
        }, name => Ascii((name == "notifications" ? "{" : ",") + "\"" + name + "\":\""));
        private static readonly byte[] Null = Ascii("null");

        /// <summary>The call's JSON into <paramref name="buffer"/>: its length, or 0 if a value needs escaping or it does not fit.</summary>
        private static int WriteRaw(Span<byte> buffer, Call call, CallState s)
        {
            var r = new RawJson(buffer);
            r.Bytes(RawAccountSid); r.String(call.AccountSid);
            r.Bytes(RawAnnotation); r.String(call.Annotation);
            r.Bytes(RawAnsweredBy); r.String(s.AnsweredBy);
            r.Bytes(RawApiVersion);
            r.Bytes(RawCallerName); r.String(call.CallerName);
            r.Bytes(RawDateCreated); r.Date(call.DateCreated);
            r.Bytes(RawDateUpdated); r.Date(s.DateUpdated);
            r.Bytes(RawDirection); r.String(call.Direction);
            r.Bytes(RawDuration); if (s.DurationSeconds.HasValue) r.Number(s.DurationSeconds.Value); else r.Bytes(Null);
            r.Bytes(RawEndTime); r.Date(s.EndTime);
            r.Bytes(RawForwardedFrom); r.String(call.ForwardedFrom);
            r.Bytes(RawFrom); r.String(call.From);
            r.Bytes(RawFromFormatted); r.String(call.FromFormatted);
            r.Bytes(RawGroupSid); r.String(call.GroupSid);
            r.Bytes(RawParentCallSid); r.String(call.ParentCallSid);
            r.Bytes(RawPhoneNumberSid); r.String(call.PhoneNumberSid);
            r.Bytes(RawPrice); if (s.PriceValue.HasValue) r.Price(s.PriceValue.Value); else r.Bytes(Null);
            r.Bytes(RawPriceUnit);
            r.Bytes(RawQueueTime); r.Number(call.QueueTimeMs);
            r.Bytes(RawSid); r.String(call.Sid);
            r.Bytes(RawStartTime); r.Date(s.StartTime);
            r.Bytes(RawStatus); r.String(s.Status);
            Span<byte> uri = stackalloc byte[256];
            int baseLength = UriBase(call, uri);
            if (baseLength < 0) return 0;
            ReadOnlySpan<byte> uriBase = uri.Slice(0, baseLength);
            r.Bytes(RawSubresourceUris);
            for (int i = 0; i < RawSubresources.Length; i++)
            {
                r.Bytes(RawSubresources[i]); r.Bytes(uriBase); r.Bytes(Subresources[i].SuffixBytes); r.Quote();
            }
            r.Bytes(CloseBrace);
            r.Bytes(RawTo); r.String(call.To);
            r.Bytes(RawToFormatted); r.String(call.ToFormatted);
            r.Bytes(RawTrunkSid); r.String(call.TrunkSid);
            r.Bytes(RawUri); r.Quote(); r.Bytes(uriBase); r.Bytes(JsonSuffix); r.Quote();
            r.Bytes(CloseBrace);
            return r.Ok ? r.Length : 0;
        }

        private static readonly byte[] CloseBrace = { (byte)'}' };

        /// <summary>JSON assembled by hand for values that need no escaping (printable ASCII without '"' or '\\'), as the relaxed writer would write them.</summary>
        private ref struct RawJson
        {
            private readonly Span<byte> _buffer;
            public int Length;
            public bool Ok;

            public RawJson(Span<byte> buffer) { _buffer = buffer; Length = 0; Ok = true; }

            public void Bytes(scoped ReadOnlySpan<byte> bytes)
            {
                if (!Ok || Length + bytes.Length > _buffer.Length) { Ok = false; return; }
                bytes.CopyTo(_buffer.Slice(Length));
                Length += bytes.Length;
            }

            public void Quote()
            {
                if (!Ok || Length >= _buffer.Length) { Ok = false; return; }
                _buffer[Length++] = (byte)'"';
            }

            public void String(string value)
            {
                if (value == null) { Bytes(Null); return; }
                Quote();
                if (!Ok || Length + value.Length + 1 > _buffer.Length) { Ok = false; return; }
                Span<byte> to = _buffer.Slice(Length, value.Length);
#if NET
                ReadOnlySpan<char> chars = value.AsSpan();
                if (chars.IndexOfAnyExceptInRange(' ', '~') >= 0 || chars.IndexOfAny('"', '\\') >= 0) { Ok = false; return; }
                System.Text.Encoding.ASCII.GetBytes(chars, to);
#else
                for (int i = 0; i < value.Length; i++)
                {
                    char c = value[i];
                    if (c < ' ' || c > '~' || c == '"' || c == '\\') { Ok = false; return; }
                    to[i] = (byte)c;
                }
#endif
                Length += value.Length;
                Quote();
            }

            public void Date(DateTimeOffset? value)
            {
                if (!value.HasValue) { Bytes(Null); return; }
                Quote();
                if (!Ok || Length + 40 > _buffer.Length) { Ok = false; return; }
                Length += FormatDate(value.Value, _buffer.Slice(Length));
                Quote();
            }

            public void Number(long value)
            {
                Quote();
                if (!Ok || Length + 24 > _buffer.Length) { Ok = false; return; }
                Length += Formatted(value, _buffer.Slice(Length)).Length;
                Quote();
            }

            public void Price(decimal value)
            {
                Quote();
                if (!Ok || Length + 40 > _buffer.Length) { Ok = false; return; }
                Length += Formatted(value, _buffer.Slice(Length)).Length;
                Quote();
            }
        }

        private static byte[] Field(string name, bool first = false) => Ascii((first ? "{" : ",") + "\"" + name + "\":");

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
            w.WriteString(name, buffer.Slice(0, FormatDate(value.Value, buffer)));
        }

        private static int FormatDate(DateTimeOffset value, Span<byte> buffer)
        {
            Utf8Formatter.TryFormat(value.UtcDateTime, buffer, out int written, Rfc1123);
            PlusZero.CopyTo(buffer.Slice(written - 3));
            return written + 2;
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
