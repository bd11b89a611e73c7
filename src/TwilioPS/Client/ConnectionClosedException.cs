using System;

namespace TwilioPS.Client
{
    /// <summary>
    /// The connection was closed (Disconnect-Twilio) before or while a request waited to be sent.
    /// Cmdlets report it as the ConnectionClosed error, whichever layer noticed.
    /// </summary>
    public sealed class ConnectionClosedException : ObjectDisposedException
    {
        public ConnectionClosedException()
            : base("TwilioConnection", "This Twilio connection was closed by Disconnect-Twilio. Run Connect-Twilio again.")
        {
        }
    }
}
