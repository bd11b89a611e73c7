using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using TwilioPS.Emulator;

namespace TwilioPS.Tests.Hosting
{
    /// <summary>
    /// A hosted PowerShell session connected to a fresh emulator (its own port, its own calls), the
    /// way a user connects: Connect-Twilio -BaseUri … -Credential ….
    /// </summary>
    public sealed class EmulatedSession : IDisposable
    {
        public EmulatedSession(int seedCalls = 0, Action<EmulatorOptions> configure = null, string connectArguments = "")
        {
            var options = new EmulatorOptions { Port = 0, SeedCalls = seedCalls };
            configure?.Invoke(options);
            Emulator = TwilioEmulator.Start(options);
            PowerShell = new PowerShellSession();
            PowerShell.SetVariable("EmulatorCredential", new PSCredential(Emulator.AccountSid, Secure(Emulator.AuthToken)));
            PowerShell.SetVariable("EmulatorUri", Emulator.BaseUri);
            PowerShellResult connect = PowerShell.Run("Connect-Twilio -BaseUri $EmulatorUri -Credential $EmulatorCredential " + connectArguments);
            connect.ThrowIfFailed();
            Emulator.ClearRequests();
            RequestsAtStart = Emulator.RequestCount;
        }

        /// <summary>A session whose calls ring, answer and end within a second and a half, for tests that wait on the real clock.</summary>
        public static EmulatedSession WithFastCalls() => new EmulatedSession(configure: o =>
        {
            o.RingDelay = TimeSpan.FromMilliseconds(100);
            o.AnswerDelay = TimeSpan.FromMilliseconds(100);
            o.CallDuration = TimeSpan.FromSeconds(1);
        });

        public TwilioEmulator Emulator { get; }

        public PowerShellSession PowerShell { get; }

        /// <summary>The emulator's request counter right after connecting.</summary>
        public long RequestsAtStart { get; }

        public long RequestsSinceConnect => Emulator.RequestCount - RequestsAtStart;

        public PowerShellResult Run(string script, params object[] arguments) => PowerShell.Run(script, arguments);

        public EmulatorRequest LastRequest => Emulator.Requests.LastOrDefault();

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public void Dispose()
        {
            PowerShell.Dispose();
            Emulator.Dispose();
        }
    }
}
