using System.Management.Automation;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>Gets the account's balance: the amount left to spend and its currency.</summary>
    [Cmdlet(VerbsCommon.Get, "TwilioBalance")]
    [OutputType(typeof(TwilioBalance))]
    public sealed class GetTwilioBalanceCommand : TwilioConnectedCmdlet
    {
        protected override object ErrorTarget => TargetAccountSid;

        protected override void ProcessInput() =>
            WriteObject(Await(ct => Client.Balance.FetchAsync(AccountPath(), ct)));
    }
}
