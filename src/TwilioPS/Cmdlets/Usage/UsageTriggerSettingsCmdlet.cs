using System.Management.Automation;

namespace TwilioPS.Cmdlets.Usage
{
    /// <summary>
    /// What New- and Set-TwilioUsageTrigger both send, validated alike: the callback's method and the
    /// trigger's name. Only the parameters given are sent.
    /// </summary>
    public abstract class UsageTriggerSettingsCmdlet : TwilioConnectedCmdlet
    {
        /// <summary>GET or POST (Twilio's default) for -CallbackUrl.</summary>
        [Parameter] [ValidateSet("GET", "POST")] [FormField] public string CallbackMethod { get; set; }

        /// <summary>The trigger's name. (Not bound from the pipeline: a trigger piped in would rename itself to its own name.)</summary>
        [Parameter] [ValidateLength(1, 64)] [FormField] public string FriendlyName { get; set; }
    }
}
