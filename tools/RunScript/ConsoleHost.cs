using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace TwilioPS.RunScript
{
    /// <summary>
    /// Just enough of a PowerShell host for scripts to behave as in pwsh: Write-Host, "What if:"
    /// lines, Verbose/Warning/Debug, progress as one line per update. Non-interactive: prompts answer
    /// with their defaults, as a runbook would.
    /// </summary>
    internal sealed class ConsoleHost : PSHost
    {
        private readonly ConsoleHostUI _ui = new ConsoleHostUI();

        public override string Name => "TwilioPS.RunScript";
        public override Version Version { get; } = new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) => Environment.Exit(exitCode);
    }

    internal sealed class ConsoleHostUI : PSHostUserInterface
    {
        public override PSHostRawUserInterface RawUI => null;

        public override void Write(string value) => Console.Write(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Write(value);
        public override void WriteLine(string value) => Console.WriteLine(value);
        public override void WriteErrorLine(string value) => Colored(ConsoleColor.Red, value);
        public override void WriteDebugLine(string message) => Colored(ConsoleColor.DarkYellow, "DEBUG: " + message);
        public override void WriteVerboseLine(string message) => Colored(ConsoleColor.DarkYellow, "VERBOSE: " + message);
        public override void WriteWarningLine(string message) => Colored(ConsoleColor.Yellow, "WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            if (record.RecordType != ProgressRecordType.Completed)
                Colored(ConsoleColor.DarkCyan, $"[{record.Activity}] {record.StatusDescription}");
        }

        public override string ReadLine() => Console.ReadLine();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("This host does not read secrets.");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("This host is non-interactive: pass every mandatory parameter.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("This host is non-interactive: pass -Credential.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("This host is non-interactive: pass -Credential.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => defaultChoice;

        private static void Colored(ConsoleColor color, string text)
        {
            bool colour = !Console.IsOutputRedirected;
            if (colour) Console.ForegroundColor = color;
            Console.WriteLine(text);
            if (colour) Console.ResetColor();
        }
    }
}
