using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NuGet.Packaging;
using NuGet.Versioning;

namespace TwilioPS.Packager
{
    /// <summary>
    /// The laid-out module folder (out/TwilioPS) and the checks both package shapes share, then each
    /// shape written from the same file list.
    /// </summary>
    internal sealed class ModulePackage
    {
        /// <summary>Azure Automation refuses a module whose paths reach 140 characters or whose archive reaches 100 MB.</summary>
        public const int MaxPathLength = 140;
        public const long MaxArchiveBytes = 100L * 1024 * 1024;

        private readonly string _moduleDirectory;

        public ModulePackage(string moduleDirectory, ModuleManifest manifest)
        {
            _moduleDirectory = Path.GetFullPath(moduleDirectory);
            Manifest = manifest;
            Files = Directory.GetFiles(_moduleDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_moduleDirectory, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }

        public ModuleManifest Manifest { get; }
        /// <summary>Paths relative to the module folder, with forward slashes (zip and nupkg entry names).</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Everything that would make either package unusable, before anything is written.</summary>
        public void Check()
        {
            var problems = new List<string>();
            problems.AddRange(Manifest.MissingFields().Select(f => $"the manifest has no {f}."));
            foreach (string required in new[] { Manifest.RootModule }.Concat(Manifest.FormatsToProcess).Where(f => !string.IsNullOrEmpty(f)))
            {
                if (!Files.Contains(required)) problems.Add($"the manifest names '{required}', which is not in {_moduleDirectory}.");
            }
            if (!Files.Any(f => f.StartsWith("en-US/", StringComparison.Ordinal) && f.EndsWith("-Help.xml", StringComparison.Ordinal)))
                problems.Add("the module folder has no compiled help (en-US/*-Help.xml).");
            // PowerShellStandard's reference assembly would shadow the engine that loads the module.
            if (Files.Any(f => Path.GetFileName(f) == "System.Management.Automation.dll"))
                problems.Add("the module folder holds System.Management.Automation.dll, which must stay a compile-time reference.");
            foreach (string file in Files)
            {
                string entry = ZipEntryName(file);
                if (entry.Length >= MaxPathLength) problems.Add($"'{entry}' is {entry.Length} characters; Azure Automation needs paths under {MaxPathLength}.");
            }
            if (problems.Count > 0) throw new PackagingException(string.Join(Environment.NewLine, problems));
        }

        private string ZipEntryName(string file) => Manifest.Name + "/" + file;

        /// <summary>
        /// The Azure Automation shape: one folder named after the module at the root of the archive,
        /// holding the manifest; forward slashes in entry names (what every unzip reads as folders).
        /// </summary>
        public string WriteAutomationZip(string outputDirectory)
        {
            string path = Path.Combine(outputDirectory, $"{Manifest.Name}-{Manifest.PackageVersion}.zip");
            File.Delete(path);
            using (ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                foreach (string file in Files)
                    archive.CreateEntryFromFile(Path.Combine(_moduleDirectory, file), ZipEntryName(file), CompressionLevel.Optimal);
            }
            long size = new FileInfo(path).Length;
            if (size >= MaxArchiveBytes)
            {
                File.Delete(path);
                throw new PackagingException($"the archive is {size / 1048576.0:N1} MB; Azure Automation imports modules under {MaxArchiveBytes / 1048576} MB.");
            }
            return path;
        }

        /// <summary>
        /// The PowerShell Gallery shape, as Publish-PSResource builds it: the module's files at the root
        /// of the package and the manifest's metadata in the nuspec, with the tags the Gallery searches by
        /// (PSModule, PSIncludes_Cmdlet, and PSCmdlet_/PSCommand_ for each exported cmdlet).
        /// </summary>
        public string WriteGalleryPackage(string outputDirectory)
        {
            var builder = new PackageBuilder
            {
                Id = Manifest.Name,
                Version = NuGetVersion.Parse(Manifest.PackageVersion),
                Description = Manifest.Description,
                ReleaseNotes = Manifest.ReleaseNotes,
                Copyright = Manifest.Copyright,
                RequireLicenseAcceptance = false,
                ProjectUrl = new Uri(Manifest.ProjectUri),
                LicenseUrl = new Uri(Manifest.LicenseUri),
            };
            if (!string.IsNullOrEmpty(Manifest.IconUri)) builder.IconUrl = new Uri(Manifest.IconUri);
            builder.Authors.Add(Manifest.Author);
            builder.Owners.Add(string.IsNullOrEmpty(Manifest.CompanyName) ? Manifest.Author : Manifest.CompanyName);
            builder.Tags.AddRange(GalleryTags());
            foreach (string file in Files)
                builder.Files.Add(new PhysicalPackageFile { SourcePath = Path.Combine(_moduleDirectory, file), TargetPath = file });

            string path = Path.Combine(outputDirectory, $"{Manifest.Name}.{builder.Version.ToNormalizedString()}.nupkg");
            File.Delete(path);
            using (FileStream stream = File.Create(path)) builder.Save(stream);
            return path;
        }

        public IEnumerable<string> GalleryTags()
        {
            var tags = new List<string>(Manifest.Tags) { "PSModule" };
            tags.AddRange(Manifest.CompatiblePSEditions.Select(e => "PSEdition_" + e));
            tags.Add("PSIncludes_Cmdlet");
            foreach (string cmdlet in Manifest.CmdletsToExport)
            {
                tags.Add("PSCmdlet_" + cmdlet);
                tags.Add("PSCommand_" + cmdlet);
            }
            return tags.Distinct(StringComparer.OrdinalIgnoreCase);
        }
    }
}
