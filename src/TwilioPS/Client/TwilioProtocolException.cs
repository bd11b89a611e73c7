using System;

namespace TwilioPS.Client
{
    /// <summary>
    /// The server answered, but not as the Twilio API does (a link to another host, a list without
    /// its records): TwilioPS stops rather than guess.
    /// </summary>
    public sealed class TwilioProtocolException : Exception
    {
        public TwilioProtocolException(string message, Exception inner = null) : base(message, inner) { }
    }
}
