using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TwilioPS.Emulator;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// The Azure Automation runbooks in examples/runbooks, run in the hosted engine against the emulator
    /// with stand-ins for Automation's asset cmdlets, as a job would run them: their output objects,
    /// their errors, and what they did to the account and the disk.
    /// </summary>
    public class RunbookTests
    {
        private const string OnCall = "+14155550199";

        /// <summary>Automation's Get-AutomationVariable and Get-AutomationPSCredential, over two tables the test fills.</summary>
        private const string AutomationStandIns = @"
$AutomationVariables = @{}
$AutomationCredentials = @{ Twilio = $EmulatorCredential }
function Get-AutomationVariable {
    param([Parameter(Mandatory)] [string] $Name)
    if (-not $AutomationVariables.ContainsKey($Name)) { throw ""Variable asset '$Name' was not found."" }
    $AutomationVariables[$Name]
}
function Get-AutomationPSCredential {
    param([Parameter(Mandatory)] [string] $Name)
    if (-not $AutomationCredentials.ContainsKey($Name)) { throw ""Credential asset '$Name' was not found."" }
    $AutomationCredentials[$Name]
}";

        private static string RunbookPath(string name) =>
            Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "runbooks", name + ".ps1");

        private static EmulatedSession AutomationSession(Action<EmulatorOptions> configure = null)
        {
            var session = new EmulatedSession(configure: configure);
            session.Run(AutomationStandIns).ThrowIfFailed();
            return session;
        }

        private static PowerShellResult RunRunbook(EmulatedSession session, string name, string arguments = "") =>
            session.Run("& $args[0] -BaseUri $EmulatorUri " + arguments, RunbookPath(name));

        private static void SetVariables(EmulatedSession session, string threshold, string from = "+14155550100") =>
            session.Run("$AutomationVariables['TwilioLowBalanceThreshold'] = $args[0]; $AutomationVariables['TwilioOnCallNumber'] = $args[1]; $AutomationVariables['TwilioAlertFromNumber'] = $args[2]",
                threshold, OnCall, from).ThrowIfFailed();

        private static void UseWrongToken(EmulatedSession session) =>
            session.Run("$AutomationCredentials['Twilio'] = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))",
                session.Emulator.AccountSid, "0123456789abcdef0123456789abcdef").ThrowIfFailed();

        private static object Property(PSObject o, string name) => o.Properties[name]?.Value;

        private static void AssertConnectFailed(PowerShellResult result)
        {
            Assert.NotNull(result.Terminating);
            Assert.Contains("Could not connect to Twilio with the Automation credential 'Twilio'", result.Terminating.Message);
            Assert.Contains("did not accept the credentials", result.Terminating.Message);
            Assert.Empty(result.Output);
        }

        public static IEnumerable<object[]> Runbooks() =>
            new[] { "Send-LowBalanceAlert", "Export-YesterdaysCalls", "Test-NumberEstate" }.Select(n => new object[] { n });

        // ---- every runbook -------------------------------------------------------------------------

        /// <summary>
        /// Jobs that share a process share the session's default connection, so each runbook hands its
        /// own connection to every cmdlet. (Connect-Twilio -PassThru also sets the default, so only
        /// the text can show a cmdlet that forgot it.)
        /// </summary>
        [Theory]
        [MemberData(nameof(Runbooks))]
        public void Runbook_passes_its_connection_to_every_cmdlet_and_never_prompts(string name)
        {
            ScriptBlockAst ast = Parser.ParseFile(RunbookPath(name), out _, out ParseError[] errors);
            Assert.Empty(errors);
            CommandAst[] twilio = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>()
                .Where(c => (c.GetCommandName() ?? "").Contains("-Twilio", StringComparison.OrdinalIgnoreCase))
                .ToArray();
            Assert.Contains(twilio, c => c.GetCommandName() == "Connect-Twilio");
            foreach (CommandAst command in twilio.Where(c => c.GetCommandName() != "Connect-Twilio"))
            {
                var parameters = command.CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName).ToList();
                Assert.True(parameters.Contains("Connection"), $"{name}, line {command.Extent.StartLineNumber}: {command.GetCommandName()} without -Connection.");
                Assert.True(parameters.Contains("ErrorAction"), $"{name}, line {command.Extent.StartLineNumber}: {command.GetCommandName()} without a deliberate -ErrorAction.");
            }
            Assert.NotNull(ast.ParamBlock);
            Assert.NotNull(ast.GetHelpContent()?.Synopsis);
            Assert.Contains(ast.ParamBlock.Parameters, p => p.Name.VariablePath.UserPath == "BaseUri"
                && p.DefaultValue?.Extent.Text == "'https://api.twilio.com'");
            Assert.DoesNotContain(ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>(),
                c => c.GetCommandName() == "Read-Host" || c.GetCommandName() == "Get-Credential");
        }

        // ---- Send-LowBalanceAlert ------------------------------------------------------------------

        [Fact]
        public void Low_balance_texts_the_on_call_number_from_the_configured_number()
        {
            using EmulatedSession s = AutomationSession(o => o.StartingBalance = 3.50m);
            SetVariables(s, "5");

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert");

            result.ThrowIfFailed();
            PSObject outcome = Assert.Single(result.Output);
            Assert.Equal("Alerted", Property(outcome, "Action"));
            Assert.Equal(3.50m, Property(outcome, "Balance"));
            Assert.Equal(5m, Property(outcome, "Threshold"));
            Assert.Equal(OnCall, Property(outcome, "To"));
            PSObject sent = Assert.Single(s.Run("Get-TwilioMessage -To $args[0]", OnCall).Output);
            Assert.Equal(Property(outcome, "MessageSid"), Property(sent, "Sid"));
            Assert.Equal("+14155550100", Property(sent, "From"));
            Assert.Contains("3.50 USD, under the alert threshold of 5", (string)Property(sent, "Body"));
        }

        [Fact]
        public void Balance_at_or_above_the_threshold_sends_nothing()
        {
            using EmulatedSession s = AutomationSession();
            SetVariables(s, "20.00");

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert", "-Verbose");

            result.ThrowIfFailed();
            PSObject outcome = Assert.Single(result.Output);
            Assert.Equal("None", Property(outcome, "Action"));
            Assert.Equal(20.00m, Property(outcome, "Balance"));
            Assert.Null(Property(outcome, "MessageSid"));
            Assert.Contains(result.Verbose, v => v.Contains("no alert"));
            Assert.Empty(s.Run("Get-TwilioMessage -All").Output);
        }

        [Fact]
        public void An_API_key_credential_works_with_the_account_it_belongs_to()
        {
            using EmulatedSession s = AutomationSession(o => o.StartingBalance = 1m);
            SetVariables(s, "5");
            s.Run("$AutomationCredentials['TwilioKey'] = [pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))",
                s.Emulator.ApiKeySid, s.Emulator.ApiKeySecret).ThrowIfFailed();

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert", "-CredentialName TwilioKey -AccountSid " + s.Emulator.AccountSid);

            result.ThrowIfFailed();
            Assert.Equal("Alerted", Property(Assert.Single(result.Output), "Action"));
        }

        [Fact]
        public void A_wrong_auth_token_fails_the_job_with_a_clear_error_and_sends_nothing()
        {
            using EmulatedSession s = AutomationSession(o => o.StartingBalance = 1m);
            SetVariables(s, "5");
            UseWrongToken(s);

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert");

            AssertConnectFailed(result);
            Assert.Empty(s.Emulator.Requests.Where(r => r.Method == "POST"));
        }

        [Fact]
        public void A_threshold_that_is_not_a_number_fails_the_job_before_any_request()
        {
            using EmulatedSession s = AutomationSession(o => o.StartingBalance = 1m);
            SetVariables(s, "twenty");
            long before = s.Emulator.RequestCount;

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert");

            Assert.NotNull(result.Terminating);
            Assert.Contains("'TwilioLowBalanceThreshold' must be a number", result.Terminating.Message);
            Assert.Equal(before, s.Emulator.RequestCount);
        }

        [Fact]
        public void A_send_that_Twilio_refuses_fails_the_job()
        {
            using EmulatedSession s = AutomationSession(o => o.StartingBalance = 1m);
            SetVariables(s, "5", from: "+19995550100");     // not a number of the account: 21606

            PowerShellResult result = RunRunbook(s, "Send-LowBalanceAlert");

            Assert.NotNull(result.Terminating);
            Assert.Contains("21606", result.Terminating.Message);
            Assert.Empty(result.Output);
        }

        // ---- Export-YesterdaysCalls ----------------------------------------------------------------

        /// <summary>
        /// On the emulator's clock: a recorded call the day before yesterday, two recorded calls and one
        /// unrecorded call yesterday (all finished by 10:30 UTC), then the clock at now and a call today.
        /// </summary>
        private static (EmulatedSession Session, string[] Recorded, string Unrecorded, string DayBefore) SessionWithCallsOfYesterday(DateTime yesterday)
        {
            var clock = new ManualClock(new DateTimeOffset(yesterday.AddDays(-1).AddHours(10), TimeSpan.Zero));
            EmulatedSession s = AutomationSession(o => o.Clock = clock);
            const string place = "New-TwilioCall -To $args[0] -From '+14155550100' -Twiml '<Response><Say>Hi</Say><Pause length=\"20\"/></Response>'";
            string Place(string to, bool record) => (string)s.Run(place + (record ? " -Record" : "") + " | ForEach-Object Sid", to).Output.Single().BaseObject;
            string dayBefore = Place("+14155550101", true);
            clock.Set(new DateTimeOffset(yesterday.AddHours(10), TimeSpan.Zero));
            string[] recorded = { Place("+14155550102", true), Place("+14155550103", true) };
            string unrecorded = Place("+14155550104", false);
            clock.Set(new DateTimeOffset(yesterday.AddHours(10).AddMinutes(30), TimeSpan.Zero));
            clock.Set(DateTimeOffset.UtcNow);
            Place("+14155550105", false);
            return (s, recorded, unrecorded, dayBefore);
        }

        private static string[] RecordingSids(EmulatedSession s, string[] calls) =>
            s.Run("$args | ForEach-Object { Get-TwilioRecording -CallSid $_ } | ForEach-Object Sid", calls.Cast<object>().ToArray()).Output.Select(o => (string)o.BaseObject).ToArray();

        private static string TempFolder() => Path.Combine(Path.GetTempPath(), "twilio-ps-export-" + Guid.NewGuid().ToString("N"));

        [Fact]
        public void Yesterdays_calls_go_to_a_CSV_and_their_recordings_to_files()
        {
            DateTime yesterday = DateTime.UtcNow.Date.AddDays(-1);
            var (s, recorded, unrecorded, dayBefore) = SessionWithCallsOfYesterday(yesterday);
            string folder = TempFolder();
            try
            {
                PowerShellResult result = RunRunbook(s, "Export-YesterdaysCalls", $"-Path '{folder}'");

                result.ThrowIfFailed();
                string day = yesterday.ToString("yyyy-MM-dd");
                PSObject outcome = Assert.Single(result.Output);
                Assert.Equal(day, Property(outcome, "Day"));
                Assert.Equal(3, Property(outcome, "Calls"));
                Assert.Equal(2, Property(outcome, "Recordings"));
                Assert.Equal(0, Property(outcome, "RecordingFailures"));
                Assert.Equal("Not requested", Property(outcome, "Uploaded"));

                string csv = Path.Combine(folder, $"calls-{day}.csv");
                Assert.Equal(csv, Property(outcome, "CsvPath")?.ToString());
                string[] lines = File.ReadAllLines(csv);
                Assert.StartsWith("\"Sid\",\"ParentCallSid\",\"Direction\",\"From\",\"To\",\"Status\"", lines[0].TrimStart('\uFEFF'));
                Assert.Equal(4, lines.Length);
                foreach (string sid in recorded.Append(unrecorded)) Assert.Contains(lines, l => l.StartsWith($"\"{sid}\"") && l.Contains("\"completed\""));
                Assert.DoesNotContain(lines, l => l.Contains(dayBefore));

                string[] audio = Directory.GetFiles(Path.Combine(folder, $"recordings-{day}"));
                Assert.Equal(RecordingSids(s, recorded).Select(r => r + ".mp3").OrderBy(n => n), audio.Select(Path.GetFileName).OrderBy(n => n));
                Assert.All(audio, f => Assert.True(new FileInfo(f).Length > 0, f));
            }
            finally
            {
                s.Dispose();
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void A_recording_that_fails_to_download_is_an_error_and_the_others_are_saved()
        {
            DateTime yesterday = DateTime.UtcNow.Date.AddDays(-1);
            var (s, recorded, _, _) = SessionWithCallsOfYesterday(yesterday);
            string[] recordings = RecordingSids(s, recorded);
            s.Emulator.Interceptor = new Refuse(r => r.Method == "GET" && r.Path.Contains(recordings[0] + "."));
            string folder = TempFolder();
            try
            {
                PowerShellResult result = RunRunbook(s, "Export-YesterdaysCalls", $"-Path '{folder}' -Format wav");

                Assert.Null(result.Terminating);
                ErrorRecord error = Assert.Single(result.Errors);
                Assert.Contains(recordings[0], error.TargetObject?.ToString() + error);
                PSObject outcome = Assert.Single(result.Output);
                Assert.Equal(3, Property(outcome, "Calls"));
                Assert.Equal(1, Property(outcome, "Recordings"));
                Assert.Equal(1, Property(outcome, "RecordingFailures"));
                string[] audio = Directory.GetFiles(Path.Combine(folder, "recordings-" + yesterday.ToString("yyyy-MM-dd")));
                Assert.Equal(new[] { recordings[1] + ".wav" }, audio.Select(Path.GetFileName));
            }
            finally
            {
                s.Dispose();
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void Export_with_a_wrong_auth_token_fails_the_job_and_writes_nothing()
        {
            using EmulatedSession s = AutomationSession();
            UseWrongToken(s);
            string folder = TempFolder();

            PowerShellResult result = RunRunbook(s, "Export-YesterdaysCalls", $"-Path '{folder}'");

            AssertConnectFailed(result);
            Assert.False(Directory.Exists(folder));
        }

        [Fact]
        public void A_day_without_calls_gets_a_header_only_CSV_and_the_upload_is_skipped_where_Az_Storage_is_absent()
        {
            using EmulatedSession s = AutomationSession();
            string folder = TempFolder();
            try
            {
                PowerShellResult result = RunRunbook(s, "Export-YesterdaysCalls", $"-Path '{folder}' -StorageAccountName contoso -ContainerName twilio");

                result.ThrowIfFailed();
                PSObject outcome = Assert.Single(result.Output);
                Assert.Equal(0, Property(outcome, "Calls"));
                Assert.Equal("Skipped: Az.Storage is not available", Property(outcome, "Uploaded"));
                string csv = Property(outcome, "CsvPath").ToString();
                Assert.Equal("\"Sid\",\"ParentCallSid\",\"Direction\",\"From\",\"To\",\"Status\",\"StartTime\",\"EndTime\",\"Duration\",\"Price\",\"PriceUnit\",\"AnsweredBy\",\"PhoneNumberSid\"",
                    Assert.Single(File.ReadAllLines(csv)).TrimStart('\uFEFF'));
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        }

        // ---- Test-NumberEstate ---------------------------------------------------------------------

        /// <summary>
        /// A main account with a healthy number; 'EU operations' with one healthy number, one answered by
        /// nothing, one on a deleted voice application and one on a deleted SMS application; 'US support'
        /// suspended with a number; 'Old brand' closed. Returns the SIDs of the broken numbers by problem.
        /// </summary>
        private static Dictionary<string, string> BrokenEstate(EmulatedSession s)
        {
            PowerShellResult setup = s.Run(@"
New-TwilioIncomingPhoneNumber -AreaCode 212 -VoiceUrl 'https://example.com/head-office.xml' -Force | Out-Null
$eu = New-TwilioAccount 'EU operations' -Confirm:$false
$ivr = New-TwilioApplication 'EU IVR' -VoiceUrl 'https://example.com/ivr.xml' -AccountSid $eu.Sid -Confirm:$false
$old = New-TwilioApplication 'Old IVR' -VoiceUrl 'https://example.com/old.xml' -AccountSid $eu.Sid -Confirm:$false
New-TwilioIncomingPhoneNumber -AreaCode 415 -VoiceApplicationSid $ivr.Sid -AccountSid $eu.Sid -Force | Out-Null
$silent = New-TwilioIncomingPhoneNumber -AreaCode 415 -AccountSid $eu.Sid -Force
$orphan = New-TwilioIncomingPhoneNumber -AreaCode 415 -VoiceApplicationSid $old.Sid -AccountSid $eu.Sid -Force
$old | Remove-TwilioApplication -Force
$texts = New-TwilioApplication 'Old SMS bot' -SmsUrl 'https://example.com/sms.xml' -AccountSid $eu.Sid -Confirm:$false
$smsOrphan = New-TwilioIncomingPhoneNumber -AreaCode 415 -VoiceUrl 'https://example.com/voice.xml' -SmsApplicationSid $texts.Sid -AccountSid $eu.Sid -Force
$texts | Remove-TwilioApplication -Force
$us = New-TwilioAccount 'US support' -Confirm:$false
New-TwilioIncomingPhoneNumber -AreaCode 212 -VoiceUrl 'https://example.com/us.xml' -AccountSid $us.Sid -Force | Out-Null
Set-TwilioAccount -AccountSid $us.Sid -Status suspended -Force | Out-Null
$closed = New-TwilioAccount 'Old brand' -Confirm:$false
Set-TwilioAccount -AccountSid $closed.Sid -Status closed -Force | Out-Null
@{ NoVoiceHandler = $silent.Sid; Deleted = $orphan.Sid; SmsOrphan = $smsOrphan.Sid; SmsApplication = $texts.Sid; Suspended = $us.Sid; Eu = $eu.Sid }");
            setup.ThrowIfFailed();
            var table = (System.Collections.Hashtable)setup.Output.Single().BaseObject;
            return table.Keys.Cast<string>().ToDictionary(k => k, k => (string)table[k]);
        }

        [Fact]
        public void The_audit_reports_each_broken_number_and_the_suspended_subaccount()
        {
            using EmulatedSession s = AutomationSession();
            Dictionary<string, string> broken = BrokenEstate(s);

            PowerShellResult result = RunRunbook(s, "Test-NumberEstate");

            Assert.Null(result.Terminating);
            var findings = result.Output.Select(o => (Finding: (string)Property(o, "Finding"), Number: (string)Property(o, "IncomingPhoneNumberSid"),
                Account: (string)Property(o, "AccountSid"), Detail: (string)Property(o, "Detail"))).ToList();
            Assert.Equal(4, findings.Count);
            Assert.Contains(findings, f => f.Finding == "NoVoiceHandler" && f.Number == broken["NoVoiceHandler"] && f.Account == broken["Eu"]);
            Assert.Contains(findings, f => f.Finding == "MissingApplication" && f.Number == broken["Deleted"]);
            Assert.Contains(findings, f => f.Finding == "MissingApplication" && f.Number == broken["SmsOrphan"] && f.Detail == $"SMS application {broken["SmsApplication"]} does not exist in the account.");
            Assert.Contains(findings, f => f.Finding == "SuspendedAccount" && f.Account == broken["Suspended"]);
            Assert.Equal("EU operations", Property(result.Output.First(o => (string)Property(o, "Finding") == "NoVoiceHandler"), "Account"));

            ErrorRecord summary = Assert.Single(result.Errors);
            Assert.Equal("NumberAuditFindings", summary.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("Number audit of 4 accounts: 4 findings (2 MissingApplication, 1 NoVoiceHandler, 1 SuspendedAccount).", summary.ToString());
        }

        [Fact]
        public void A_healthy_estate_has_no_findings_and_no_errors()
        {
            using EmulatedSession s = AutomationSession();
            s.Run(@"
$eu = New-TwilioAccount 'EU operations' -Confirm:$false
$ivr = New-TwilioApplication 'EU IVR' -VoiceUrl 'https://example.com/ivr.xml' -AccountSid $eu.Sid -Confirm:$false
New-TwilioIncomingPhoneNumber -AreaCode 415 -VoiceApplicationSid $ivr.Sid -SmsApplicationSid $ivr.Sid -AccountSid $eu.Sid -Force | Out-Null
New-TwilioIncomingPhoneNumber -AreaCode 212 -VoiceUrl 'https://example.com/head-office.xml' -Force | Out-Null").ThrowIfFailed();

            PowerShellResult result = RunRunbook(s, "Test-NumberEstate", "-Verbose");

            result.ThrowIfFailed();
            Assert.Empty(result.Output);
            Assert.Contains("Number audit of 2 accounts: 0 findings.", result.Verbose);
        }

        [Fact]
        public void An_account_that_cannot_be_read_is_an_error_and_the_others_are_still_audited()
        {
            using EmulatedSession s = AutomationSession();
            Dictionary<string, string> broken = BrokenEstate(s);
            s.Emulator.Interceptor = new Refuse(r => r.Method == "GET" && r.Path == $"/2010-04-01/Accounts/{broken["Eu"]}/IncomingPhoneNumbers.json");

            PowerShellResult result = RunRunbook(s, "Test-NumberEstate");

            Assert.Null(result.Terminating);
            Assert.Equal(new[] { "SuspendedAccount" }, result.Output.Select(o => (string)Property(o, "Finding")));
            Assert.Equal(new[] { "NumberListFailed", "NumberAuditFindings", "NumberAuditIncomplete" },
                result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(broken["Eu"], result.Errors[0].TargetObject);
            Assert.Contains("Could not list the numbers of EU operations", result.Errors[0].ToString());
        }

        [Fact]
        public void The_audit_with_a_wrong_auth_token_fails_the_job()
        {
            using EmulatedSession s = AutomationSession();
            UseWrongToken(s);

            AssertConnectFailed(RunRunbook(s, "Test-NumberEstate"));
        }

        /// <summary>Refuses matching requests with 403 (not retried), as a permission or policy would.</summary>
        private sealed class Refuse : IRequestInterceptor
        {
            private readonly Func<EmulatorRequest, bool> _when;
            public Refuse(Func<EmulatorRequest, bool> when) { _when = when; }
            public EmulatorFault Intercept(EmulatorRequest request) =>
                _when(request) ? new EmulatorFault { Status = 403, Code = 20403, Message = "Forbidden", Kind = "403" } : null;
        }
    }
}
