using System;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>
    /// A Twilio error response. Handlers throw it; the pipeline renders
    /// {"code":…,"message":…,"more_info":"https://www.twilio.com/docs/errors/{code}","status":…}.
    /// </summary>
    internal sealed class TwilioApiException : Exception
    {
        public TwilioApiException(int status, int code, string message) : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }
        public int Code { get; }
        public string MoreInfo => MoreInfoFor(Code);

        public static string MoreInfoFor(int code) => "https://www.twilio.com/docs/errors/" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The error catalogue. "Verified" codes/messages match Twilio's documentation or observed API
    /// responses; "chosen" ones are our best pick where Twilio's exact answer is not documented.
    /// </summary>
    internal static class TwilioErrors
    {
        /// <summary>401 20003 "Authenticate" (verified).</summary>
        public static TwilioApiException Authenticate() => new TwilioApiException(401, 20003, "Authenticate");

        /// <summary>
        /// 401 20005 "Account not active": a request by or for a suspended (or, through its owner, a
        /// closed) account. Code and message are Twilio's (its error dictionary: "Account not active");
        /// the status is chosen: 401, as for Twilio's other refusals of a credential (20003), since a
        /// suspended account's credential authenticates nothing until it is reactivated.
        /// </summary>
        public static TwilioApiException AccountNotActive() => new TwilioApiException(401, 20005, "Account not active");

        /// <summary>404 20404 "The requested resource {path} was not found" (verified).</summary>
        public static TwilioApiException NotFound(string path) =>
            new TwilioApiException(404, 20404, "The requested resource " + path + " was not found");

        /// <summary>405 20004 "Method not allowed" (Twilio's code for this; message chosen).</summary>
        public static TwilioApiException MethodNotAllowed() => new TwilioApiException(405, 20004, "Method not allowed");

        /// <summary>403 20403 (chosen) for operations the credential may not perform.</summary>
        public static TwilioApiException Forbidden(string message) => new TwilioApiException(403, 20403, message);

        /// <summary>400 20001 "Invalid parameter" family (code chosen; message says what is wrong).</summary>
        public static TwilioApiException InvalidParameter(string message) => new TwilioApiException(400, 20001, message);

        public static TwilioApiException BadRequest(int code, string message) => new TwilioApiException(400, code, message);
    }
}
