using System.Management.Automation;
using TwilioPS.Connection;

namespace TwilioPS.Cmdlets.Session
{
    /// <summary>Shows the session's connection: account, credential kind, API root, limits. Never the secret.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioContext")]
    [OutputType(typeof(TwilioConnection))]
    public sealed class GetTwilioContextCommand : TwilioCmdlet
    {
        protected override void ProcessInput()
        {
            TwilioConnection connection = TwilioSession.Default;
            if (connection == null) WriteVerbose("Not connected to Twilio. Run Connect-Twilio.");
            else WriteObject(connection);
        }
    }
}
