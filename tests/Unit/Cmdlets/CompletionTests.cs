using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TwilioPS.Completion;
using TwilioPS.Emulator;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// Tab completion as a user meets it: TabExpansion2 in the hosted engine, against the emulator.
    /// One class, so the tests that move the completion cache's clock never run beside the others.
    /// </summary>
    public class CompletionTests : IClassFixture<CompletionTests.Fixture>
    {
        /// <summary>A conference with one participant, a queue with one member, a subaccount, on a manual clock.</summary>
        public sealed class Fixture : IDisposable
        {
            public Fixture()
            {
                Clock = new ManualClock(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero));
                Session = new EmulatedSession(seedCalls: 5, configure: o =>
                {
                    o.Clock = Clock;
                    o.RingDelay = TimeSpan.FromSeconds(1);
                    o.AnswerDelay = TimeSpan.FromSeconds(1);
                    o.CallDuration = TimeSpan.FromMinutes(5);
                }, connectArguments: "-CallsPerSecond 100");
                InConference = Single("(New-TwilioCall -To '+14155550103' -From '+14155550100' -Twiml '<Response><Dial><Conference>Standup</Conference></Dial></Response>').Sid");
                InQueue = Single("(New-TwilioCall -To '+14155550104' -From '+14155550100' -Twiml '<Response><Enqueue>support</Enqueue></Response>').Sid");
                Clock.Advance(TimeSpan.FromSeconds(5));
                Conference = Single("(Get-TwilioConference -FriendlyName Standup).Sid");
                Queue = Single("(Get-TwilioQueue -FriendlyName support).Sid");
                Subaccount = Single("(New-TwilioAccount -FriendlyName 'EU operations').Sid");
                Application = Single("(New-TwilioApplication -FriendlyName 'IVR main menu' -VoiceUrl 'https://example.com/ivr').Sid");
            }

            public ManualClock Clock { get; }
            public EmulatedSession Session { get; }
            public string InConference { get; }
            public string InQueue { get; }
            public string Conference { get; }
            public string Queue { get; }
            public string Subaccount { get; }
            public string Application { get; }

            private string Single(string script) => Session.Run(script).Output.Single().ToString();

            public void Dispose() => Session.Dispose();
        }

        private sealed class ManualTime
        {
            public DateTimeOffset Now = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero);
        }

        private readonly Fixture _f;

        public CompletionTests(Fixture fixture) => _f = fixture;

        /// <summary>What Tab offers at the end of <paramref name="line"/>: (inserted text, menu text, tooltip).</summary>
        private static List<(string Text, string ListItem, string ToolTip)> Complete(PowerShellSession session, string line)
        {
            PowerShellResult r = session.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches", line);
            r.ThrowIfFailed();
            return r.Output.Select(o => (CompletionResult)o.BaseObject).Select(c => (c.CompletionText, c.ListItemText, c.ToolTip)).ToList();
        }

        private List<(string Text, string ListItem, string ToolTip)> Complete(string line) => Complete(_f.Session.PowerShell, line);

        [Fact]
        public void A_call_SID_completes_from_the_accounts_recent_calls_each_shown_with_its_numbers_and_status()
        {
            var matches = Complete("Get-TwilioCall -CallSid ");
            string[] recent = _f.Session.Run("Get-TwilioCall -First 50 | ForEach-Object Sid").Output.Select(o => o.ToString()).ToArray();

            Assert.Equal(recent, matches.Select(m => m.Text));
            Assert.Contains(matches, m => m.Text == _f.InQueue && m.ListItem.Contains("+14155550100 -> +14155550104") && m.ToolTip.Contains("in-progress"));
        }

        [Fact]
        public void A_typed_word_matches_the_start_of_a_SID_or_anything_in_its_description()
        {
            Assert.Equal(new[] { _f.Queue }, Complete("Get-TwilioQueueMember -QueueSid supp").Select(m => m.Text));
            Assert.Equal(new[] { _f.Queue }, Complete($"Get-TwilioQueue -QueueSid {_f.Queue.Substring(0, 12)}").Select(m => m.Text));
            Assert.Equal(new[] { _f.Application }, Complete("Set-TwilioApplication -ApplicationSid 'IVR").Select(m => m.Text));
            Assert.Empty(Complete("Get-TwilioQueue -QueueSid nothing-like-it"));
        }

        [Fact]
        public void Child_SIDs_complete_from_the_parent_named_on_the_command_line()
        {
            Assert.Equal(new[] { _f.InConference }, Complete($"Set-TwilioConferenceParticipant -ConferenceSid {_f.Conference} -CallSid ").Select(m => m.Text));
            Assert.Equal(new[] { _f.InQueue }, Complete($"Get-TwilioQueueMember -QueueSid {_f.Queue} -CallSid ").Select(m => m.Text));
            Assert.Contains("#1", Complete($"Get-TwilioQueueMember -QueueSid {_f.Queue} -CallSid ").Single().ListItem);
            Assert.Empty(Complete("Set-TwilioConferenceParticipant -CallSid "));   // no conference named yet: nothing to offer
        }

        [Fact]
        public void AccountSid_completes_the_account_and_its_subaccounts_by_name_and_other_parameters_from_the_account()
        {
            var accounts = Complete("Get-TwilioCall -AccountSid ");
            Assert.Contains(accounts, m => m.Text == _f.Subaccount && m.ListItem.Contains("EU operations"));
            Assert.Contains(accounts, m => m.Text == _f.Session.Emulator.AccountSid);
            Assert.Equal(new[] { _f.Subaccount }, Complete("Get-TwilioRecording -AccountSid EU").Select(m => m.Text));
            Assert.Contains(Complete("New-TwilioCall -To '+14155550100' -From '+14155550101' -ApplicationSid "), m => m.Text == _f.Application);
            Assert.Contains(Complete("Get-TwilioConference -ConferenceSid "), m => m.Text == _f.Conference && m.ToolTip.Contains("Standup"));
        }

        [Fact]
        public void A_minute_of_Tab_presses_costs_one_request_per_list_and_the_next_minute_one_more()
        {
            var time = new ManualTime();
            Func<DateTimeOffset> before = CompletionCache.Clock;
            CompletionCache.Clock = () => time.Now;
            try
            {
                string line = "Remove-TwilioQueue -QueueSid ";
                Complete(line);                                    // a fresh list under the manual clock
                long start = _f.Session.Emulator.RequestCount;
                for (int i = 0; i < 5; i++)
                {
                    time.Now += TimeSpan.FromSeconds(10);
                    Assert.Equal(new[] { _f.Queue }, Complete(line).Select(m => m.Text));
                }
                Assert.Equal(start, _f.Session.Emulator.RequestCount);

                time.Now += TimeSpan.FromSeconds(15);              // 65 s after the list was read
                Complete(line);
                Assert.Equal(start + 1, _f.Session.Emulator.RequestCount);
            }
            finally
            {
                CompletionCache.Clock = before;
            }
        }

        [Fact]
        public void From_completes_the_accounts_own_numbers_and_verified_caller_IDs_by_name()
        {
            string bought = _f.Session.Run("(New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName 'NYC support line' -Force).PhoneNumber").Output.Single().ToString();
            _f.Session.Run("New-TwilioOutgoingCallerId '+14155550177' 'Front desk'").ThrowIfFailed();
            _f.Clock.Advance(TimeSpan.FromSeconds(30));   // the validation call is answered and completes: the caller ID exists
            var matches = Complete("New-TwilioCall -To '+14155550100' -From ");
            Assert.Contains(matches, m => m.Text == bought && m.ToolTip == "NYC support line (number)");
            Assert.Contains(matches, m => m.Text == "+14155550177" && m.ToolTip == "Front desk (caller ID)");
            Assert.Equal(new[] { bought }, Complete("Send-TwilioMessage -To '+14155550100' -Body hi -From 'NYC").Select(m => m.Text));
            Assert.Contains(Complete("Set-TwilioIncomingPhoneNumber -IncomingPhoneNumberSid "), m => m.ListItem.Contains(bought));
        }

        /// <summary>Enum-like values come from the spec (ValidateSet, held to the spec's enums by CmdletSpecTests), connected or not.</summary>
        [Fact]
        public void Enum_values_country_codes_and_usage_categories_complete_too()
        {
            Assert.Equal(new[] { "busy", "canceled", "completed", "failed", "in-progress", "no-answer", "queued", "ringing" },
                Complete("Get-TwilioCall -Status ").Select(m => m.Text).OrderBy(t => t, StringComparer.Ordinal));
            Assert.Contains(Complete("Get-TwilioAvailablePhoneNumber -CountryCode G"), m => m.Text == "GB");
            Assert.Contains(Complete("Get-TwilioUsageRecord -Category calls-in"), m => m.Text == "calls-inbound");
        }

        [Fact]
        public void Completion_is_silent_without_a_connection_and_never_prompts_or_errors()
        {
            using var disconnected = new PowerShellSession();
            Assert.Empty(Complete(disconnected, "Get-TwilioCall -CallSid "));
            PowerShellResult r = disconnected.Run("$null = TabExpansion2 -inputScript 'Get-TwilioCall -CallSid ' -cursorColumn 24; $Error.Count");
            Assert.Equal(0, (int)r.Output.Single().BaseObject);
        }

        /// <summary>
        /// A slow account never freezes the prompt: Tab gives up after about a second, the list keeps
        /// loading, and a later press offers it.
        /// </summary>
        [Fact]
        public void A_slow_list_returns_at_once_with_nothing_and_a_later_Tab_offers_what_it_fetched_meanwhile()
        {
            var slow = TimeSpan.FromSeconds(6);
            using var session = new EmulatedSession(seedCalls: 3);
            session.Emulator.Interceptor = new SlowLists(slow);
            var watch = Stopwatch.StartNew();
            var first = Complete(session.PowerShell, "Get-TwilioCall -CallSid ");
            watch.Stop();

            Assert.Empty(first);
            Assert.True(watch.Elapsed < TimeSpan.FromTicks(slow.Ticks / 2), $"Tab took {watch.Elapsed}");
            var later = Retry(() => Complete(session.PowerShell, "Get-TwilioCall -CallSid "), TimeSpan.FromSeconds(20));
            Assert.Equal(3, later.Count);
        }

        /// <summary>Every identity or parent SID parameter of every cmdlet completes, with the completer of its kind.</summary>
        [Fact]
        public void Every_SID_parameter_of_every_cmdlet_has_a_completer()
        {
            var expected = new Dictionary<string, Type>
            {
                ["CallSid"] = typeof(CallSidCompleter),
                ["RecordingSid"] = typeof(RecordingSidCompleter),
                ["TranscriptionSid"] = typeof(TranscriptionSidCompleter),
                ["NotificationSid"] = typeof(NotificationSidCompleter),
                ["ConferenceSid"] = typeof(ConferenceSidCompleter),
                ["QueueSid"] = typeof(QueueSidCompleter),
                ["MessageSid"] = typeof(MessageSidCompleter),
                ["ApplicationSid"] = typeof(ApplicationSidCompleter),
                ["AccountSid"] = typeof(AccountSidCompleter),
                ["ParentCallSid"] = typeof(CallSidCompleter),
                ["MediaSid"] = typeof(MessageMediaSidCompleter),
                ["UsageTriggerSid"] = typeof(UsageTriggerSidCompleter),
                ["OutgoingCallerIdSid"] = typeof(OutgoingCallerIdSidCompleter),
                ["ApiKeySid"] = typeof(ApiKeySidCompleter),
                ["IncomingPhoneNumberSid"] = typeof(IncomingPhoneNumberSidCompleter),
                ["VoiceApplicationSid"] = typeof(ApplicationSidCompleter),
                ["SmsApplicationSid"] = typeof(ApplicationSidCompleter),
                ["DestinationAccountSid"] = typeof(AccountSidCompleter),
            };
            // SIDs of resources this module does not list: other Twilio APIs (Messaging services, Content
            // templates, SIP trunks, regulatory bundles) and the 2010 API's addresses (Invoke-TwilioApi reaches those).
            var otherApis = new HashSet<string> { "MessagingServiceSid", "ContentSid", "TrunkSid", "BundleSid", "IdentitySid", "AddressSid", "EmergencyAddressSid" };
            var missing = new List<string>();
            foreach (Type cmdlet in typeof(TwilioPS.Cmdlets.TwilioCmdlet).Assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() != null))
            {
                string name = cmdlet.GetCustomAttribute<CmdletAttribute>().VerbName + "-" + cmdlet.GetCustomAttribute<CmdletAttribute>().NounName;
                if (name == "Connect-Twilio") continue;   // not connected yet: nothing to complete from
                foreach (PropertyInfo parameter in cmdlet.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
                {
                    if (!parameter.Name.EndsWith("Sid", StringComparison.Ordinal) || parameter.PropertyType != typeof(string)) continue;
                    if (otherApis.Contains(parameter.Name)) continue;
                    Type completer = parameter.GetCustomAttribute<ArgumentCompleterAttribute>()?.Type;
                    if (completer == null) { missing.Add($"{name} -{parameter.Name}"); continue; }
                    bool child = completer == typeof(ParticipantCallSidCompleter) || completer == typeof(QueueMemberCallSidCompleter);
                    if (expected.TryGetValue(parameter.Name, out Type kind) && completer != kind && !child)
                        missing.Add($"{name} -{parameter.Name} completes with {completer.Name}, not {kind.Name}");
                }
            }
            Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        }

        private sealed class SlowLists : IRequestInterceptor
        {
            private readonly TimeSpan _delay;
            public SlowLists(TimeSpan delay) => _delay = delay;
            public EmulatorFault Intercept(EmulatorRequest request) =>
                request.Method == "GET" && request.Path.EndsWith("/Calls.json", StringComparison.Ordinal) ? EmulatorFault.Latency(_delay) : null;
        }

        private static List<(string, string, string)> Retry(Func<List<(string, string, string)>> attempt, TimeSpan within)
        {
            var watch = Stopwatch.StartNew();
            List<(string, string, string)> result;
            while ((result = attempt()).Count == 0 && watch.Elapsed < within) System.Threading.Thread.Sleep(250);
            return result;
        }
    }
}
