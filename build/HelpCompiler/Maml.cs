using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TwilioPS.HelpCompiler
{
    /// <summary>
    /// Writes the MAML that PowerShell's help system reads for cmdlets of a binary module
    /// (&lt;Assembly&gt;.dll-Help.xml), element for element as platyPS v1's New-ExternalHelp does.
    /// The namespaces matter: with any other, Get-Help silently falls back to generated syntax.
    /// </summary>
    internal static class Maml
    {
        public static readonly XNamespace Msh = "http://msh";
        public static readonly XNamespace MamlNs = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        public static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

        public static XDocument Build(IEnumerable<CommandHelp> commands) =>
            new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(Msh + "helpItems",
                    new XAttribute("schema", "maml"),
                    commands.Select(CommandElement)));

        public static void Save(XDocument document, string path)
        {
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using XmlWriter writer = XmlWriter.Create(path, settings);
            document.Save(writer);
        }

        private static XElement CommandElement(CommandHelp help)
        {
            int dash = help.Name.IndexOf('-');
            string verb = dash < 0 ? help.Name : help.Name.Substring(0, dash);
            string noun = dash < 0 ? string.Empty : help.Name.Substring(dash + 1);

            return new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
                new XElement(Command + "details",
                    new XElement(Command + "name", help.Name),
                    new XElement(Command + "verb", verb),
                    new XElement(Command + "noun", noun),
                    new XElement(MamlNs + "description", Paragraphs(help.Synopsis))),
                new XElement(MamlNs + "description", Paragraphs(help.Description)),
                new XElement(Command + "syntax",
                    help.Syntax.OrderByDescending(s => s.IsDefault).Select(set =>
                        new XElement(Command + "syntaxItem",
                            new XElement(MamlNs + "name", help.Name),
                            help.ParametersOf(set).Select(p => Parameter(p.Parameter, p.Metadata, inSyntax: true))))),
                new XElement(Command + "parameters",
                    help.Parameters.Select(p => Parameter(p, Summary(p), inSyntax: false))),
                new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement("inputType", t))),
                new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement("returnValue", t))),
                new XElement(MamlNs + "alertSet", new XElement(MamlNs + "alert", Paragraphs(help.Notes))),
                new XElement(Command + "examples", help.Examples.Select(Example)),
                new XElement(Command + "relatedLinks", help.Links.Select(Link)));
        }

        /// <summary>
        /// The PARAMETERS entry of a parameter documented for several sets: required if required
        /// anywhere, the first explicit position, pipeline input as the first block says.
        /// </summary>
        private static ParameterMetadata Summary(ParameterHelp parameter)
        {
            ParameterMetadata first = parameter.Metadata.First();
            if (parameter.Metadata.Count == 1) return first;
            return new ParameterMetadata
            {
                Type = first.Type,
                Sets = parameter.Metadata.SelectMany(m => m.Sets).Distinct().ToList(),
                Aliases = first.Aliases,
                AcceptedValues = first.AcceptedValues,
                Required = parameter.Metadata.Any(m => m.Required),
                Position = parameter.Metadata.Select(m => m.Position).FirstOrDefault(p => p != "named") ?? "named",
                DefaultValue = first.DefaultValue,
                PipelineInput = first.PipelineInput,
                Globbing = first.Globbing,
            };
        }

        private static bool IsSwitch(string type) =>
            string.Equals(type, "SwitchParameter", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "switch", StringComparison.OrdinalIgnoreCase);

        private static XElement Parameter(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
        {
            string type = IsSwitch(metadata.Type) ? "SwitchParameter" : metadata.Type;
            bool isSwitch = type == "SwitchParameter";
            string defaultValue = isSwitch && (string.IsNullOrEmpty(metadata.DefaultValue) || metadata.DefaultValue == "None") ? "False" : metadata.DefaultValue ?? "None";
            return new XElement(Command + "parameter",
                new XAttribute("required", Lower(metadata.Required)),
                new XAttribute("variableLength", Lower(type.EndsWith("[]", StringComparison.Ordinal))),
                new XAttribute("globbing", Lower(metadata.Globbing)),
                new XAttribute("pipelineInput", metadata.PipelineInput),
                new XAttribute("position", metadata.Position),
                new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
                new XElement(MamlNs + "name", parameter.Name),
                new XElement(MamlNs + "description", Paragraphs(parameter.Description)),
                inSyntax && metadata.AcceptedValues.Count > 0
                    ? new XElement(Command + "parameterValueGroup",
                        metadata.AcceptedValues.Select(v => new XElement(Command + "parameterValue",
                            new XAttribute("required", "false"),
                            new XAttribute(Command + "variableLength", "false"),
                            v)))
                    : null,
                // A switch shows no <value> in syntax; elsewhere its type is still given.
                !inSyntax || !isSwitch
                    ? new XElement(Command + "parameterValue",
                        new XAttribute("required", Lower(!isSwitch)),
                        new XAttribute("variableLength", "false"),
                        type)
                    : null,
                new XElement(Dev + "type",
                    new XElement(MamlNs + "name", type),
                    new XElement(MamlNs + "uri")),
                new XElement(Dev + "defaultValue", defaultValue));
        }

        private static XElement TypeElement(string element, TypeHelp type) =>
            new XElement(Command + element,
                new XElement(Dev + "type", new XElement(MamlNs + "name", type.TypeName)),
                new XElement(MamlNs + "description", Paragraphs(type.Description)));

        private static XElement Example(ExampleHelp example) =>
            new XElement(Command + "example",
                new XElement(MamlNs + "title", PadTitle(example.Title)),
                new XElement(Dev + "code", string.Join("\n\n", example.Code)),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks), new XElement(MamlNs + "para", string.Empty)));

        private static XElement Link(LinkHelp link)
        {
            // Get-Help needs an absolute URI or none: a relative link (to another .md) keeps only its text.
            string uri = Uri.TryCreate(link.Uri, UriKind.Absolute, out _) ? link.Uri : string.Empty;
            return new XElement(MamlNs + "navigationLink",
                new XElement(MamlNs + "linkText", link.Text),
                new XElement(MamlNs + "uri", uri));
        }

        /// <summary>"-------------------------- Example 1: Title --------------------------", as PowerShell's own help.</summary>
        public static string PadTitle(string title)
        {
            const string dashes = "--------------------------";
            return dashes + " " + title.Trim() + " " + dashes;
        }

        /// <summary>
        /// One maml:para per paragraph, per list item and per code line (Get-Help separates paragraphs
        /// with a blank line itself).
        /// </summary>
        public static IEnumerable<XElement> Paragraphs(IEnumerable<Block> blocks)
        {
            foreach (Block block in blocks ?? Enumerable.Empty<Block>())
            {
                switch (block.Kind)
                {
                    case BlockKind.Code:
                        foreach (string line in block.Lines) yield return new XElement(MamlNs + "para", "    " + line.TrimEnd());
                        break;
                    case BlockKind.List:
                        foreach (string item in block.Lines) yield return new XElement(MamlNs + "para", Markdown.Inline(item));
                        break;
                    default:
                        yield return new XElement(MamlNs + "para", Markdown.Inline(block.Text));
                        break;
                }
            }
        }

        private static string Lower(bool value) => value ? "true" : "false";
    }
}
