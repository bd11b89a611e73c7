using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace TwilioPS.Tests
{
    /// <summary>Where the build laid out the module (out/TwilioPS), baked in at compile time.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ModuleDirectoryAttribute : Attribute
    {
        public ModuleDirectoryAttribute(string path) => Path = path;
        public string Path { get; }
    }

    /// <summary>The RunScript host (tools/RunScript) built for this configuration.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class RunScriptPathAttribute : Attribute
    {
        public RunScriptPathAttribute(string path) => Path = path;
        public string Path { get; }
    }

    /// <summary>The help compiler (build/HelpCompiler) as the module build of this configuration built it.</summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class PesterModulePathAttribute : Attribute
    {
        public PesterModulePathAttribute(string path) => Path = path;
        public string Path { get; }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class PackagerPathAttribute : Attribute
    {
        public PackagerPathAttribute(string path) => Path = path;
        public string Path { get; }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class HelpCompilerPathAttribute : Attribute
    {
        public HelpCompilerPathAttribute(string path) => Path = path;
        public string Path { get; }
    }

    /// <summary>
    /// Resolves TwilioPS.dll, TwilioPS.Emulator.dll and their dependencies from out/TwilioPS, the folder a
    /// user imports. The test project references them without copying, so tests that use the client
    /// directly and the hosted engine's Import-Module end up with the very same loaded assembly.
    /// </summary>
    internal static class ModuleAssemblies
    {
        public static string ModuleDirectory { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<ModuleDirectoryAttribute>().Path);

        public static string ManifestPath => System.IO.Path.Combine(ModuleDirectory, "TwilioPS.psd1");

        public static string RepositoryRoot => System.IO.Path.GetFullPath(System.IO.Path.Combine(ModuleDirectory, "..", ".."));

        public static string RunScriptPath { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<RunScriptPathAttribute>().Path);

        public static string PesterModulePath { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<PesterModulePathAttribute>().Path);

        public static string PackagerPath { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<PackagerPathAttribute>().Path);

        public static string HelpCompilerPath { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleAssemblies).Assembly.GetCustomAttribute<HelpCompilerPathAttribute>().Path);

        /// <summary>
        /// The module's own load context (TwilioPS.Isolation, as TwilioPS.psm1 uses it on PowerShell 7):
        /// the test code's references to TwilioPS types resolve into it, so tests and the hosted engine's
        /// Import-Module share one copy of every module type.
        /// </summary>
        private static readonly Lazy<AssemblyLoadContext> ModuleContext = new Lazy<AssemblyLoadContext>(() =>
        {
            Assembly isolation = AssemblyLoadContext.Default.LoadFromAssemblyPath(
                System.IO.Path.Combine(ModuleDirectory, "TwilioPS.Isolation.dll"));
            return (AssemblyLoadContext)isolation.GetType("TwilioPS.Isolation.ModuleLoadContext", throwOnError: true)
                .GetMethod("ForModule").Invoke(null, new object[] { ModuleDirectory });
        });

        [ModuleInitializer]
        internal static void Register()
        {
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                if (name.Name == "TwilioPS.Isolation") return null;
                string candidate = System.IO.Path.Combine(ModuleDirectory, name.Name + ".dll");
                return File.Exists(candidate) ? ModuleContext.Value.LoadFromAssemblyName(name) : null;
            };
        }
    }
}
