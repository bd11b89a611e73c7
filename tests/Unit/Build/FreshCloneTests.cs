using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TwilioPS.Tests.Module;
using Xunit;

namespace TwilioPS.Tests.Build
{
    /// <summary>
    /// The module builds from a tree where nothing was restored or built before, as on a fresh clone
    /// (the README's main command and `dotnet build` of one project reach the help compiler, which is
    /// not in the module's project graph, so the module build must restore it itself).
    /// </summary>
    public class FreshCloneTests
    {
        [Fact]
        public void The_module_project_builds_alone_on_a_fresh_tree_help_included()
        {
            string root = Path.Combine(Path.GetTempPath(), "twilio-ps-fresh-" + Guid.NewGuid().ToString("N"));
            try
            {
                CopySourceTree(ModuleAssemblies.RepositoryRoot, root);
                Assert.False(Directory.Exists(Path.Combine(root, "build", "HelpCompiler", "obj")));

                var (exit, output) = Run(root, "dotnet", "build", "src/TwilioPS/TwilioPS.csproj", "-c", "Release", "-nodeReuse:false");
                Assert.True(exit == 0, output);
                Assert.True(File.Exists(Path.Combine(root, "out", "TwilioPS", "TwilioPS.dll")), output);
                Assert.True(File.Exists(Path.Combine(root, "out", "TwilioPS", "en-US", "TwilioPS.dll-Help.xml")), output);
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        /// <summary>The files a clone would have: tracked and new, never bin/, obj/ or out/ (git's own view).</summary>
        private static void CopySourceTree(string from, string to)
        {
            var (exit, listing) = Run(from, "git", "ls-files", "--cached", "--others", "--exclude-standard", "-z");
            Assert.True(exit == 0, "git ls-files failed: " + listing);
            foreach (string relative in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
            {
                string source = Path.Combine(from, relative);
                if (!File.Exists(source)) continue;   // deleted in the work tree, not yet committed
                string target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                File.Copy(source, target);
            }
        }

        private static (int ExitCode, string Output) Run(string directory, string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            using Process process = Process.Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit((int)TimeSpan.FromMinutes(5).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(" ", arguments)} did not finish in 5 minutes.");
            }
            return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }
}
