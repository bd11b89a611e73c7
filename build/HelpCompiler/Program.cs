using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TwilioPS.HelpCompiler
{
    /// <summary>Errors in MSBuild's canonical format, so they surface as build errors with file and line.</summary>
    internal sealed class Diagnostics
    {
        public int Errors { get; private set; }

        public void Error(string file, int line, string message)
        {
            Errors++;
            Console.Error.WriteLine($"{file}({line}): error TPSHELP: {message}");
        }
    }

    /// <summary>
    /// HelpCompiler &lt;docs/help&gt; &lt;out/Module/en-US&gt; --assembly Module.dll [--reference System.Management.Automation.dll]
    ///              [--manifest Module.psd1] [--min-examples N]
    /// Reads every cmdlet doc (platyPS v1 markdown), the shared descriptions of common parameters
    /// (common/parameters.md) and about_*.md in the docs folder, takes syntax and parameter metadata
    /// from the cmdlets in the assembly, checks them against each other, and writes &lt;external help
    /// file&gt; (MAML) and about_*.help.txt into the output folder. Exits 1 on any error: a missing
    /// section, an empty example, a parameter documented but absent or present but undocumented, an
    /// exported cmdlet without a doc.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var positional = new List<string>();
            string manifest = null, assembly = null;
            var references = new List<string>();
            int minExamples = 1;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--manifest" && i + 1 < args.Length) manifest = args[++i];
                else if (args[i] == "--assembly" && i + 1 < args.Length) assembly = args[++i];
                else if (args[i] == "--reference" && i + 1 < args.Length) references.Add(Path.GetFullPath(args[++i]));
                else if (args[i] == "--min-examples" && i + 1 < args.Length && int.TryParse(args[i + 1], out int n)) { minExamples = n; i++; }
                else positional.Add(args[i]);
            }
            if (positional.Count != 2 || assembly == null)
            {
                Console.Error.WriteLine("usage: HelpCompiler <docs-folder> <output-folder> --assembly Module.dll [--reference System.Management.Automation.dll] [--manifest Module.psd1] [--min-examples N]");
                return 2;
            }
            string docs = Path.GetFullPath(positional[0]);
            string output = Path.GetFullPath(positional[1]);
            var diagnostics = new Diagnostics();
            if (!Directory.Exists(docs))
            {
                diagnostics.Error(docs, 0, "the help source folder does not exist.");
                return 1;
            }

            string[] files = Directory.GetFiles(docs, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            List<CommandHelp> commands = files
                .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                .Select(f => CommandHelp.Read(f, diagnostics))
                .ToList();
            var abouts = new Dictionary<string, string>();
            foreach (string file in files.Where(f => Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase)))
            {
                string text = About.Convert(file, diagnostics);
                if (text != null) abouts[Path.GetFileNameWithoutExtension(file) + ".help.txt"] = text;
            }

            if (!File.Exists(assembly))
            {
                diagnostics.Error(assembly, 0, "the module assembly does not exist.");
                return 1;
            }
            Dictionary<string, ParameterHelp> common = ReadCommonParameters(Path.Combine(docs, "common", "parameters.md"), diagnostics);
            List<CmdletMetadata> cmdlets = AssemblyReader.Read(assembly, references);
            foreach (CommandHelp command in commands)
            {
                CmdletMetadata cmdlet = cmdlets.FirstOrDefault(c => string.Equals(c.Name, command.Name, StringComparison.OrdinalIgnoreCase));
                if (cmdlet == null) diagnostics.Error(command.File, 1, $"{Path.GetFileName(assembly)} has no cmdlet {command.Name}: remove the stale document or rename it.");
                else command.Bind(cmdlet, common, diagnostics);
            }

            foreach (CommandHelp command in commands)
                if (command.Examples.Count < minExamples)
                    diagnostics.Error(command.File, 1, $"{command.Name} has {command.Examples.Count} example(s); at least {minExamples} are required.");

            string helpFileName = CheckModule(commands, manifest, docs, diagnostics);
            if (diagnostics.Errors > 0)
            {
                Console.Error.WriteLine($"HelpCompiler: {diagnostics.Errors} error(s); no help written.");
                return 1;
            }

            Directory.CreateDirectory(output);
            if (commands.Count > 0)
            {
                string mamlPath = Path.Combine(output, helpFileName);
                Maml.Save(Maml.Build(commands), mamlPath);
                Console.WriteLine($"HelpCompiler: {commands.Count} cmdlet(s) -> {mamlPath}");
            }
            foreach (KeyValuePair<string, string> about in abouts)
            {
                File.WriteAllText(Path.Combine(output, about.Key), about.Value, new UTF8Encoding(false));
                Console.WriteLine($"HelpCompiler: about topic -> {Path.Combine(output, about.Key)}");
            }
            return 0;
        }

        /// <summary>
        /// The descriptions of parameters many cmdlets share (-Connection, -All, -WhatIf, ...): '### -Name'
        /// sections under '## PARAMETERS'. A cmdlet doc that leaves such a parameter out gets this text;
        /// one that describes it replaces the text for that cmdlet.
        /// </summary>
        private static Dictionary<string, ParameterHelp> ReadCommonParameters(string path, Diagnostics diagnostics)
        {
            var common = new Dictionary<string, ParameterHelp>(StringComparer.OrdinalIgnoreCase);
            if (!File.Exists(path)) return common;
            void Error(int line, string message) => diagnostics.Error(path, line, message);
            Heading section = Markdown.Parse(File.ReadAllLines(path), 0).Children.FirstOrDefault(h => h.Level == 1)?.Child("PARAMETERS");
            if (section == null)
            {
                Error(1, "expected '# Title' and a '## PARAMETERS' section of '### -Name' descriptions.");
                return common;
            }
            foreach (Heading heading in section.Children)
            {
                ParameterHelp parameter = CommandHelp.ReadParameter(heading, Error);
                if (parameter == null) continue;
                if (parameter.DefaultValue != null) Error(heading.Line, $"-{parameter.Name}: a shared description cannot give a default value; a cmdlet's doc can.");
                if (!common.TryAdd(parameter.Name, parameter)) Error(heading.Line, $"parameter -{parameter.Name} is described twice.");
            }
            return common;
        }

        /// <summary>
        /// Every cmdlet the manifest exports has a doc and every doc an exported cmdlet; all docs name
        /// the same module and external help file. Returns that file's name.
        /// </summary>
        private static string CheckModule(List<CommandHelp> commands, string manifest, string docs, Diagnostics diagnostics)
        {
            string moduleName = manifest != null ? Path.GetFileNameWithoutExtension(manifest) : null;
            string helpFile = null;
            foreach (CommandHelp command in commands)
            {
                if (moduleName != null && command.ModuleName != null && !string.Equals(command.ModuleName, moduleName, StringComparison.OrdinalIgnoreCase))
                    diagnostics.Error(command.File, 1, $"'Module Name: {command.ModuleName}' should be '{moduleName}'.");
                if (command.ExternalHelpFile == null) continue;
                if (!command.ExternalHelpFile.EndsWith("-Help.xml", StringComparison.OrdinalIgnoreCase))
                    diagnostics.Error(command.File, 1, $"'external help file: {command.ExternalHelpFile}' should be '<Assembly>.dll-Help.xml'.");
                else if (helpFile == null) helpFile = command.ExternalHelpFile;
                else if (!string.Equals(helpFile, command.ExternalHelpFile, StringComparison.OrdinalIgnoreCase))
                    diagnostics.Error(command.File, 1, $"'external help file: {command.ExternalHelpFile}' differs from '{helpFile}' in the other docs.");
            }

            if (manifest != null)
            {
                if (!File.Exists(manifest))
                {
                    diagnostics.Error(manifest, 0, "the module manifest does not exist.");
                }
                else
                {
                    string text = File.ReadAllText(manifest);
                    string rootModule = Regex.Match(text, @"RootModule\s*=\s*['""]([^'""]+)['""]").Groups[1].Value;
                    if (rootModule.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && helpFile != null
                        && !string.Equals(helpFile, rootModule + "-Help.xml", StringComparison.OrdinalIgnoreCase))
                        diagnostics.Error(manifest, 0, $"the docs name '{helpFile}' but PowerShell looks for '{rootModule}-Help.xml'.");
                    Match exported = Regex.Match(text, @"CmdletsToExport\s*=\s*@\(([^)]*)\)", RegexOptions.Singleline);
                    if (!exported.Success)
                    {
                        diagnostics.Error(manifest, 0, "CmdletsToExport = @( ... ) not found; cannot check that every cmdlet has help.");
                    }
                    else
                    {
                        string list = Regex.Replace(exported.Groups[1].Value, @"#[^\n]*", string.Empty);
                        var names = Regex.Matches(list, @"['""]([^'""]+)['""]").Select(m => m.Groups[1].Value).ToList();
                        foreach (string name in names)
                            if (!commands.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
                                diagnostics.Error(Path.Combine(docs, name + ".md"), 0, $"{name} is exported by {Path.GetFileName(manifest)} but has no help document.");
                        foreach (CommandHelp command in commands)
                            if (!names.Contains(command.Name, StringComparer.OrdinalIgnoreCase))
                                diagnostics.Error(command.File, 1, $"{command.Name} is not exported by {Path.GetFileName(manifest)}: remove the stale document or export the cmdlet.");
                    }
                }
            }
            return helpFile ?? (moduleName ?? "Module") + ".dll-Help.xml";
        }
    }
}
