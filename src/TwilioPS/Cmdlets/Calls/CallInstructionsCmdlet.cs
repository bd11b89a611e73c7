using System.Management.Automation;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Calls
{
    /// <summary>
    /// What a call runs and reports, shared by the cmdlets that place a call and that redirect one
    /// (New-TwilioCall, Set-TwilioCall): the TwiML source (-Url with its method and fallback, or
    /// -Twiml), the status callback and the time limit. Declared once, so the two accept and
    /// validate exactly the same values, under the same parameter sets ("Url", "Twiml").
    /// </summary>
    public abstract class CallInstructionsCmdlet : TwilioBulkCmdlet
    {
        protected const string UrlSet = "Url";
        protected const string TwimlSet = "Twiml";

        /// <summary>The URL that returns the call's TwiML.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UrlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateWebhookUrl]
        [FormField]
        public string Url { get; set; }

        [Parameter(ParameterSetName = UrlSet)]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string Method { get; set; }

        [Parameter(ParameterSetName = UrlSet)]
        [ValidateWebhookUrl]
        [FormField]
        public string FallbackUrl { get; set; }

        [Parameter(ParameterSetName = UrlSet)]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string FallbackMethod { get; set; }

        /// <summary>TwiML to run instead of fetching it from a URL.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TwimlSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 4000)]
        [FormField]
        public string Twiml { get; set; }

        [Parameter]
        [ValidateWebhookUrl]
        [FormField]
        public string StatusCallback { get; set; }

        [Parameter]
        [ValidateSet("GET", "POST")]
        [FormField]
        public string StatusCallbackMethod { get; set; }

        /// <summary>Longest the call may last, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        [FormField]
        public int TimeLimit { get; set; }
    }
}
