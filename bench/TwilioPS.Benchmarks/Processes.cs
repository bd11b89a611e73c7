using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace TwilioPS.Benchmarks
{
    /// <summary>What a child process printed: its "@result key value records" lines and any other tagged lines.</summary>
    internal sealed class ChildResult
    {
        private readonly List<string> _lines;

        public ChildResult(List<string> lines) => _lines = lines;

        private string[] Result(string key) =>
            _lines.Select(l => l.Split(' ')).FirstOrDefault(p => p.Length >= 3 && p[0] == "@result" && p[1] == key)
            ?? throw new InvalidOperationException($"The child reported no '{key}':\n" + string.Join("\n", _lines));

        public double Value(string key) => double.Parse(Result(key)[2], CultureInfo.InvariantCulture);

        public double Records(string key) => double.Parse(Result(key)[3], CultureInfo.InvariantCulture);

        public double Cpu(string key) => double.Parse(Result(key)[4], CultureInfo.InvariantCulture);

        /// <summary>Every report of a key, in order (a child that repeats a measurement).</summary>
        public List<(double Ms, double CpuMs)> All(string key) =>
            _lines.Select(l => l.Split(' ')).Where(p => p.Length >= 5 && p[0] == "@result" && p[1] == key)
                .Select(p => (double.Parse(p[2], CultureInfo.InvariantCulture), double.Parse(p[4], CultureInfo.InvariantCulture))).ToList();

        public List<(double Ms, long Records, double CpuMs)> Runs() =>
            _lines.Select(l => l.Split(' ')).Where(p => p.Length >= 5 && p[0] == "@result" && p[1].StartsWith("run", StringComparison.Ordinal))
                .Select(p => (double.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture), double.Parse(p[4], CultureInfo.InvariantCulture))).ToList();

        public string[] Lines(string tag) => _lines.Where(l => l.StartsWith(tag + " ", StringComparison.Ordinal)).Select(l => l.Substring(tag.Length + 1)).ToArray();
    }

    internal static class Child
    {
        /// <summary>
        /// This benchmark again, in a fresh process, in one of its PowerShell child modes: on the
        /// precompiled engine when <see cref="PrecompiledEngine"/> has one (as in pwsh), else as built.
        /// </summary>
        public static ChildResult Bench(IEnumerable<string> arguments) =>
            Run("dotnet", new[] { PrecompiledEngine.Assembly ?? typeof(Child).Assembly.Location }.Concat(arguments));

        /// <summary>This benchmark as built (IL, compiled when run), for the plain .NET loop: what a .NET developer's own program is.</summary>
        public static ChildResult Plain(IEnumerable<string> arguments) =>
            Run("dotnet", new[] { typeof(Child).Assembly.Location }.Concat(arguments));

        public static ChildResult Node(string twilioPackage, string[] connection, int pageSize, int warmupRecords, int runs)
        {
            string script = Path.Combine(AppContext.BaseDirectory, "twilio-node-list.js");
            return Run("node", new[] { script, twilioPackage }.Concat(connection.Select(c => c.TrimEnd('/')))
                .Concat(new[] { pageSize, warmupRecords, runs }.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        }

        public static ChildResult NodeSend(string twilioPackage, string[] connection, int messages, int concurrency, string from, int runs)
        {
            string script = Path.Combine(AppContext.BaseDirectory, "twilio-node-send.js");
            return Run("node", new[] { script, twilioPackage }.Concat(connection.Select(c => c.TrimEnd('/')))
                .Concat(new[] { messages.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture), from, runs.ToString(CultureInfo.InvariantCulture) }));
        }

        public static ChildResult Run(string file, IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments) info.ArgumentList.Add(argument);
            using Process process = Process.Start(info);
            var lines = new List<string>();
            string error = null;
            var stderr = process.StandardError.ReadToEndAsync();
            for (string line; (line = process.StandardOutput.ReadLine()) != null;) lines.Add(line);
            process.WaitForExit();
            error = stderr.Result;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {string.Join(" ", info.ArgumentList)} exited {process.ExitCode}:\n{string.Join("\n", lines)}\n{error}");
            return new ChildResult(lines);
        }
    }

    /// <summary>
    /// PowerShell as pwsh ships it. The engine on NuGet (System.Management.Automation and its commands)
    /// is IL only, compiled as it runs; pwsh's own copy is precompiled (ReadyToRun). Run on the NuGet
    /// engine, a module's first run would pay for compiling PowerShell itself, which no pwsh user
    /// pays: about 600 of the 1,900 methods compiled during a first 100k listing here. So the
    /// PowerShell children run from a ReadyToRun publish of this benchmark, made once (and again
    /// when the benchmark changes). The module itself stays as shipped, loaded from out/TwilioPS.
    /// </summary>
    internal static class PrecompiledEngine
    {
        /// <summary>The published benchmark's assembly, or null (the children then run as built).</summary>
        public static string Assembly { get; private set; }

        public static void Prepare(string projectDirectory)
        {
            string self = typeof(PrecompiledEngine).Assembly.Location;
            string folder = Path.Combine(Path.GetDirectoryName(self), "precompiled-engine");
            string published = Path.Combine(folder, Path.GetFileName(self));
            if (!File.Exists(published) || File.GetLastWriteTimeUtc(published) < File.GetLastWriteTimeUtc(self))
            {
                Console.WriteLine($"Publishing the benchmark with a precompiled PowerShell engine ({RuntimeInformation.RuntimeIdentifier}) into {folder} ...");
                var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
                foreach (string a in new[] { "publish", projectDirectory, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                             "-p:PublishReadyToRun=true", "-o", folder, "--nologo" })
                    info.ArgumentList.Add(a);
                using Process publish = Process.Start(info);
                string log = publish.StandardOutput.ReadToEnd();
                publish.WaitForExit();
                if (publish.ExitCode != 0)
                {
                    Console.WriteLine("The precompiled publish failed; PowerShell children run on the IL engine:\n" + log);
                    return;
                }
            }
            // PowerShell finds its built-in modules (ConvertTo-SecureString's among them) beside the engine.
            string modules = Path.Combine(folder, "Modules");
            string shipped = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(self), "runtimes"), "Modules", SearchOption.AllDirectories)
                .FirstOrDefault(d => d.Contains(OperatingSystem.IsWindows() ? "win" : "unix", StringComparison.Ordinal));
            if (!Directory.Exists(modules) && shipped != null) CopyFolder(shipped, modules);
            Assembly = published;
        }

        private static void CopyFolder(string from, string to)
        {
            foreach (string directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }

    /// <summary>src/TwilioPS.Emulator's console host as a child process on a free port.</summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process) => _process = process;

        public Uri BaseUri { get; private set; }
        public string AccountSid { get; private set; }
        public string AuthToken { get; private set; }

        /// <summary>The child's resident set now, in bytes (its working set on Linux).</summary>
        public long WorkingSet { get { _process.Refresh(); return _process.WorkingSet64; } }

        public static EmulatorProcess Start(string emulatorDll, int seedCalls, string faults, params string[] options)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in new[] { emulatorDll, "--port", "0", "--seed-calls", seedCalls.ToString(CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
            if (faults != null) { info.ArgumentList.Add("--faults"); info.ArgumentList.Add(faults); }
            foreach (string option in options) info.ArgumentList.Add(option);
            var emulator = new EmulatorProcess(Process.Start(info));
            for (string line; (line = emulator._process.StandardOutput.ReadLine()) != null;)
            {
                Match listening = Regex.Match(line, @"listening on (\S+)");
                if (listening.Success) emulator.BaseUri = new Uri(listening.Groups[1].Value + "/");
                if (line.StartsWith("TWILIO_ACCOUNT_SID=", StringComparison.Ordinal)) emulator.AccountSid = line.Substring(19);
                if (line.StartsWith("TWILIO_AUTH_TOKEN=", StringComparison.Ordinal)) emulator.AuthToken = line.Substring(18);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal)) break;
            }
            if (emulator.BaseUri == null || emulator.AccountSid == null) { emulator.Dispose(); throw new InvalidOperationException("The emulator did not start."); }
            // Drain the rest of its output so it never blocks on a full pipe.
            _ = emulator._process.StandardOutput.ReadToEndAsync();
            return emulator;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }
    }

    /// <summary>
    /// The official twilio package for Node.js, installed by npm at bench time into .ci/tools/twilio-node
    /// (ignored by git), as the spec tests install theirs. Null when node or npm is missing.
    /// </summary>
    internal static class TwilioNode
    {
        public const string Package = "twilio@6";

        public static string Install(string repoRoot)
        {
            string folder = Path.Combine(repoRoot, ".ci", "tools", "twilio-node");
            string package = Path.Combine(folder, "node_modules", "twilio");
            if (File.Exists(Path.Combine(package, "package.json"))) return package;
            try
            {
                Directory.CreateDirectory(folder);
                if (!File.Exists(Path.Combine(folder, "package.json"))) File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
                var info = new ProcessStartInfo("npm") { WorkingDirectory = folder, UseShellExecute = false };
                foreach (string a in new[] { "install", "--no-audit", "--no-fund", "--loglevel=error", Package }) info.ArgumentList.Add(a);
                using Process npm = Process.Start(info);
                npm.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            return File.Exists(Path.Combine(package, "package.json")) ? package : null;
        }

        public static string Version(string package) =>
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "package.json"))).RootElement.GetProperty("version").GetString();

        public static string NodeVersion()
        {
            try
            {
                var info = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
                using Process node = Process.Start(info);
                string version = node.StandardOutput.ReadToEnd().Trim();
                node.WaitForExit();
                return version;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
