using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using Xunit;

namespace TwilioPS.Tests.Build
{
    /// <summary>
    /// PSScriptAnalyzer's default rules that apply without the analyzer (see ScriptRules) over every
    /// script of the repository, and the module's C# code never writing to the host.
    /// </summary>
    public class ScriptAnalyzerTests
    {
        private static readonly string RepoRoot = ModuleAssemblies.RepositoryRoot;

        /// <summary>
        /// build.ps1 and the walk-throughs in examples/ narrate to a person at a console (since PowerShell
        /// 5, Write-Host goes to the information stream, so even that is capturable). Runbooks, whose
        /// output Automation's job streams must capture, and the Pester tests use the streams only.
        /// </summary>
        private static bool AllowsWriteHost(string relativePath) =>
            relativePath == "build.ps1"
            || (relativePath.StartsWith("examples/", StringComparison.Ordinal) && relativePath.Count(c => c == '/') == 1);

        [Theory]
        [MemberData(nameof(ScriptSyntaxTests.Scripts), MemberType = typeof(ScriptSyntaxTests))]
        public void Script_has_nothing_for_the_analyzers_default_rules_to_report(string relativePath)
        {
            ScriptBlockAst ast = ScriptSyntaxTests.Parse(relativePath, out _);
            IReadOnlyList<ScriptFinding> findings = ScriptRules.Analyze(ast, AllowsWriteHost(relativePath));
            Assert.True(findings.Count == 0, $"{relativePath}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", findings));
        }

        [Theory]
        [InlineData("function Fetch-Thing { }", "PSUseApprovedVerbs")]
        [InlineData("function Remove-Thing { [CmdletBinding()] param() }", "PSUseShouldProcessForStateChangingFunctions")]
        [InlineData("function Set-Thing { [CmdletBinding(SupportsShouldProcess = $false)] param() }", "PSUseShouldProcessForStateChangingFunctions")]
        [InlineData("Get-TwilioCall | % { $_.Sid }", "PSAvoidUsingCmdletAliases")]
        [InlineData("Get-TwilioCall | ? Status -eq failed", "PSAvoidUsingCmdletAliases")]
        [InlineData("ls ./recordings", "PSAvoidUsingCmdletAliases")]
        [InlineData("Write-Host 'done'", "PSAvoidUsingWriteHost")]
        [InlineData("Invoke-Expression $command", "PSAvoidUsingInvokeExpression")]
        [InlineData("$s = ConvertTo-SecureString 'token' -AsPlainText -Force", "PSAvoidUsingConvertToSecureStringWithPlainText")]
        [InlineData("if ($calls -eq $null) { }", "PSPossibleIncorrectComparisonWithNull")]
        [InlineData("$global:connection = 1", "PSAvoidGlobalVars")]
        [InlineData("try { Get-TwilioCall } catch { }", "PSAvoidUsingEmptyCatchBlock")]
        [InlineData("function Get-Thing { param([string] $ApiPassword) }", "PSAvoidUsingPlainTextForPassword")]
        [InlineData("function Get-Thing { param([switch] $All = $true) }", "PSAvoidDefaultValueSwitchParameter")]
        [InlineData("function ConvertTo-Secret { [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidGlobalVars', '')] param($t) ConvertTo-SecureString $t -AsPlainText -Force }",
            "PSAvoidUsingConvertToSecureStringWithPlainText")]
        public void Each_rule_reports_what_it_is_for(string script, string rule)
        {
            ScriptBlockAst ast = Parser.ParseInput(script, out _, out ParseError[] errors);
            Assert.Empty(errors);
            Assert.Contains(rule, ScriptRules.Analyze(ast, allowWriteHost: false).Select(f => f.Rule));
        }

        [Theory]
        [InlineData("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param() }")]
        [InlineData("function Set-Thing { [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')] param() }")]
        [InlineData("if ($null -eq $calls) { }")]
        [InlineData("Get-TwilioCall | ForEach-Object { $_.Sid } | Where-Object { $_ }")]
        [InlineData("try { Get-TwilioCall } catch { Write-Error $_ }")]
        [InlineData("function Get-Thing { param([securestring] $ApiPassword, [switch] $All) }")]
        [InlineData("function ConvertTo-Secret { [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingConvertToSecureStringWithPlainText', '', Justification = 'test data')] param($t) ConvertTo-SecureString $t -AsPlainText -Force }")]
        public void Code_that_follows_the_rules_is_not_reported(string script)
        {
            ScriptBlockAst ast = Parser.ParseInput(script, out _, out ParseError[] errors);
            Assert.Empty(errors);
            Assert.Empty(ScriptRules.Analyze(ast, allowWriteHost: false));
        }

        /// <summary>
        /// Cmdlets write through WriteObject/WriteError/WriteVerbose/WriteProgress only: a runbook's job
        /// streams and a script's redirections capture those, never the host or the console.
        /// </summary>
        [Fact]
        public void Module_code_never_writes_to_the_host_or_the_console()
        {
            var direct = new Regex(@"\bHost\.UI\b|\bConsole\.(Write|WriteLine|Out|Error)\b|\bUI\.Write");
            string[] hits = Directory.GetFiles(Path.Combine(RepoRoot, "src", "TwilioPS"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
                .Where(x => direct.IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .Select(x => $"{Path.GetRelativePath(RepoRoot, x.f)}:{x.i + 1}: {x.line.Trim()}")
                .ToArray();
            Assert.True(hits.Length == 0, string.Join(Environment.NewLine, hits));
        }
    }
}
