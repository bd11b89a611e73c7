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

    /// <summary>One ```yaml block of a parameter: its metadata in one or more parameter sets.</summary>
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

        public bool AppliesTo(string set) =>
            Sets.Any(s => s == "(All)" || string.Equals(s, set, StringComparison.OrdinalIgnoreCase));
    }

    internal sealed class ParameterHelp
    {
        public string Name { get; init; }
        public List<Block> Description { get; init; }
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

        private static readonly string[] RequiredYamlKeys =
            { "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters" };

        private static readonly Regex SyntaxParameter = new Regex(@"(?<![\w-])-([A-Za-z][A-Za-z0-9]*)", RegexOptions.CultureInvariant);
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
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();
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
            help.CrossCheck(title, Error);
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

        private void ReadSyntax(Heading section, Action<int, string> error)
        {
            if (section == null) return;
            if (section.Children.Count == 0)
            {
                // A single parameter set may be written without a ### heading (platyPS does so for one set).
                Block code = Markdown.Blocks(section.Body).FirstOrDefault(b => b.Kind == BlockKind.Code);
                if (code == null) { error(section.Line, "'## SYNTAX' has no syntax code block."); return; }
                Syntax.Add(NewSet("__AllParameterSets", true, code));
                return;
            }
            foreach (Heading set in section.Children)
            {
                bool isDefault = set.Title.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                string name = isDefault ? set.Title.Substring(0, set.Title.Length - "(Default)".Length).Trim() : set.Title.Trim();
                Block code = Markdown.Blocks(set.Body).FirstOrDefault(b => b.Kind == BlockKind.Code);
                if (code == null || code.Lines.All(string.IsNullOrWhiteSpace))
                {
                    error(set.Line, $"parameter set '{name}' has no syntax code block.");
                    continue;
                }
                if (!code.Text.TrimStart().StartsWith(Name, StringComparison.OrdinalIgnoreCase))
                    error(code.Line, $"the syntax of parameter set '{name}' does not start with '{Name}'.");
                Syntax.Add(NewSet(name, isDefault, code));
            }
            if (Syntax.Count > 1 && Syntax.Count(s => s.IsDefault) != 1)
                error(section.Line, "with several parameter sets, exactly one '### Name (Default)' heading is expected.");
        }

        private static SyntaxSet NewSet(string name, bool isDefault, Block code)
        {
            var set = new SyntaxSet { Name = name, IsDefault = isDefault };
            foreach (Match match in SyntaxParameter.Matches(code.Text))
            {
                string parameter = match.Groups[1].Value;
                if (!set.ParameterOrder.Contains(parameter, StringComparer.OrdinalIgnoreCase)) set.ParameterOrder.Add(parameter);
            }
            return set;
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

        private void ReadParameters(Heading section, Action<int, string> error)
        {
            if (section == null) return;
            bool common = false;
            foreach (Heading heading in section.Children)
            {
                if (string.Equals(heading.Title, "CommonParameters", StringComparison.OrdinalIgnoreCase))
                {
                    common = true;
                    continue;
                }
                if (!heading.Title.StartsWith("-", StringComparison.Ordinal) || heading.Title.Length < 2)
                {
                    error(heading.Line, $"parameter heading '{heading.Title}' should read '### -Name'.");
                    continue;
                }
                string name = heading.Title.Substring(1).Trim();
                if (Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                    error(heading.Line, $"parameter -{name} is documented twice.");

                List<Block> blocks = Markdown.Blocks(heading.Body);
                List<Block> description = blocks.Where(b => b.Kind != BlockKind.Code).ToList();
                if (Markdown.ProseText(description).Length == 0) error(heading.Line, $"parameter -{name} has no description.");
                CheckPlaceholders(description, error);
                var parameter = new ParameterHelp { Name = name, Description = description };
                foreach (Block yaml in blocks.Where(b => b.Kind == BlockKind.Code))
                {
                    if (!string.Equals(yaml.Language, "yaml", StringComparison.OrdinalIgnoreCase))
                    {
                        error(yaml.Line, $"parameter -{name}: expected a ```yaml metadata block.");
                        continue;
                    }
                    ParameterMetadata metadata = ReadYaml(name, yaml, error);
                    if (metadata != null) parameter.Metadata.Add(metadata);
                }
                if (parameter.Metadata.Count == 0) error(heading.Line, $"parameter -{name} has no ```yaml metadata block.");
                Parameters.Add(parameter);
            }
            if (!common) error(section.Line, "'## PARAMETERS' lacks '### CommonParameters'.");
        }

        private static ParameterMetadata ReadYaml(string name, Block yaml, Action<int, string> error)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string line in yaml.Lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                int colon = line.IndexOf(':');
                if (colon <= 0) { error(yaml.Line, $"parameter -{name}: '{line.Trim()}' is not 'Key: value'."); continue; }
                values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            bool complete = true;
            foreach (string key in RequiredYamlKeys)
            {
                if (!values.ContainsKey(key)) { error(yaml.Line, $"parameter -{name}: the yaml block lacks '{key}:'."); complete = false; }
            }
            if (!complete) return null;

            bool Bool(string key)
            {
                string value = values[key];
                if (bool.TryParse(value, out bool result)) return result;
                error(yaml.Line, $"parameter -{name}: '{key}: {value}' is not True or False.");
                return false;
            }

            string position = values["Position"];
            if (!string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
                error(yaml.Line, $"parameter -{name}: 'Position: {position}' is neither Named nor a number.");
            string pipeline = values["Accept pipeline input"];
            if (!Regex.IsMatch(pipeline, @"^(False|True \((ByValue|ByPropertyName)(, (ByValue|ByPropertyName))?\))$", RegexOptions.IgnoreCase))
                error(yaml.Line, $"parameter -{name}: 'Accept pipeline input: {pipeline}' should be False, True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue).");

            static List<string> ListOf(string value) =>
                string.IsNullOrWhiteSpace(value) ? new List<string>() : value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

            List<string> aliases = ListOf(values["Aliases"]);
            if (aliases.Count == 1 && string.Equals(aliases[0], "None", StringComparison.OrdinalIgnoreCase)) aliases.Clear();
            return new ParameterMetadata
            {
                Type = values["Type"],
                Sets = ListOf(values["Parameter Sets"]),
                Aliases = aliases,
                AcceptedValues = values.TryGetValue("Accepted values", out string accepted) ? ListOf(accepted) : new List<string>(),
                Required = Bool("Required"),
                Position = string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : position,
                DefaultValue = values["Default value"],
                PipelineInput = pipeline,
                Globbing = Bool("Accept wildcard characters"),
            };
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

        /// <summary>The syntax blocks and the PARAMETERS section must describe the same parameters.</summary>
        private void CrossCheck(Heading title, Action<int, string> error)
        {
            var setNames = new HashSet<string>(Syntax.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
            foreach (SyntaxSet set in Syntax)
            {
                foreach (string name in set.ParameterOrder)
                {
                    ParameterHelp parameter = Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                    if (parameter == null)
                        error(title.Child("SYNTAX")?.Line ?? title.Line, $"parameter -{name} appears in the syntax of '{set.Name}' but has no '### -{name}' in PARAMETERS.");
                    else if (!parameter.Metadata.Any(m => m.AppliesTo(set.Name)) && set.Name != "__AllParameterSets")
                        error(title.Child("PARAMETERS")?.Line ?? title.Line, $"parameter -{name} appears in the syntax of '{set.Name}' but its 'Parameter Sets:' do not include it.");
                }
            }
            foreach (ParameterHelp parameter in Parameters)
            {
                foreach (string set in parameter.Metadata.SelectMany(m => m.Sets))
                    if (set != "(All)" && !setNames.Contains(set))
                        error(title.Child("PARAMETERS")?.Line ?? title.Line, $"parameter -{parameter.Name} names parameter set '{set}', which SYNTAX does not have.");
                if (!Syntax.Any(s => s.ParameterOrder.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase)))
                    error(title.Child("PARAMETERS")?.Line ?? title.Line, $"parameter -{parameter.Name} is documented but appears in no syntax block.");
            }
        }

        /// <summary>The parameters of one set, in syntax order, each with its metadata for that set.</summary>
        public IEnumerable<(ParameterHelp Parameter, ParameterMetadata Metadata)> ParametersOf(SyntaxSet set)
        {
            foreach (string name in set.ParameterOrder)
            {
                ParameterHelp parameter = Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (parameter == null) continue;
                ParameterMetadata metadata = parameter.Metadata.FirstOrDefault(m => m.AppliesTo(set.Name)) ?? parameter.Metadata.FirstOrDefault();
                if (metadata != null) yield return (parameter, metadata);
            }
        }
    }
}
