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
        /// <summary>Strings from the pipeline, or the Body of each object (a CSV row) by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString, AllowNull]
        [BodyOfInput]
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

        /// <summary>
        /// Takes the Body of a piped object whose Body is not a string. Binding by property name skips
        /// such a Body (Import-Csv gives null for an empty cell at the very end of a file), and the
        /// binder would then measure the whole row converted to text instead.
        /// </summary>
        private sealed class BodyOfInputAttribute : ArgumentTransformationAttribute
        {
            public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
            {
                if (inputData is PSObject wrapped && !(wrapped.BaseObject is string)
                    && wrapped.Properties["Body"] is PSPropertyInfo body)
                    return body.Value ?? string.Empty;
                return inputData;
            }
        }
    }
}
