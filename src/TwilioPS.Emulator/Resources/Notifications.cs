using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// api.v2010.account.notification: an error or warning Twilio logged about a call's TwiML, made
    /// by the call's TwiML runner when it met the problem (a call never answered never asks for TwiML).
    /// </summary>
    internal sealed class Notification : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Notification>.NextSeq();
        public long SortTicks => MessageDate.UtcTicks;
        public string AccountSid;
        public Call Call;
        public int ErrorCode;
        /// <summary>"0" error, "1" warning.</summary>
        public string Log = "0";
        /// <summary>When Twilio asked for the TwiML: the call's answer.</summary>
        public DateTimeOffset MessageDate;
        /// <summary>The webhook request that failed; null for inline Twiml, which no request fetched.</summary>
        public string RequestMethod, RequestUrl;
        public string RequestVariables;
        /// <summary>What the server answered: nothing for an unreachable host, the document itself for inline Twiml.</summary>
        public string ResponseBody, ResponseHeaders;
        /// <summary>What was wrong, when more than the code says (the unknown verb's name).</summary>
        public string Detail;

        /// <summary>Made when the call's TwiML ran into the problem, so it exists from then on.</summary>
        public bool Exists(DateTimeOffset now) => now >= MessageDate;

        /// <summary>The list form (the instance form adds the request and response).</summary>
        public NotificationJson ToJson(string uri, bool instance)
        {
            NotificationJson json = instance
                ? new NotificationInstanceJson { RequestVariables = RequestVariables, ResponseBody = ResponseBody, ResponseHeaders = ResponseHeaders }
                : new NotificationJson();
            json.AccountSid = AccountSid;
            json.ApiVersion = "2010-04-01";
            json.CallSid = Call.Sid;
            json.DateCreated = TwilioJson.Rfc2822(MessageDate);
            json.DateUpdated = TwilioJson.Rfc2822(MessageDate);
            json.ErrorCode = ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            json.Log = Log;
            json.MessageDate = TwilioJson.Rfc2822(MessageDate);
            json.MessageText = MessageText();
            json.MoreInfo = TwilioApiException.MoreInfoFor(ErrorCode);
            json.RequestMethod = RequestMethod;
            json.RequestUrl = RequestUrl;
            json.Sid = Sid;
            json.Uri = uri;
            return json;
        }

        private string Message()
        {
            switch (ErrorCode)
            {
                case CallDocument.RetrievalFailure: return "Unable to connect to " + RequestUrl;
                case Twiml.TwimlDocument.RootNotResponse: return "The root element must be Response";
                case Twiml.TwimlDocument.SchemaWarning: return "Schema validation warning" + (Detail != null ? ": " + Detail : "");
                case Twiml.TwimlDocument.InternalFailure: return "Internal failure";
                default: return "Document parse failure";
            }
        }

        /// <summary>Form-encoded, as Twilio writes it: "LogLevel=ERROR&amp;Msg=…&amp;ErrorCode=11200&amp;url=…".</summary>
        private string MessageText()
        {
            var text = new StringBuilder(256);
            void Pair(string key, string value)
            {
                if (text.Length > 0) text.Append('&');
                text.Append(key).Append('=').Append(WebUtility.UrlEncode(value ?? ""));
            }
            Pair("EmailNotification", "false");
            Pair("LogLevel", Log == "0" ? "ERROR" : "WARNING");
            Pair("Msg", Message());
            Pair("ErrorCode", ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (RequestUrl != null) Pair("url", RequestUrl);
            return text.ToString();
        }
    }

    /// <summary>The wire form of a notification in a list; property names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal class NotificationJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string CallSid { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string ErrorCode { get; set; }
        public string Log { get; set; }
        public string MessageDate { get; set; }
        public string MessageText { get; set; }
        public string MoreInfo { get; set; }
        public string RequestMethod { get; set; }
        public string RequestUrl { get; set; }
        public string Sid { get; set; }
        public string Uri { get; set; }
    }

    /// <summary>A fetched notification (the spec's notification-instance): also what was sent and received.</summary>
    internal sealed class NotificationInstanceJson : NotificationJson
    {
        public string RequestVariables { get; set; }
        public string ResponseBody { get; set; }
        public string ResponseHeaders { get; set; }
    }
}
