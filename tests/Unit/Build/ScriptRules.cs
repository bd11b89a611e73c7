using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace TwilioPS.Tests.Build
{
    /// <summary>One rule broken at one place in a script.</summary>
    public sealed class ScriptFinding
    {
        public ScriptFinding(string rule, IScriptExtent extent, string message)
        {
            Rule = rule;
            Line = extent.StartLineNumber;
            Message = message;
        }

        public string Rule { get; }
        public int Line { get; }
        public string Message { get; }
        public override string ToString() => $"line {Line}: {Rule}: {Message}";
    }

    /// <summary>
    /// PSScriptAnalyzer's default rules that can be decided from the syntax tree alone, under the rule
    /// names PSScriptAnalyzer reports (the module itself cannot be installed here). A script that passes
    /// these has nothing for those rules to report on a machine that has the analyzer.
    /// </summary>
    public static class ScriptRules
    {
        /// <summary>Verbs Get-Verb lists: the public constants of PowerShell's Verbs* classes.</summary>
        private static readonly HashSet<string> ApprovedVerbs = new HashSet<string>(
            new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
                    typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Select(f => (string)f.GetRawConstantValue()),
            StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Every alias a script could meet: the engine's built-in ones, plus the ones PowerShell defines
        /// only on Windows (a script run on Linux would otherwise call the native ls, cat, sort…).
        /// </summary>
        private static readonly HashSet<string> Aliases = new HashSet<string>(
            InitialSessionState.CreateDefault2().Commands.OfType<SessionStateAliasEntry>().Select(a => a.Name)
                .Concat(new[] { "ac", "cat", "clear", "compare", "cp", "cpp", "diff", "kill", "ls", "man", "mount", "mv",
                                "ps", "rm", "rmdir", "sleep", "sort", "start", "tee", "write", "cls", "echo", "type", "dir",
                                "copy", "del", "erase", "move", "ren", "md", "rd", "pwd", "cd", "h", "history", "r", "gc", "sc" }),
            StringComparer.OrdinalIgnoreCase);

        /// <summary>The verbs PSScriptAnalyzer treats as changing state, which then need ShouldProcess.</summary>
        private static readonly HashSet<string> StateChangingVerbs = new HashSet<string>(
            new[] { "New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update" }, StringComparer.OrdinalIgnoreCase);

        public static IReadOnlyList<ScriptFinding> Analyze(ScriptBlockAst script, bool allowWriteHost)
        {
            var findings = new List<ScriptFinding>();
            foreach (FunctionDefinitionAst function in script.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>())
            {
                string verb = function.Name.Contains('-') ? function.Name.Substring(0, function.Name.IndexOf('-')) : null;
                if (verb != null && !ApprovedVerbs.Contains(verb))
                    findings.Add(new ScriptFinding("PSUseApprovedVerbs", function.Extent, $"'{function.Name}' uses the unapproved verb '{verb}'."));
                if (verb != null && StateChangingVerbs.Contains(verb) && !SupportsShouldProcess(function))
                    findings.Add(new ScriptFinding("PSUseShouldProcessForStateChangingFunctions", function.Extent,
                        $"'{function.Name}' changes state but has no [CmdletBinding(SupportsShouldProcess)]."));
            }

            foreach (CommandAst command in script.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                string name = command.GetCommandName();
                if (name == null) continue;
                if (Aliases.Contains(name))
                    findings.Add(new ScriptFinding("PSAvoidUsingCmdletAliases", command.Extent, $"'{name}' is an alias; use the command's full name."));
                if (!allowWriteHost && name.Equals("Write-Host", StringComparison.OrdinalIgnoreCase))
                    findings.Add(new ScriptFinding("PSAvoidUsingWriteHost", command.Extent, "Write-Host bypasses the output streams that callers and Automation jobs capture."));
                if (name.Equals("Invoke-Expression", StringComparison.OrdinalIgnoreCase))
                    findings.Add(new ScriptFinding("PSAvoidUsingInvokeExpression", command.Extent, "Invoke-Expression runs text as code."));
                if (name.Equals("ConvertTo-SecureString", StringComparison.OrdinalIgnoreCase)
                    && command.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName.Equals("AsPlainText", StringComparison.OrdinalIgnoreCase)))
                    findings.Add(new ScriptFinding("PSAvoidUsingConvertToSecureStringWithPlainText", command.Extent, "a secret in plain text in the script."));
            }

            foreach (BinaryExpressionAst comparison in script.FindAll(a => a is BinaryExpressionAst, true).Cast<BinaryExpressionAst>())
            {
                bool equality = comparison.Operator == TokenKind.Ieq || comparison.Operator == TokenKind.Ine
                    || comparison.Operator == TokenKind.Ceq || comparison.Operator == TokenKind.Cne;
                if (equality && IsNull(comparison.Right) && !IsNull(comparison.Left))
                    findings.Add(new ScriptFinding("PSPossibleIncorrectComparisonWithNull", comparison.Extent,
                        "$null belongs on the left: with a collection on the left the comparison filters instead."));
            }

            foreach (VariableExpressionAst variable in script.FindAll(a => a is VariableExpressionAst, true).Cast<VariableExpressionAst>())
            {
                if (variable.VariablePath.IsGlobal)
                    findings.Add(new ScriptFinding("PSAvoidGlobalVars", variable.Extent, $"'{variable.Extent.Text}' is a global variable."));
            }

            foreach (CatchClauseAst handler in script.FindAll(a => a is CatchClauseAst, true).Cast<CatchClauseAst>())
            {
                if (handler.Body.Statements.Count == 0)
                    findings.Add(new ScriptFinding("PSAvoidUsingEmptyCatchBlock", handler.Extent, "an empty catch block hides the error."));
            }

            foreach (ParameterAst parameter in script.FindAll(a => a is ParameterAst, true).Cast<ParameterAst>())
            {
                string name = parameter.Name.VariablePath.UserPath;
                if (parameter.StaticType == typeof(string)
                    && (name.IndexOf("Password", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Passphrase", StringComparison.OrdinalIgnoreCase) >= 0))
                    findings.Add(new ScriptFinding("PSAvoidUsingPlainTextForPassword", parameter.Extent, $"'${name}' takes a password as a plain string; use [SecureString] or [PSCredential]."));
                if (parameter.StaticType == typeof(SwitchParameter) && parameter.DefaultValue is VariableExpressionAst value
                    && value.VariablePath.UserPath.Equals("true", StringComparison.OrdinalIgnoreCase))
                    findings.Add(new ScriptFinding("PSAvoidDefaultValueSwitchParameter", parameter.Extent, $"switch '${name}' defaults to $true."));
            }
            findings.RemoveAll(f => IsSuppressed(script, f));
            return findings;
        }

        /// <summary>
        /// PSScriptAnalyzer's suppression: [Diagnostics.CodeAnalysis.SuppressMessageAttribute('Rule', '')]
        /// on the param block of the function (or script) that holds the finding, with a justification.
        /// </summary>
        private static bool IsSuppressed(ScriptBlockAst script, ScriptFinding finding)
        {
            IEnumerable<ParamBlockAst> scopes = script.FindAll(a => a is ParamBlockAst, true).Cast<ParamBlockAst>()
                .Where(p => p.Parent.Extent.StartLineNumber <= finding.Line && finding.Line <= p.Parent.Extent.EndLineNumber);
            return scopes.SelectMany(p => p.Attributes).Any(attribute =>
                attribute.TypeName.GetReflectionAttributeType() == typeof(System.Diagnostics.CodeAnalysis.SuppressMessageAttribute)
                && attribute.PositionalArguments.Count > 0
                && attribute.PositionalArguments[0] is StringConstantExpressionAst rule
                && rule.Value.Equals(finding.Rule, StringComparison.OrdinalIgnoreCase));
        }

        private static bool IsNull(ExpressionAst expression) =>
            expression is VariableExpressionAst v && v.VariablePath.UserPath.Equals("null", StringComparison.OrdinalIgnoreCase);

        private static bool SupportsShouldProcess(FunctionDefinitionAst function)
        {
            AttributeAst binding = function.Body.ParamBlock?.Attributes
                .FirstOrDefault(a => a.TypeName.GetReflectionAttributeType() == typeof(CmdletBindingAttribute));
            NamedAttributeArgumentAst argument = binding?.NamedArguments
                .FirstOrDefault(n => n.ArgumentName.Equals("SupportsShouldProcess", StringComparison.OrdinalIgnoreCase));
            if (argument == null) return false;
            // [CmdletBinding(SupportsShouldProcess)] has no value expression; `= $false` turns it off.
            return argument.ExpressionOmitted || !(argument.Argument is VariableExpressionAst v && v.VariablePath.UserPath.Equals("false", StringComparison.OrdinalIgnoreCase));
        }
    }
}
