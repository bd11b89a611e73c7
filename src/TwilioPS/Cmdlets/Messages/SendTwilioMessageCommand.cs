using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Messaging;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>
    /// Sends an SMS, MMS or WhatsApp message: every create parameter of Twilio's Message resource,
    /// validated before any request. Rows of a CSV bind by property name (To, Body, MediaUrl), so
    /// `Import-Csv people.csv | Send-TwilioMessage -From $number` sends one message per row.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "TwilioMessage", DefaultParameterSetName = FromSet, SupportsShouldProcess = true)]
    [OutputType(typeof(TwilioMessage))]
    public sealed class SendTwilioMessageCommand : TwilioBulkCmdlet
    {
        private const string FromSet = "From";
        private const string ServiceSet = "MessagingService";
        private static readonly TimeSpan EarliestSchedule = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan LatestSchedule = TimeSpan.FromDays(35);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateMessageAddress]
        [FormField]
        public string To { get; set; }

        /// <summary>Your number, short code, alphanumeric sender ID or channel address.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = FromSet, ValueFromPipelineByPropertyName = true)]
        [ValidateMessageAddress(Sender = true)]
        [FormField]
        [ArgumentCompleter(typeof(FromNumberCompleter))]
        public string From { get; set; }

        /// <summary>A Messaging Service (MG…) that picks the sender; needed for -SendAt.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("MG")]
        [FormField]
        public string MessagingServiceSid { get; set; }

        /// <summary>The text, up to 1,600 characters.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 1600)]
        [FormField]
        public string Body { get; set; }

        /// <summary>Up to 10 publicly reachable URLs of images or files to attach (MMS).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateCount(1, 10)]
        [ValidateWebhookUrl]
        [FormField]
        public string[] MediaUrl { get; set; }

        /// <summary>A Content Template (HX…) to send instead of a body, filled from -ContentVariables.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSid("HX")]
        [FormField]
        public string ContentSid { get; set; }

        /// <summary>The template's variables, e.g. @{ 1 = 'Ada'; 2 = '10:30' }; sent as JSON.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary ContentVariables { get; set; }

        [Parameter] [ValidateWebhookUrl] [FormField] public string StatusCallback { get; set; }
        [Parameter] [ValidateSid("AP")] [FormField] [ArgumentCompleter(typeof(ApplicationSidCompleter))] public string ApplicationSid { get; set; }

        /// <summary>The most you will pay per segment, in the account's currency; above it the message is not sent.</summary>
        [Parameter] [ValidateRange(0.0001, 10.0)] [FormField] public decimal MaxPrice { get; set; }

        [Parameter] [FormField] public SwitchParameter ProvideFeedback { get; set; }
        [Parameter] [ValidateRange(1, 100)] [FormField] public int Attempt { get; set; }

        /// <summary>Seconds the message may wait in Twilio's queue before it is dropped (1–36000).</summary>
        [Parameter] [ValidateRange(1, 36000)] [FormField] public int ValidityPeriod { get; set; }

        [Parameter] [FormField] public SwitchParameter ForceDelivery { get; set; }
        [Parameter] [ValidateSet("retain", "discard")] [FormField] public string ContentRetention { get; set; }
        [Parameter] [ValidateSet("retain", "obfuscate")] [FormField] public string AddressRetention { get; set; }

        /// <summary>Replace look-alike Unicode characters (curly quotes, dashes) with GSM-7 ones, which can halve the segments.</summary>
        [Parameter] [FormField] public SwitchParameter SmartEncoded { get; set; }

        /// <summary>Actions a channel may offer with the message (e.g. mailto:, geo:).</summary>
        [Parameter] [ValidateCount(1, 10)] [FormField] public string[] PersistentAction { get; set; }

        [Parameter] [ValidateSet("free")] [FormField] public string TrafficType { get; set; }
        [Parameter] [FormField] public SwitchParameter ShortenUrls { get; set; }
        [Parameter] [FormField] public SwitchParameter SendAsMms { get; set; }
        [Parameter] [ValidateSet("enable", "disable")] [FormField] public string RiskCheck { get; set; }

        /// <summary>Send later: 15 minutes to 35 days from now, through a Messaging Service (sent as ScheduleType fixed).</summary>
        [Parameter(ParameterSetName = ServiceSet)]
        public DateTime SendAt { get; set; }

        protected override object ErrorTarget => To;

        protected override void ProcessInput()
        {
            // Checked per input (CSV rows differ), before any request, each failure an error carrying the input.
            if (Body == null && MediaUrl == null && ContentSid == null)
            {
                Refuse("MessageContentMissing", "Give -Body, -MediaUrl or -ContentSid: a message needs something to send.");
                return;
            }
            bool scheduled = MyInvocation.BoundParameters.ContainsKey(nameof(SendAt));
            if (scheduled)
            {
                TimeSpan ahead = SendAt.ToUniversalTime() - DateTime.UtcNow;
                if (ahead < EarliestSchedule || ahead > LatestSchedule)
                {
                    Refuse("SendAtOutOfRange", string.Format(CultureInfo.CurrentCulture,
                        "-SendAt must be 15 minutes to 35 days from now; {0:u} is not.", SendAt.ToUniversalTime()));
                    return;
                }
            }

            string action = scheduled
                ? string.Format(CultureInfo.CurrentCulture, "Schedule a message for {0:u}", SendAt.ToUniversalTime())
                : "Send a message" + (From != null ? " from " + From : " through " + MessagingServiceSid);
            // -WhatIf shows what the body will cost before anything is sent (see Measure-TwilioMessage).
            if (Body != null) action += " (" + MessageSegments.Measure(Body, SmartEncoded.IsPresent) + ")";
            if (!ShouldProcess(To, action)) return;

            FormBuilder form = BoundFormFields();
            if (ContentVariables != null) form.Add("ContentVariables", ToJson(ContentVariables));
            if (scheduled)
            {
                form.Add("SendAt", SendAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                form.Add("ScheduleType", "fixed");
            }
            ResourcePath account = AccountPath();
            Submit(ct => Client.Messages.CreateAsync(account, form, ct), To);
        }

        private void Refuse(string errorId, string message) =>
            WriteError(new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, To));

        /// <summary>ContentVariables as Twilio reads them: a JSON object of strings.</summary>
        private static string ToJson(IDictionary variables)
        {
            using (var buffer = new System.IO.MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in variables)
                    {
                        object value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                        writer.WriteString(Convert.ToString(entry.Key, CultureInfo.InvariantCulture),
                            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                    writer.WriteEndObject();
                }
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
    }
}
