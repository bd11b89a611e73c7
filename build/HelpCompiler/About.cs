using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace TwilioPS.HelpCompiler
{
    /// <summary>
    /// Turns a platyPS about topic (# about_X, ## SHORT DESCRIPTION, ## LONG DESCRIPTION, ...) into the
    /// plain-text about_X.help.txt Get-Help shows: headings at the margin, text indented and wrapped.
    /// </summary>
    internal static class About
    {
        private const int Width = 80;

        public static string Convert(string path, Diagnostics diagnostics)
        {
            string[] lines = File.ReadAllLines(path);
            string topic = Path.GetFileNameWithoutExtension(path);
            Markdown.FrontMatter(lines, out int bodyStart);
            Heading root = Markdown.Parse(lines, bodyStart);
            Heading title = root.Children.FirstOrDefault(h => h.Level == 1);
            if (title == null || !string.Equals(title.Title, topic, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(path, title?.Line ?? 1, $"an about topic starts with '# {topic}'.");
                return null;
            }
            foreach (string required in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" })
            {
                Heading section = title.Child(required);
                if (section == null) diagnostics.Error(path, title.Line, $"missing the required section '## {required}'.");
                else if (Markdown.ProseText(Markdown.Blocks(Markdown.AllLines(section))).Length == 0)
                    diagnostics.Error(path, section.Line, $"the '## {required}' section is empty.");
            }

            var text = new StringBuilder();
            text.Append("TOPIC\n    ").Append(topic).Append("\n\n");
            foreach (Heading section in title.Children)
            {
                text.Append(section.Title.ToUpperInvariant()).Append('\n');
                Write(text, section.Body, 4);
                foreach (Heading sub in section.Children) WriteSubsection(text, sub, 4);
            }
            return text.ToString().TrimEnd('\n') + "\n";
        }

        private static void WriteSubsection(StringBuilder text, Heading heading, int indent)
        {
            text.Append(new string(' ', indent - 2)).Append(heading.Title.ToUpperInvariant()).Append('\n');
            Write(text, heading.Body, indent);
            foreach (Heading sub in heading.Children) WriteSubsection(text, sub, indent + 2);
        }

        private static void Write(StringBuilder text, IEnumerable<SourceLine> body, int indent)
        {
            string pad = new string(' ', indent);
            foreach (Block block in Markdown.Blocks(body))
            {
                switch (block.Kind)
                {
                    case BlockKind.Code:
                        foreach (string line in block.Lines) text.Append((pad + "    " + line).TrimEnd()).Append('\n');
                        break;
                    case BlockKind.List:
                        foreach (string item in block.Lines)
                        {
                            int marker = item.IndexOf(' ');
                            string bullet = item.Substring(0, marker + 1);
                            Wrap(text, Markdown.Inline(item.Substring(marker + 1)), pad + bullet, pad + new string(' ', bullet.Length));
                        }
                        break;
                    default:
                        Wrap(text, Markdown.Inline(block.Text), pad, pad);
                        break;
                }
                text.Append('\n');
            }
        }

        private static void Wrap(StringBuilder text, string paragraph, string firstPrefix, string prefix)
        {
            var line = new StringBuilder(firstPrefix);
            bool empty = true;
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line.ToString().TrimEnd()).Append('\n');
                    line.Clear().Append(prefix);
                    empty = true;
                }
                if (!empty) line.Append(' ');
                line.Append(word);
                empty = false;
            }
            if (!empty) text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
