using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TwilioPS.HelpCompiler
{
    internal sealed class SyntaxSet
    {
        public string Name { get; init; }
        public bool IsDefault { get; init; }
        /// <summary>Parameter names in the order the syntax block shows them.</summary>
        public List<string> ParameterOrder { get; } = new List<string>();
    }

    /// <summary>A parameter's metadata in one or more parameter sets, as help shows it.</summary>
    internal sealed class ParameterMetadata
    {
        public string Type { get; init; }
        public List<string> Sets { get; init; }
        public List<string> Aliases { get; init; }
        public List<string> AcceptedValues { get; init; }
        public bool Required { get; init; }
        public string Position { get; init; }
        public string DefaultValue { get; init; }
        public string PipelineInput { get; init; }
        public bool Globbing { get; init; }
    }

    internal sealed class ParameterHelp
    {
        public string Name { get; init; }
        public int Line { get; init; }
        public List<Block> Description { get; init; }
        /// <summary>The doc's own "Default value:", for defaults the assembly cannot state (set in code).</summary>
        public string DefaultValue { get; init; }
        public List<ParameterMetadata> Metadata { get; } = new List<ParameterMetadata>();
    }

    internal sealed class TypeHelp
    {
        public string TypeName { get; init; }
        public List<Block> Description { get; init; }
    }

    internal sealed class ExampleHelp
    {
        public string Title { get; init; }
        public List<string> Code { get; init; }
        public List<Block> Remarks { get; init; }
    }

    internal sealed class LinkHelp
    {
        public string Text { get; init; }
        public string Uri { get; init; }
    }

    /// <summary>A cmdlet's help as read from its platyPS v1 markdown file.</summary>
    internal sealed class CommandHelp
    {
        public static readonly string[] RequiredSections =
            { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        /// <summary>The only key a parameter's ```yaml block may hold: a default the assembly cannot state.</summary>
        private const string DefaultValueKey = "Default value";

        private static readonly Regex ExampleTitle = new Regex(@"^Example\s+\d+\s*(:.*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex LinkLine = new Regex(@"^\s*\[([^\]]+)\]\(([^)]*)\)\s*$", RegexOptions.CultureInvariant);

        public string Name { get; private set; }
        public string File { get; private set; }
        public string ExternalHelpFile { get; private set; }
        public string ModuleName { get; private set; }
        public string OnlineVersion { get; private set; }
        public List<Block> Synopsis { get; private set; }
        public List<Block> Description { get; private set; }
        public List<SyntaxSet> Syntax { get; } = new List<SyntaxSet>();
        /// <summary>As documented after <see cref="Read"/>; after <see cref="Bind"/>, every parameter the cmdlet shows.</summary>
        public List<ParameterHelp> Parameters { get; private set; } = new List<ParameterHelp>();
        private int _parametersLine;
        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();
        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();
        public List<Block> Notes { get; private set; }
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();
        public List<LinkHelp> Links { get; } = new List<LinkHelp>();

        public static CommandHelp Read(string path, Diagnostics diagnostics)
        {
            string[] lines = System.IO.File.ReadAllLines(path);
            var help = new CommandHelp { File = path, Name = Path.GetFileNameWithoutExtension(path) };
            void Error(int line, string message) => diagnostics.Error(path, line, message);

            Dictionary<string, string> front = Markdown.FrontMatter(lines, out int bodyStart);
            if (front == null)
            {
                Error(1, "missing the YAML front matter (---, external help file, Module Name, online version, schema, ---).");
                return help;
            }
            foreach (string key in new[] { "external help file", "Module Name", "online version", "schema" })
                if (!front.ContainsKey(key)) Error(1, $"front matter lacks '{key}:'.");
            if (front.TryGetValue("schema", out string schema) && schema != "2.0.0") Error(1, $"front matter schema is '{schema}'; platyPS v1 documents use 2.0.0.");
            help.ExternalHelpFile = front.GetValueOrDefault("external help file");
            help.ModuleName = front.GetValueOrDefault("Module Name");
            help.OnlineVersion = front.GetValueOrDefault("online version");

            Heading root = Markdown.Parse(lines, bodyStart);
            Heading title = root.Children.FirstOrDefault(h => h.Level == 1);
            if (title == null)
            {
                Error(bodyStart + 1, "missing the '# Command-Name' heading.");
                return help;
            }
            if (!string.Equals(title.Title, help.Name, StringComparison.Ordinal))
                Error(title.Line, $"the heading '# {title.Title}' does not match the file name '{help.Name}'.");

            foreach (string section in RequiredSections)
                if (title.Child(section) == null) Error(title.Line, $"missing the required section '## {section}'.");
            foreach (Heading section in title.Children)
                if (!RequiredSections.Contains(section.Title, StringComparer.OrdinalIgnoreCase))
                    Error(section.Line, $"unknown section '## {section.Title}' (platyPS schema 2.0.0 sections: {string.Join(", ", RequiredSections)}).");

            help.Synopsis = Prose(title.Child("SYNOPSIS"), "SYNOPSIS", required: true, Error);
            help.Description = Prose(title.Child("DESCRIPTION"), "DESCRIPTION", required: true, Error);
            help.Notes = Prose(title.Child("NOTES"), "NOTES", required: false, Error);
            help.ReadSyntax(title.Child("SYNTAX"), Error);
            help.ReadExamples(title.Child("EXAMPLES"), Error);
            help.ReadParameters(title.Child("PARAMETERS"), Error);
            ReadTypes(title.Child("INPUTS"), help.Inputs, "INPUTS", Error);
            ReadTypes(title.Child("OUTPUTS"), help.Outputs, "OUTPUTS", Error);
            help.ReadLinks(title.Child("RELATED LINKS"), Error);
            return help;
        }

        private static List<Block> Prose(Heading section, string name, bool required, Action<int, string> error)
        {
            if (section == null) return new List<Block>();
            List<Block> blocks = Markdown.Blocks(Markdown.AllLines(section));
            if (required && Markdown.ProseText(blocks).Length == 0) error(section.Line, $"the '## {name}' section is empty.");
            CheckPlaceholders(blocks, error);
            return blocks;
        }

        /// <summary>platyPS scaffolds "{{ Fill in the Synopsis }}"; shipping one is the classic help bug.</summary>
        private static void CheckPlaceholders(IEnumerable<Block> blocks, Action<int, string> error)
        {
            foreach (Block block in blocks)
                if (block.Lines.Any(l => l.Contains("{{", StringComparison.Ordinal) && l.Contains("}}", StringComparison.Ordinal)))
                    error(block.Line, "contains a platyPS placeholder ({{ ... }}); write the text.");
        }

        /// <summary>
        /// SYNTAX is generated from the assembly's parameter sets, so that it can never go stale: the
        /// section is kept (platyPS schema 2.0.0 has it) but must be empty.
        /// </summary>
        private void ReadSyntax(Heading section, Action<int, string> error)
        {
            if (section == null) return;
            SourceLine written = Markdown.AllLines(section).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Text));
            if (written.Text != null)
                error(written.Number, "'## SYNTAX' is generated from the cmdlet's parameter sets in the assembly; leave the section empty.");
        }

        private void ReadExamples(Heading section, Action<int, string> error)
        {
            if (section == null) return;
            if (section.Children.Count == 0) error(section.Line, "'## EXAMPLES' has no '### Example 1: ...'.");
            foreach (Heading example in section.Children)
            {
                if (!ExampleTitle.IsMatch(example.Title))
                    error(example.Line, $"example heading '{example.Title}' should read '### Example N: Title'.");
                List<Block> blocks = Markdown.Blocks(example.Body);
                List<Block> code = blocks.Where(b => b.Kind == BlockKind.Code).ToList();
                if (code.Count == 0) error(example.Line, $"'{example.Title}' has no code block.");
                foreach (Block block in code)
                    if (block.Lines.All(string.IsNullOrWhiteSpace)) error(block.Line, $"'{example.Title}' has an empty code block.");
                List<Block> remarks = blocks.Where(b => b.Kind != BlockKind.Code).ToList();
                if (Markdown.ProseText(remarks).Length == 0) error(example.Line, $"'{example.Title}' has no text explaining it.");
                CheckPlaceholders(blocks, error);
                Examples.Add(new ExampleHelp
                {
                    Title = example.Title,
                    Code = code.Select(b => string.Join("\n", TrimBlankEdges(b.Lines))).ToList(),
                    Remarks = remarks,
                });
            }
        }

        private static IEnumerable<string> TrimBlankEdges(List<string> lines)
        {
            int start = 0, end = lines.Count;
            while (start < end && string.IsNullOrWhiteSpace(lines[start])) start++;
            while (end > start && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
            return lines.Skip(start).Take(end - start);
        }

        /// <summary>
        /// Each '### -Name' section holds the description; a ```yaml block may add only 'Default value:'
        /// (a default set in code, which the assembly cannot tell). Everything else comes from the assembly.
        /// </summary>
        private void ReadParameters(Heading section, Action<int, string> error)
        {
            if (section == null) return;
            _parametersLine = section.Line;
            foreach (Heading heading in section.Children)
            {
                // platyPS writes this entry; Get-Help describes the common parameters itself.
                if (string.Equals(heading.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
                ParameterHelp parameter = ReadParameter(heading, error);
                if (parameter == null) continue;
                if (Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                    error(heading.Line, $"parameter -{parameter.Name} is documented twice.");
                else Parameters.Add(parameter);
            }
        }

        /// <summary>A '### -Name' section, in a cmdlet doc or in the shared common-parameter file.</summary>
        public static ParameterHelp ReadParameter(Heading heading, Action<int, string> error)
        {
            if (!heading.Title.StartsWith("-", StringComparison.Ordinal) || heading.Title.Length < 2)
            {
                error(heading.Line, $"parameter heading '{heading.Title}' should read '### -Name'.");
                return null;
            }
            string name = heading.Title.Substring(1).Trim();
            List<Block> blocks = Markdown.Blocks(heading.Body);
            List<Block> description = blocks.Where(b => b.Kind != BlockKind.Code).ToList();
            if (Markdown.ProseText(description).Length == 0) error(heading.Line, $"parameter -{name} has no description.");
            CheckPlaceholders(description, error);
            string defaultValue = null;
            foreach (Block yaml in blocks.Where(b => b.Kind == BlockKind.Code))
            {
                if (!string.Equals(yaml.Language, "yaml", StringComparison.OrdinalIgnoreCase))
                {
                    error(yaml.Line, $"parameter -{name}: only a ```yaml block with '{DefaultValueKey}:' may follow the description.");
                    continue;
                }
                foreach (string line in yaml.Lines.Where(l => !string.IsNullOrWhiteSpace(l)))
                {
                    int colon = line.IndexOf(':');
                    string key = colon > 0 ? line.Substring(0, colon).Trim() : line.Trim();
                    if (colon > 0 && string.Equals(key, DefaultValueKey, StringComparison.OrdinalIgnoreCase))
                        defaultValue = line.Substring(colon + 1).Trim();
                    else
                        error(yaml.Line, $"parameter -{name}: '{key}' comes from the cmdlet's attributes in the assembly; the yaml block may hold only '{DefaultValueKey}:'.");
                }
            }
            return new ParameterHelp { Name = name, Line = heading.Line, Description = description, DefaultValue = defaultValue };
        }

        private static void ReadTypes(Heading section, List<TypeHelp> types, string name, Action<int, string> error)
        {
            if (section == null) return;
            if (section.Children.Count == 0 && Markdown.ProseText(Markdown.Blocks(section.Body)).Length == 0)
                error(section.Line, $"'## {name}' names no type (use '### None' when there is none).");
            foreach (Heading type in section.Children)
                types.Add(new TypeHelp { TypeName = type.Title, Description = Markdown.Blocks(type.Body) });
        }

        private void ReadLinks(Heading section, Action<int, string> error)
        {
            if (!string.IsNullOrWhiteSpace(OnlineVersion))
                Links.Add(new LinkHelp { Text = "Online Version:", Uri = OnlineVersion });
            if (section == null) return;
            foreach (SourceLine line in section.Body.Where(l => !string.IsNullOrWhiteSpace(l.Text)))
            {
                Match link = LinkLine.Match(line.Text);
                if (!link.Success) { error(line.Number, $"'{line.Text.Trim()}' is not a '[Text](uri)' link."); continue; }
                Links.Add(new LinkHelp { Text = link.Groups[1].Value, Uri = link.Groups[2].Value });
            }
        }

        /// <summary>
        /// Joins the doc to the cmdlet as the assembly declares it: syntax per parameter set and every
        /// parameter's metadata come from the attributes, descriptions from the doc or, for a common
        /// parameter the doc leaves out, from the shared file. A documented parameter the cmdlet lacks,
        /// or a parameter neither the doc nor the shared file describes, is an error.
        /// </summary>
        public void Bind(CmdletMetadata cmdlet, IReadOnlyDictionary<string, ParameterHelp> common, Diagnostics diagnostics)
        {
            foreach (ParameterHelp documented in Parameters)
                if (!cmdlet.Parameters.Any(p => string.Equals(p.Name, documented.Name, StringComparison.OrdinalIgnoreCase)))
                    diagnostics.Error(File, documented.Line, $"{Name}: the doc describes -{documented.Name}, but the cmdlet has no such parameter (or hides it with DontShow); remove the '### -{documented.Name}' section.");

            var bound = new List<ParameterHelp>();
            foreach (CmdletParameter parameter in cmdlet.Parameters.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                ParameterHelp text = Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))
                    ?? common.GetValueOrDefault(parameter.Name);
                if (text == null)
                {
                    diagnostics.Error(File, _parametersLine, $"{Name}: parameter -{parameter.Name} is not documented; add a '### -{parameter.Name}' section under '## PARAMETERS'.");
                    continue;
                }
                var help = new ParameterHelp { Name = parameter.Name, Line = text.Line, Description = text.Description };
                foreach (ParameterBinding binding in parameter.Bindings.Where(b => !b.DontShow))
                    help.Metadata.Add(MetadataOf(parameter, binding, Parameters.Contains(text) ? text.DefaultValue : null));
                bound.Add(help);
            }
            Parameters = bound;

            foreach (string set in cmdlet.Sets)
            {
                var syntax = new SyntaxSet { Name = set, IsDefault = set == cmdlet.Sets[0] };
                syntax.ParameterOrder.AddRange(cmdlet.ParametersOf(set).Select(p => p.Name).Where(n => Parameters.Any(p => p.Name == n)));
                Syntax.Add(syntax);
            }
        }

        private static ParameterMetadata MetadataOf(CmdletParameter parameter, ParameterBinding binding, string documentedDefault)
        {
            string pipeline = binding.ByPropertyName && binding.ByValue ? "True (ByPropertyName, ByValue)"
                : binding.ByPropertyName ? "True (ByPropertyName)"
                : binding.ByValue ? "True (ByValue)"
                : "False";
            return new ParameterMetadata
            {
                Type = parameter.Type,
                Sets = new List<string> { binding.Set == ParameterBinding.AllSets ? "(All)" : binding.Set },
                Aliases = parameter.Aliases,
                AcceptedValues = parameter.AcceptedValues,
                Required = binding.Mandatory,
                Position = binding.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named",
                DefaultValue = documentedDefault ?? parameter.DefaultValue ?? (parameter.Type == "SwitchParameter" ? "False" : "None"),
                PipelineInput = pipeline,
                Globbing = parameter.Globbing,
            };
        }

        /// <summary>The parameters of one set, in syntax order, each with its metadata for that set.</summary>
        public IEnumerable<(ParameterHelp Parameter, ParameterMetadata Metadata)> ParametersOf(SyntaxSet set)
        {
            foreach (string name in set.ParameterOrder)
            {
                ParameterHelp parameter = Parameters.First(p => p.Name == name);
                ParameterMetadata metadata = parameter.Metadata.FirstOrDefault(m => m.Sets.Contains(set.Name, StringComparer.OrdinalIgnoreCase))
                    ?? parameter.Metadata.First(m => m.Sets.Contains("(All)"));
                yield return (parameter, metadata);
            }
        }
    }
}
