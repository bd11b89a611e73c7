using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that deletes one resource per input: ConfirmImpact High (declared on the leaf's
    /// [Cmdlet]), -Force to skip the prompt but never -WhatIf, nothing written on success, a failure
    /// reported against the input. The leaf declares its identity parameter and says what to delete.
    /// </summary>
    public abstract class TwilioRemoveCmdlet : TwilioConnectedCmdlet
    {
        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>What is deleted, as -WhatIf and error records name it (the SID).</summary>
        protected abstract string Target { get; }

        /// <summary>The action, as -WhatIf and -Confirm say it ("Delete the recording").</summary>
        protected abstract string Action { get; }

        protected abstract Task DeleteAsync(CancellationToken cancellationToken);

        protected override object ErrorTarget => Target;

        protected override void ProcessInput()
        {
            if (!ShouldChange(Force, Target, Action)) return;
            Await(DeleteAsync);
        }
    }
}
