using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TwilioPS.Cmdlets;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// What every cmdlet of a kind promises, as theories over all of them: -WhatIf sends nothing, a
    /// missing resource is one ErrorRecord (Twilio20404) carrying the input, -AccountSid acts for the
    /// subaccount, and lists page exactly. Each theory also checks that its table names every cmdlet
    /// of its kind, so a new cmdlet cannot be added without being held to the same promises.
    /// </summary>
    public class CmdletContractTests
    {
        private const string Call = "CA0123456789abcdef0123456789abcdef";
        private const string Recording = "RE0123456789abcdef0123456789abcdef";
        private const string Transcription = "TR0123456789abcdef0123456789abcdef";
        private const string Notification = "NO0123456789abcdef0123456789abcdef";
        private const string Conference = "CF0123456789abcdef0123456789abcdef";
        private const string Queue = "QU0123456789abcdef0123456789abcdef";
        private const string Message = "SM0123456789abcdef0123456789abcdef";
        private const string Media = "ME0123456789abcdef0123456789abcdef";
        private const string Trigger = "UT0123456789abcdef0123456789abcdef";
        private const string Number = "PN0123456789abcdef0123456789abcdef";

        private static IEnumerable<Type> CmdletTypes() =>
            typeof(TwilioCmdlet).Assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null);

        private static string NameOf(Type cmdlet)
        {
            CmdletAttribute attribute = cmdlet.GetCustomAttribute<CmdletAttribute>();
            return attribute.VerbName + "-" + attribute.NounName;
        }

        // ---- -WhatIf -------------------------------------------------------------------------------

        /// <summary>Every state-changing cmdlet, with arguments that would change something.</summary>
        public static IEnumerable<object[]> Changes() => new[]
        {
            new object[] { "New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v'" },
            new object[] { $"Set-TwilioCall {Call} -Status completed" },
            new object[] { $"Remove-TwilioCall {Call} -Force" },
            new object[] { $"Start-TwilioRecording {Call}" },
            new object[] { $"Set-TwilioRecording {Recording} -CallSid {Call} -Status paused" },
            new object[] { $"Save-TwilioRecording {Recording} -Path ([System.IO.Path]::GetTempPath())" },
            new object[] { $"Remove-TwilioRecording {Recording} -Force" },
            new object[] { $"Save-TwilioTranscription {Transcription} -Path ([System.IO.Path]::GetTempPath())" },
            new object[] { $"Remove-TwilioTranscription {Transcription} -Force" },
            new object[] { $"Set-TwilioConference {Conference} -Status completed" },
            new object[] { $"Add-TwilioConferenceParticipant {Conference} '+14155550101' '+14155550100'" },
            new object[] { $"Set-TwilioConferenceParticipant {Conference} {Call} -Muted" },
            new object[] { $"Remove-TwilioConferenceParticipant {Conference} {Call} -Force" },
            new object[] { "New-TwilioQueue support" },
            new object[] { $"Set-TwilioQueue {Queue} -MaxSize 10" },
            new object[] { $"Remove-TwilioQueue {Queue} -Force" },
            new object[] { $"Pop-TwilioQueueMember {Queue} -Url 'https://example.com/agent'" },
            new object[] { "Send-TwilioMessage '+14155550101' '+14155550100' 'Hello'" },
            new object[] { $"Set-TwilioMessage {Message} -Redact" },
            new object[] { $"Remove-TwilioMessage {Message} -Force" },
            new object[] { $"Save-TwilioMessageMedia {Media} -MessageSid {Message} -ContentType image/png -Path ([System.IO.Path]::GetTempPath())" },
            new object[] { $"Remove-TwilioMessageMedia {Media} -MessageSid {Message} -Force" },
            new object[] { $"Send-TwilioMessageFeedback {Message}" },
            new object[] { "Invoke-TwilioApi Queues.json -Method POST -Form @{ FriendlyName = 'support' }" },
            new object[] { "New-TwilioAccount 'EU'" },
            new object[] { "Set-TwilioAccount -Status closed -Force" },
            new object[] { "New-TwilioApplication 'IVR' -VoiceUrl 'https://example.com/ivr'" },
            new object[] { "Set-TwilioApplication AP0123456789abcdef0123456789abcdef -VoiceUrl 'https://example.com/ivr'" },
            new object[] { "Remove-TwilioApplication AP0123456789abcdef0123456789abcdef -Force" },
            new object[] { "New-TwilioUsageTrigger totalprice 100 'https://example.com/spend' -TriggerBy price" },
            new object[] { $"Set-TwilioUsageTrigger {Trigger} -FriendlyName 'Spend alert'" },
            new object[] { $"Remove-TwilioUsageTrigger {Trigger} -Force" },
            new object[] { "New-TwilioOutgoingCallerId '+14155550123' 'Front desk'" },
            new object[] { "Set-TwilioOutgoingCallerId PN0123456789abcdef0123456789abcdef 'Night shift'" },
            new object[] { "Remove-TwilioOutgoingCallerId PN0123456789abcdef0123456789abcdef -Force" },
            new object[] { "New-TwilioApiKey 'runbook'" },
            new object[] { "Set-TwilioApiKey SK0123456789abcdef0123456789abcdef 'runbook (old)'" },
            new object[] { "Remove-TwilioApiKey SK0123456789abcdef0123456789abcdef -Force" },
            new object[] { "New-TwilioIncomingPhoneNumber -AreaCode 415 -Force" },
            new object[] { $"Set-TwilioIncomingPhoneNumber {Number} -VoiceUrl 'https://example.com/voice.xml'" },
            new object[] { $"Remove-TwilioIncomingPhoneNumber {Number} -Force" },
        };

        [Fact]
        public void The_WhatIf_table_names_every_state_changing_cmdlet()
        {
            var covered = Changes().Select(row => ((string)row[0]).Split(' ')[0]).ToHashSet();
            var changing = CmdletTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>().SupportsShouldProcess
                                                     && typeof(TwilioConnectedCmdlet).IsAssignableFrom(t)).Select(NameOf);
            Assert.Empty(changing.Where(name => !covered.Contains(name)));
        }

        [Theory]
        [MemberData(nameof(Changes))]
        public void WhatIf_sends_nothing_and_says_what_it_would_do(string command)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(command + " -WhatIf 6>&1 | Out-String");
            r.ThrowIfFailed();
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        // ---- 404 ------------------------------------------------------------------------------------

        /// <summary>Every cmdlet that addresses one resource, pointed at one that does not exist, and the input it must report.</summary>
        public static IEnumerable<object[]> Missing() => new[]
        {
            new object[] { $"Get-TwilioCall {Call}", Call },
            new object[] { $"Set-TwilioCall {Call} -Status completed", Call },
            new object[] { $"Remove-TwilioCall {Call} -Force", Call },
            new object[] { $"Get-TwilioCallEvent {Call}", Call },
            new object[] { $"Start-TwilioRecording {Call}", Call },
            new object[] { $"Get-TwilioRecording {Recording}", Recording },
            new object[] { $"Set-TwilioRecording {Recording} -CallSid {Call} -Status paused", Recording },
            new object[] { $"Save-TwilioRecording {Recording} -Path ([System.IO.Path]::GetTempPath())", Recording },
            new object[] { $"Remove-TwilioRecording {Recording} -Force", Recording },
            new object[] { $"Get-TwilioTranscription {Transcription}", Transcription },
            new object[] { $"Save-TwilioTranscription {Transcription} -Path ([System.IO.Path]::GetTempPath())", Transcription },
            new object[] { $"Remove-TwilioTranscription {Transcription} -Force", Transcription },
            new object[] { $"Get-TwilioNotification {Notification}", Notification },
            new object[] { $"Get-TwilioConference {Conference}", Conference },
            new object[] { $"Set-TwilioConference {Conference} -Status completed", Conference },
            new object[] { $"Get-TwilioConferenceParticipant {Conference} {Call}", Call },
            new object[] { $"Set-TwilioConferenceParticipant {Conference} {Call} -Muted", Call },
            new object[] { $"Remove-TwilioConferenceParticipant {Conference} {Call} -Force", Call },
            new object[] { $"Add-TwilioConferenceParticipant {Conference} '+14155550101' '+14155550100'", "+14155550101" },
            new object[] { $"Get-TwilioQueue {Queue}", Queue },
            new object[] { $"Set-TwilioQueue {Queue} -MaxSize 10", Queue },
            new object[] { $"Remove-TwilioQueue {Queue} -Force", Queue },
            new object[] { $"Get-TwilioQueueMember {Queue} {Call}", Call },
            new object[] { $"Pop-TwilioQueueMember {Queue} -CallSid {Call} -Url 'https://example.com/agent'", Call },
            new object[] { $"Get-TwilioMessage {Message}", Message },
            new object[] { $"Set-TwilioMessage {Message} -Redact", Message },
            new object[] { $"Remove-TwilioMessage {Message} -Force", Message },
            new object[] { $"Get-TwilioMessageMedia {Message} {Media}", Media },
            new object[] { $"Save-TwilioMessageMedia {Media} -MessageSid {Message} -Path ([System.IO.Path]::GetTempPath())", Media },
            new object[] { $"Remove-TwilioMessageMedia {Media} -MessageSid {Message} -Force", Media },
            new object[] { $"Send-TwilioMessageFeedback {Message}", Message },
            new object[] { "Get-TwilioApplication AP0123456789abcdef0123456789abcdef", "AP0123456789abcdef0123456789abcdef" },
            new object[] { "Set-TwilioApplication AP0123456789abcdef0123456789abcdef -VoiceUrl 'https://example.com/ivr'", "AP0123456789abcdef0123456789abcdef" },
            new object[] { "Remove-TwilioApplication AP0123456789abcdef0123456789abcdef -Force", "AP0123456789abcdef0123456789abcdef" },
            new object[] { $"Get-TwilioUsageTrigger {Trigger}", Trigger },
            new object[] { $"Set-TwilioUsageTrigger {Trigger} -CallbackMethod GET", Trigger },
            new object[] { $"Remove-TwilioUsageTrigger {Trigger} -Force", Trigger },
            new object[] { "Get-TwilioOutgoingCallerId PN0123456789abcdef0123456789abcdef", "PN0123456789abcdef0123456789abcdef" },
            new object[] { "Set-TwilioOutgoingCallerId PN0123456789abcdef0123456789abcdef 'Night shift'", "PN0123456789abcdef0123456789abcdef" },
            new object[] { "Remove-TwilioOutgoingCallerId PN0123456789abcdef0123456789abcdef -Force", "PN0123456789abcdef0123456789abcdef" },
            new object[] { "Get-TwilioApiKey SK0123456789abcdef0123456789abcdef", "SK0123456789abcdef0123456789abcdef" },
            new object[] { "Set-TwilioApiKey SK0123456789abcdef0123456789abcdef 'runbook (old)'", "SK0123456789abcdef0123456789abcdef" },
            new object[] { "Remove-TwilioApiKey SK0123456789abcdef0123456789abcdef -Force", "SK0123456789abcdef0123456789abcdef" },
            new object[] { $"Get-TwilioIncomingPhoneNumber {Number}", Number },
            new object[] { $"Set-TwilioIncomingPhoneNumber {Number} -VoiceUrl 'https://example.com/voice.xml'", Number },
            new object[] { $"Remove-TwilioIncomingPhoneNumber {Number} -Force", Number },
        };

        [Fact]
        public void The_404_table_names_every_cmdlet_that_addresses_a_resource()
        {
            var covered = Missing().Select(row => ((string)row[0]).Split(' ')[0]).ToHashSet();
            var addressing = CmdletTypes().Where(t => typeof(TwilioConnectedCmdlet).IsAssignableFrom(t)
                    // Creating cmdlets address no existing resource (Send-TwilioMessage's -MessagingServiceSid is a sender).
                    && !NameOf(t).StartsWith("New-", StringComparison.Ordinal) && NameOf(t) != "Send-TwilioMessage"
                    && t.GetProperties().Any(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.Mandatory) && p.Name.EndsWith("Sid", StringComparison.Ordinal)))
                .Select(NameOf);
            Assert.Empty(addressing.Where(name => !covered.Contains(name)));
        }

        [Theory]
        [MemberData(nameof(Missing))]
        public void A_missing_resource_is_one_error_record_carrying_the_input(string command, string target)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(command);
            Assert.Null(r.Terminating);
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.StartsWith("Twilio20404,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(target, error.TargetObject);
            Assert.Empty(r.Output);
        }

        // ---- -AccountSid and paging over every list ------------------------------------------------

        /// <summary>Every list, the path it reads (under the account) and how to fill it with records.</summary>
        public static IEnumerable<object[]> Lists() => new[]
        {
            new object[] { "Get-TwilioCall", "/Calls.json" },
            new object[] { "Get-TwilioRecording", "/Recordings.json" },
            new object[] { $"Get-TwilioRecording -CallSid {Call}", $"/Calls/{Call}/Recordings.json" },
            new object[] { $"Get-TwilioRecording -ConferenceSid {Conference}", $"/Conferences/{Conference}/Recordings.json" },
            new object[] { "Get-TwilioTranscription", "/Transcriptions.json" },
            new object[] { $"Get-TwilioTranscription -RecordingSid {Recording}", $"/Recordings/{Recording}/Transcriptions.json" },
            new object[] { "Get-TwilioNotification", "/Notifications.json" },
            new object[] { $"Get-TwilioNotification -CallSid {Call}", $"/Calls/{Call}/Notifications.json" },
            new object[] { $"Get-TwilioCallEvent {Call}", $"/Calls/{Call}/Events.json" },
            new object[] { "Get-TwilioConference", "/Conferences.json" },
            new object[] { $"Get-TwilioConferenceParticipant {Conference}", $"/Conferences/{Conference}/Participants.json" },
            new object[] { "Get-TwilioQueue", "/Queues.json" },
            new object[] { $"Get-TwilioQueueMember {Queue}", $"/Queues/{Queue}/Members.json" },
            new object[] { "Get-TwilioMessage", "/Messages.json" },
            new object[] { $"Get-TwilioMessageMedia {Message}", $"/Messages/{Message}/Media.json" },
            // Accounts are listed above the account scope: -AccountSid names the account to fetch.
            new object[] { "Get-TwilioAccount", ".json" },
            new object[] { "Get-TwilioApplication", "/Applications.json" },
            new object[] { "Get-TwilioUsageRecord", "/Usage/Records.json" },
            new object[] { "Get-TwilioUsageRecord ThisMonth", "/Usage/Records/ThisMonth.json" },
            new object[] { "Get-TwilioUsageTrigger", "/Usage/Triggers.json" },
            new object[] { "Get-TwilioOutgoingCallerId", "/OutgoingCallerIds.json" },
            new object[] { "Get-TwilioApiKey", "/Keys.json" },
            new object[] { "Get-TwilioAvailablePhoneNumber", "/AvailablePhoneNumbers/US/Local.json" },
            new object[] { "Get-TwilioIncomingPhoneNumber", "/IncomingPhoneNumbers.json" },
            new object[] { "Get-TwilioIncomingPhoneNumber -Type TollFree", "/IncomingPhoneNumbers/TollFree.json" },
        };

        [Fact]
        public void The_list_table_names_every_list_cmdlet()
        {
            var covered = Lists().Select(row => ((string)row[0]).Split(' ')[0]).ToHashSet();
            var lists = CmdletTypes().Where(t => t.BaseType.IsGenericType && t.BaseType.GetGenericTypeDefinition() == typeof(TwilioListCmdlet<>)).Select(NameOf);
            Assert.Empty(lists.Where(name => !covered.Contains(name)));
        }

        [Theory]
        [MemberData(nameof(Lists))]
        public void A_list_acts_for_the_subaccount_given(string command, string path)
        {
            using var s = new EmulatedSession();
            string sub = s.Emulator.CreateSubaccount("EU");
            s.Emulator.ClearRequests();
            s.Run(command + " -AccountSid $args[0]", sub);
            Assert.Contains(s.Emulator.Requests, q => q.Method == "GET" && q.Path == "/2010-04-01/Accounts/" + sub + path);
        }

        [Theory]
        [InlineData("Get-TwilioCall", "calls")]
        [InlineData("Get-TwilioRecording", "recordings")]
        [InlineData("Get-TwilioTranscription", "transcriptions")]
        [InlineData("Get-TwilioMessage", "messages")]
        public void A_list_pages_exactly_with_First_and_All(string command, string seeded)
        {
            using var s = new EmulatedSession();
            if (seeded == "calls") s.Emulator.SeedCalls(130);
            else if (seeded == "messages") s.Emulator.SeedMessages(130);
            else s.Emulator.SeedRecordings(130, transcribed: true);
            s.Emulator.ClearRequests();

            PowerShellResult first = s.Run(command + " -First 75 -PageSize 50");
            first.ThrowIfFailed();
            Assert.Equal(75, first.Output.Count);
            Assert.Equal(75, first.Output.Select(o => o.Properties["Sid"].Value).Distinct().Count());

            PowerShellResult all = s.Run(command + " -All -PageSize 50");
            all.ThrowIfFailed();
            Assert.Equal(130, all.Output.Count);
            Assert.Equal(130, all.Output.Select(o => o.Properties["Sid"].Value).Distinct().Count());

            PowerShellResult page = s.Run(command);
            Assert.Equal(50, page.Output.Count);
            Assert.Contains(page.Verbose.Concat(s.Run(command + " -Verbose").Verbose), v => v.Contains("-All"));
        }
    }
}
