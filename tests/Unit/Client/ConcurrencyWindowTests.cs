using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>The connection's adaptive window on requests in flight: shrink, growth, floor, ceiling, waiting and concurrent use.</summary>
    public class ConcurrencyWindowTests
    {
        private static async Task Fill(ConcurrencyWindow window, int count)
        {
            for (int i = 0; i < count; i++) await window.AcquireAsync(CancellationToken.None);
        }

        private static async Task WaitsUntilOneIsAnswered(ConcurrencyWindow window, Task waiting)
        {
            await Task.Delay(50);
            Assert.False(waiting.IsCompleted, "a waiter got a slot the window did not have");
            window.ReleaseAdmitted();
            await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task Starts_at_the_ceiling_and_makes_the_next_request_wait_for_a_slot()
        {
            var window = new ConcurrencyWindow(3);
            Assert.Equal(3, window.Limit);
            await Fill(window, 3);

            Task fourth = window.AcquireAsync(CancellationToken.None);
            await WaitsUntilOneIsAnswered(window, fourth);
            Assert.Equal(3, window.InFlight);
        }

        [Fact]
        public async Task A_refusal_shrinks_the_window_to_the_requests_still_in_flight()
        {
            var window = new ConcurrencyWindow(50);
            await Fill(window, 20);

            // Ten refused one after another: the ten left are what the server admitted.
            for (int refused = 0; refused < 10; refused++) Assert.True(window.ReleaseRefused());

            Assert.Equal(10, window.Limit);
            Assert.Equal(10, window.InFlight);
        }

        [Fact]
        public async Task A_lone_refusal_is_not_about_concurrency_and_leaves_the_window_alone()
        {
            var window = new ConcurrencyWindow(50);
            await Fill(window, 1);
            Assert.False(window.ReleaseRefused());
            Assert.Equal(50, window.Limit);
        }

        [Fact]
        public async Task The_window_never_goes_below_one_and_at_one_a_refusal_asks_for_the_backoff()
        {
            var window = new ConcurrencyWindow(10);
            await Fill(window, 3);
            Assert.True(window.ReleaseRefused());
            Assert.Equal(2, window.Limit);
            Assert.False(window.ReleaseRefused());
            Assert.Equal(1, window.Limit);
            Assert.False(window.ReleaseRefused());
            Assert.Equal(1, window.Limit);
            Assert.Equal(0, window.InFlight);
        }

        [Fact]
        public async Task Each_window_worth_of_admitted_requests_grows_it_by_one_up_to_the_ceiling()
        {
            var window = new ConcurrencyWindow(6);
            await Fill(window, 5);
            for (int i = 0; i < 3; i++) window.ReleaseRefused();
            Assert.Equal(2, window.Limit);

            var limits = new List<int>();
            for (int i = 0; i < 30; i++)
            {
                if (window.InFlight == 0) await window.AcquireAsync(CancellationToken.None);
                window.ReleaseAdmitted();
                limits.Add(window.Limit);
            }
            // 2 admitted grow 2 to 3, 3 more grow it to 4, 4 more to 5, 5 more to 6, and it never goes beyond.
            Assert.Equal(new[] { 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6 }, limits.Take(14));
            Assert.All(limits.Skip(13), limit => Assert.Equal(6, limit));
        }

        [Fact]
        public async Task Failures_that_say_nothing_about_concurrency_neither_grow_nor_shrink_it()
        {
            var window = new ConcurrencyWindow(8);
            await Fill(window, 4);
            window.ReleaseRefused();
            Assert.Equal(3, window.Limit);
            for (int i = 0; i < 20; i++)
            {
                window.Release();
                await window.AcquireAsync(CancellationToken.None);
            }
            Assert.Equal(3, window.Limit);
        }

        [Fact]
        public async Task Shrinking_holds_back_waiters_until_the_in_flight_count_is_under_the_new_window()
        {
            var window = new ConcurrencyWindow(4);
            await Fill(window, 4);
            Task waiting = window.AcquireAsync(CancellationToken.None);
            window.ReleaseRefused();
            Assert.Equal(3, window.Limit);
            await WaitsUntilOneIsAnswered(window, waiting);
            Assert.Equal(3, window.InFlight);
        }

        [Fact]
        public async Task A_cancelled_waiter_leaves_the_queue_and_the_next_one_gets_the_slot()
        {
            var window = new ConcurrencyWindow(1);
            await Fill(window, 1);
            using var cancel = new CancellationTokenSource();
            Task first = window.AcquireAsync(cancel.Token);
            Task second = window.AcquireAsync(CancellationToken.None);

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            window.ReleaseAdmitted();
            await second.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(1, window.InFlight);
        }

        [Fact]
        public async Task Waiters_are_served_in_the_order_they_came()
        {
            var window = new ConcurrencyWindow(1);
            await Fill(window, 1);
            var order = new List<int>();
            Task[] waiters = Enumerable.Range(0, 5).Select(i => window.AcquireAsync(CancellationToken.None).ContinueWith(_ => { lock (order) order.Add(i); window.ReleaseAdmitted(); })).ToArray();
            window.ReleaseAdmitted();
            await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new[] { 0, 1, 2, 3, 4 }, order);
        }

        [Fact]
        public async Task Many_threads_at_once_never_exceed_the_window_and_every_slot_comes_back()
        {
            var window = new ConcurrencyWindow(8);
            int holding = 0, peak = 0, overLimit = 0;
            async Task Worker(int seed)
            {
                var random = new Random(seed);
                for (int i = 0; i < 300; i++)
                {
                    await window.AcquireAsync(CancellationToken.None);
                    int now = Interlocked.Increment(ref holding);
                    for (int p = peak; now > p; p = peak) Interlocked.CompareExchange(ref peak, now, p);
                    if (now > window.Maximum) Interlocked.Increment(ref overLimit);
                    if (random.Next(4) == 0) await Task.Yield();
                    Interlocked.Decrement(ref holding);
                    switch (random.Next(10))
                    {
                        case 0: window.ReleaseRefused(); break;
                        case 1: window.Release(); break;
                        default: window.ReleaseAdmitted(); break;
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 32).Select(seed => Task.Run(() => Worker(seed)))).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(0, overLimit);
            Assert.Equal(0, window.InFlight);
            Assert.InRange(window.Limit, 1, 8);
            Assert.True(peak > 1, "the workers never overlapped");
        }

        [Fact]
        public async Task At_the_limit_the_swings_are_reported_once_an_interval_and_a_new_low_at_once()
        {
            using var log = new OperationLog();
            OperationLog.Current = log;
            try
            {
                // An interval no loaded machine outlasts (connections use a second), so what is
                // asserted never depends on how fast the loop below runs.
                var window = new ConcurrencyWindow(20, TimeSpan.FromHours(1));
                await Fill(window, 12);
                // The walk down to what the server admits: each new low is one line, at once.
                window.ReleaseRefused();
                window.ReleaseRefused();
                Assert.Equal(10, window.Limit);

                // Then the swing at the limit, many times within the interval: 10 admitted grow it to 11,
                // the 11th in flight is refused, back to 10.
                for (int swing = 0; swing < 50; swing++)
                {
                    for (int i = 0; i < 10; i++) window.ReleaseAdmitted();
                    Assert.Equal(11, window.Limit);
                    await Fill(window, 11);
                    window.ReleaseRefused();
                    Assert.Equal(10, window.Limit);
                }

                var lines = new List<string>();
                while (log.TryTake(out string line)) lines.Add(line);
                Assert.Equal("Requests in flight on this connection: now up to 11, from 20 (Twilio refused one as too many: 429).", lines[0]);
                Assert.Equal("Requests in flight on this connection: now up to 10, from 11 (Twilio refused one as too many: 429).", lines[1]);
                // 100 changes within the interval: none reported (the old behaviour wrote all 100).
                Assert.Equal(2, lines.Count);

                // Back to the ceiling is always reported, with the range since the last line.
                for (int answered = 0; window.Limit < 20 && answered < 1000; answered++)
                {
                    window.ReleaseAdmitted();
                    await Fill(window, 1);
                }
                Assert.Equal(20, window.Limit);
                while (log.TryTake(out string line)) lines.Add(line);
                Assert.StartsWith("Requests in flight on this connection: now up to 20, from 19 (a window's worth admitted since the last change; between 10 and 20 since the last report, ", lines.Last());
            }
            finally
            {
                OperationLog.Current = null;
            }
        }

        [Fact]
        public void A_window_allows_at_least_one_request()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrencyWindow(0));
        }
    }
}
