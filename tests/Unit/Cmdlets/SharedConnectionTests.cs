using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TwilioPS.Connection;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>One connection shared by the runspaces of a RunspacePool, as runbook jobs and ForEach-Object -Parallel share one.</summary>
    public class SharedConnectionTests
    {
        [Fact]
        public void Eight_runspaces_create_200_calls_and_list_20000_records_on_one_connection_within_its_throttle()
        {
            const int Runspaces = 8, CallsEach = 25, Cps = 50;
            using var s = new EmulatedSession(seedCalls: 2500, connectArguments: $"-CallsPerSecond {Cps}");
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();

            InitialSessionState state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { ModuleAssemblies.ManifestPath });
            using RunspacePool pool = RunspaceFactory.CreateRunspacePool(state);
            pool.SetMinRunspaces(1);
            pool.SetMaxRunspaces(Runspaces);
            pool.Open();
            var jobs = new List<(System.Management.Automation.PowerShell Shell, IAsyncResult Result)>();
            for (int i = 0; i < Runspaces; i++)
            {
                var shell = System.Management.Automation.PowerShell.Create();
                shell.RunspacePool = pool;
                shell.AddScript(@"param($c, $first, $count)
                    $created = $first..($first + $count - 1) | ForEach-Object { '+1415556{0:0000}' -f $_ } |
                        New-TwilioCall -From '+14155550100' -Url 'https://example.com/v' -ThrottleLimit 5 -Connection $c
                    $listed = 0
                    Get-TwilioCall -All -PageSize 1000 -Connection $c | ForEach-Object { $listed++ }
                    [pscustomobject]@{ Created = @($created).Count; Listed = $listed }")
                    .AddArgument(connection).AddArgument(i * CallsEach).AddArgument(CallsEach);
                jobs.Add((shell, shell.BeginInvoke()));
            }

            int created = 0, listed = 0;
            foreach (var (shell, result) in jobs)
            {
                PSObject summary = shell.EndInvoke(result).Single();
                Assert.False(shell.HadErrors, string.Join(" | ", shell.Streams.Error.Select(e => e.ToString())));
                created += (int)summary.Properties["Created"].Value;
                listed += (int)summary.Properties["Listed"].Value;
                shell.Dispose();
            }

            Assert.Equal(Runspaces * CallsEach, created);
            Assert.Equal(Runspaces * CallsEach, s.Emulator.Requests.Count(q => q.Method == "POST"));
            Assert.True(listed >= 20000, $"listed {listed} records");

            // No one-second window above the throttle: releases i and i+Cps are at least a second apart.
            long[] releases = connection.Client.CallThrottle.RecentReleases();
            Assert.Equal(Runspaces * CallsEach, releases.Length);
            long second = connection.Client.CallThrottle.Clock.Frequency;
            for (int i = 0; i + Cps < releases.Length; i++)
                Assert.True(releases[i + Cps] - releases[i] >= second, $"{Cps + 1} calls left within one second (from release {i})");
        }
    }
}
