using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>A conference (Twilio's Conference resource, api.v2010.account.conference).</summary>
    public sealed class TwilioConference : TwilioResource, IConferenceReference
    {
        /// <summary>The conference's own SID under its own name, so it binds to -ConferenceSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string ConferenceSid => Sid;

        /// <summary>The name callers join it by (TwiML's &lt;Conference&gt;name&lt;/Conference&gt;).</summary>
        [JsonInclude] public string FriendlyName { get; internal set; }

        /// <summary>init, in-progress or completed.</summary>
        [JsonInclude] public string Status { get; internal set; }

        /// <summary>Where it is mixed: us1, us2, ie1, de1, sg1, br1, au1, jp1.</summary>
        [JsonInclude] public string Region { get; internal set; }

        /// <summary>Why it ended: conference-ended-via-api, last-participant-left, …</summary>
        [JsonInclude] public string ReasonConferenceEnded { get; internal set; }

        /// <summary>The call whose leaving (or kicking) ended it.</summary>
        [JsonInclude] public string CallSidEndingConference { get; internal set; }

        [JsonInclude] public string ApiVersion { get; internal set; }

        [JsonInclude, JsonPropertyName("subresource_uris")] internal SubresourceUriSet SubresourceUriSet { get; set; }

        /// <summary>Name to URI of the resources under this conference (its participants, recordings).</summary>
        [JsonIgnore] public Dictionary<string, string> SubresourceUris => SubresourceUriSet?.Map;

        /// <summary>"CFxxx 'standup' in-progress".</summary>
        public override string ToString() => Describe.Join(Sid, Describe.Quoted(FriendlyName), Status);
    }
}
