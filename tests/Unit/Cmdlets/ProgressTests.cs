using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;
using TwilioPS.Emulator;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// Long work reports itself on the progress stream (listings with -All by record count, Invoke-TwilioApi
    /// -All the same, downloads by bytes), a few times a second at most, with a completed record at the
    /// end; $ProgressPreference = 'SilentlyContinue' silences all of it; and no cmdlet writes to the
    /// host directly, so runbooks and redirected output see only the streams.
    /// </summary>
    public class ProgressTests
    {
        private const int ReportIntervalMs = 250;

        private const string SendAndSaveMedia =
            "Send-TwilioMessage -To '+14155550106' -From '+14155550100' -Body 'receipt' -MediaUrl 'https://example.com/receipt.png' | Get-TwilioMessageMedia | Save-TwilioMessageMedia -Path $args[0]";

        private static List<ProgressRecord> Processing(PowerShellResult r) =>
            r.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();

        [Fact]
        public void A_listing_with_All_reports_the_count_so_far_at_most_a_few_times_a_second_and_completes()
        {
            using var s = new EmulatedSession(seedCalls: 60);
            var clock = Stopwatch.StartNew();
            PowerShellResult r = s.Run("Get-TwilioCall -All -PageSize 2");
            long elapsed = clock.ElapsedMilliseconds;
            r.ThrowIfFailed();
            Assert.Equal(60, r.Output.Count);

            Assert.NotEmpty(Processing(r));
            Assert.All(r.Progress, p => Assert.Equal("Reading Call records", p.Activity));
            Assert.Matches(@"\A\d+ record\(s\) in \d+ page\(s\)\z", Processing(r)[0].StatusDescription);
            // 30 pages: one record per page would be 30; the interval allows one now and one per 250 ms after.
            Assert.True(Processing(r).Count <= elapsed / ReportIntervalMs + 1,
                $"{Processing(r).Count} progress records in {elapsed} ms of listing");
            ProgressRecord last = r.Progress.Last();
            Assert.Equal(ProgressRecordType.Completed, last.RecordType);
            Assert.Equal("60 record(s) in 30 page(s)", last.StatusDescription);
        }

        [Fact]
        public void A_single_page_without_All_reports_no_progress()
        {
            using var s = new EmulatedSession(seedCalls: 5);
            PowerShellResult r = s.Run("Get-TwilioCall");
            r.ThrowIfFailed();
            Assert.Empty(r.Progress);
        }

        [Fact]
        public void Invoke_TwilioApi_with_All_reports_the_count_so_far_and_completes()
        {
            using var s = new EmulatedSession(seedCalls: 25);
            PowerShellResult r = s.Run("Invoke-TwilioApi Calls.json -All -Query @{ PageSize = 10 }");
            r.ThrowIfFailed();
            Assert.Equal(25, r.Output.Count);
            Assert.NotEmpty(Processing(r));
            Assert.All(r.Progress, p => Assert.Equal("Reading Calls.json", p.Activity));
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
            Assert.Equal("25 record(s) in 3 page(s)", r.Progress.Last().StatusDescription);

            PowerShellResult single = s.Run("Invoke-TwilioApi Calls.json -Query @{ PageSize = 10 }");
            single.ThrowIfFailed();
            Assert.Empty(single.Progress);
        }

        [Fact]
        public void A_download_reports_bytes_and_completes()
        {
            using var s = new EmulatedSession();
            s.Emulator.SeedRecordings(1, transcribed: true);
            using var folder = new TempFolder();
            PowerShellResult r = s.Run("Get-TwilioRecording | Save-TwilioRecording -Path $args[0]; Get-TwilioTranscription | Save-TwilioTranscription -Path $args[0]; " + SendAndSaveMedia, folder.Path);
            r.ThrowIfFailed();
            Assert.Equal(3, System.IO.Directory.GetFiles(folder.Path).Length);
            foreach (string what in new[] { "recording", "transcription", "media" })
            {
                List<ProgressRecord> records = r.Progress.Where(p => p.Activity.StartsWith("Saving " + what + " ", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(records);
                Assert.Matches(@"\A[\d,.\s]+ of [\d,.\s]+ bytes\z", records.First().StatusDescription);
                Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
                Assert.Equal(100, records.Where(p => p.RecordType == ProgressRecordType.Processing).Last().PercentComplete);
            }
        }

        [Theory]
        [InlineData("Get-TwilioCall -All -PageSize 2")]
        [InlineData("Invoke-TwilioApi Calls.json -All -Query @{ PageSize = 2 }")]
        [InlineData("Get-TwilioRecording | Save-TwilioRecording -Path $args[0]")]
        [InlineData("Get-TwilioTranscription | Save-TwilioTranscription -Path $args[0]")]
        [InlineData(SendAndSaveMedia)]
        public void SilentlyContinue_silences_every_progress_record(string script)
        {
            using var s = new EmulatedSession(seedCalls: 10);
            s.Emulator.SeedRecordings(1, transcribed: true);
            using var folder = new TempFolder();
            PowerShellResult loud = s.Run(script, folder.Path);
            loud.ThrowIfFailed();
            Assert.NotEmpty(loud.Progress);

            using var quietFolder = new TempFolder();
            PowerShellResult quiet = s.Run("$ProgressPreference = 'SilentlyContinue'; " + script, quietFolder.Path);
            quiet.ThrowIfFailed();
            Assert.Equal(loud.Output.Count, quiet.Output.Count);
            Assert.Empty(quiet.Progress);
        }

        [Fact]
        public void No_cmdlet_writes_to_the_host_directly_and_progress_reaches_it_only_when_allowed()
        {
            using var emulator = TwilioEmulator.Start(new EmulatorOptions { Port = 0, SeedCalls = 10 });
            emulator.SeedRecordings(1, transcribed: true);
            emulator.SeedMessages(3);
            var host = new RecordingHost();
            using Runspace runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            using var folder = new TempFolder();

            void Run(string script, params object[] arguments)
            {
                using PowerShell shell = PowerShell.Create();
                shell.Runspace = runspace;
                shell.AddScript(script);
                foreach (object argument in arguments) shell.AddArgument(argument);
                shell.Invoke();
                Assert.False(shell.HadErrors, script + ": " + string.Join(" | ", shell.Streams.Error));
            }

            Run("Import-Module $args[0] -ErrorAction Stop", ModuleAssemblies.ManifestPath);
            Run("Connect-Twilio -BaseUri $args[0] -Credential $args[1]", emulator.BaseUri,
                new PSCredential(emulator.AccountSid, EmulatedSession.Secure(emulator.AuthToken)));
            Run(@"
                Get-TwilioContext
                Get-TwilioCall -All -PageSize 3
                Get-TwilioMessage -All
                Invoke-TwilioApi Calls.json -All -Query @{ PageSize = 4 }
                Get-TwilioRecording | Save-TwilioRecording -Path $args[0] -PassThru
                Get-TwilioTranscription | Save-TwilioTranscription -Path $args[0]
                Measure-TwilioMessage 'hello'
                Get-TwilioBalance
                Get-TwilioUsageRecord -All
                Get-TwilioCall -First 2 | Get-TwilioCallEvent", folder.Path);

            Assert.Empty(host.Ui.DirectWrites);
            Assert.NotEmpty(host.Ui.Progress);

            host.Ui.Progress.Clear();
            Run("$ProgressPreference = 'SilentlyContinue'; Get-TwilioCall -All -PageSize 3; Get-TwilioRecording | Save-TwilioRecording -Path $args[0] -Force", folder.Path);
            Assert.Empty(host.Ui.Progress);
            Assert.Empty(host.Ui.DirectWrites);
        }

        private sealed class TempFolder : IDisposable
        {
            public string Path { get; } = System.IO.Directory.CreateDirectory(
                System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twilio-progress-" + Guid.NewGuid().ToString("N"))).FullName;

            public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
        }

        /// <summary>A host that records what reaches it: text written to it directly, and progress.</summary>
        private sealed class RecordingHost : PSHost
        {
            public RecordingHostUi Ui { get; } = new RecordingHostUi();
            public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
            public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
            public override Guid InstanceId { get; } = Guid.NewGuid();
            public override string Name => "TwilioPS.Tests.RecordingHost";
            public override PSHostUserInterface UI => Ui;
            public override Version Version => new Version(1, 0);
            public override void EnterNestedPrompt() => throw new NotSupportedException();
            public override void ExitNestedPrompt() => throw new NotSupportedException();
            public override void NotifyBeginApplication() { }
            public override void NotifyEndApplication() { }
            public override void SetShouldExit(int exitCode) { }
        }

        private sealed class RecordingHostUi : PSHostUserInterface
        {
            public List<string> DirectWrites { get; } = new List<string>();
            public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

            public override PSHostRawUserInterface RawUI => null;
            public override void Write(string value) => DirectWrites.Add(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => DirectWrites.Add(value);
            public override void WriteLine(string value) => DirectWrites.Add(value);
            public override void WriteErrorLine(string value) => DirectWrites.Add(value);
            public override void WriteProgress(long sourceId, ProgressRecord record) => Progress.Add(record);
            // The streams PowerShell itself shows on the host; a cmdlet reaches them through Write-Verbose and friends.
            public override void WriteDebugLine(string message) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
            public override string ReadLine() => throw new NotSupportedException("The module prompted for input.");
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The module prompted for input.");
            public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
                throw new NotSupportedException("The module prompted: " + message);
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new NotSupportedException("The module prompted: " + message);
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new NotSupportedException("The module prompted: " + message);
            public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new NotSupportedException("The module prompted: " + message);
        }
    }
}
