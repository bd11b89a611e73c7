using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace TwilioPS.Tests.Build
{
    /// <summary>
    /// build.ps1 and the Pester tests run only on machines with pwsh, so nothing else would notice
    /// if they stopped parsing. These tests parse them with the real PowerShell parser, and check
    /// they stay within what Windows PowerShell 5.1 understands and use Pester 5's syntax.
    /// </summary>
    public class ScriptSyntaxTests
    {
        // ModuleDirectory is <repo>/out/TwilioPS.
        private static readonly string RepoRoot =
            Path.GetFullPath(Path.Combine(ModuleAssemblies.ModuleDirectory, "..", ".."));

        private static readonly string PesterDirectory = Path.Combine(RepoRoot, "tests", "Pester");

        /// <summary>PowerShell 7 syntax that Windows PowerShell 5.1 cannot parse.</summary>
        private static readonly Dictionary<TokenKind, string> NewerSyntax = new Dictionary<TokenKind, string>
        {
            [TokenKind.QuestionMark] = "the ternary operator ?:",
            [TokenKind.QuestionQuestion] = "the ?? operator",
            [TokenKind.QuestionQuestionEquals] = "the ??= operator",
            [TokenKind.QuestionDot] = "the ?. operator",
            [TokenKind.QuestionLBracket] = "the ?[ operator",
            [TokenKind.AndAnd] = "the && pipeline chain operator",
            [TokenKind.OrOr] = "the || pipeline chain operator",
        };

        /// <summary>Every PowerShell script and script module of the repository (build outputs and installed tools aside).</summary>
        public static IEnumerable<object[]> Scripts()
        {
            var skipped = new[] { "bin", "obj", "out", ".ci", "node_modules", ".git" };
            return Directory.GetFiles(RepoRoot, "*.ps1", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(RepoRoot, "*.psm1", SearchOption.AllDirectories))
                .Select(f => Path.GetRelativePath(RepoRoot, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(part => skipped.Contains(part)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { f });
        }

        public static IEnumerable<object[]> PesterScripts() =>
            Scripts().Where(s => ((string)s[0]).StartsWith("tests/Pester/", StringComparison.Ordinal));

        internal static ScriptBlockAst Parse(string relativePath, out Token[] tokens)
        {
            string path = Path.Combine(RepoRoot, relativePath);
            Assert.True(File.Exists(path), $"{path} does not exist.");
            ScriptBlockAst ast = Parser.ParseFile(path, out tokens, out ParseError[] errors);
            Assert.True(errors.Length == 0,
                $"{relativePath} does not parse:{Environment.NewLine}" + string.Join(Environment.NewLine,
                    errors.Select(e => $"  line {e.Extent.StartLineNumber}, column {e.Extent.StartColumnNumber}: {e.Message} ({e.ErrorId})")));
            return ast;
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_parses_without_errors(string relativePath)
        {
            Parse(relativePath, out _);
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_uses_only_syntax_Windows_PowerShell_5_1_understands(string relativePath)
        {
            Parse(relativePath, out Token[] tokens);
            string[] problems = tokens
                .Where(t => NewerSyntax.ContainsKey(t.Kind))
                .Select(t => $"  line {t.Extent.StartLineNumber}: {NewerSyntax[t.Kind]}")
                .ToArray();
            Assert.True(problems.Length == 0,
                $"{relativePath} uses PowerShell 7-only syntax:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        [Fact]
        public void Pester_tests_exist()
        {
            Assert.True(Directory.Exists(PesterDirectory), $"{PesterDirectory} does not exist.");
            Assert.NotEmpty(Directory.GetFiles(PesterDirectory, "*.Tests.ps1", SearchOption.AllDirectories));
        }

        /// <summary>Pester 5 needs `Should -Be`; Pester 4's `Should Be` (no dash) no longer works.</summary>
        [Theory]
        [MemberData(nameof(PesterScripts))]
        public void Pester_assertions_use_Pester_5_syntax(string relativePath)
        {
            ScriptBlockAst ast = Parse(relativePath, out _);
            string[] legacy = ast.FindAll(node => node is CommandAst, searchNestedScriptBlocks: true)
                .Cast<CommandAst>()
                .Where(c => string.Equals(c.GetCommandName(), "Should", StringComparison.OrdinalIgnoreCase)
                    && c.CommandElements.Count > 1
                    && c.CommandElements[1] is StringConstantExpressionAst bare
                    && bare.StringConstantType == StringConstantType.BareWord)
                .Select(c => $"  line {c.Extent.StartLineNumber}: {c.Extent.Text}")
                .ToArray();
            Assert.True(legacy.Length == 0,
                $"{relativePath} uses Pester 4 assertion syntax:{Environment.NewLine}{string.Join(Environment.NewLine, legacy)}");
        }

        /// <summary>The cmdlets the module manifest exports (CmdletsToExport), read with the PowerShell parser.</summary>
        internal static string[] ExportedCmdlets()
        {
            ScriptBlockAst manifest = Parse("TwilioPS.psd1", out _);
            var table = (HashtableAst)manifest.Find(node => node is HashtableAst, searchNestedScriptBlocks: false);
            Assert.NotNull(table);
            StatementAst value = table.KeyValuePairs
                .Single(pair => string.Equals((pair.Item1 as StringConstantExpressionAst)?.Value, "CmdletsToExport", StringComparison.OrdinalIgnoreCase))
                .Item2;
            return value.FindAll(node => node is StringConstantExpressionAst, searchNestedScriptBlocks: false)
                .Cast<StringConstantExpressionAst>()
                .Select(s => s.Value)
                .ToArray();
        }

        /// <summary>
        /// Every exported cmdlet is run by name in some Pester test file, so a new cmdlet cannot ship
        /// without a test a user's own pwsh and Pester can run.
        /// </summary>
        [Fact]
        public void Every_exported_cmdlet_is_invoked_in_a_Pester_test_file()
        {
            string[] exported = ExportedCmdlets();
            Assert.True(exported.Length > 60, $"CmdletsToExport lists only {exported.Length} cmdlets: the manifest was not read.");
            var invoked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in Directory.GetFiles(PesterDirectory, "*.Tests.ps1", SearchOption.AllDirectories))
            {
                ScriptBlockAst ast = Parse(Path.GetRelativePath(RepoRoot, file), out _);
                foreach (CommandAst command in ast.FindAll(node => node is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
                {
                    string name = command.GetCommandName();
                    if (name != null) invoked.Add(name);
                }
            }
            string[] untested = exported.Where(cmdlet => !invoked.Contains(cmdlet)).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            Assert.True(untested.Length == 0,
                $"No tests/Pester/*.Tests.ps1 file runs these exported cmdlets:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", untested));
        }

        /// <summary>Code outside Pester 5's blocks runs at discovery, not with the tests; keep it in BeforeAll.</summary>
        [Theory]
        [MemberData(nameof(PesterScripts))]
        public void Test_files_keep_code_inside_Pester_blocks(string relativePath)
        {
            if (!relativePath.EndsWith(".Tests.ps1", StringComparison.OrdinalIgnoreCase)) return;
            ScriptBlockAst ast = Parse(relativePath, out _);
            var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "BeforeAll", "AfterAll", "BeforeDiscovery", "Describe", "Context" };
            IEnumerable<StatementAst> statements = (ast.BeginBlock?.Statements ?? Enumerable.Empty<StatementAst>())
                .Concat(ast.ProcessBlock?.Statements ?? Enumerable.Empty<StatementAst>())
                .Concat(ast.EndBlock?.Statements ?? Enumerable.Empty<StatementAst>());
            string[] loose = statements
                .Where(s => !(s is PipelineAst p && p.PipelineElements.Count == 1 && p.PipelineElements[0] is CommandAst c
                    && allowed.Contains(c.GetCommandName() ?? string.Empty)))
                .Select(s => $"  line {s.Extent.StartLineNumber}: {s.Extent.Text.Split('\n')[0].Trim()}")
                .ToArray();
            Assert.True(loose.Length == 0,
                $"{relativePath} has top-level code outside BeforeAll/BeforeDiscovery/Describe:{Environment.NewLine}{string.Join(Environment.NewLine, loose)}");
        }
    }
}
