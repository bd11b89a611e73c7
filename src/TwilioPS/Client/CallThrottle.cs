using System;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Spaces call creation at the account's calls-per-second. Twilio queues (does not reject) calls
    /// above the rate, so the point is a short, predictable queue: one token every 1/CPS seconds, no
    /// burst, shared by every cmdlet and runspace that uses the connection.
    /// </summary>
    public sealed class CallThrottle : IDisposable
    {
        private readonly TokenBucketRateLimiter _bucket;

        public CallThrottle(double callsPerSecond)
        {
            if (callsPerSecond <= 0 || double.IsNaN(callsPerSecond) || double.IsInfinity(callsPerSecond))
                throw new ArgumentOutOfRangeException(nameof(callsPerSecond), "Calls per second must be a positive number.");
            CallsPerSecond = callsPerSecond;
            _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / callsPerSecond)),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        public double CallsPerSecond { get; }

        /// <summary>Waits for the next call slot; says so in the operation's Verbose log when it must wait.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            using (RateLimitLease immediate = _bucket.AttemptAcquire(1))
            {
                if (immediate.IsAcquired) return;
            }

            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                "Waiting for the calls-per-second throttle ({0:0.##} call(s) per second).", CallsPerSecond));
            using (RateLimitLease lease = await _bucket.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (!lease.IsAcquired) throw new InvalidOperationException("The call throttle refused the request.");
            }
        }

        public void Dispose() => _bucket.Dispose();
    }
}
