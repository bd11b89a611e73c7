using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Reflection;
using TwilioPS.Emulator;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// 300 New-TwilioCall at -CallsPerSecond 20, through the pipeline to an in-process emulator: the
    /// rate the throttle achieved and the closest and widest gaps, from the release times it recorded.
    /// </summary>
    internal static class Throttle
    {
        public static bool Measure(string manifest, Table table)
        {
            const int Calls = 300;
            const double Target = 20;
            using TwilioEmulator emulator = TwilioEmulator.Start(new EmulatorOptions());
            using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Children.Invoke(runspace, "Import-Module $args[0]", manifest);
            Children.Invoke(runspace, Children.ConnectScript + " -CallsPerSecond $args[3]", emulator.BaseUri, emulator.AccountSid, emulator.AuthToken, Target);
            int created = Children.Invoke(runspace, $"1..{Calls} | ForEach-Object {{ '+1415555{{0:0000}}' -f $_ }} | New-TwilioCall -From '+14155550100' -Twiml '<Response/>'").Count;

            // The release times are internal to the module: read them the way a debugger would.
            object connection = Children.Invoke(runspace, "Get-TwilioContext")[0].BaseObject;
            const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
            object client = connection.GetType().GetProperty("Client", Internal).GetValue(connection);
            object throttle = client.GetType().GetProperty("CallThrottle", Internal).GetValue(client);
            var releases = (long[])throttle.GetType().GetMethod("RecentReleases", Internal).Invoke(throttle, null);
            double[] gaps = releases.Zip(releases.Skip(1), (a, b) => (b - a) * 1000.0 / Stopwatch.Frequency).ToArray();
            double rate = (releases.Length - 1) * (double)Stopwatch.Frequency / (releases[^1] - releases[0]);

            bool held = created == Calls && gaps.Min() >= 1000 / Target;
            table.Add($"Call throttle: {Calls} New-TwilioCall at {Target} CPS (gaps {gaps.Min():0.0}-{gaps.Max():0.0} ms)", created, $"{rate:0.000}/s",
                $"{rate / Target:0.000}x target", "no gap under 50 ms", held);
            return held;
        }
    }
}
