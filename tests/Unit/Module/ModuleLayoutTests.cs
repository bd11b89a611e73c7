using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>out/TwilioPS as a user (and Azure Automation) receives it.</summary>
    public class ModuleLayoutTests
    {
        private static readonly Assembly ModuleAssembly = typeof(TwilioPS.Cmdlets.TwilioCmdlet).Assembly;

        [Fact]
        public void The_module_loads_from_out_not_from_a_copy()
        {
            Assert.Equal(Path.Combine(ModuleAssemblies.ModuleDirectory, "TwilioPS.dll"), ModuleAssembly.Location);
        }

        [Fact]
        public void The_manifest_exports_every_cmdlet_class_explicitly_and_nothing_else()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run(@"
                $m = Import-PowerShellDataFile $args[0]
                $m.CmdletsToExport
                '--'
                (Get-Command -Module TwilioPS).Name
                '--'
                $m.CompatiblePSEditions -join ','
                $m.PowerShellVersion
                $m.FormatsToProcess -join ','
                $m.FunctionsToExport.Count + $m.AliasesToExport.Count + $m.VariablesToExport.Count", ModuleAssemblies.ManifestPath);
            r.ThrowIfFailed();
            string[] lines = r.Output.Select(o => o.ToString()).ToArray();
            int split = Array.IndexOf(lines, "--");
            string[] manifest = lines.Take(split).ToArray();
            string[] exported = lines.Skip(split + 1).TakeWhile(l => l != "--").ToArray();
            string[] classes = ModuleAssembly.GetTypes()
                .Select(t => t.GetCustomAttribute<CmdletAttribute>())
                .Where(a => a != null)
                .Select(a => a.VerbName + "-" + a.NounName).ToArray();

            Assert.Equal(classes.OrderBy(n => n), manifest.OrderBy(n => n));
            Assert.Equal(classes.OrderBy(n => n), exported.OrderBy(n => n));
            string[] tail = lines.Skip(Array.LastIndexOf(lines, "--") + 1).ToArray();
            Assert.Equal(new[] { "Desktop,Core", "5.1", "TwilioPS.Format.ps1xml", "0" }, tail);
        }

        /// <summary>Pester files and scripts that re-import with -Force get every cmdlet back, with its help.</summary>
        [Fact]
        public void A_forced_re_import_exports_every_cmdlet_again()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run(@"
                $before = @(Get-Command -Module TwilioPS).Count
                Import-Module $args[0] -Force
                Import-Module $args[0] -Force
                $before
                @(Get-Command -Module TwilioPS).Count
                (Get-Command Get-TwilioCall).ModuleName
                [bool]((Get-Help Get-TwilioCall).Description | Out-String).Trim()", ModuleAssemblies.ManifestPath);
            r.ThrowIfFailed();
            object[] values = r.Output.Select(o => o.BaseObject).ToArray();
            Assert.True((int)values[0] > 60, $"{values[0]} cmdlets before");
            Assert.Equal(values[0], values[1]);
            Assert.Equal("TwilioPS", values[2]);
            Assert.Equal(true, values[3]);
        }

        [Fact]
        public void The_folder_is_complete_and_never_ships_PowerShells_own_assembly()
        {
            string[] files = Directory.GetFiles(ModuleAssemblies.ModuleDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ModuleAssemblies.ModuleDirectory, f)).ToArray();
            Assert.DoesNotContain("System.Management.Automation.dll", files);
            Assert.Contains("TwilioPS.psd1", files);
            Assert.Contains("TwilioPS.dll", files);
            Assert.Contains("TwilioPS.Format.ps1xml", files);
            Assert.Contains("TwilioPS.Emulator.dll", files);
            Assert.Contains("TwilioPS.psm1", files);
            Assert.Contains("TwilioPS.Isolation.dll", files);
            Assert.Contains(Path.Combine("en-US", "TwilioPS.dll-Help.xml"), files);
            // Every assembly the module references is in the folder or part of .NET itself (5.1 has no NuGet).
            foreach (AssemblyName reference in ModuleAssembly.GetReferencedAssemblies())
            {
                bool framework = reference.Name == "netstandard" || reference.Name == "System.Management.Automation";
                Assert.True(framework || files.Contains(reference.Name + ".dll"), reference.Name + " is not shipped");
            }
            // Azure Automation: paths under 140 characters inside the module folder.
            Assert.All(files, f => Assert.True(("TwilioPS/" + f).Length < 140, f));
        }

        [Fact]
        public void Every_output_type_has_a_default_view()
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleAssemblies.ModuleDirectory, "TwilioPS.Format.ps1xml"));
            var viewed = format.Descendants("TypeName").Select(t => t.Value).ToHashSet();
            var outputs = ModuleAssembly.GetTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
                .SelectMany(a => a.Type)
                .Select(t => t.Type?.FullName ?? t.Name)
                // PowerShell has views for its own types (FileInfo from Save-TwilioRecording -PassThru).
                .Where(n => n != null && n.StartsWith("TwilioPS.", StringComparison.Ordinal))
                .Distinct();
            Assert.All(outputs, name => Assert.Contains(name, viewed));
        }

        [Fact]
        public void Default_views_render_in_the_engine()
        {
            using var s = new EmulatedSession(seedCalls: 3);
            PowerShellResult r = s.Run("Get-TwilioCall | Out-String -Width 200; Get-TwilioContext | Out-String -Width 200");
            r.ThrowIfFailed();
            string text = string.Join("\n", r.Output);
            Assert.Matches(@"Sid\s+From\s+To\s+Status\s+StartTime\s+Duration\s+Price", text);
            Assert.Contains("CredentialKind", text);
            Assert.DoesNotContain("AdditionalProperties", text);
        }

        /// <summary>
        /// Importing loads only what every session needs: the emulator, Polly and the HTTP stack wait for
        /// the first cmdlet that uses them, and the module's root script calls no cmdlet that would pull
        /// in a whole PowerShell module (Join-Path loads Microsoft.PowerShell.Management).
        /// </summary>
        [Fact]
        public void Importing_the_module_loads_neither_the_emulator_nor_the_HTTP_stack()
        {
            var (exit, output) = ChildProcess.RunScriptText(@"
                $before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name })
                Import-Module $args[0]
                Get-Command -Module TwilioPS | Out-Null
                [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } |
                    Where-Object { $before -notcontains $_ } | ForEach-Object { 'LOADED ' + $_ }
                $null = Start-TwilioEmulator
                'emulator loaded after start: ' + [bool]([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'TwilioPS.Emulator' })
                Stop-TwilioEmulator", TimeSpan.FromMinutes(2), ModuleAssemblies.ManifestPath);
            Assert.True(exit == 0, output);
            Assert.Contains("LOADED TwilioPS" + Environment.NewLine, output);
            foreach (string lazy in new[] { "TwilioPS.Emulator", "Polly.Core", "Microsoft.Extensions.Http", "Microsoft.PowerShell.Commands.Management" })
                Assert.DoesNotContain("LOADED " + lazy + Environment.NewLine, output);
            Assert.Contains("emulator loaded after start: True", output);
        }
    }
}
