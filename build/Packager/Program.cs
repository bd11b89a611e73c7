using System;
using System.IO;
using System.Reflection;

namespace TwilioPS.Packager
{
    [AttributeUsage(AttributeTargets.Assembly)]
    internal sealed class RepoRootAttribute : Attribute
    {
        public RepoRootAttribute(string path) { Path = path; }
        public string Path { get; }
    }

    internal static class Program
    {
        /// <summary>
        /// Packager [--module out/TwilioPS] [--output out]
        /// Writes TwilioPS-&lt;version&gt;.zip and TwilioPS.&lt;version&gt;.nupkg; exit code 1 with every problem
        /// listed when the module folder or its manifest would make a package Automation or the Gallery refuses.
        /// </summary>
        private static int Main(string[] args)
        {
            string repoRoot = typeof(Program).Assembly.GetCustomAttribute<RepoRootAttribute>().Path;
            string module = Path.Combine(repoRoot, "out", "TwilioPS");
            string output = Path.Combine(repoRoot, "out");
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--module" && i + 1 < args.Length) module = args[++i];
                else if (args[i] == "--output" && i + 1 < args.Length) output = args[++i];
                else
                {
                    Console.Error.WriteLine("usage: Packager [--module <module folder>] [--output <folder>]");
                    return 2;
                }
            }
            try
            {
                var manifest = ModuleManifest.Load(Path.Combine(module, Path.GetFileName(Path.TrimEndingDirectorySeparator(module)) + ".psd1"));
                var package = new ModulePackage(module, manifest);
                package.Check();
                Directory.CreateDirectory(output);
                Report(package.WriteAutomationZip(output), package, "Azure Automation");
                Report(package.WriteGalleryPackage(output), package, "PowerShell Gallery");
                return 0;
            }
            catch (PackagingException exception)
            {
                // MSBuild and CI logs pick out "error CODE:" lines.
                foreach (string line in exception.Message.Split(Environment.NewLine))
                    Console.Error.WriteLine("error TPSPACK: " + line);
                return 1;
            }
        }

        private static void Report(string path, ModulePackage package, string audience)
        {
            Console.WriteLine($"{audience}: {path} ({package.Files.Count} files, {new FileInfo(path).Length / 1048576.0:N2} MB)");
        }
    }
}
