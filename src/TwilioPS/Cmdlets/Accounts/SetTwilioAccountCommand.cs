using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Accounts
{
    /// <summary>
    /// Renames an account, or suspends, reactivates or closes a subaccount. Closing is irreversible
    /// (Twilio releases its numbers), so -Status closed asks for confirmation unless -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TwilioAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TwilioAccount))]
    public sealed class SetTwilioAccountCommand : TwilioConnectedCmdlet
    {
        [Parameter]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        /// <summary>active, suspended, or closed (irreversible).</summary>
        [Parameter]
        [ValidateSet("active", "suspended", "closed")]
        [FormField]
        public string Status { get; set; }

        /// <summary>Close without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object ErrorTarget => TargetAccountSid;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (FriendlyName == null && Status == null)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Nothing to change: give -FriendlyName or -Status."),
                    "NothingToUpdate", ErrorCategory.InvalidArgument, ErrorTarget));
            }
        }

        protected override void ProcessInput()
        {
            string account = TargetAccountSid;
            if (Status == "closed")
            {
                // Closing cannot be undone: asked like a delete (ConfirmImpact High), whatever the cmdlet's own impact.
                if (!ShouldChange(Force, account, "Close the account (irreversible: its numbers are released)")) return;
                if (!Force && !ShouldContinue($"Close {account}? This cannot be undone.", "Close a Twilio account")) return;
            }
            else if (!ShouldProcess(account, Status != null ? $"Set the account's status to {Status}" : "Rename the account"))
            {
                return;
            }
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Accounts.UpdateAsync(ResourcePath.Root().Sid(account), form, ct)));
        }
    }
}
