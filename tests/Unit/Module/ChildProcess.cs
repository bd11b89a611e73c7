using System;
using System.Diagnostics;
using System.IO;

namespace TwilioPS.Tests.Module
{
    /// <summary>Runs the repository's tools in a fresh process, as the README's commands do.</summary>
    internal static class ChildProcess
    {
        /// <summary>A script through tools/RunScript.</summary>
        public static (int ExitCode, string Output) RunScript(string scriptPath, TimeSpan timeout, params string[] arguments)
        {
            var all = new string[arguments.Length + 1];
            all[0] = scriptPath;
            arguments.CopyTo(all, 1);
            return RunTool(ModuleAssemblies.RunScriptPath, timeout, all);
        }

        /// <summary>A built .NET tool of the repository (its .dll), with stdout and stderr together.</summary>
        public static (int ExitCode, string Output) RunTool(string toolPath, TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = ModuleAssemblies.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(toolPath);
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            foreach (string name in new[] { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET" })
                start.Environment.Remove(name);

            using Process process = Process.Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Path.GetFileName(toolPath)} {string.Join(' ', arguments)} did not finish in {timeout}.");
            }
            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }

        /// <summary>A script written from <paramref name="text"/>, run through tools/RunScript, then deleted.</summary>
        public static (int ExitCode, string Output) RunScriptText(string text, TimeSpan timeout, params string[] arguments)
        {
            string script = TempScript(text);
            try
            {
                return RunScript(script, timeout, arguments);
            }
            finally
            {
                File.Delete(script);
            }
        }

        public static string TempScript(string text)
        {
            string path = Path.Combine(Path.GetTempPath(), "twilio-ps-" + Guid.NewGuid().ToString("N") + ".ps1");
            File.WriteAllText(path, text);
            return path;
        }
    }
}
