using System;

namespace TwilioPS.Client
{
    /// <summary>How hard a connection tries again after a transient failure.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Retries after the first attempt (0 turns retry off).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>First backoff step; later steps grow exponentially, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Cap on a computed backoff step.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Cap on a server's Retry-After, so a misbehaving proxy cannot park a script for hours.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);
    }
}
