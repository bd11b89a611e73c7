using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace TwilioPS.Client
{
    /// <summary>
    /// Retries what is safe to retry, and nothing else:
    ///   429 and 503, any method — Twilio did not process the request;
    ///   other 5xx and network failures — only GET and DELETE, which are idempotent. A POST that may
    ///   have reached Twilio is never sent twice: a duplicate call or SMS is real money and a real
    ///   phone ringing.
    /// Retry-After (seconds or HTTP date) is honoured up to a ceiling; otherwise capped exponential
    /// backoff with jitter. Every wait observes the caller's cancellation token. A 429 for concurrency
    /// (others of the connection in flight) usually never gets here: the ConcurrencyWindowHandler below
    /// resends it as soon as a slot frees, without spending these retries.
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey =
            new ResiliencePropertyKey<HttpRequestMessage>("TwilioPS.Request");

        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly RetrySettings _settings;

        public RetryHandler(RetrySettings settings)
        {
            _settings = settings;
            _pipeline = settings.MaxRetries <= 0
                ? ResiliencePipeline<HttpResponseMessage>.Empty
                : new ResiliencePipelineBuilder<HttpResponseMessage>()
                    .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.BaseDelay,
                        MaxDelay = settings.MaxDelay,
                        ShouldHandle = args => new ValueTask<bool>(
                            ShouldRetry(args.Context.Properties.GetValue(RequestKey, null), args.Outcome, args.Context.CancellationToken)),
                        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                        OnRetry = args =>
                        {
                            HttpRequestMessage request = args.Context.Properties.GetValue(RequestKey, null);
                            OperationLog.Verbose(string.Format(CultureInfo.InvariantCulture,
                                "{0} {1} failed ({2}); retry {3} of {4} in {5:0.0} s.",
                                request?.Method, request?.RequestUri?.AbsolutePath, Describe(args.Outcome),
                                args.AttemptNumber + 1, settings.MaxRetries, args.RetryDelay.TotalSeconds));
                            args.Outcome.Result?.Dispose();
                            return default;
                        },
                    })
                    .Build();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            try
            {
                Outcome<HttpResponseMessage> outcome = await _pipeline.ExecuteOutcomeAsync(
                    async (ctx, state) =>
                    {
                        try
                        {
                            return Outcome.FromResult(await state.SendOnceAsync(request, ctx.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception ex)
                        {
                            return Outcome.FromException<HttpResponseMessage>(ex);
                        }
                    },
                    context,
                    this).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>
        /// One attempt. For idempotent requests the body is read here too (up to the size cap), so a
        /// connection that breaks mid-body (after a 200's headers) is retried like one that broke before them.
        /// </summary>
        private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!IsIdempotent(request) || response.Content == null) return response;
            try
            {
                ResponseBuffer body;
                // Not every runtime's response stream observes the token: disposing the response aborts the read.
                using (cancellationToken.Register(state => ((HttpResponseMessage)state).Dispose(), response))
                {
                    body = await ResponseBuffer.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
                }
                HttpContent received = response.Content;
                response.Content = new BufferedContent(body, received.Headers);
                received.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private static bool IsIdempotent(HttpRequestMessage request) =>
            request != null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Head);

        internal static bool ShouldRetry(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return false;
            bool idempotent = IsIdempotent(request);

            if (outcome.Exception != null)
            {
                bool transient = outcome.Exception is HttpRequestException
                    || outcome.Exception is System.IO.IOException;
                return transient && idempotent;
            }

            int status = (int)outcome.Result.StatusCode;
            if (status == 429 || status == 503) return true;
            return status >= 500 && idempotent;
        }

        internal TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            TimeSpan? wait = RequestedWait(response);
            if (!wait.HasValue) return null;
            if (wait.Value < TimeSpan.Zero) return TimeSpan.Zero;
            return wait.Value > _settings.MaxRetryAfter ? _settings.MaxRetryAfter : wait.Value;
        }

        /// <summary>
        /// The wait a response's Retry-After asks for (seconds, or an HTTP date less now, which may be
        /// past), unbounded; null without one. The concurrency window reads it too.
        /// </summary>
        internal static TimeSpan? RequestedWait(HttpResponseMessage response)
        {
            System.Net.Http.Headers.RetryConditionHeaderValue header = response?.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta;
            return header.Date - DateTimeOffset.UtcNow;
        }

        private static string Describe(Outcome<HttpResponseMessage> outcome) =>
            outcome.Exception != null
                ? outcome.Exception.GetType().Name + ": " + outcome.Exception.Message
                : "HTTP " + ((int)outcome.Result.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
}
