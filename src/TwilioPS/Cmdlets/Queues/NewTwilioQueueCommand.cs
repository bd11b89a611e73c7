using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Queues
{
    /// <summary>Creates a call queue.</summary>
    [Cmdlet(VerbsCommon.New, "TwilioQueue", SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioQueue))]
    public sealed class NewTwilioQueueCommand : TwilioConnectedCmdlet
    {
        /// <summary>The name TwiML's &lt;Enqueue&gt; uses; unique in the account.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 64)]
        [FormField]
        public string FriendlyName { get; set; }

        /// <summary>The most calls the queue holds: 1 to 5000 (Twilio's default 1000).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 5000)]
        [FormField]
        public int MaxSize { get; set; }

        protected override object ErrorTarget => FriendlyName;

        protected override void ProcessInput()
        {
            if (!ShouldProcess(FriendlyName, "Create the queue")) return;
            FormBuilder form = BoundFormFields();
            WriteObject(Await(ct => Client.Queues.CreateAsync(AccountPath(), form, ct)));
        }
    }
}
