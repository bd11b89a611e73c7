using System;
using System.IO;

namespace TwilioPS.Client
{
    /// <summary>
    /// The answer to a create or update broke off after Twilio received the request: it may have been
    /// carried out (a call placed), so the user checks before sending it again.
    /// </summary>
    public sealed class TwilioResponseInterruptedException : IOException
    {
        public TwilioResponseInterruptedException(string message, Exception inner) : base(message, inner) { }
    }
}
