using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;

namespace TwilioPS.Packager
{
    /// <summary>
    /// The module manifest, read with PowerShell's parser as Import-PowerShellDataFile reads it (a
    /// data-only hashtable, nothing executed), with the fields both package shapes need.
    /// </summary>
    internal sealed class ModuleManifest
    {
        private readonly Hashtable _data;
        private readonly Hashtable _psData;

        private ModuleManifest(string path, Hashtable data)
        {
            Path = path;
            _data = data;
            _psData = (data["PrivateData"] as Hashtable)?["PSData"] as Hashtable ?? new Hashtable();
        }

        public string Path { get; }
        public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
        public string ModuleVersion => Text(_data, "ModuleVersion");
        public string Prerelease => Text(_psData, "Prerelease");
        /// <summary>The version as the Gallery shows it: ModuleVersion, with PSData's Prerelease label if any.</summary>
        public string PackageVersion => string.IsNullOrEmpty(Prerelease) ? ModuleVersion : ModuleVersion + "-" + Prerelease;
        public string Author => Text(_data, "Author");
        public string CompanyName => Text(_data, "CompanyName");
        public string Copyright => Text(_data, "Copyright");
        public string Description => Text(_data, "Description");
        public string RootModule => Text(_data, "RootModule");
        public IReadOnlyList<string> CmdletsToExport => List(_data, "CmdletsToExport");
        public IReadOnlyList<string> FormatsToProcess => List(_data, "FormatsToProcess");
        public IReadOnlyList<string> CompatiblePSEditions => List(_data, "CompatiblePSEditions");
        public IReadOnlyList<string> Tags => List(_psData, "Tags");
        public string ProjectUri => Text(_psData, "ProjectUri");
        public string LicenseUri => Text(_psData, "LicenseUri");
        public string IconUri => Text(_psData, "IconUri");
        public string ReleaseNotes => Text(_psData, "ReleaseNotes");

        public static ModuleManifest Load(string path)
        {
            if (!File.Exists(path)) throw new PackagingException($"the module manifest '{path}' does not exist; build the module first.");
            ScriptBlockAst script = Parser.ParseFile(path, out _, out ParseError[] errors);
            if (errors.Length > 0)
                throw new PackagingException($"{path}({errors[0].Extent.StartLineNumber}): {errors[0].Message}");
            if (!(script.Find(a => a is HashtableAst, false) is HashtableAst table))
                throw new PackagingException($"'{path}' holds no hashtable.");
            object value;
            try
            {
                value = table.SafeGetValue();
            }
            catch (InvalidOperationException exception)
            {
                // SafeGetValue refuses anything but constants: a manifest must be data, not code.
                throw new PackagingException($"'{path}' is not a data-only manifest: {exception.Message}");
            }
            return new ModuleManifest(path, (Hashtable)value);
        }

        /// <summary>Every field a Gallery listing or an Automation import relies on; each missing one named.</summary>
        public IEnumerable<string> MissingFields()
        {
            foreach (var (name, value) in new[]
            {
                ("ModuleVersion", ModuleVersion), ("Author", Author), ("Description", Description),
                ("RootModule", RootModule), ("PrivateData.PSData.ProjectUri", ProjectUri),
                ("PrivateData.PSData.LicenseUri", LicenseUri), ("PrivateData.PSData.ReleaseNotes", ReleaseNotes),
            })
            {
                if (string.IsNullOrWhiteSpace(value)) yield return name;
            }
            if (Tags.Count == 0) yield return "PrivateData.PSData.Tags";
            if (CmdletsToExport.Count == 0) yield return "CmdletsToExport";
        }

        private static string Text(Hashtable table, string key) => table[key] as string;

        private static IReadOnlyList<string> List(Hashtable table, string key)
        {
            switch (table[key])
            {
                case null: return Array.Empty<string>();
                case string single: return new[] { single };
                case IEnumerable many: return many.Cast<object>().Select(o => o.ToString()).ToArray();
                default: return new[] { table[key].ToString() };
            }
        }
    }

    internal sealed class PackagingException : Exception
    {
        public PackagingException(string message) : base(message) { }
    }
}
