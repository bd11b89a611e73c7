using System;
using System.Collections.Generic;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// What Twilio sends when it asks for a call's instructions and what it does when they cannot be
    /// had (see Twiml/CallRunner for the interpreter).
    /// </summary>
    internal static class CallDocument
    {
        /// <summary>Error 11200, HTTP retrieval failure: the Url could not be fetched.</summary>
        public const int RetrievalFailure = 11200;
        /// <summary>How long "We are sorry, an application error has occurred. Goodbye." takes before Twilio hangs up.</summary>
        public static readonly TimeSpan ApplicationErrorMessage = TimeSpan.FromSeconds(4);

        /// <summary>
        /// The emulator's rule for a host that cannot be reached: "unreachable.example", or in the
        /// reserved ".invalid" TLD (RFC 2606, names that can never resolve).
        /// </summary>
        public static bool IsUnreachable(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri)) return true;
            string host = uri.Host.TrimEnd('.');
            return string.Equals(host, "unreachable.example", StringComparison.OrdinalIgnoreCase)
                || string.Equals(host, "invalid", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
        }

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
