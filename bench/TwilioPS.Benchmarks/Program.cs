using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using TwilioPS.Emulator;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// The figures a user feels, in one table from one run: listing 100,000 calls with Get-TwilioCall
    /// -All against a hand-written .NET loop and the official twilio package for Node.js, each first
    /// in a fresh process and then warm; how much of 100 ms added to every request the paging hides;
    /// memory while records stream; start-up; and the call throttle's accuracy. The emulator runs in
    /// its own process, and its time to serve the pages alone shows it is not what is measured.
    /// </summary>
    internal static class Program
    {
        private const int Calls = 100_000;
        private const int PageSize = 1000;
        private const int WarmRuns = 3;
        private const int LatencyMs = 100;
        // 5,000 at -ThrottleLimit 10 and 50, the figure the targets are set for (the -ThrottleLimit 1
        // rows send 1,000, 20 s apiece); --messages N changes it.
        private const int DefaultMessages = 5000;

        private static string Setting(string key) =>
            typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;

        private static async Task<int> Main(string[] args)
        {
            if (Children.TryRun(args, out int childExit)) return childExit;

            string manifest = Setting("ModuleManifest");
            string repoRoot = Setting("RepoRoot");
            string twilioNode = TwilioNode.Install(repoRoot);
            PrecompiledEngine.Prepare(Path.Combine(repoRoot, "bench", "TwilioPS.Benchmarks"));
            var table = new Table();
            bool complete = true;

            Console.WriteLine($"Machine: {Environment.ProcessorCount} CPUs, {Machine.MemoryGiB():0.0} GiB, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; node {TwilioNode.NodeVersion() ?? "absent"}");

            int messages = args.Length >= 2 && args[0] == "--messages" ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultMessages;
            double parsePerPage;
            Measured loop, module, node;
            using (EmulatorProcess emulator = EmulatorProcess.Start(Setting("EmulatorPath"), Calls, null))
            {
                Console.WriteLine($"Emulator (own process) at {emulator.BaseUri}: {Calls:N0} calls, PageSize {PageSize}.");
                string[] connection = { emulator.BaseUri.ToString(), emulator.AccountSid, emulator.AuthToken };
                // First, so every tool after it meets an emulator whose own first-request costs are paid.
                double serve = await ServePagesAlone(emulator);

                loop = Measured.From(Child.Plain(new[] { "child-loop" }.Concat(connection).Concat(new[] { Str(PageSize), "0", Str(1 + WarmRuns) })));
                ChildResult moduleRuns = Child.Bench(new[] { "child-module", manifest }.Concat(connection).Concat(new[] { Str(PageSize), "0", Str(1 + WarmRuns) }));
                module = Measured.From(moduleRuns);
                table.Notes.Add("JIT and GC during each module list of the same fresh process (run 0 is the first run): " + string.Join("; ",
                    Enumerable.Range(0, 1 + WarmRuns).Select(r => FormattableString.Invariant(
                        $"run {r}: JIT {moduleRuns.Value("jit" + r):N0} ms for {moduleRuns.Records("jit" + r):N0} methods (all threads), GC pauses {moduleRuns.Value("gc" + r):N0} ms"))));
                node = twilioNode == null ? null : Measured.From(Child.Node(twilioNode, connection, PageSize, 0, 1 + WarmRuns));

                table.Add("Emulator alone: serve the 100 pages (raw GETs, bodies discarded), warm", Calls, Ms(serve),
                    $"{serve / module.Warm:0.00}x module warm", "well under the module's time", serve < module.Warm * 0.5);
                foreach (var (label, first) in new[] { ("first run, fresh process", true), ("warm, best of 3", false) })
                {
                    double baseline = loop.Pick(first);
                    table.Add($"List 100k: .NET HttpClient + STJ source-gen loop, {label}", loop.Records, Ms(baseline), "1.00x (baseline)", "", null, loop.PickCpu(first));
                    if (node != null)
                        table.Add($"List 100k: twilio-node {TwilioNode.Version(twilioNode)} calls.each, {label}", node.Records, Ms(node.Pick(first)), $"{node.Pick(first) / baseline:0.00}x .NET", "", null, node.PickCpu(first));
                    double mine = module.Pick(first);
                    string ratio = $"{mine / baseline:0.00}x .NET" + (node == null ? "" : $", {mine / node.Pick(first):0.00}x node")
                        + $"; CPU {module.PickCpu(first) / loop.PickCpu(first):0.00}x .NET" + (node == null ? "" : $", {module.PickCpu(first) / node.PickCpu(first):0.00}x node");
                    table.Add($"List 100k: Get-TwilioCall -All | ForEach-Object {{ $n++ }}, {label}", module.Records, Ms(mine), ratio,
                        "<= 0.8x .NET, <= 0.5x node", mine <= 0.8 * baseline && (node == null || mine <= 0.5 * node.Pick(first)), module.PickCpu(first));
                }
                complete &= loop.Records == Calls && module.Records == Calls && (node == null || node.Records == Calls);

                var startup = Child.Bench(new[] { "child-startup", manifest }.Concat(connection));
                string[] imported = startup.Lines("@import-loaded");
                string[] unwanted = imported.Where(n => n.StartsWith("TwilioPS.Emulator", StringComparison.Ordinal) || n.StartsWith("Polly", StringComparison.Ordinal) || n.Contains("RateLimiting", StringComparison.Ordinal)).ToArray();
                table.Add($"Start-up: Import-Module out/TwilioPS, fresh process, the runspace's first module ({imported.Length} assemblies loaded)", 0, Ms(startup.Value("import")),
                    unwanted.Length == 0 ? "emulator, Polly, rate limiting not loaded" : "loads " + string.Join(", ", unwanted), "none of them loaded", unwanted.Length == 0);
                double warmImport = Child.Bench(new[] { "child-startup", manifest }.Concat(connection).Concat(new[] { "engine-warm" })).Value("import");
                table.Add("Start-up: Import-Module out/TwilioPS, fresh process, after another module (as pwsh after PSReadLine)", 0, Ms(warmImport),
                    "", "< 150 ms", warmImport < 150);
                table.Add("Start-up: Connect-Twilio + first Get-TwilioCall, after the import", (long)startup.Records("connect-first"), Ms(startup.Value("connect-first")), "", "", null);
                table.Notes.Add("Assemblies Import-Module loads: " + string.Join(", ", imported));
                table.Notes.Add("Loaded later by Connect-Twilio + the first Get-TwilioCall: " + string.Join(", ", startup.Lines("@first-loaded")));

                // Where a warm listing's time goes, from the same run: see docs/benchmarks.md.
                var profile = Child.Bench(new[] { "child-profile", manifest }.Concat(connection));
                foreach (string key in new[] { "pager-only", "foreach-object", "powershell-foreach-object-alone" })
                    table.Notes.Add(FormattableString.Invariant(
                        $"Profile, {key}: warm {profile.Value(key + "-warm"):N0} ms (CPU {profile.Cpu(key + "-warm"):N0} ms); GC pauses over 4 runs {profile.Value(key + "-gc-pause-4-runs"):N0} ms, collections gen0/gen1/gen2 {Collections(profile.Records(key + "-gc-pause-4-runs"))}"));
                var parse = Child.Bench(new[] { "child-parse", manifest }.Concat(connection));
                foreach (string key in new[] { "module", "plain" })
                    table.Notes.Add(FormattableString.Invariant(
                        $"Profile, parse 100 x one 1000-call page, {key}: best CPU {parse.All("parse-" + key).Min(r => r.CpuMs):N0} ms, {parse.Value("parse-alloc-" + key) / 100_000:N0} bytes allocated per call"));
                parsePerPage = parse.All("parse-module").Min(r => r.CpuMs) / 100;

                foreach (int records in new[] { 10_000, Calls })
                {
                    var memory = Child.Bench(new[] { "child-memory", manifest }.Concat(connection).Concat(new[] { Str(records) }));
                    double growth = memory.Value("growth") / 1048576.0;
                    table.Add($"Memory: peak working-set growth listing {records:N0} (streamed)", (long)memory.Records("growth"), $"{growth:0.0} MB", "", "< 32 MB", growth < 32);
                }
            }

            using (EmulatorProcess slow = EmulatorProcess.Start(Setting("EmulatorPath"), Calls, $"GET *: latency={LatencyMs}ms"))
            {
                string[] connection = { slow.BaseUri.ToString(), slow.AccountSid, slow.AuthToken };
                double ideal = Calls / PageSize * LatencyMs;
                // A two-page warm-up first: the figure is what paging hides, not the first run's JIT.
                var rows = new List<(string, Measured)>
                {
                    ("Get-TwilioCall -All | ForEach-Object", Measured.From(Child.Bench(new[] { "child-module", manifest }.Concat(connection).Concat(new[] { Str(PageSize), "2000", "1" })))),
                    (".NET loop", Measured.From(Child.Plain(new[] { "child-loop" }.Concat(connection).Concat(new[] { Str(PageSize), "2000", "1" })))),
                };
                if (twilioNode != null) rows.Add(("twilio-node calls.each", Measured.From(Child.Node(twilioNode, connection, PageSize, 2000, 1))));
                foreach (var (name, m) in rows)
                    table.Add($"Latency {LatencyMs} ms/request, 100 pages: {name}", m.Records, Ms(m.First), $"{m.First / ideal:0.00}x of 100 x {LatencyMs} ms",
                        name.StartsWith("Get-", StringComparison.Ordinal) ? "<= 1.05x" : "", name.StartsWith("Get-", StringComparison.Ordinal) ? m.First <= 1.05 * ideal : null, m.FirstCpu);
            }

            complete &= BulkSend.Measure(Setting("EmulatorPath"), manifest, twilioNode, messages, table);
            complete &= await BulkSend.MeasureCappedAsync(Setting("EmulatorPath"), manifest, messages, table);

            // The memory target also asks for a million records streamed without growing beyond
            // the 32 MB: the same child as the memory rows above, against the million-call emulator.
            var million = await EmulatorMemory.MeasureAsync(Setting("EmulatorPath"), emulator =>
            {
                var memory = Child.Bench(new[] { "child-memory", manifest, emulator.BaseUri.ToString(), emulator.AccountSid, emulator.AuthToken, Str(EmulatorMemory.SeededCalls) });
                double growth = memory.Value("growth") / 1048576.0;
                table.Add($"Memory: peak working-set growth listing {EmulatorMemory.SeededCalls:N0} (streamed)", (long)memory.Records("growth"), $"{growth:0.0} MB", "", "< 32 MB", growth < 32);
            });
            double gb = million.WorkingSet / 1073741824.0;
            table.Add($"Emulator memory: working set after --seed-calls {EmulatorMemory.SeededCalls:N0} (own process)", EmulatorMemory.SeededCalls, $"{million.WorkingSet / 1048576.0:N0} MB",
                FormattableString.Invariant($"{gb:0.00} GB; started and seeded in {million.SeedMs / 1000:0.0} s"), "< 1 GB", gb < 1);
            double pageRatio = million.MedianPageMs / parsePerPage;
            table.Add($"Emulator: serve each 1000-record page of {EmulatorMemory.SeededCalls:N0} once, as a list reads them, warm, best of {EmulatorMemory.WarmWalks} walks: median / 90th percentile", PageSize,
                FormattableString.Invariant($"{million.MedianPageMs:0.0} / {million.SlowPageMs:0.0} ms"),
                FormattableString.Invariant($"{pageRatio:0.00}x the module's parse CPU per page ({parsePerPage:0.0} ms)"), "<= 0.5x (well under)", pageRatio <= 0.5);

            complete &= Throttle.Measure(manifest, table);
            Console.WriteLine();
            table.Print();
            return complete ? 0 : 1;
        }

        /// <summary>The emulator's share: the same pages fetched and thrown away, no parsing, best of 3 after a warm-up.</summary>
        private static async Task<double> ServePagesAlone(EmulatorProcess emulator)
        {
            using HttpClient http = PlainLoop.CreateClient(emulator.BaseUri, emulator.AccountSid, emulator.AuthToken);
            var uris = new List<string>();
            string next = PlainLoop.FirstPage(emulator.AccountSid, PageSize);
            while (next != null)
            {
                uris.Add(next);
                using var response = await http.GetAsync(next);
                using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                next = document.RootElement.GetProperty("next_page_uri").GetString();
            }
            double best = double.MaxValue;
            for (int run = 0; run < WarmRuns; run++)
            {
                var watch = Stopwatch.StartNew();
                foreach (string uri in uris)
                {
                    using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                    response.EnsureSuccessStatusCode();
                    await using Stream body = await response.Content.ReadAsStreamAsync();
                    await body.CopyToAsync(Stream.Null);
                }
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            return best;
        }

        private static string Collections(double packed) =>
            FormattableString.Invariant($"{(long)packed / 10000}/{(long)packed / 100 % 100}/{(long)packed % 100}");

        private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Ms(double ms) => $"{ms:N0} ms";
    }

    /// <summary>The first timed run of a child and the best of the rest.</summary>
    internal sealed class Measured
    {
        public double First;
        public double Warm;
        public double FirstCpu;
        public double WarmCpu;
        public long Records;

        public double Pick(bool first) => first ? First : Warm;

        public double PickCpu(bool first) => first ? FirstCpu : WarmCpu;

        public static Measured From(ChildResult result)
        {
            var runs = result.Runs();
            var warm = runs.Count > 1 ? runs.Skip(1).OrderBy(r => r.Ms).First() : runs[0];
            return new Measured
            {
                First = runs[0].Ms,
                Warm = warm.Ms,
                FirstCpu = runs[0].CpuMs,
                WarmCpu = warm.CpuMs,
                Records = runs.Min(r => r.Records),
            };
        }
    }

    internal sealed class Table
    {
        private readonly List<string[]> _rows = new List<string[]>();

        public List<string> Notes { get; } = new List<string>();

        public void Add(string scenario, long records, string measured, string ratio, string target, bool? met, double cpuMs = -1) =>
            _rows.Add(new[] { scenario, records > 0 ? records.ToString("N0", CultureInfo.InvariantCulture) : "", measured, cpuMs >= 0 ? cpuMs.ToString("N0", CultureInfo.InvariantCulture) : "", ratio, target, met == null ? "" : met.Value ? "yes" : "NO" });

        public void Print()
        {
            string[] header = { "Row", "Records", "Measured", "CPU ms", "Ratio", "Target", "Met" };
            int[] widths = header.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
            string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => i >= 1 && i <= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |";
            Console.WriteLine(Line(header));
            Console.WriteLine("|" + string.Join("|", widths.Select((w, i) => i >= 1 && i <= 3 ? new string('-', w + 1) + ":" : new string('-', w + 2))) + "|");
            foreach (string[] row in _rows) Console.WriteLine(Line(row));
            Console.WriteLine();
            foreach (string note in Notes) Console.WriteLine(note);
        }
    }

    internal static class Machine
    {
        public static double MemoryGiB() =>
            File.Exists("/proc/meminfo")
                ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0
                : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
    }
}
