using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// build/Packager, the README's packaging command: the Azure Automation zip and the PowerShell Gallery
    /// nupkg, each opened and checked the way its consumer reads it.
    /// </summary>
    public class PackageTests : IClassFixture<PackageTests.Packages>
    {
        /// <summary>Both packages, written once from out/TwilioPS into a folder of their own.</summary>
        public sealed class Packages : IDisposable
        {
            public Packages()
            {
                Output = Directory.CreateTempSubdirectory("twilio-ps-package-").FullName;
                (ExitCode, Log) = ChildProcess.RunTool(ModuleAssemblies.PackagerPath, TimeSpan.FromMinutes(2), "--output", Output);
                using var ps = new PowerShellSession();
                PowerShellResult manifest = ps.Run(@"
                    $m = Import-PowerShellDataFile $args[0]
                    $m.ModuleVersion
                    $m.CmdletsToExport", ModuleAssemblies.ManifestPath);
                manifest.ThrowIfFailed();
                Version = manifest.Output[0].ToString();
                Cmdlets = manifest.Output.Skip(1).Select(o => o.ToString()).ToArray();
                ModuleFiles = Directory.GetFiles(ModuleAssemblies.ModuleDirectory, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(ModuleAssemblies.ModuleDirectory, f).Replace('\\', '/'))
                    .OrderBy(f => f, StringComparer.Ordinal).ToArray();
            }

            public string Output { get; }
            public int ExitCode { get; }
            public string Log { get; }
            public string Version { get; }
            public string[] Cmdlets { get; }
            public string[] ModuleFiles { get; }
            public string ZipPath => Path.Combine(Output, $"TwilioPS-{Version}.zip");
            public string NupkgPath => Path.Combine(Output, $"TwilioPS.{Version}.nupkg");

            public void Dispose() => Directory.Delete(Output, recursive: true);
        }

        private readonly Packages _packages;

        public PackageTests(Packages packages)
        {
            _packages = packages;
            Assert.True(packages.ExitCode == 0, packages.Log);
        }

        [Fact]
        public void The_Automation_zip_is_one_TwilioPS_folder_holding_the_whole_module_within_Automations_limits()
        {
            var zip = new FileInfo(_packages.ZipPath);
            Assert.True(zip.Exists, _packages.Log);
            Assert.InRange(zip.Length, 1, 100L * 1024 * 1024 - 1);
            using ZipArchive archive = ZipFile.OpenRead(zip.FullName);
            string[] entries = archive.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal).ToArray();

            Assert.All(entries, e => Assert.StartsWith("TwilioPS/", e));
            Assert.All(entries, e => Assert.True(e.Length < 140, e));
            Assert.DoesNotContain(entries, e => e.Contains('\\'));
            Assert.Equal(_packages.ModuleFiles.Select(f => "TwilioPS/" + f), entries);
            Assert.Contains("TwilioPS/TwilioPS.psd1", entries);
            Assert.Contains("TwilioPS/en-US/TwilioPS.dll-Help.xml", entries);
        }

        [Fact]
        public void The_unpacked_zip_passes_Test_ModuleManifest_with_its_Gallery_metadata()
        {
            string unpacked = Directory.CreateTempSubdirectory("twilio-ps-unzip-").FullName;
            try
            {
                ZipFile.ExtractToDirectory(_packages.ZipPath, unpacked);
                using var ps = new PowerShellSession();
                PowerShellResult r = ps.Run(@"
                    $m = Test-ModuleManifest -Path $args[0] -ErrorAction Stop
                    $m.Name
                    $m.Version.ToString()
                    $m.ExportedCmdlets.Count
                    [bool]$m.ProjectUri
                    [bool]$m.LicenseUri
                    [bool]$m.ReleaseNotes
                    $m.Tags -contains 'Twilio'", Path.Combine(unpacked, "TwilioPS", "TwilioPS.psd1"));
                r.ThrowIfFailed();
                Assert.Equal(new object[] { "TwilioPS", _packages.Version, _packages.Cmdlets.Length, true, true, true, true },
                    r.Output.Select(o => o.BaseObject).ToArray());
            }
            finally
            {
                Directory.Delete(unpacked, recursive: true);
            }
        }

        [Fact]
        public void The_Gallery_nupkg_carries_the_manifests_metadata_and_a_tag_for_every_cmdlet()
        {
            using ZipArchive package = ZipFile.OpenRead(_packages.NupkgPath);
            XDocument nuspec;
            using (Stream stream = package.GetEntry("TwilioPS.nuspec").Open()) nuspec = XDocument.Load(stream);
            XNamespace ns = nuspec.Root.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata");
            string Field(string name) => metadata.Element(ns + name)?.Value;

            Assert.Equal("TwilioPS", Field("id"));
            Assert.Equal(_packages.Version, Field("version"));
            Assert.Equal("TwilioPS contributors", Field("authors"));
            Assert.StartsWith("The Twilio REST API", Field("description"));
            Assert.StartsWith("https://", Field("projectUrl"));
            Assert.StartsWith("https://", Field("licenseUrl"));
            Assert.False(string.IsNullOrWhiteSpace(Field("releaseNotes")));
            string[] tags = Field("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            Assert.Contains("Twilio", tags);
            Assert.All(_packages.Cmdlets, c => Assert.Contains("PSCmdlet_" + c, tags));
            Assert.All(_packages.Cmdlets, c => Assert.Contains("PSCommand_" + c, tags));
            Assert.Equal(_packages.Cmdlets.Length, tags.Count(t => t.StartsWith("PSCmdlet_", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_Gallery_nupkg_holds_the_module_files_at_its_root_beside_the_package_parts_NuGet_needs()
        {
            using ZipArchive package = ZipFile.OpenRead(_packages.NupkgPath);
            string[] entries = package.Entries.Select(e => Uri.UnescapeDataString(e.FullName)).ToArray();
            string[] parts = { "TwilioPS.nuspec", "[Content_Types].xml", "_rels/.rels" };

            Assert.All(parts, p => Assert.Contains(p, entries));
            Assert.Single(entries, e => e.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal));
            string[] moduleFiles = entries.Where(e => !parts.Contains(e) && !e.StartsWith("package/", StringComparison.Ordinal))
                .OrderBy(e => e, StringComparer.Ordinal).ToArray();
            Assert.Equal(_packages.ModuleFiles, moduleFiles);
        }

        [Fact]
        public void A_module_folder_Automation_or_the_Gallery_would_refuse_is_reported_and_not_packaged()
        {
            string root = Directory.CreateTempSubdirectory("twilio-ps-bad-module-").FullName;
            try
            {
                string module = Path.Combine(root, "TwilioPS");
                CopyFolder(ModuleAssemblies.ModuleDirectory, module);
                File.WriteAllText(Path.Combine(module, new string('x', 140) + ".txt"), "too long a name for Automation");
                string manifest = Path.Combine(module, "TwilioPS.psd1");
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("ProjectUri", "ProjectPage"));
                string output = Path.Combine(root, "packages");

                (int exitCode, string log) = ChildProcess.RunTool(ModuleAssemblies.PackagerPath, TimeSpan.FromMinutes(2),
                    "--module", module, "--output", output);

                Assert.Equal(1, exitCode);
                Assert.Contains("error TPSPACK: the manifest has no PrivateData.PSData.ProjectUri.", log);
                Assert.Contains("Azure Automation needs paths under 140", log);
                Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any(), log);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        private static void CopyFolder(string source, string destination)
        {
            foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(destination, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                File.Copy(file, target);
            }
        }
    }
}
