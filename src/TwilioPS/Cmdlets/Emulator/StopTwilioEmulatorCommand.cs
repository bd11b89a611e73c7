using System.Management.Automation;
using TwilioPS.Connection;

namespace TwilioPS.Cmdlets.Emulator
{
    /// <summary>Stops emulators started in this process: the ones piped in, or all of them.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "TwilioEmulator")]
    [OutputType(typeof(void))]
    public sealed class StopTwilioEmulatorCommand : TwilioCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public TwilioEmulatorInfo Emulator { get; set; }

        protected override void ProcessInput()
        {
            foreach (TwilioEmulatorInfo running in Emulator != null ? new[] { Emulator } : EmulatorHost.All)
            {
                WriteVerbose($"Stopping the Twilio emulator at {running.BaseUri}.");
                EmulatorHost.Stop(running);
            }
        }
    }
}
