using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TwilioPS.HelpCompiler
{
    /// <summary>A markdown heading (#, ##, ###) with the lines below it and its subheadings.</summary>
    internal sealed class Heading
    {
        public int Level { get; init; }
        public string Title { get; init; }
        public int Line { get; init; }
        public List<SourceLine> Body { get; } = new List<SourceLine>();
        public List<Heading> Children { get; } = new List<Heading>();

        public Heading Child(string title) =>
            Children.FirstOrDefault(c => string.Equals(c.Title, title, StringComparison.OrdinalIgnoreCase));
    }

    internal readonly record struct SourceLine(int Number, string Text);

    internal enum BlockKind { Paragraph, List, Code }

    /// <summary>A paragraph, a list (one entry per item) or a fenced code block.</summary>
    internal sealed class Block
    {
        public BlockKind Kind { get; init; }
        public string Language { get; init; }
        public int Line { get; init; }
        public List<string> Lines { get; } = new List<string>();

        /// <summary>The paragraph's text, soft line breaks joined with spaces.</summary>
        public string Text => Kind == BlockKind.Code ? string.Join("\n", Lines) : string.Join(" ", Lines.Select(l => l.Trim()));
    }

    /// <summary>
    /// Just enough CommonMark for platyPS v1 documents: YAML front matter, ATX headings outside code
    /// fences, paragraphs, bullet/numbered lists and fenced code blocks.
    /// </summary>
    internal static class Markdown
    {
        private static readonly Regex HeadingPattern = new Regex(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex ListItemPattern = new Regex(@"^\s{0,3}([-*+]|\d+[.)])\s+", RegexOptions.CultureInvariant);
        private static readonly Regex LinkPattern = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);

        public static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal);

        /// <summary>Splits off the front matter (between the first two --- lines) as key/value pairs.</summary>
        public static Dictionary<string, string> FrontMatter(string[] lines, out int bodyStart)
        {
            bodyStart = 0;
            if (lines.Length == 0 || lines[0].Trim() != "---") return null;
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "---")
                {
                    bodyStart = i + 1;
                    return values;
                }
                int colon = lines[i].IndexOf(':');
                if (colon > 0) values[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            return null;
        }

        /// <summary>The heading tree; the root (level 0) holds what precedes the first heading.</summary>
        public static Heading Parse(string[] lines, int start)
        {
            var root = new Heading { Level = 0, Title = string.Empty, Line = start + 1 };
            var stack = new Stack<Heading>();
            stack.Push(root);
            bool inFence = false;
            for (int i = start; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (IsFence(line)) inFence = !inFence;
                Match heading = inFence || IsFence(line) ? Match.Empty : HeadingPattern.Match(line);
                if (heading.Success)
                {
                    var node = new Heading { Level = heading.Groups[1].Length, Title = heading.Groups[2].Value.Trim(), Line = i + 1 };
                    while (stack.Peek().Level >= node.Level) stack.Pop();
                    stack.Peek().Children.Add(node);
                    stack.Push(node);
                }
                else
                {
                    stack.Peek().Body.Add(new SourceLine(i + 1, line));
                }
            }
            return root;
        }

        public static List<Block> Blocks(IEnumerable<SourceLine> body)
        {
            var blocks = new List<Block>();
            Block current = null;
            foreach (SourceLine line in body)
            {
                string text = line.Text;
                if (current != null && current.Kind == BlockKind.Code)
                {
                    if (IsFence(text)) current = null;
                    else current.Lines.Add(text);
                    continue;
                }
                if (IsFence(text))
                {
                    current = new Block { Kind = BlockKind.Code, Language = text.Trim().Substring(3).Trim(), Line = line.Number };
                    blocks.Add(current);
                    continue;
                }
                if (string.IsNullOrWhiteSpace(text))
                {
                    current = null;
                    continue;
                }
                Match item = ListItemPattern.Match(text);
                if (item.Success)
                {
                    if (current == null || current.Kind != BlockKind.List)
                    {
                        current = new Block { Kind = BlockKind.List, Line = line.Number };
                        blocks.Add(current);
                    }
                    current.Lines.Add(text.Trim());
                    continue;
                }
                if (current == null)
                {
                    current = new Block { Kind = BlockKind.Paragraph, Line = line.Number };
                    blocks.Add(current);
                }
                if (current.Kind == BlockKind.List) current.Lines[^1] += " " + text.Trim(); // continuation of an item
                else current.Lines.Add(text);
            }
            return blocks;
        }

        /// <summary>Inline markdown made readable in a console: links become "text (url)", escapes go.</summary>
        public static string Inline(string text)
        {
            text = LinkPattern.Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : m.Groups[1].Value + " (" + m.Groups[2].Value + ")");
            text = Regex.Replace(text, @"\\([\\`*_{}\[\]()#+\-.!<>|])", "$1");
            return text.Trim();
        }

        /// <summary>Plain text of prose blocks (code blocks excluded), for emptiness checks.</summary>
        public static string ProseText(IEnumerable<Block> blocks)
        {
            var text = new StringBuilder();
            foreach (Block block in blocks.Where(b => b.Kind != BlockKind.Code)) text.Append(block.Text).Append(' ');
            return text.ToString().Trim();
        }

        /// <summary>Text of every line under a heading, including its subheadings (for the whole section).</summary>
        public static IEnumerable<SourceLine> AllLines(Heading heading)
        {
            foreach (SourceLine line in heading.Body) yield return line;
            foreach (Heading child in heading.Children)
            {
                yield return new SourceLine(child.Line, new string('#', child.Level) + " " + child.Title);
                foreach (SourceLine line in AllLines(child)) yield return line;
            }
        }
    }
}
