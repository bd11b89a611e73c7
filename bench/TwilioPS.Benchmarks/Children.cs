using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Threading.Tasks;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// The benchmark's child processes: each tool runs in a fresh process, so its first run pays the
    /// start-up a user's first command pays (JIT, connection, caches), and later runs in the same
    /// process are the warm figure. A child reports on stdout as "@result key value [records]".
    /// </summary>
    internal static class Children
    {
        public static bool TryRun(string[] args, out int exitCode)
        {
            exitCode = 0;
            switch (args.Length > 0 ? args[0] : null)
            {
                case "child-loop": exitCode = LoopAsync(args).GetAwaiter().GetResult(); return true;
                case "child-module": exitCode = Module(args); return true;
                case "child-memory": exitCode = Memory(args); return true;
                case "child-startup": exitCode = Startup(args); return true;
                case "child-profile": exitCode = Profile(args); return true;
                case "child-parse": exitCode = Parse(args); return true;
                case "child-send": exitCode = Send(args); return true;
                case "child-send-loop": exitCode = SendLoopAsync(args).GetAwaiter().GetResult(); return true;
                default: return false;
            }
        }

        public static void Report(string key, double value, long records = -1, double cpuMs = -1) =>
            Console.WriteLine(FormattableString.Invariant($"@result {key} {value} {records} {cpuMs}"));

        /// <summary>This process's CPU time so far (all threads, user + system), in ms: steadier than wall time on a shared machine.</summary>
        public static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

        // child-loop <base> <sid> <token> <pageSize> <warm-up records> <runs>
        private static async Task<int> LoopAsync(string[] args)
        {
            using HttpClient http = PlainLoop.CreateClient(new Uri(args[1]), args[2], args[3]);
            string first = PlainLoop.FirstPage(args[2], int.Parse(args[4], CultureInfo.InvariantCulture));
            int warmup = int.Parse(args[5], CultureInfo.InvariantCulture);
            if (warmup > 0) await PlainLoop.ListAsync(http, first, warmup);
            for (int run = 0; run < int.Parse(args[6], CultureInfo.InvariantCulture); run++)
            {
                double cpu = CpuMs();
                var watch = Stopwatch.StartNew();
                int records = await PlainLoop.ListAsync(http, first);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, records, CpuMs() - cpu);
            }
            return 0;
        }

        // child-send-loop <base> <sid> <token> <messages> <concurrency> <from> <runs>
        // The plain .NET sender: the same warm-up and runs as child-send, without PowerShell.
        private static async Task<int> SendLoopAsync(string[] args)
        {
            using HttpClient http = PlainLoop.CreateClient(new Uri(args[1]), args[2], args[3]);
            int concurrency = int.Parse(args[5], CultureInfo.InvariantCulture);
            await PlainLoop.SendAsync(http, args[2], 20, Math.Min(20, concurrency), args[6]);
            for (int run = 0; run < int.Parse(args[7], CultureInfo.InvariantCulture); run++)
            {
                double cpu = CpuMs();
                var watch = Stopwatch.StartNew();
                int sent = await PlainLoop.SendAsync(http, args[2], int.Parse(args[4], CultureInfo.InvariantCulture), concurrency, args[6]);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, sent, CpuMs() - cpu);
            }
            return 0;
        }

        // child-module <manifest> <base> <sid> <token> <pageSize> <warm-up records> <runs>
        private static int Module(string[] args)
        {
            using Runspace runspace = Connected(args[1], args[2], args[3], args[4]);
            string pageSize = args[5];
            int warmup = int.Parse(args[6], CultureInfo.InvariantCulture);
            if (warmup > 0) Invoke(runspace, $"$n = 0; Get-TwilioCall -First {warmup} -PageSize {pageSize} | ForEach-Object {{ $n++ }}; $n");
            for (int run = 0; run < int.Parse(args[7], CultureInfo.InvariantCulture); run++)
            {
                double cpu = CpuMs();
                var watch = Stopwatch.StartNew();
                TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime();
                long jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
                TimeSpan pauses = GC.GetTotalPauseDuration();
                int records = Convert.ToInt32(Invoke(runspace, ListScript(pageSize))[0].BaseObject, CultureInfo.InvariantCulture);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, records, CpuMs() - cpu);
                // Where a first run's extra time goes: compiling (all threads) and collecting.
                Report("jit" + run, (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds, System.Runtime.JitInfo.GetCompiledMethodCount() - jitted);
                Report("gc" + run, (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds);
            }
            return 0;
        }

        // child-profile <manifest> <base> <sid> <token>
        // Where a warm listing's time goes: the module's pager alone (no pipeline),
        // the whole user line, and PowerShell's own per-record cost with no module.
        private static int Profile(string[] args)
        {
            using Runspace runspace = Connected(args[1], args[2], args[3], args[4]);
            const string Pager = "$c = Get-TwilioContext; $client = $c.GetType().GetProperty('Client', [Reflection.BindingFlags]'Instance,NonPublic').GetValue($c); "
                + "$pager = $client.Calls.List([TwilioPS.Client.ResourcePath]::ForAccount($c.AccountSid), [TwilioPS.Client.FormBuilder]::new(), 1000); "
                + "$n = 0; while ($p = $pager.NextAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult()) { foreach ($r in $p) { $n++ }; if ($p -is [IDisposable]) { $p.Dispose() } }; $pager.Dispose(); $n";
            var variants = new (string Key, string Script)[]
            {
                ("pager-only", Pager),
                ("foreach-object", ListScript("1000")),
                ("powershell-foreach-object-alone", "$n = 0; 1..100000 | ForEach-Object { $n++ }; $n"),
            };
            foreach (var (key, script) in variants)
            {
                double best = double.MaxValue, first = 0, bestCpu = double.MaxValue, firstCpu = 0;
                int records = 0;
                TimeSpan pause = GC.GetTotalPauseDuration();
                int[] collections = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
                for (int run = 0; run < 4; run++)
                {
                    double cpu = CpuMs();
                    var watch = Stopwatch.StartNew();
                    records = Convert.ToInt32(Invoke(runspace, script)[0].BaseObject, CultureInfo.InvariantCulture);
                    double ms = watch.Elapsed.TotalMilliseconds;
                    cpu = CpuMs() - cpu;
                    if (run == 0) { first = ms; firstCpu = cpu; } else { best = Math.Min(best, ms); bestCpu = Math.Min(bestCpu, cpu); }
                }
                Report(key + "-first", first, records, firstCpu);
                Report(key + "-warm", best, records, bestCpu);
                // Four runs together: how much of the time went to collecting what the runs allocated.
                Report(key + "-gc-pause-4-runs", (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
                    (GC.CollectionCount(0) - collections[0]) * 10000L + (GC.CollectionCount(1) - collections[1]) * 100L + GC.CollectionCount(2) - collections[2]);
            }
            return 0;
        }

        // child-parse <manifest> <base> <sid> <token>: one 1000-record page parsed 100 times, module vs plain.
        private static int Parse(string[] args)
        {
            using Runspace runspace = Connected(args[1], args[2], args[3], args[4]);
            using HttpClient http = PlainLoop.CreateClient(new Uri(args[2]), args[3], args[4]);
            byte[] body = http.GetByteArrayAsync(PlainLoop.FirstPage(args[3], 1000)).GetAwaiter().GetResult();
            System.Reflection.Assembly module = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "TwilioPS");
            Type context = module.GetType("TwilioPS.Client.TwilioJsonContext", true);
            var options = (System.Text.Json.Serialization.JsonSerializerContext)context.GetProperty("Default", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).GetValue(null);
            System.Text.Json.Serialization.Metadata.JsonTypeInfo moduleCall = options.GetTypeInfo(module.GetType("TwilioPS.Models.TwilioCall", true));
            System.Text.Json.Serialization.Metadata.JsonTypeInfo plainCall = PlainJsonContext.Default.GetTypeInfo(typeof(CallRecord));
            // "index": the module's first pass over a page (each record skipped, not parsed), as its pager's worker makes it.
            foreach (var (key, info) in Enumerable.Range(0, 6).SelectMany(_ => new[] { ("module", moduleCall), ("plain", plainCall), ("index", null) }))
            {
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                double cpu = CpuMs();
                var watch = Stopwatch.StartNew();
                int n = 0;
                for (int i = 0; i < 100; i++)
                {
                    var reader = new System.Text.Json.Utf8JsonReader(body);
                    while (reader.Read())
                    {
                        if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName && reader.ValueTextEquals("calls"))
                        {
                            reader.Read();
                            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject)
                            {
                                if (info == null) reader.Skip();
                                else System.Text.Json.JsonSerializer.Deserialize(ref reader, info);
                                n++;
                            }
                            break;
                        }
                    }
                }
                Report("parse-" + key, watch.Elapsed.TotalMilliseconds, n, CpuMs() - cpu);
                Report("parse-alloc-" + key, GC.GetAllocatedBytesForCurrentThread() - allocated, n);
            }
            return 0;
        }

        // child-send <manifest> <base> <sid> <token> <messages> <throttle limit> <from> <runs>
        // Messages built in the pipeline and sent by Send-TwilioMessage, after 20 sent to warm up; run0
        // is the first run, the runs after it the warm ones. Reports how many came out sent in each run
        // and how many ended in an error in all (against a capped emulator, after the module's
        // retries), so the parent can check every message was sent exactly once.
        private static int Send(string[] args)
        {
            using Runspace runspace = Connected(args[1], args[2], args[3], args[4]);
            string Script(string count) =>
                $"$n = 0; 1..{count} | ForEach-Object {{ [pscustomobject]@{{ To = '+1415555' + (2000 + $_ % 8000); Body = 'x' }} }} | Send-TwilioMessage -From '{args[7]}' -ThrottleLimit {args[6]} | ForEach-Object {{ $n++ }}; $n";
            Invoke(runspace, Script("20"));
            var errors = new List<ErrorRecord>();
            for (int run = 0; run < int.Parse(args[8], CultureInfo.InvariantCulture); run++)
            {
                double cpu = CpuMs();
                var watch = Stopwatch.StartNew();
                using PowerShell shell = PowerShell.Create();
                shell.Runspace = runspace;
                int sent = Convert.ToInt32(shell.AddScript(Script(args[5])).Invoke()[0].BaseObject, CultureInfo.InvariantCulture);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, sent, CpuMs() - cpu);
                errors.AddRange(shell.Streams.Error);
            }
            Report("send-errors", errors.Count);
            foreach (ErrorRecord error in errors.Take(3)) Console.WriteLine("@error " + error);
            return 0;
        }

        /// <summary>What a script author writes to count a whole list: every record goes through the pipeline.</summary>
        public static string ListScript(string pageSize) => $"$n = 0; Get-TwilioCall -All -PageSize {pageSize} | ForEach-Object {{ $n++ }}; $n";

        // child-memory <manifest> <base> <sid> <token> <records>
        // Peak resident-set growth while the records stream through ForEach-Object, over the process
        // as it stands after a warm-up listing: Linux's VmHWM, reset just before the listing.
        private static int Memory(string[] args)
        {
            using Runspace runspace = Connected(args[1], args[2], args[3], args[4]);
            string records = args[5];
            Invoke(runspace, "$n = 0; Get-TwilioCall -First 2000 -PageSize 1000 | ForEach-Object { $n++ }; $n");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            // Elsewhere than Linux the peak cannot be reset: the process's lifetime peak is used, which
            // can only overstate the growth.
            bool linux = File.Exists("/proc/self/clear_refs");
            if (linux) File.WriteAllText("/proc/self/clear_refs", "5");
            long before = linux ? ProcStatus("VmRSS") : Process.GetCurrentProcess().WorkingSet64;
            int listed = Convert.ToInt32(Invoke(runspace, $"$n = 0; Get-TwilioCall -First {records} -PageSize 1000 | ForEach-Object {{ $n++ }}; $n")[0].BaseObject, CultureInfo.InvariantCulture);
            long peak = linux ? ProcStatus("VmHWM") : Process.GetCurrentProcess().PeakWorkingSet64;
            Report("growth", peak - before, listed);
            return 0;
        }

        private static long ProcStatus(string field)
        {
            string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line.Substring(field.Length + 1).Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        // child-startup <manifest> <base> <sid> <token> [engine-warm]
        // The engine's own first-command cost is never the module's. With engine-warm, another module
        // (a bare manifest and script, written here) is imported first, as an interactive pwsh has
        // imported PSReadLine before its first prompt: then Import-Module's own first use is paid too,
        // and what is timed is what TwilioPS adds.
        private static int Startup(string[] args)
        {
            using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "$null = 1");
            if (args.Length > 5 && args[5] == "engine-warm")
            {
                string other = Path.Combine(Path.GetTempPath(), "TwilioPS.Benchmarks.OtherModule");
                Directory.CreateDirectory(other);
                File.WriteAllText(Path.Combine(other, "OtherModule.psm1"), "function Get-Other { 1 }\n");
                File.WriteAllText(Path.Combine(other, "OtherModule.psd1"),
                    "@{ RootModule = 'OtherModule.psm1'; ModuleVersion = '1.0'; GUID = '0d1f4a52-3c4e-4d0b-9a57-1f6c2e8b7a90'; FunctionsToExport = @('Get-Other'); CmdletsToExport = @() }\n");
                Invoke(runspace, "Import-Module $args[0]", Path.Combine(other, "OtherModule.psd1"));
            }
            var before = new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name));

            var watch = Stopwatch.StartNew();
            Invoke(runspace, "Import-Module $args[0]", args[1]);
            Report("import", watch.Elapsed.TotalMilliseconds);
            foreach (string name in LoadedSince(before)) Console.WriteLine("@import-loaded " + name);

            before = new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name));
            watch.Restart();
            int records = Invoke(runspace, ConnectScript + "; Get-TwilioCall", args[2], args[3], args[4]).Count;
            Report("connect-first", watch.Elapsed.TotalMilliseconds, records);
            foreach (string name in LoadedSince(before)) Console.WriteLine("@first-loaded " + name);
            return 0;
        }

        private static IEnumerable<string> LoadedSince(HashSet<string> before) =>
            AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Where(n => !before.Contains(n)).Distinct().OrderBy(n => n, StringComparer.Ordinal);

        public const string ConnectScript = "Connect-Twilio -BaseUri $args[0] -Credential ([pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force)))";

        private static Runspace Connected(string manifest, string baseUri, string sid, string token)
        {
            Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "Import-Module $args[0]", manifest);
            Invoke(runspace, ConnectScript, baseUri, sid, token);
            return runspace;
        }

        public static Collection<PSObject> Invoke(Runspace runspace, string script, params object[] arguments)
        {
            using PowerShell shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            foreach (object argument in arguments) shell.AddArgument(argument);
            Collection<PSObject> output = shell.Invoke();
            if (shell.HadErrors) throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
            return output;
        }
    }
}
