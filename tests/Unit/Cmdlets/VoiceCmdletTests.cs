using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using TwilioPS.Connection;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using TwilioPS.Tests.Reliability;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// What the voice cmdlets do beyond the contracts every cmdlet keeps (CmdletContractTests) and the
    /// pipes between them (PipelineConventionTests): downloads, local filters, parameters Twilio spells
    /// otherwise, and the throttle on dialling participants.
    /// </summary>
    public class VoiceCmdletTests
    {
        private sealed class TempFolder : IDisposable
        {
            public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "twilio-ps-voice-" + Guid.NewGuid().ToString("N"));
            public TempFolder() => Directory.CreateDirectory(Path);
            public string[] Files() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n).ToArray();
            public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
        }

        /// <summary>Drops the connection mid-body for requests whose path ends with a suffix.</summary>
        private sealed class DropMedia : IRequestInterceptor
        {
            public EmulatorFault Intercept(EmulatorRequest request) =>
                request.Path.EndsWith(".wav", StringComparison.Ordinal) ? EmulatorFault.Drop() : null;
        }

        private static EmulatedSession WithRecordings(int count)
        {
            var s = new EmulatedSession();
            s.Emulator.SeedRecordings(count, transcribed: true);
            return s;
        }

        [Fact]
        public void SaveTwilioRecording_writes_real_audio_named_after_each_recording_and_reports_bytes()
        {
            using var s = WithRecordings(2);
            using var folder = new TempFolder();
            PowerShellResult r = s.Run("Get-TwilioRecording | Save-TwilioRecording -Path $args[0] -PassThru", folder.Path);
            r.ThrowIfFailed();
            string[] sids = s.Run("(Get-TwilioRecording).Sid").Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
            Assert.Equal(sids.Select(sid => sid + ".wav"), folder.Files());
            Assert.All(r.Objects<FileInfo>(), f => Assert.Equal("RIFF", Encoding.ASCII.GetString(File.ReadAllBytes(f.FullName), 0, 4)));
            Assert.Contains(r.Progress, p => p.StatusDescription.EndsWith("bytes", StringComparison.Ordinal) && p.StatusDescription.Contains(" of "));

            PowerShellResult mp3 = s.Run("Get-TwilioRecording -First 1 | Save-TwilioRecording -Path $args[0] -Format mp3 -PassThru", folder.Path);
            mp3.ThrowIfFailed();
            byte[] frame = File.ReadAllBytes(mp3.Objects<FileInfo>().Single().FullName);
            Assert.Equal(0xFF, frame[0]);
            Assert.Equal(0xE0, frame[1] & 0xE0);   // MPEG frame sync
        }

        [Fact]
        public void SaveTwilioRecording_keeps_an_existing_file_unless_Force_and_never_writes_one_file_twice()
        {
            using var s = WithRecordings(2);
            using var folder = new TempFolder();
            string sid = s.Run("(Get-TwilioRecording -First 1).Sid").Output.Single().ToString();
            string target = Path.Combine(folder.Path, sid + ".wav");
            File.WriteAllText(target, "keep me");

            PowerShellResult kept = s.Run("Save-TwilioRecording $args[0] -Path $args[1]", sid, folder.Path);
            ErrorRecord error = Assert.Single(kept.Errors);
            Assert.StartsWith("FileExists,", error.FullyQualifiedErrorId);
            Assert.Equal(sid, error.TargetObject);
            Assert.Equal("keep me", File.ReadAllText(target));

            s.Run("Save-TwilioRecording $args[0] -Path $args[1] -Force", sid, folder.Path).ThrowIfFailed();
            Assert.NotEqual("keep me", File.ReadAllText(target));

            string single = Path.Combine(folder.Path, "one.wav");
            PowerShellResult twice = s.Run("Get-TwilioRecording | Save-TwilioRecording -Path $args[0]", single);
            Assert.Equal("FileWrittenTwice,TwilioPS.Cmdlets.Recordings.SaveTwilioRecordingCommand", Assert.Single(twice.Errors).FullyQualifiedErrorId);
            Assert.True(File.Exists(single));
        }

        [Fact]
        public void A_download_cut_mid_body_leaves_no_file_and_no_partial_file()
        {
            using var s = WithRecordings(1);
            using var folder = new TempFolder();
            s.Emulator.Interceptor = new DropMedia();
            PowerShellResult r = s.Run("Get-TwilioRecording | Save-TwilioRecording -Path $args[0]", folder.Path);
            ErrorRecord error = Assert.Single(r.Errors);
            Assert.Contains(error.FullyQualifiedErrorId.Split(',')[0], new[] { "TwilioConnectionFailed", "TwilioProtocolError" });
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void SaveTwilioTranscription_writes_the_text()
        {
            using var s = WithRecordings(1);
            using var folder = new TempFolder();
            PowerShellResult r = s.Run("Get-TwilioTranscription | Save-TwilioTranscription -Path $args[0] -PassThru", folder.Path);
            r.ThrowIfFailed();
            string text = File.ReadAllText(r.Objects<FileInfo>().Single().FullName);
            Assert.StartsWith("This is a test message from", text);
        }

        [Fact]
        public async Task GetTwilioTranscription_IncludeText_fills_in_text_a_response_left_out()
        {
            const string Tr = "TR0123456789abcdef0123456789abcdef";
            const string Skipped = "TR00000000000000000000000000000001";
            string Record(string sid) => "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + HostileServer.AccountSid + "\",\"recording_sid\":\"RE0123456789abcdef0123456789abcdef\",\"status\":\"completed\",\"transcription_text\":null}";
            string list = "{\"transcriptions\":[" + Record(Skipped) + "," + Record(Tr) + "],\"next_page_uri\":null}";
            using var s = new HostileSession(async (request, exchange) =>
            {
                if (request.PathAndQuery.Contains("/Transcriptions/" + Tr + ".txt", StringComparison.Ordinal))
                    await exchange.RespondAsync(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Call me back."));
                else
                    await exchange.JsonAsync(200, list);
            });
            PowerShellResult without = s.Run("Get-TwilioTranscription");
            without.ThrowIfFailed();
            Assert.All(without.Objects<TwilioTranscription>(), t => Assert.Null(t.TranscriptionText));

            // The text is fetched for what is written only: -Skip leaves the first one untouched.
            PowerShellResult with = s.Run("Get-TwilioTranscription -IncludeText -Skip 1");
            with.ThrowIfFailed();
            Assert.Equal("Call me back.", with.Objects<TwilioTranscription>().Single().TranscriptionText);
            Assert.DoesNotContain(s.Server.Requests, q => q.PathAndQuery.Contains(Skipped + ".txt", StringComparison.Ordinal));
            await Task.CompletedTask;
        }

        [Fact]
        public void SetTwilioRecording_needs_the_call_or_conference_it_records()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Set-TwilioRecording RE0123456789abcdef0123456789abcdef -Status paused");
            Assert.Equal("RecordingParentMissing,TwilioPS.Cmdlets.Recordings.SetTwilioRecordingCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void Names_with_wildcards_are_matched_locally_and_exact_names_are_sent_to_Twilio()
        {
            using var s = new EmulatedSession();
            s.Run("'support', 'sales', 'billing' | New-TwilioQueue").ThrowIfFailed();
            PowerShellResult matched = s.Run("(Get-TwilioQueue -FriendlyName 's*').FriendlyName | Sort-Object");
            Assert.Equal(new[] { "sales", "support" }, matched.Output.Select(o => o.ToString()));
            Assert.Single(s.Run("Get-TwilioQueue -FriendlyName 's*' -First 1").Output);

            s.Emulator.ClearRequests();
            s.Run("Get-TwilioConference -FriendlyName Standup").ThrowIfFailed();
            Assert.Equal("Standup", s.LastRequest.QueryValue("FriendlyName"));
            s.Run("Get-TwilioConference -FriendlyName 'Stand*'").ThrowIfFailed();
            Assert.Null(s.LastRequest.QueryValue("FriendlyName"));
        }

        [Theory]
        [InlineData("Error", "0")]
        [InlineData("Warning", "1")]
        public void GetTwilioNotification_sends_the_log_level_as_Twilio_numbers_it(string level, string sent)
        {
            using var s = new EmulatedSession();
            s.Run("Get-TwilioNotification -Log " + level).ThrowIfFailed();
            Assert.Equal(sent, s.LastRequest.QueryValue("Log"));
        }

        [Fact]
        public void PopTwilioQueueMember_takes_the_front_call_unless_told_otherwise()
        {
            using var s = new EmulatedSession();
            s.Run("Pop-TwilioQueueMember QU0123456789abcdef0123456789abcdef -Url 'https://example.com/agent' -ErrorAction SilentlyContinue");
            Assert.EndsWith("/Queues/QU0123456789abcdef0123456789abcdef/Members/Front.json", s.LastRequest.Path);
            Assert.Equal("https://example.com/agent", s.LastRequest.FormValue("Url"));
        }

        [Fact]
        public void Adding_a_participant_dials_through_the_call_throttle_and_sends_the_SIP_credential_as_two_fields()
        {
            using var s = new EmulatedSession(connectArguments: "-CallsPerSecond 5");
            s.PowerShell.SetVariable("sip", new PSCredential("alice", EmulatedSession.Secure("s3cret!")));
            PowerShellResult r = s.Run(@"
                '+14155550101', '+14155550102' | ForEach-Object {
                    Add-TwilioConferenceParticipant -ConferenceSid Standup -To $_ -From '+14155550100' -SipAuthCredential $sip -Muted -ErrorAction SilentlyContinue
                }");
            var posts = s.Emulator.Requests.Where(q => q.Method == "POST" && q.Path.EndsWith("/Participants.json", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, posts.Count);
            Assert.Equal("alice", posts[0].FormValue("SipAuthUsername"));
            Assert.Equal("s3cret!", posts[0].FormValue("SipAuthPassword"));
            Assert.Equal("true", posts[0].FormValue("Muted"));
            TwilioConnection connection = s.Run("Get-TwilioContext").Objects<TwilioConnection>().Single();
            double[] gaps = CallCmdletTests.ReleaseGaps(connection.Client.CallThrottle);
            Assert.Single(gaps);
            Assert.True(gaps[0] >= 200, $"two participants were dialled {gaps[0]:0.###} ms apart at 5 calls per second");
        }

        [Fact]
        public void Call_events_say_whose_call_they_belong_to()
        {
            using var s = new EmulatedSession();
            string sid = s.Run("(New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v').Sid").Output.Single().ToString();
            PowerShellResult r = s.Run("Get-TwilioCallEvent $args[0]", sid);
            r.ThrowIfFailed();
            Assert.NotEmpty(r.Output);
            Assert.All(r.Objects<TwilioCallEvent>(), e => Assert.Equal(sid, e.CallSid));
        }
    }
}
