using System;
using System.Management.Automation;
using System.Net;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// ErrorRecords with stable ErrorIds and categories a script can switch on, built from Twilio's
    /// own error body. Message text is Twilio's; the documentation link is the recommended action.
    /// </summary>
    internal static class TwilioErrors
    {
        public static ErrorRecord FromApi(TwilioApiException exception, object target)
        {
            string errorId = exception.Code.HasValue
                ? "Twilio" + exception.Code.Value
                : "Http" + (int)exception.Status;
            var record = new ErrorRecord(exception, errorId, Category(exception.Status), target);
            record.ErrorDetails = new ErrorDetails(exception.Status == HttpStatusCode.Unauthorized && exception.Code == 20003
                // Twilio's own text is one word; a connection that worked until now needs the likely why.
                ? $"Twilio did not accept this connection's credential ({exception.Message}): the auth token may have been changed, the API key removed or the account closed. Connect again with a valid credential."
                : exception.Message);
            if (!string.IsNullOrEmpty(exception.MoreInfo)) record.ErrorDetails.RecommendedAction = "See " + exception.MoreInfo;
            return record;
        }

        public static ErrorCategory Category(HttpStatusCode status)
        {
            int code = (int)status;
            switch (code)
            {
                case 400: case 422: return ErrorCategory.InvalidArgument;
                case 401: case 403: return ErrorCategory.PermissionDenied;
                case 404: return ErrorCategory.ObjectNotFound;
                case 405: return ErrorCategory.InvalidOperation;
                case 409: return ErrorCategory.ResourceExists;
                case 429: return ErrorCategory.LimitsExceeded;
                case 502: case 503: case 504: return ErrorCategory.ResourceUnavailable;
            }
            return code >= 500 ? ErrorCategory.ConnectionError : ErrorCategory.NotSpecified;
        }

        /// <summary>
        /// The request got no complete answer: DNS, refused, TLS, reset, a body cut off, -TimeoutSec
        /// passed (after any retries). TwilioPS's own messages (a timeout, a cut-off create that may have
        /// been carried out) are kept whole; a runtime's is reduced to its innermost cause.
        /// </summary>
        public static ErrorRecord FromTransport(Exception exception, object target) =>
            new ErrorRecord(exception, "TwilioConnectionFailed", ErrorCategory.ConnectionError, target)
            {
                ErrorDetails = new ErrorDetails(exception is TimeoutException || exception is TwilioResponseInterruptedException
                    ? exception.Message
                    : "Could not reach the Twilio API: " + Innermost(exception).Message),
            };

        /// <summary>The server answered, but not as the Twilio API does.</summary>
        public static ErrorRecord FromProtocol(TwilioProtocolException exception, object target) =>
            new ErrorRecord(exception, "TwilioProtocolError", ErrorCategory.InvalidResult, target);

        /// <summary>The connection was closed (Disconnect-Twilio) before or while the request waited.</summary>
        public static ErrorRecord ConnectionClosed(ConnectionClosedException exception, object target) =>
            new ErrorRecord(exception, "ConnectionClosed", ErrorCategory.ConnectionError, target);

        /// <summary>The emulator could not listen (most often: the port is taken).</summary>
        public static ErrorRecord EmulatorStartFailed(Exception exception, int port) =>
            new ErrorRecord(exception, "EmulatorStartFailed", ErrorCategory.ResourceUnavailable, port)
            {
                ErrorDetails = new ErrorDetails(port == 0
                    ? exception.Message
                    : $"Could not start the Twilio emulator on port {port} ({Innermost(exception).Message}). Choose another -Port, or leave it out for a free one."),
            };

        public static ErrorRecord TwimlFolderNotFound(string path) =>
            new ErrorRecord(new System.IO.DirectoryNotFoundException("The TwiML folder '" + path + "' does not exist."),
                "TwimlFolderNotFound", ErrorCategory.ObjectNotFound, path);

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new InvalidOperationException("Not connected to Twilio. Run Connect-Twilio first, or pass -Connection."),
                "NotConnected", ErrorCategory.ConnectionError, null);

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException != null) exception = exception.InnerException;
            return exception;
        }
    }
}
