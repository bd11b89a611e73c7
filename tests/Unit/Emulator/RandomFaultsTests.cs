using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>The --faults spec: what it accepts, how it refuses, and how its draws are made and counted.</summary>
    public class RandomFaultsTests
    {
        private const string Messages = "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json";

        /// <summary>A request as the emulator records it (its constructor is the emulator's own).</summary>
        private static EmulatorRequest Request(string method, string path) =>
            (EmulatorRequest)typeof(EmulatorRequest).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single()
                .Invoke(new object[] { 1L, DateTimeOffset.UtcNow, method, path, path, null, null, null, null, null });

        [Fact]
        public void A_full_spec_is_read_route_by_route()
        {
            RandomFaults faults = RandomFaults.Parse(
                "POST */Messages.json: 429=10%, 429+1s=2.5%, 503=3%, 500=2%, drop=2%, truncate=1%, cut=1%, html=1%, redirect=1%, latency=20ms; GET *: 503=5%", seed: 7);

            Assert.Equal(7, faults.Seed);
            Assert.Equal(2, faults.Routes.Count);
            FaultRoute post = faults.Routes[0];
            Assert.Equal("POST", post.Method);
            Assert.Equal("*/Messages.json", post.PathPattern);
            Assert.Equal(new[] { "429", "429+1s", "503", "500", "drop", "truncate", "cut", "html", "redirect" }, post.Faults.Select(f => f.Kind));
            Assert.Equal(2.5, post.Faults[1].Percent);
            Assert.Equal(TimeSpan.FromMilliseconds(20), post.Latency);
            Assert.Equal("GET *: 503=5%", faults.Routes[1].ToString());
        }

        public static TheoryData<string, string> BadSpecs => new TheoryData<string, string>
        {
            { "", "empty" },
            { "POST */Messages.json 429=10%", "a ':' after the route" },
            { "*/Messages.json: 429=10%", "a method and a path pattern" },
            { "FETCH *: 429=10%", "\"FETCH\" is not a method" },
            { "GET Messages.json: 429=10%", "starts with '/' or '*'" },
            { "GET *: 404=10%", "\"404\" is not a fault" },
            { "GET *: 429+1m=10%", "\"429+1m\" is not a fault" },
            { "GET *: 429=10", "needs a chance from 0% to 100%" },
            { "GET *: 429=150%", "needs a chance from 0% to 100%" },
            { "GET *: 429=-1%", "needs a chance from 0% to 100%" },
            { "GET *: 429", "should be KIND=P%" },
            { "GET *: 429=60%, 503=50%", "add up to 110%" },
            { "GET *: 429=1%, 429=2%", "\"429\" is given twice" },
            { "GET *: latency=fast", "latency \"fast\" should be a duration" },
        };

        [Theory]
        [MemberData(nameof(BadSpecs))]
        public void A_bad_spec_is_refused_with_a_message_that_says_what_is_wrong(string spec, string expected)
        {
            var error = Assert.Throws<FormatException>(() => RandomFaults.Parse(spec, seed: 1));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void The_first_matching_route_decides_and_unmatched_requests_pass()
        {
            RandomFaults faults = RandomFaults.Parse("POST */Messages.json: 500=100%; * *: 503=100%", seed: 1);
            Assert.Equal(500, faults.Intercept(Request("POST", Messages)).Status);
            Assert.Equal(503, faults.Intercept(Request("GET", Messages)).Status);

            RandomFaults posts = RandomFaults.Parse("POST */Calls.json: 500=100%", seed: 1);
            Assert.Null(posts.Intercept(Request("POST", Messages)));
            Assert.Null(posts.Intercept(Request("GET", "/2010-04-01/Accounts/AC1/Calls.json")));
        }

        [Fact]
        public void Latency_delays_every_matched_request_faulted_or_not()
        {
            RandomFaults faults = RandomFaults.Parse("GET *: 500=50%, latency=1.5s", seed: 3);
            EmulatorFault[] drawn = Enumerable.Range(0, 200).Select(_ => faults.Intercept(Request("GET", Messages))).ToArray();
            Assert.All(drawn, f => Assert.Equal(TimeSpan.FromSeconds(1.5), f.Delay));
            Assert.Contains(drawn, f => f.IsLatencyOnly);
            Assert.Contains(drawn, f => f.Status == 500);
            Assert.Equal(200, faults.InjectedCount("latency"));
        }

        [Fact]
        public void The_same_seed_draws_the_same_faults_and_the_counts_match_the_draws()
        {
            const string spec = "POST *: 429=10%, 429+0s=5%, 503+1s=5%, 500=5%, drop=5%, cut=5%, html=5%, redirect=5%";
            string[] Run(RandomFaults f) => Enumerable.Range(0, 2000).Select(_ => f.Intercept(Request("POST", Messages))?.Kind ?? "-").ToArray();

            RandomFaults first = RandomFaults.Parse(spec, seed: 42);
            string[] kinds = Run(first);
            Assert.Equal(kinds, Run(RandomFaults.Parse(spec, seed: 42)));
            Assert.NotEqual(kinds, Run(RandomFaults.Parse(spec, seed: 43)));

            var drawn = kinds.Where(k => k != "-").GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.Equal(drawn.OrderBy(p => p.Key), first.Injected.OrderBy(p => p.Key));
            // 2,000 draws at 10%: far outside 120–280 would mean the chances are not applied as written.
            Assert.InRange(first.InjectedCount("429"), 120, 280);
            Assert.Equal(new[] { "429", "429+0s", "503+1s", "500", "drop", "cut", "html", "redirect" }.OrderBy(k => k), drawn.Keys.OrderBy(k => k));
        }

        [Fact]
        public void Draws_from_many_threads_are_all_counted()
        {
            RandomFaults faults = RandomFaults.Parse("* *: 500=50%", seed: 5);
            int injected = 0;
            Parallel.For(0, 4000, _ =>
            {
                if (faults.Intercept(Request("GET", Messages)) != null) System.Threading.Interlocked.Increment(ref injected);
            });
            Assert.Equal(injected, faults.InjectedCount("500"));
            Assert.Equal(new Dictionary<string, long> { ["500"] = injected }, faults.Injected);
        }
    }
}
