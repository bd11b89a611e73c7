using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>
    /// Nothing lost, nothing duplicated: a bulk send through a server having a bad day ends with every
    /// input accounted for exactly once, no message sent twice, and every message whose fate the client
    /// cannot know reported as such.
    /// </summary>
    public class NothingLostTests
    {
        private const int Inputs = 1000;

        // 10% 429s (half with Retry-After 0 or 1 s), 5% 5xx, 2% connections dropped before the
        // response, 1% responses cut off after the message was created.
        private const string Spec = "POST */Messages.json: 429=5%, 429+0s=2.5%, 429+1s=2.5%, 503=2.5%, 500=2.5%, drop=2%, cut=1%";

        private readonly ITestOutputHelper _output;

        public NothingLostTests(ITestOutputHelper output) { _output = output; }

        /// <summary>Draws from <see cref="RandomFaults"/> and remembers, per recipient, what each of its requests met.</summary>
        private sealed class Recorder : IRequestInterceptor
        {
            private readonly RandomFaults _faults;

            public Recorder(RandomFaults faults) { _faults = faults; }

            public ConcurrentDictionary<string, ConcurrentQueue<string>> Attempts { get; } = new ConcurrentDictionary<string, ConcurrentQueue<string>>();

            public EmulatorFault Intercept(EmulatorRequest request)
            {
                EmulatorFault fault = _faults.Intercept(request);
                string to = request.FormValue("To");
                if (request.Method == "POST" && to != null)
                    Attempts.GetOrAdd(to, _ => new ConcurrentQueue<string>()).Enqueue(fault?.Kind ?? "served");
                return fault;
            }
        }

        [Fact]
        public void A_thousand_sends_through_injected_faults_end_as_one_result_each_and_no_message_twice()
        {
            using var s = new EmulatedSession(connectArguments: "-MaxRetries 6");
            RandomFaults faults = RandomFaults.Parse(Spec, seed: 20240305);
            var recorder = new Recorder(faults);
            s.Emulator.Interceptor = recorder;
            string[] to = Enumerable.Range(0, Inputs).Select(i => "+1415556" + i.ToString("0000")).ToArray();
            s.PowerShell.SetVariable("to", to);

            PowerShellResult r = null;
            // A hang guard only: the run takes seconds; nothing here measures time.
            Task run = Task.Run(() => r = s.Run("$to | Send-TwilioMessage -From '+14155550100' -Body 'hello' -ThrottleLimit 10"));
            Assert.True(run.Wait(TimeSpan.FromMinutes(10)), "the bulk send did not finish");
            Assert.Null(r.Terminating);

            s.Emulator.Interceptor = null;
            string[] created = s.Run("(Get-TwilioMessage -All -PageSize 1000).To").Output.Select(o => (string)o.BaseObject).ToArray();

            string[] succeeded = r.Objects<TwilioMessage>().Select(m => m.To).ToArray();
            ErrorRecord[] errors = r.Errors.ToArray();
            string[] failed = errors.Select(e => (string)e.TargetObject).ToArray();
            bool Unknown(ErrorRecord e) => (e.ErrorDetails?.Message ?? e.Exception.Message).Contains("may have been carried out");
            string[] unknown = errors.Where(Unknown).Select(e => (string)e.TargetObject).ToArray();

            Report(succeeded, errors, unknown, created, faults);

            // Every input exactly once: as a message, or as an error carrying it.
            Assert.Equal(Inputs, succeeded.Length + failed.Length);
            Assert.Equal(to.OrderBy(n => n), succeeded.Concat(failed).OrderBy(n => n));

            // No message twice, and exactly the successes plus those of the unknown outcomes the server carried out.
            Assert.Equal(created.Length, created.Distinct().Count());
            Assert.Subset(new HashSet<string>(created), new HashSet<string>(succeeded));
            Assert.Subset(new HashSet<string>(succeeded.Concat(unknown)), new HashSet<string>(created));
            Assert.InRange(created.Length, succeeded.Length, succeeded.Length + unknown.Length);
            Assert.Equal(created.Length, succeeded.Length + unknown.Count(created.Contains));

            // Each response cut off, or connection broken after the request went out, is an error that says
            // the message may have gone, under a stable ErrorId: from the client's side, both are unknown.
            string[] cut = recorder.Attempts.Where(a => a.Value.Last() == "cut").Select(a => a.Key).ToArray();
            string[] dropped = recorder.Attempts.Where(a => a.Value.Last() == "drop").Select(a => a.Key).ToArray();
            Assert.NotEmpty(cut);
            Assert.NotEmpty(dropped);
            Assert.Equal(cut.Concat(dropped).OrderBy(n => n), unknown.OrderBy(n => n));
            Assert.All(errors.Where(Unknown), e =>
            {
                Assert.StartsWith("TwilioConnectionFailed,", e.FullyQualifiedErrorId);
                Assert.Contains("Check before sending it again", e.ErrorDetails.Message);
            });

            // A create is sent again only after a 429 or a 503, which say the request was not processed.
            foreach (KeyValuePair<string, ConcurrentQueue<string>> attempts in recorder.Attempts)
            {
                string[] met = attempts.Value.ToArray();
                Assert.All(met.Take(met.Length - 1), kind => Assert.True(kind.StartsWith("429") || kind.StartsWith("503"),
                    $"{attempts.Key} was sent again after {kind} ({string.Join(" → ", met)})"));
            }
            Assert.Equal(to.OrderBy(n => n), recorder.Attempts.Keys.OrderBy(n => n));
            Assert.True(recorder.Attempts.Values.Any(a => a.Count > 1), "no create was retried: the 429s were not injected");
        }

        private void Report(string[] succeeded, ErrorRecord[] errors, string[] unknown, string[] created, RandomFaults faults)
        {
            _output.WriteLine($"inputs {Inputs}, successes {succeeded.Length}, errors {errors.Length} (unknown outcome {unknown.Length}), created {created.Length}");
            foreach (IGrouping<string, ErrorRecord> group in errors.GroupBy(e => e.FullyQualifiedErrorId.Split(',')[0]).OrderBy(g => g.Key))
                _output.WriteLine($"  {group.Key}: {group.Count()}  e.g. {group.First().ErrorDetails?.Message ?? group.First().Exception.Message}");
            _output.WriteLine("injected: " + faults.Summary());
        }
    }
}
