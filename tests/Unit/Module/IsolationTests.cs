using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// PowerShell 7 loads TwilioPS and its dependencies in the module's own load context, so another
    /// module's version of the same dependency works beside it, whichever is imported first. Each case
    /// runs in a fresh process (tools/RunScript, which has none of the module's dependencies of its
    /// own, like pwsh), where another module is played by assemblies named like two of our
    /// dependencies, at a version TwilioPS cannot use, compiled by Add-Type.
    /// </summary>
    public class IsolationTests
    {
        /// <summary>Writes Polly.Core and Microsoft.Extensions.Http 1.0.0.0, each with one class, into $scratch.</summary>
        private const string CompileOtherModulesDependencies = @"
            param($ModulePath, $Scratch)
            $ErrorActionPreference = 'Stop'
            foreach ($name in 'Polly.Core', 'Microsoft.Extensions.Http') {
                $code = '[assembly: System.Reflection.AssemblyVersion(""1.0.0.0"")] namespace OtherModule { public static class Uses { public static string Name() { return ""' + $name + ' 1.0""; } } }'
                $code = $code.Replace('namespace OtherModule', 'namespace OtherModule' + $name.Replace('.', ''))
                Add-Type -TypeDefinition $code -OutputAssembly (Join-Path $Scratch ($name + '.dll')) -OutputType Library
            }
            function Use-OtherModule {
                [OtherModulePollyCore.Uses]::Name()
                [OtherModuleMicrosoftExtensionsHttp.Uses]::Name()
            }
            function Use-TwilioPS {
                $calls = @(Get-TwilioCall -First 3 -ErrorAction Stop)
                'TwilioPS listed ' + $calls.Count + ' calls'
                'typed as [TwilioPS.Models.TwilioCall]: ' + ($calls[0] -is [TwilioPS.Models.TwilioCall])
                $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Get-TwilioCall).ImplementingType.Assembly)
                'TwilioPS context: ' + $context.Name
            }
        ";

        private static (int ExitCode, string Output) Run(string steps)
        {
            string scratch = Directory.CreateTempSubdirectory("twilio-ps-isolation-").FullName;
            try
            {
                return ChildProcess.RunScriptText(CompileOtherModulesDependencies + steps, TimeSpan.FromMinutes(2),
                    "-ModulePath", ModuleAssemblies.ManifestPath, "-Scratch", scratch);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        [Fact]
        public void TwilioPS_imports_and_runs_in_a_session_that_already_loaded_another_version_of_its_dependencies()
        {
            var (exit, output) = Run(@"
                Add-Type -Path (Join-Path $Scratch 'Polly.Core.dll'), (Join-Path $Scratch 'Microsoft.Extensions.Http.dll')
                Use-OtherModule
                Import-Module $ModulePath
                $emulator = Start-TwilioEmulator -SeedCalls 5
                Connect-Twilio -Emulator | Out-Null
                Use-TwilioPS
                Use-OtherModule
                Disconnect-Twilio
                Stop-TwilioEmulator $emulator");

            Assert.True(exit == 0, output);
            Assert.Contains("TwilioPS listed 3 calls", output);
            Assert.Contains("TwilioPS context: TwilioPS (", output);
            Assert.Contains("typed as [TwilioPS.Models.TwilioCall]: True", output);
            Assert.Equal(2, CountOf(output, "Polly.Core 1.0"));
            Assert.Equal(2, CountOf(output, "Microsoft.Extensions.Http 1.0"));
        }

        [Fact]
        public void Another_version_of_a_dependency_loads_and_runs_after_TwilioPS_was_imported_and_used()
        {
            var (exit, output) = Run(@"
                Import-Module $ModulePath
                $emulator = Start-TwilioEmulator -SeedCalls 5
                Connect-Twilio -Emulator | Out-Null
                Use-TwilioPS
                Add-Type -Path (Join-Path $Scratch 'Polly.Core.dll'), (Join-Path $Scratch 'Microsoft.Extensions.Http.dll')
                Use-OtherModule
                Use-TwilioPS
                Disconnect-Twilio
                Stop-TwilioEmulator $emulator");

            Assert.True(exit == 0, output);
            Assert.Equal(2, CountOf(output, "TwilioPS listed 3 calls"));
            Assert.Contains("Polly.Core 1.0", output);
            Assert.Contains("Microsoft.Extensions.Http 1.0", output);
        }

        /// <summary>
        /// In this test process too: the module's types, its private dependencies and the hosted engine's
        /// cmdlets all come from the module's context, while assemblies the runtime provides stay shared.
        /// </summary>
        [Fact]
        public void The_module_and_its_private_dependencies_live_in_the_modules_context_and_the_runtimes_own_stay_shared()
        {
            using var session = new EmulatedSession(seedCalls: 3);
            PowerShellResult r = session.Run("(Get-Command Get-TwilioCall).ImplementingType; Get-TwilioCall -First 1");
            r.ThrowIfFailed();
            Assert.Same(typeof(TwilioPS.Cmdlets.Calls.GetTwilioCallCommand), r.Output.First().BaseObject);
            Assert.IsType<TwilioPS.Models.TwilioCall>(r.Output.Last().BaseObject);

            AssemblyLoadContext module = AssemblyLoadContext.GetLoadContext(typeof(TwilioPS.Cmdlets.TwilioCmdlet).Assembly);
            Assert.StartsWith("TwilioPS (", module.Name);
            string[] loaded = module.Assemblies.Select(a => a.GetName().Name).ToArray();
            Assert.Contains("Polly.Core", loaded);
            Assert.Contains("Microsoft.Extensions.Http", loaded);
            Assert.Contains("TwilioPS.Emulator", loaded);
            Assert.DoesNotContain("System.Text.Json", loaded);
            Assert.DoesNotContain("System.Memory", loaded);
        }

        private static int CountOf(string text, string value) =>
            text.Split(value).Length - 1;
    }
}
