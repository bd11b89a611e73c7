using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using TwilioPS.Emulator;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// Get-TwilioCall -All over N emulated calls against the loop a script author would write by hand:
    /// HttpClient + System.Text.Json, following next_page_uri. Same emulator, same pages, one process.
    /// Each scenario runs once to warm up, then the best of several runs is reported.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            int calls = args.Length > 0 ? int.Parse(args[0]) : 100_000;
            int pageSize = args.Length > 1 ? int.Parse(args[1]) : 1000;
            int runs = args.Length > 2 ? int.Parse(args[2]) : 3;
            string manifest = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleManifest").Value;

            using TwilioEmulator emulator = TwilioEmulator.Start(new EmulatorOptions { SeedCalls = calls });
            Console.WriteLine($"Emulator at {emulator.BaseUri} with {calls:N0} calls; PageSize {pageSize}; best of {runs} runs after a warm-up.");

            using var http = new HttpClient { BaseAddress = emulator.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.AccountSid + ":" + emulator.AuthToken)));
            string first = $"/2010-04-01/Accounts/{emulator.AccountSid}/Calls.json?PageSize={pageSize}";

            using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "Import-Module $args[0]; Connect-Twilio -BaseUri $args[1] -Credential ([pscredential]::new($args[2], (ConvertTo-SecureString $args[3] -AsPlainText -Force)))",
                manifest, emulator.BaseUri, emulator.AccountSid, emulator.AuthToken);

            var results = new List<(string Name, Measurement M)>
            {
                ("HttpClient + System.Text.Json loop (baseline)", await Measure(runs, () => PlainLoop(http, first))),
                ("Get-TwilioCall -All (hosted PowerShell 7.6)", await Measure(runs, () => Task.FromResult(
                    Invoke(runspace, $"Get-TwilioCall -All -PageSize {pageSize}").Count))),
                ("Get-TwilioCall -All | ForEach-Object Sid", await Measure(runs, () => Task.FromResult(
                    Invoke(runspace, $"Get-TwilioCall -All -PageSize {pageSize} | ForEach-Object Sid").Count))),
            };

            double baseline = results[0].M.Elapsed.TotalMilliseconds;
            Console.WriteLine();
            Console.WriteLine($"| {"Scenario",-48} | {"Records",8} | {"ms",8} | {"vs baseline",11} | {"alloc MB",9} |");
            Console.WriteLine($"|{new string('-', 50)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 11)}|");
            foreach (var (name, m) in results)
                Console.WriteLine($"| {name,-48} | {m.Records,8:N0} | {m.Elapsed.TotalMilliseconds,8:N0} | {m.Elapsed.TotalMilliseconds / baseline,10:0.00}x | {m.AllocatedBytes / 1048576.0,9:N0} |");

            bool throttleHeld = MeasureThrottle(runspace, emulator);
            return results.All(r => r.M.Records == calls) && throttleHeld ? 0 : 1;
        }

        /// <summary>
        /// 300 New-TwilioCall at -CallsPerSecond 20, through the pipeline to the emulator: the rate the
        /// throttle achieved and the closest and widest gaps, from the release times it recorded.
        /// </summary>
        private static bool MeasureThrottle(Runspace runspace, TwilioEmulator emulator)
        {
            const int Calls = 300;
            const double Target = 20;
            Invoke(runspace, "Connect-Twilio -BaseUri $args[0] -Credential ([pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))) -CallsPerSecond $args[3]",
                emulator.BaseUri, emulator.AccountSid, emulator.AuthToken, Target);
            int created = Invoke(runspace, $"1..{Calls} | ForEach-Object {{ '+1415555{{0:0000}}' -f $_ }} | New-TwilioCall -From '+14155550100' -Twiml '<Response/>'").Count;

            // The release times are internal to the module: read them the way a debugger would.
            object connection = Invoke(runspace, "Get-TwilioContext")[0].BaseObject;
            const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
            object client = connection.GetType().GetProperty("Client", Internal).GetValue(connection);
            object throttle = client.GetType().GetProperty("CallThrottle", Internal).GetValue(client);
            var releases = (long[])throttle.GetType().GetMethod("RecentReleases", Internal).Invoke(throttle, null);
            double[] gaps = releases.Zip(releases.Skip(1), (a, b) => (b - a) * 1000.0 / Stopwatch.Frequency).ToArray();
            double rate = (releases.Length - 1) * (double)Stopwatch.Frequency / (releases[^1] - releases[0]);

            Console.WriteLine();
            Console.WriteLine($"| {"Call throttle, 300 New-TwilioCall at 20 CPS",-48} | {"created",8} | {"rate/s",8} | {"vs target",11} | {"gap ms min / max",17} |");
            Console.WriteLine($"|{new string('-', 50)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 19)}|");
            Console.WriteLine($"| {"released where the request is sent",-48} | {created,8:N0} | {rate,8:0.000} | {rate / Target,10:0.000}x | {gaps.Min(),7:0.000} / {gaps.Max(),7:0.000} |");
            return created == Calls && gaps.Min() >= 1000 / Target;
        }

        private sealed class Measurement
        {
            public int Records;
            public TimeSpan Elapsed;
            public long AllocatedBytes;
        }

        private static async Task<Measurement> Measure(int runs, Func<Task<int>> scenario)
        {
            await scenario(); // warm-up: JIT, connection pool, emulator caches
            Measurement best = null;
            for (int i = 0; i < runs; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                int records = await scenario();
                watch.Stop();
                var m = new Measurement { Records = records, Elapsed = watch.Elapsed, AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated };
                if (best == null || m.Elapsed < best.Elapsed) best = m;
            }
            return best;
        }

        private static Collection<PSObject> Invoke(Runspace runspace, string script, params object[] arguments)
        {
            using PowerShell shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            foreach (object argument in arguments) shell.AddArgument(argument);
            Collection<PSObject> output = shell.Invoke();
            if (shell.HadErrors) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
            return output;
        }

        // ---- the baseline: what a script author writes without TwilioPS ----

        private static readonly JsonSerializerOptions Snake = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        private static async Task<int> PlainLoop(HttpClient http, string first)
        {
            int count = 0;
            string next = first;
            while (next != null)
            {
                using HttpResponseMessage response = await http.GetAsync(next);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync();
                CallPage page = await JsonSerializer.DeserializeAsync<CallPage>(stream, Snake);
                count += page.Calls.Count;
                next = page.NextPageUri;
            }
            return count;
        }

        private sealed class CallPage
        {
            public List<CallRecord> Calls { get; set; }
            public string NextPageUri { get; set; }
        }

        private sealed class CallRecord
        {
            public string Sid { get; set; }
            public string AccountSid { get; set; }
            public string ParentCallSid { get; set; }
            public string To { get; set; }
            public string From { get; set; }
            public string Status { get; set; }
            public string StartTime { get; set; }
            public string EndTime { get; set; }
            public string Duration { get; set; }
            public string Price { get; set; }
            public string PriceUnit { get; set; }
            public string Direction { get; set; }
            public string DateCreated { get; set; }
            public string DateUpdated { get; set; }
            public string Uri { get; set; }
            public Dictionary<string, string> SubresourceUris { get; set; }
        }
    }
}
