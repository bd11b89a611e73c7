using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Xml;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// What happens when a call is answered and Twilio asks for its instructions: whether the TwiML
    /// could be had and read, and the parameters Twilio sends with the request. There is no TwiML
    /// interpreter yet, so the emulator only classifies the document; it never fetches a Url.
    /// </summary>
    internal static class CallDocument
    {
        /// <summary>Error 11200, HTTP retrieval failure: the Url could not be fetched.</summary>
        public const int RetrievalFailure = 11200;
        /// <summary>Error 12100, document parse failure: the TwiML is not well-formed XML.</summary>
        public const int ParseFailure = 12100;

        /// <summary>How long "We are sorry, an application error has occurred. Goodbye." takes before Twilio hangs up.</summary>
        public static readonly TimeSpan ApplicationErrorMessage = TimeSpan.FromSeconds(4);

        /// <summary>
        /// A <c>&lt;Record transcribe="true"&gt;</c> in the call's TwiML. A plain text check stands in for the
        /// TwiML interpreter the emulator does not have yet.
        /// </summary>
        private static readonly Regex TranscribedRecord = new Regex(
            @"<Record\b[^>]*\btranscribe\s*=\s*[""']true[""']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>
        /// The error Twilio logs when the call is answered, or null when its TwiML is fine. The emulator
        /// never makes network requests (tests create calls with Url https://example.com/…), so a Url is
        /// unreachable by rule: its host is "unreachable.example" or in the reserved ".invalid" TLD
        /// (RFC 2606, names that can never resolve). Inline Twiml fails when it is not well-formed XML.
        /// </summary>
        public static int? Failure(Call call)
        {
            if (!string.IsNullOrEmpty(call.Url)) return IsUnreachable(call.Url) ? RetrievalFailure : (int?)null;
            if (!string.IsNullOrEmpty(call.Twiml)) return IsWellFormed(call.Twiml) ? (int?)null : ParseFailure;
            return null;
        }

        public static bool IsUnreachable(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri)) return true;
            string host = uri.Host.TrimEnd('.');
            return string.Equals(host, "unreachable.example", StringComparison.OrdinalIgnoreCase)
                || string.Equals(host, "invalid", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsWellFormed(string twiml)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            try
            {
                using (XmlReader reader = XmlReader.Create(new System.IO.StringReader(twiml), settings))
                    while (reader.Read()) { }
                return true;
            }
            catch (XmlException)
            {
                return false;
            }
        }

        /// <summary>Whether the call's own TwiML asks for its recording to be transcribed.</summary>
        public static bool AsksForTranscription(Call call) => call.Twiml != null && TranscribedRecord.IsMatch(call.Twiml);

        /// <summary>The parameters of a voice webhook (the TwiML request and status callbacks), as Twilio sends them.</summary>
        public static List<KeyValuePair<string, string>> WebhookParameters(Call call, string callStatus)
        {
            return new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("AccountSid", call.AccountSid),
                new KeyValuePair<string, string>("ApiVersion", call.ApiVersion),
                new KeyValuePair<string, string>("CallSid", call.Sid),
                new KeyValuePair<string, string>("CallStatus", callStatus),
                new KeyValuePair<string, string>("Called", call.To),
                new KeyValuePair<string, string>("Caller", call.From),
                new KeyValuePair<string, string>("Direction", call.Direction),
                new KeyValuePair<string, string>("From", call.From),
                new KeyValuePair<string, string>("To", call.To),
            };
        }
    }
}
