using System;
using System.IO;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>The README's main command, end to end in a fresh process.</summary>
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
    }
}
