using System.Management.Automation;
using TwilioPS.Connection;

namespace TwilioPS.Cmdlets.Session
{
    /// <summary>Closes the session's default connection (or the one given) and forgets it.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Twilio")]
    [OutputType(typeof(void))]
    public sealed class DisconnectTwilioCommand : TwilioCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public TwilioConnection Connection { get; set; }

        protected override void ProcessInput()
        {
            TwilioConnection connection = Connection ?? TwilioSession.Default;
            if (connection == null)
            {
                WriteVerbose("Not connected to Twilio; nothing to disconnect.");
                return;
            }
            if (ReferenceEquals(connection, TwilioSession.Default)) TwilioSession.Default = null;
            connection.Dispose();
            WriteVerbose($"Disconnected from account {connection.AccountSid}.");
        }
    }
}
