using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TwilioPS.Emulator;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// Every natural pipe between families, through the real binder against the emulator: the objects
    /// one cmdlet writes bind to the next by the convention of TwilioConnectedCmdlet (identity
    /// parameters named after their resource, parents by their own name or by type), and the next
    /// cmdlet sends exactly the request the pipe means. One row per pipe; a family that lands adds its rows.
    /// </summary>
    public class PipelineConventionTests
    {
        /// <summary>
        /// A session with one finished call that was recorded ($done, $recording) and one call in
        /// progress ($live), on a manual clock.
        /// </summary>
        private sealed class Fixture : IDisposable
        {
            public Fixture()
            {
                Clock = new ManualClock(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero));
                Session = new EmulatedSession(configure: o =>
                {
                    o.Clock = Clock;
                    o.RingDelay = TimeSpan.FromSeconds(1);
                    o.AnswerDelay = TimeSpan.FromSeconds(1);
                    o.CallDuration = TimeSpan.FromSeconds(30);
                }, connectArguments: "-CallsPerSecond 100");
                Done = Session.Run("(New-TwilioCall -To '+14155550101' -From '+14155550100' -Twiml '<Response><Pause length=\"30\"/></Response>' -Record).Sid").Output.Single().ToString();
                Clock.Advance(TimeSpan.FromMinutes(5));
                Live = Session.Run("(New-TwilioCall -To '+14155550102' -From '+14155550100' -Twiml '<Response><Pause length=\"30\"/></Response>').Sid").Output.Single().ToString();
                InConference = Session.Run("(New-TwilioCall -To '+14155550103' -From '+14155550100' -Twiml '<Response><Dial><Conference>Standup</Conference></Dial></Response>').Sid").Output.Single().ToString();
                InQueue = Session.Run("(New-TwilioCall -To '+14155550104' -From '+14155550100' -Twiml '<Response><Enqueue>support</Enqueue></Response>').Sid").Output.Single().ToString();
                Clock.Advance(TimeSpan.FromSeconds(5));
                Message = Session.Run("(Send-TwilioMessage -To '+14155550106' -From '+14155550100' -Body 'receipt' -MediaUrl 'https://example.com/receipt.png').Sid").Output.Single().ToString();
                Clock.Advance(TimeSpan.FromSeconds(6));   // the message is delivered; the calls (30 s) go on
                Conference = Session.Run("(Get-TwilioConference -FriendlyName Standup).Sid").Output.Single().ToString();
                Queue = Session.Run("(Get-TwilioQueue -FriendlyName support).Sid").Output.Single().ToString();
                Recording = Session.Run("(Get-TwilioRecording -CallSid $args[0]).Sid", Done).Output.Single().ToString();
                Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twilio-ps-pipes-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Folder);
                Session.PowerShell.SetVariable("done", Done);
                Session.PowerShell.SetVariable("live", Live);
                Session.PowerShell.SetVariable("recording", Recording);
                Session.PowerShell.SetVariable("folder", Folder);
                Session.PowerShell.SetVariable("conference", Conference);
                Session.PowerShell.SetVariable("queue", Queue);
                Session.PowerShell.SetVariable("message", Message);
            }

            public ManualClock Clock { get; }
            public EmulatedSession Session { get; }
            public string Done { get; }
            public string Live { get; }
            public string Recording { get; }
            public string Folder { get; }
            public string InConference { get; }
            public string InQueue { get; }
            public string Conference { get; }
            public string Queue { get; }
            public string Message { get; }

            public string Path(string tail) => "/2010-04-01/Accounts/" + Session.Emulator.AccountSid + tail
                .Replace("{done}", Done).Replace("{live}", Live).Replace("{recording}", Recording)
                .Replace("{conference}", Conference).Replace("{inConference}", InConference).Replace("{queue}", Queue).Replace("{inQueue}", InQueue)
                .Replace("{message}", Message);

            public void Dispose()
            {
                Session.Dispose();
                try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
            }
        }

        /// <summary>(the pipe, the request its last cmdlet must send).</summary>
        public static IEnumerable<object[]> Pipes() => new[]
        {
            new object[] { "Get-TwilioCall -CallSid $done | Get-TwilioCall", "GET /Calls/{done}.json" },
            new object[] { "Get-TwilioCall -CallSid $live | Set-TwilioCall -Status completed", "POST /Calls/{live}.json" },
            new object[] { "Get-TwilioCall -CallSid $done | Get-TwilioRecording", "GET /Calls/{done}/Recordings.json" },
            new object[] { "Get-TwilioRecording -RecordingSid $recording | Get-TwilioCall", "GET /Calls/{done}.json" },
            new object[] { "Get-TwilioRecording -RecordingSid $recording | Get-TwilioRecording", "GET /Recordings/{recording}.json" },
            new object[] { "Get-TwilioRecording -RecordingSid $recording | Save-TwilioRecording -Path $folder", "GET /Recordings/{recording}.wav" },
            new object[] { "Get-TwilioRecording -RecordingSid $recording | Remove-TwilioRecording -Force", "DELETE /Recordings/{recording}.json" },
            new object[] { "Get-TwilioRecording -RecordingSid $recording | Get-TwilioTranscription", "GET /Recordings/{recording}/Transcriptions.json" },
            new object[] { "Get-TwilioCall -CallSid $live | Start-TwilioRecording", "POST /Calls/{live}/Recordings.json" },
            new object[] { "Get-TwilioCall -CallSid $done | Get-TwilioNotification", "GET /Calls/{done}/Notifications.json" },
            new object[] { "Get-TwilioCall -CallSid $done | Get-TwilioCallEvent", "GET /Calls/{done}/Events.json" },
            new object[] { "Get-TwilioConference -ConferenceSid $conference | Get-TwilioConferenceParticipant", "GET /Conferences/{conference}/Participants.json" },
            new object[] { "Get-TwilioConferenceParticipant $conference | Set-TwilioConferenceParticipant -Muted", "POST /Conferences/{conference}/Participants/{inConference}.json" },
            new object[] { "Get-TwilioConferenceParticipant $conference | Get-TwilioCall", "GET /Calls/{inConference}.json" },
            new object[] { "Get-TwilioConferenceParticipant $conference | Get-TwilioConference", "GET /Conferences/{conference}.json" },
            new object[] { "Get-TwilioConference $conference | Add-TwilioConferenceParticipant -To '+14155550105' -From '+14155550100'", "POST /Conferences/{conference}/Participants.json" },
            new object[] { "Get-TwilioConferenceParticipant $conference | Remove-TwilioConferenceParticipant -Force", "DELETE /Conferences/{conference}/Participants/{inConference}.json" },
            new object[] { "Get-TwilioQueue -QueueSid $queue | Get-TwilioQueueMember", "GET /Queues/{queue}/Members.json" },
            new object[] { "Get-TwilioQueueMember $queue | Pop-TwilioQueueMember -Url 'https://example.com/agent'", "POST /Queues/{queue}/Members/{inQueue}.json" },
            new object[] { "Get-TwilioQueue $queue | Pop-TwilioQueueMember -Url 'https://example.com/agent'", "POST /Queues/{queue}/Members/Front.json" },
            new object[] { "Get-TwilioQueueMember $queue | Get-TwilioQueue", "GET /Queues/{queue}.json" },
            new object[] { "Get-TwilioQueueMember $queue | Get-TwilioCall", "GET /Calls/{inQueue}.json" },
            new object[] { "Get-TwilioMessage $message | Get-TwilioMessageMedia", "GET /Messages/{message}/Media.json" },
            new object[] { "Get-TwilioMessage $message | Get-TwilioMessageMedia | Save-TwilioMessageMedia -Path $folder", "GET /Messages/{message}/Media/ME" },
            new object[] { "Get-TwilioMessage $message | Get-TwilioMessageMedia | Get-TwilioMessage", "GET /Messages/{message}.json" },
            new object[] { "Get-TwilioMessage -DateSentBefore ([datetime]::MaxValue.AddDays(-1)) | Remove-TwilioMessage -Force", "DELETE /Messages/{message}.json" },
            new object[] { "[pscustomobject]@{ To = '+14155550107'; Body = 'from a CSV row' } | Send-TwilioMessage -From '+14155550100'", "POST /Messages.json" },
            new object[] { "Get-TwilioMessage $message | Set-TwilioMessage -Redact", "POST /Messages/{message}.json" },
            new object[] { "New-TwilioApplication 'IVR' -VoiceUrl 'https://example.com/ivr' | New-TwilioCall -To '+14155550108' -From '+14155550100'", "POST /Calls.json" },
            new object[] { "New-TwilioApplication 'IVR' -VoiceUrl 'https://example.com/ivr' | Set-TwilioApplication -SmsUrl 'https://example.com/sms'", "POST /Applications/AP" },
            new object[] { "New-TwilioOutgoingCallerId '+14155550123' | Get-TwilioCall", "GET /Calls/CA" },
            new object[] { "New-TwilioApiKey 'runbook' | Set-TwilioApiKey -FriendlyName 'runbook 2'", "POST /Keys/SK" },
            new object[] { "New-TwilioApiKey 'runbook' | Remove-TwilioApiKey -Force", "DELETE /Keys/SK" },
            new object[] { "New-TwilioApiKey 'runbook' | Get-TwilioApiKey", "GET /Keys/SK" },
            new object[] { "Get-TwilioAccount | Get-TwilioApiKey", "GET /Keys.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioOutgoingCallerId", "GET /OutgoingCallerIds.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioQueue", "GET /Queues.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioCall", "GET /Calls.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioMessage", "GET /Messages.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioUsageRecord -Period ThisMonth", "GET /Usage/Records/ThisMonth.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioBalance", "GET /Balance.json" },
            new object[] { "New-TwilioUsageTrigger sms 10 'https://example.com/sms-cap' | Get-TwilioUsageTrigger", "GET /Usage/Triggers/UT" },
            new object[] { "New-TwilioUsageTrigger sms 10 'https://example.com/sms-cap' | Set-TwilioUsageTrigger -FriendlyName 'SMS cap'", "POST /Usage/Triggers/UT" },
            new object[] { "New-TwilioUsageTrigger sms 10 'https://example.com/sms-cap' | Remove-TwilioUsageTrigger -Force", "DELETE /Usage/Triggers/UT" },
            new object[] { "Get-TwilioAvailablePhoneNumber -AreaCode 415 -First 1 | New-TwilioIncomingPhoneNumber -Confirm:$false", "POST /IncomingPhoneNumbers.json" },
            new object[] { "New-TwilioIncomingPhoneNumber -AreaCode 415 -Force | Get-TwilioIncomingPhoneNumber", "GET /IncomingPhoneNumbers/PN" },
            new object[] { "New-TwilioIncomingPhoneNumber -AreaCode 415 -Force | Set-TwilioIncomingPhoneNumber -SmsUrl 'https://example.com/sms'", "POST /IncomingPhoneNumbers/PN" },
            new object[] { "New-TwilioIncomingPhoneNumber -AreaCode 415 -Force | Remove-TwilioIncomingPhoneNumber -Force", "DELETE /IncomingPhoneNumbers/PN" },
            new object[] { "Get-TwilioAccount | Get-TwilioIncomingPhoneNumber", "GET /IncomingPhoneNumbers.json" },
            new object[] { "Get-TwilioAccount | Get-TwilioAvailablePhoneNumber", "GET /AvailablePhoneNumbers/US/Local.json" },
        };

        [Theory]
        [MemberData(nameof(Pipes))]
        public void Objects_bind_to_the_next_cmdlet_and_it_sends_the_request_the_pipe_means(string pipe, string request)
        {
            using var f = new Fixture();
            f.Session.Emulator.ClearRequests();
            PowerShellResult r = f.Session.Run(pipe);
            r.ThrowIfFailed();
            string[] parts = request.Split(' ');
            string expected = f.Path(parts[1]);
            EmulatorRequest last = f.Session.Emulator.Requests.Last();
            // A path ending in a bare SID prefix ("…/Media/ME") names a record the row does not know in advance.
            if (new[] { "/ME", "/AP", "/CA", "/SK", "/UT", "/PN" }.Any(prefix => expected.EndsWith(prefix, StringComparison.Ordinal)))
                Assert.StartsWith(parts[0] + " " + expected, last.Method + " " + last.Path);
            else
                Assert.Equal(parts[0] + " " + expected, last.Method + " " + last.Path);
        }

        [Fact]
        public void A_recording_from_Start_TwilioRecording_pipes_to_Set_TwilioRecording_through_its_call()
        {
            using var f = new Fixture();
            PowerShellResult r = f.Session.Run("Start-TwilioRecording -CallSid $live | Set-TwilioRecording -Status paused");
            r.ThrowIfFailed();
            EmulatorRequest last = f.Session.Emulator.Requests.Last();
            Assert.Equal("POST", last.Method);
            Assert.StartsWith(f.Path("/Calls/{live}/Recordings/RE"), last.Path);
            Assert.Equal("paused", last.FormValue("Status"));
        }

        [Fact]
        public void A_parent_of_another_family_is_refused_before_any_request_with_a_clear_error()
        {
            // A recording piped to a cmdlet that takes calls only binds by its CallSid; a plain string
            // that is not a call SID never reaches Twilio.
            using var f = new Fixture();
            f.Session.Emulator.ClearRequests();
            PowerShellResult r = f.Session.Run("$recording | Get-TwilioCall");
            Assert.StartsWith("ParameterArgumentValidationError", r.FirstError.FullyQualifiedErrorId);
            Assert.Empty(f.Session.Emulator.Requests);
        }

        [Fact]
        public void Models_keep_their_own_SID_name_out_of_sight()
        {
            using var f = new Fixture();
            PowerShellResult r = f.Session.Run(@"
                $call = Get-TwilioCall -CallSid $done
                ($call | Get-Member -MemberType Property | ForEach-Object Name) -join ','
                $call.CallSid");
            r.ThrowIfFailed();
            Assert.DoesNotContain("CallSid", r.Output[0].ToString().Split(','));
            Assert.Contains("Sid", r.Output[0].ToString().Split(','));
            Assert.Equal(f.Done, r.Output[1].ToString());
        }
    }
}
