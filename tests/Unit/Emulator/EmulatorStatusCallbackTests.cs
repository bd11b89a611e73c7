using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Emulator;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Emulator
{
    /// <summary>
    /// The emulator's status callbacks, received by a local listener and checked with
    /// Test-TwilioSignature: the events a call asked for, in order, each signed with the account's token.
    /// </summary>
    public class EmulatorStatusCallbackTests
    {
        /// <summary>One callback as the listener received it.</summary>
        private sealed record Callback(string Method, string Url, string Signature, Dictionary<string, string> Form);

        /// <summary>A loopback HTTP listener that records every request and answers 204.</summary>
        private sealed class CallbackListener : IDisposable
        {
            private readonly HttpListener _listener = new HttpListener();
            public readonly BlockingCollection<Callback> Received = new BlockingCollection<Callback>();
            public string Url { get; }

            public CallbackListener()
            {
                int port = Loopback.FreePort();
                Url = $"http://127.0.0.1:{port}/status";
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                Task.Run(Loop);
            }

            private async Task Loop()
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    Dictionary<string, string> form = TwimlApp.ReadParameters(context.Request);
                    Received.Add(new Callback(context.Request.HttpMethod, context.Request.Url.AbsoluteUri,
                        context.Request.Headers["X-Twilio-Signature"], form));
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                }
            }

            /// <summary>Up to <paramref name="count"/> callbacks, waiting at most <paramref name="seconds"/> for each.</summary>
            public List<Callback> Take(int count, double seconds = 15)
            {
                var taken = new List<Callback>();
                while (taken.Count < count && Received.TryTake(out Callback c, TimeSpan.FromSeconds(seconds))) taken.Add(c);
                return taken;
            }

            public void Dispose() => _listener.Close(); // Close stops it too (see TwilioEmulator.Stop)
        }

        private static EmulatedSession FastCalls() => new EmulatedSession(configure: o =>
        {
            o.RingDelay = TimeSpan.FromMilliseconds(100);
            o.AnswerDelay = TimeSpan.FromMilliseconds(100);
            o.CallDuration = TimeSpan.FromSeconds(1);
        });

        [Fact]
        public void Every_asked_for_event_arrives_in_order_signed_so_Test_TwilioSignature_accepts_it()
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = FastCalls();
            s.PowerShell.SetVariable("cb", listener.Url);
            PowerShellResult created = s.Run(@"New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' `
                -StatusCallback $cb -StatusCallbackEvent initiated, ringing, answered, completed");
            created.ThrowIfFailed();
            string callSid = Assert.Single(created.Objects<TwilioPS.Models.TwilioCall>()).Sid;

            List<Callback> callbacks = listener.Take(4);

            Assert.Equal(new[] { "initiated", "ringing", "in-progress", "completed" }, callbacks.Select(c => c.Form["CallStatus"]));
            Assert.Equal(new[] { "0", "1", "2", "3" }, callbacks.Select(c => c.Form["SequenceNumber"]));
            Assert.All(callbacks, c =>
            {
                Assert.Equal("POST", c.Method);
                Assert.Equal(callSid, c.Form["CallSid"]);
                Assert.Equal(s.Emulator.AccountSid, c.Form["AccountSid"]);
                Assert.Equal("call-progress-events", c.Form["CallbackSource"]);
            });
            Assert.Equal("1", callbacks[3].Form["CallDuration"]);

            foreach (Callback c in callbacks)
            {
                s.PowerShell.SetVariable("url", c.Url);
                s.PowerShell.SetVariable("sig", c.Signature);
                s.PowerShell.SetVariable("form", new System.Collections.Hashtable(c.Form));
                PowerShellResult genuine = s.Run("Test-TwilioSignature -Url $url -Parameters $form -Signature $sig");
                Assert.True(Assert.Single(genuine.Objects<bool>()), "signature of " + c.Form["CallStatus"]);

                PowerShellResult tampered = s.Run("$f = $form.Clone(); $f['CallStatus'] = 'canceled'; Test-TwilioSignature -Url $url -Parameters $f -Signature $sig");
                Assert.False(Assert.Single(tampered.Objects<bool>()), "a changed parameter must not verify");
            }
            Assert.Empty(listener.Take(1, seconds: 1)); // nothing after completed
        }

        [Fact]
        public void With_no_events_named_only_completed_is_sent_and_a_GET_is_signed_on_its_whole_url()
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = FastCalls();
            s.PowerShell.SetVariable("cb", listener.Url + "?tenant=a%20b");
            s.Run("New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -StatusCallback $cb -StatusCallbackMethod GET").ThrowIfFailed();

            Callback completed = Assert.Single(listener.Take(1));
            Assert.Empty(listener.Take(1, seconds: 1));

            Assert.Equal("GET", completed.Method);
            Assert.Equal("completed", completed.Form["CallStatus"]);
            Assert.Equal("a b", completed.Form["tenant"]);
            s.PowerShell.SetVariable("url", completed.Url);
            s.PowerShell.SetVariable("sig", completed.Signature);
            Assert.True(Assert.Single(s.Run("Test-TwilioSignature -Url $url -Signature $sig").Objects<bool>()));
            // The token is the account's: another token does not verify.
            Assert.False(Assert.Single(s.Run("Test-TwilioSignature -Url $url -Signature $sig -AuthToken ([System.Net.NetworkCredential]::new('', '0000').SecurePassword)").Objects<bool>()));
        }

        [Fact]
        public void A_callback_nobody_answers_is_dropped_and_the_others_still_arrive()
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = FastCalls();
            s.PowerShell.SetVariable("cb", listener.Url);
            s.Run(@"New-TwilioCall -To '+14155550101' -From '+14155550100' -Url 'https://example.com/v' -StatusCallback 'http://127.0.0.1:9/nobody' -StatusCallbackEvent initiated, completed
                    New-TwilioCall -To '+14155550102' -From '+14155550100' -Url 'https://example.com/v' -StatusCallback $cb").ThrowIfFailed();

            Callback completed = Assert.Single(listener.Take(1));

            Assert.Equal("+14155550102", completed.Form["To"]);
            Assert.Equal("completed", completed.Form["CallStatus"]);
            // The listener records a callback before it answers, and the emulator counts it after.
            SpinWait.SpinUntil(() => s.Emulator.StatusCallbacksSent >= 1, TimeSpan.FromSeconds(5));
            Assert.Equal(1, s.Emulator.StatusCallbacksSent);
            PowerShellResult listed = s.Run("Get-TwilioCall");
            listed.ThrowIfFailed();
            Assert.Equal(2, listed.Objects<TwilioPS.Models.TwilioCall>().Count());
        }

        [Theory]
        [InlineData("+14155550101", new[] { "queued", "sent", "delivered" }, null)]
        [InlineData("+15005550009", new[] { "queued", "sent", "undelivered" }, "30003")]
        [InlineData("+15005550001", new[] { "queued", "failed" }, "30006")]
        public void A_message_reports_each_status_change_signed(string to, string[] statuses, string errorCode)
        {
            using var listener = new CallbackListener();
            using EmulatedSession s = new EmulatedSession();
            s.PowerShell.SetVariable("cb", listener.Url);
            s.PowerShell.SetVariable("to", to);
            PowerShellResult sent = s.Run("Send-TwilioMessage -To $to -From '+15005550006' -Body 'hello' -StatusCallback $cb");
            sent.ThrowIfFailed();

            List<Callback> callbacks = listener.Take(statuses.Length);

            Assert.Equal(statuses, callbacks.Select(c => c.Form["MessageStatus"]));
            Assert.All(callbacks, c => Assert.Equal(c.Form["MessageStatus"], c.Form["SmsStatus"]));
            Assert.Equal(errorCode, callbacks.Last().Form.TryGetValue("ErrorCode", out string code) ? code : null);
            foreach (Callback c in callbacks)
            {
                s.PowerShell.SetVariable("url", c.Url);
                s.PowerShell.SetVariable("sig", c.Signature);
                s.PowerShell.SetVariable("form", new System.Collections.Hashtable(c.Form));
                Assert.True(Assert.Single(s.Run("Test-TwilioSignature -Url $url -Parameters $form -Signature $sig").Objects<bool>()));
            }
            Assert.Empty(listener.Take(1, seconds: 1));
        }
    }
}
