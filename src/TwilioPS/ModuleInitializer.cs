using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TwilioPS
{
    /// <summary>
    /// Makes the module's own dependencies win on Windows PowerShell 5.1. .NET Framework binds strong
    /// names by exact version and PowerShell has no binding redirects for modules, so the mismatched
    /// versions inside System.Text.Json's dependency graph (System.Memory, Unsafe, …) would fail to
    /// load. This resolver answers for assemblies shipped in the module folder only, with LoadFrom
    /// (never LoadFile, which would create a second copy of every type). PowerShell 7 probes the module
    /// folder itself, so nothing is registered there.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);

        internal static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            string path = ShippedPath(new AssemblyName(args.Name), ModuleDirectory);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>The module folder's copy of a requested assembly, whatever version was asked for; null if not shipped.</summary>
        internal static string ShippedPath(AssemblyName requested, string moduleDirectory)
        {
            if (string.IsNullOrEmpty(requested.Name) || requested.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
            string candidate = Path.Combine(moduleDirectory, requested.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }
    }
}
