using System.Management.Automation;
using System.Text.Json.Serialization;

namespace TwilioPS.Models
{
    /// <summary>An image or file attached to a message (Twilio's Media resource).</summary>
    public sealed class TwilioMessageMedia : TwilioResource, IMessageReference
    {
        /// <summary>The media's own SID under its own name, so it binds to -MediaSid down the pipeline.</summary>
        [Hidden, JsonIgnore] public string MediaSid => Sid;

        /// <summary>The message it belongs to (Twilio's parent_sid).</summary>
        [JsonInclude] public string ParentSid { get; internal set; }

        /// <summary>The message it belongs to, under the name the message cmdlets bind by.</summary>
        [JsonIgnore] public string MessageSid => ParentSid;

        /// <summary>image/jpeg, application/pdf, …; Save-TwilioMessageMedia names files after it.</summary>
        [JsonInclude] public string ContentType { get; internal set; }

        /// <summary>"MExxx image/jpeg of MMxxx".</summary>
        public override string ToString() => Describe.Join(Sid, ContentType, MessageSid == null ? null : "of " + MessageSid);
    }
}
