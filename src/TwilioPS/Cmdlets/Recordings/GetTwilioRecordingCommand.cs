using System;
using System.Management.Automation;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>
    /// Gets one recording by SID, or lists the recordings of the account, of a call or of a conference,
    /// with Twilio's date filters. Calls piped in list their recordings (see the pipeline convention on
    /// <see cref="TwilioConnectedCmdlet"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TwilioRecording", DefaultParameterSetName = ListParameterSet, SupportsPaging = true)]
    [OutputType(typeof(TwilioRecording))]
    public sealed class GetTwilioRecordingCommand : TwilioListCmdlet<TwilioRecording>
    {
        private const string SidSet = "Sid";
        private const string CallSet = "Call";
        private const string ConferenceSet = "Conference";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SidSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("RE")]
        [ArgumentCompleter(typeof(RecordingSidCompleter))]
        [FromProperty("RecordingSid")]
        public string RecordingSid { get; set; }

        /// <summary>Anything that names a recording (a recording, a transcription): binds by type, then gives its RecordingSid.</summary>
        [Parameter(ParameterSetName = SidSet, ValueFromPipeline = true, DontShow = true)]
        public IRecordingReference InputObject { get; set; }

        /// <summary>The call whose recordings to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CallSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CA")]
        [ArgumentCompleter(typeof(CallSidCompleter))]
        public string CallSid { get; set; }

        /// <summary>A call object from the pipeline: binds by type, so its own Sid never reaches -RecordingSid.</summary>
        [Parameter(ParameterSetName = CallSet, ValueFromPipeline = true, DontShow = true)]
        public TwilioCall Call { get; set; }

        /// <summary>The conference whose recordings to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConferenceSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("CF")]
        [ArgumentCompleter(typeof(ConferenceSidCompleter))]
        public string ConferenceSid { get; set; }

        /// <summary>Recordings created on this UTC date.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [Parameter(ParameterSetName = ConferenceSet)]
        [FormField("DateCreated", DateOnly = true)]
        public DateTime DateCreated { get; set; }

        /// <summary>Recordings created on or before this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [Parameter(ParameterSetName = ConferenceSet)]
        [FormField("DateCreated<")]
        public DateTime DateCreatedBefore { get; set; }

        /// <summary>Recordings created on or after this time.</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [Parameter(ParameterSetName = CallSet)]
        [Parameter(ParameterSetName = ConferenceSet)]
        [FormField("DateCreated>")]
        public DateTime DateCreatedAfter { get; set; }

        /// <summary>Include recordings deleted in the last 40 days (account-wide lists only).</summary>
        [Parameter(ParameterSetName = ListParameterSet)]
        [FormField]
        public SwitchParameter IncludeSoftDeleted { get; set; }

        protected override object ErrorTarget => RecordingSid ?? CallSid ?? ConferenceSid;

        protected override void ProcessInput()
        {
            switch (ParameterSetName)
            {
                case SidSet:
                    WriteObject(Await(ct => Client.Recordings.FetchAsync(AccountPath().Sid(RecordingSid), ct)));
                    break;
                case CallSet:
                    WriteList(Client.Recordings, BoundFormFields(), AccountPath().With("CallSid", CallSid ?? Call?.Sid));
                    break;
                case ConferenceSet:
                    WriteList(Client.Recordings, BoundFormFields(), AccountPath().With("ConferenceSid", ConferenceSid));
                    break;
                default:
                    WriteList(Client.Recordings, BoundFormFields());
                    break;
            }
        }
    }
}
