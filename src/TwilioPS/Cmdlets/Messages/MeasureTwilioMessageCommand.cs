using System.Management.Automation;
using TwilioPS.Messaging;
using TwilioPS.Models;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>
    /// Reports how Twilio will encode and split a message body, locally and before sending, so a bulk
    /// send's segments (what Twilio bills) are known before it goes. Needs no connection.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "TwilioMessage")]
    [OutputType(typeof(TwilioMessageMeasure))]
    public sealed class MeasureTwilioMessageCommand : TwilioCmdlet
    {
        /// <summary>Binds by property name too, so CSV rows with a Body column are measured one by one.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Body { get; set; }

        [Parameter]
        public SwitchParameter SmartEncoded { get; set; }

        protected override void ProcessInput()
        {
            TwilioMessageMeasure measure = MessageSegments.Measure(Body, SmartEncoded);
            if (measure.TooLong)
                WriteWarning($"The body has {measure.Characters} characters; Twilio rejects bodies over {MessageSegments.MaxBodyCharacters} (error 21617).");
            WriteObject(measure);
        }
    }
}
