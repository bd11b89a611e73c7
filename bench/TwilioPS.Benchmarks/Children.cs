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
                default: return false;
            }
        }

        public static void Report(string key, double value, long records = -1) =>
            Console.WriteLine(FormattableString.Invariant($"@result {key} {value} {records}"));

        // child-loop <base> <sid> <token> <pageSize> <warm-up records> <runs>
        private static async Task<int> LoopAsync(string[] args)
        {
            using HttpClient http = PlainLoop.CreateClient(new Uri(args[1]), args[2], args[3]);
            string first = PlainLoop.FirstPage(args[2], int.Parse(args[4], CultureInfo.InvariantCulture));
            int warmup = int.Parse(args[5], CultureInfo.InvariantCulture);
            if (warmup > 0) await PlainLoop.ListAsync(http, first, warmup);
            for (int run = 0; run < int.Parse(args[6], CultureInfo.InvariantCulture); run++)
            {
                var watch = Stopwatch.StartNew();
                int records = await PlainLoop.ListAsync(http, first);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, records);
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
                var watch = Stopwatch.StartNew();
                int records = Convert.ToInt32(Invoke(runspace, ListScript(pageSize))[0].BaseObject, CultureInfo.InvariantCulture);
                Report("run" + run, watch.Elapsed.TotalMilliseconds, records);
            }
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
            File.WriteAllText("/proc/self/clear_refs", "5");
            long before = ProcStatus("VmRSS");
            int listed = Convert.ToInt32(Invoke(runspace, $"$n = 0; Get-TwilioCall -First {records} -PageSize 1000 | ForEach-Object {{ $n++ }}; $n")[0].BaseObject, CultureInfo.InvariantCulture);
            long peak = ProcStatus("VmHWM");
            Report("growth", peak - before, listed);
            return 0;
        }

        private static long ProcStatus(string field)
        {
            string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line.Substring(field.Length + 1).Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }

        // child-startup <manifest> <base> <sid> <token>
        private static int Startup(string[] args)
        {
            using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(runspace, "$null = 1"); // the engine's own first-command cost is not the module's
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
