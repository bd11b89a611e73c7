using System.Management.Automation;
using TwilioPS.Connection;

namespace TwilioPS.Cmdlets.Emulator
{
    /// <summary>
    /// Starts a local Twilio API emulator in this process: no Twilio account, no network. Connect to
    /// it with Connect-Twilio -Emulator (or -BaseUri and -Credential from the object it returns).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "TwilioEmulator")]
    [OutputType(typeof(TwilioEmulatorInfo))]
    public sealed class StartTwilioEmulatorCommand : TwilioCmdlet
    {
        /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Synthetic past calls to start with.</summary>
        [Parameter]
        [ValidateRange(0, 10000000)]
        public int SeedCalls { get; set; }

        /// <summary>Finished, transcribed recordings (each of its own past call) to start with.</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public int SeedRecordings { get; set; }

        /// <summary>Delivered past messages (every fourth with a picture) to start with.</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public int SeedMessages { get; set; }

        /// <summary>The emulated account's calls-per-second; calls above it get queue_time.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int CallsPerSecond { get; set; } = 1;

        /// <summary>How many times faster than real time emulated time runs (calls, TwiML, recordings).</summary>
        [Parameter]
        [ValidateRange(0.01, 10000.0)]
        public double ClockSpeed { get; set; } = 1;

        /// <summary>Seconds of emulated time until the person answering a call hangs up.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int CallDuration { get; set; } = 5;

        /// <summary>A folder of TwiML documents the emulator serves at {BaseUri}/twiml/, for calls' Url, Redirect and actions.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string TwimlPath { get; set; }

        protected override void ProcessInput()
        {
            TwilioEmulatorInfo emulator = null;
            string twimlFolder = null;
            if (TwimlPath != null)
            {
                twimlFolder = GetUnresolvedProviderPathFromPSPath(TwimlPath);
                if (!System.IO.Directory.Exists(twimlFolder))
                    ThrowTerminatingError(TwilioErrors.TwimlFolderNotFound(TwimlPath));
            }
            try
            {
                emulator = EmulatorHost.Start(Port, SeedCalls, CallsPerSecond, SeedRecordings, SeedMessages, ClockSpeed, CallDuration, twimlFolder);
            }
            catch (System.InvalidOperationException exception)
            {
                ThrowTerminatingError(TwilioErrors.EmulatorStartFailed(exception, Port));
            }
            WriteVerbose($"Twilio emulator listening at {emulator.BaseUri} for account {emulator.AccountSid}.");
            WriteObject(emulator);
        }
    }
}
