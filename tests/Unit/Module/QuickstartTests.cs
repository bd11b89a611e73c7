using System;
using System.IO;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>The README's example scripts, end to end in a fresh process, as the README runs them.</summary>
    public class QuickstartTests
    {
        [Fact]
        public void The_quickstart_runs_clean_and_shows_each_step()
        {
            string script = Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "quickstart.ps1");
            var (exit, output) = ChildProcess.RunScript(script, TimeSpan.FromMinutes(3), "-SeedCalls", "120");
            Assert.True(exit == 0, output);
            Assert.Contains("Waiting for the calls-per-second throttle", output);
            Assert.Contains("130 calls in the account.", output);
            Assert.Contains("This is a test message from", output);
            Assert.Contains("Saved 2 recordings to", output);
            Assert.Contains("in-progress", output);
            Assert.Contains("What if: Performing the operation \"Place a call from +14155550100\" on target \"+14155550105\".", output);
            Assert.Contains("Done.", output);
            Assert.DoesNotContain("7e577e577e577e577e577e577e577e57", output);
        }

        [Fact]
        public void The_messaging_example_sends_watches_delivery_lists_and_saves_media()
        {
            string script = Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "messaging.ps1");
            var (exit, output) = ChildProcess.RunScript(script, TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, output);
            Assert.Contains("UCS-2", output);                  // the en dash, measured before sending
            Assert.Contains("3 of 3 delivered.", output);
            Assert.Contains("+15005550009: undelivered, error 30003", output);
            Assert.Matches(@"Saved ME[0-9a-f]{32}\.png \(\d+ bytes\)\.", output);
            Assert.Contains("Done.", output);
        }

        [Fact]
        public void The_call_flows_example_runs_a_conference_a_queue_and_a_voicemail_from_TwiML()
        {
            string script = Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "call-flows.ps1");
            var (exit, output) = ChildProcess.RunScript(script, TimeSpan.FromMinutes(3));
            Assert.True(exit == 0, output);
            Assert.Contains("Conference standup is in-progress with 3 participants.", output);
            Assert.Contains("Conference ended: participant-with-end-conference-on-exit-left.", output);
            Assert.Contains("Queue support: 2 waiting.", output);
            Assert.Contains("Queue support: 1 waiting;", output);
            Assert.Contains("Transcription: This is a test message from +14155550100 to +14155550107.", output);
            Assert.Contains("/twiml/saved.xml", output);
            Assert.Matches(@"Notification NO[0-9a-f]{32}: error 11200 for http://127\.0\.0\.1:\d+/twiml/missing\.xml", output);
            Assert.Contains("Done.", output);
        }
    }
}
