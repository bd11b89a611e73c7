using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace TwilioPS.Isolation
{
    /// <summary>
    /// The module's own AssemblyLoadContext on PowerShell 7. TwilioPS.dll and every dependency shipped
    /// beside it load here, so a session that already holds another version of one of them (Az.Accounts,
    /// Microsoft.Graph and PnP all ship Microsoft.Extensions.* and System.Text.Json) neither breaks the
    /// module nor is broken by it. Assemblies the runtime itself provides in a version at least as new as
    /// the one asked for stay shared with PowerShell: a private copy of System.Memory or of an older
    /// System.Text.Json would only duplicate the runtime's types.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private const string ModuleAssemblyName = "TwilioPS";

        private static readonly ConcurrentDictionary<string, ModuleLoadContext> ByFolder =
            new ConcurrentDictionary<string, ModuleLoadContext>(StringComparer.Ordinal);

        /// <summary>File name (no extension) to path of every assembly on the runtime's trusted platform list.</summary>
        private static readonly Lazy<Dictionary<string, string>> PlatformAssemblies = new Lazy<Dictionary<string, string>>(ReadPlatformAssemblies);

        private readonly string _moduleDirectory;

        private ModuleLoadContext(string moduleDirectory) : base("TwilioPS (" + moduleDirectory + ")")
        {
            _moduleDirectory = moduleDirectory;
        }

        /// <summary>
        /// The one context of a module folder: importing the module again, or a host that reaches the
        /// module's types first (a test, a benchmark), gets the same assemblies and so the same types.
        /// </summary>
        public static ModuleLoadContext ForModule(string moduleDirectory)
        {
            return ByFolder.GetOrAdd(Key(moduleDirectory), folder => new ModuleLoadContext(folder));
        }

        private static string Key(string moduleDirectory) =>
            Path.GetFullPath(moduleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        /// <summary>
        /// Whether this process has already loaded TwilioPS.dll from the module folder: only then can a
        /// session hold a module of it that a re-import must remove first.
        /// </summary>
        public static bool IsModuleLoaded(string moduleDirectory) =>
            ByFolder.TryGetValue(Key(moduleDirectory), out ModuleLoadContext context)
            && context.Assemblies.Any(a => string.Equals(a.GetName().Name, ModuleAssemblyName, StringComparison.Ordinal));

        /// <summary>TwilioPS.dll from the module folder, loaded in its context (what TwilioPS.psm1 imports).</summary>
        public static Assembly LoadModule(string moduleDirectory) =>
            ForModule(moduleDirectory).LoadFromAssemblyName(new AssemblyName(ModuleAssemblyName));

        /// <summary>Whether the module folder ships an assembly of this name (so this context answers for it).</summary>
        public bool Ships(AssemblyName name) => ShippedPath(name) != null;

        protected override Assembly Load(AssemblyName assemblyName)
        {
            string shipped = ShippedPath(assemblyName);
            if (shipped == null || RuntimeProvides(assemblyName)) return null;
            return LoadFromAssemblyPath(shipped);
        }

        private string ShippedPath(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name) || name.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
            string candidate = Path.Combine(_moduleDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? candidate : null;
        }

        /// <summary>The runtime has this assembly, in the version asked for or newer: share it.</summary>
        private static bool RuntimeProvides(AssemblyName requested)
        {
            if (!PlatformAssemblies.Value.TryGetValue(requested.Name, out string path)) return false;
            try
            {
                Version available = AssemblyName.GetAssemblyName(path).Version;
                return requested.Version == null || (available != null && available >= requested.Version);
            }
            catch (Exception exception) when (exception is IOException || exception is BadImageFormatException || exception is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static Dictionary<string, string> ReadPlatformAssemblies()
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                    map[Path.GetFileNameWithoutExtension(path)] = path;
            }
            return map;
        }
    }
}
