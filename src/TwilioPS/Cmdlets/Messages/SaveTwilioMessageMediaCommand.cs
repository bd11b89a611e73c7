using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using TwilioPS.Completion;
using TwilioPS.Models;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Messages
{
    /// <summary>
    /// Saves message media to files named after each media SID, with the extension its content type
    /// calls for (see <see cref="TwilioDownloadCmdlet"/> for -Path, -Force and the all-or-nothing files).
    /// </summary>
    [Cmdlet(VerbsData.Save, "TwilioMessageMedia", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveTwilioMessageMediaCommand : TwilioDownloadCmdlet
    {
        private static readonly Dictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["image/jpeg"] = ".jpg", ["image/jpg"] = ".jpg", ["image/png"] = ".png", ["image/gif"] = ".gif", ["image/bmp"] = ".bmp",
            ["image/webp"] = ".webp", ["image/tiff"] = ".tif", ["application/pdf"] = ".pdf", ["video/mp4"] = ".mp4",
            ["video/3gpp"] = ".3gp", ["audio/mpeg"] = ".mp3", ["audio/ogg"] = ".ogg", ["audio/amr"] = ".amr",
            ["text/vcard"] = ".vcf", ["text/x-vcard"] = ".vcf", ["text/plain"] = ".txt", ["text/csv"] = ".csv",
        };

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSid("SM", "MM")]
        [ArgumentCompleter(typeof(MessageSidCompleter))]
        public string MessageSid { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("ME")]
        [ArgumentCompleter(typeof(MessageMediaSidCompleter))]
        public string MediaSid { get; set; }

        /// <summary>The media's content type, which names the file's extension; media piped in carry it, otherwise it is looked up.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string ContentType { get; set; }

        protected override object ErrorTarget => MediaSid;

        protected override void ProcessInput()
        {
            string contentType = ContentType;
            if (string.IsNullOrEmpty(contentType))
                contentType = Await(ct => Client.MessageMedia.FetchAsync(AccountPath().With("MessageSid", MessageSid).Sid(MediaSid), ct)).ContentType;
            string extension = contentType != null && Extensions.TryGetValue(contentType.Split(';')[0].Trim(), out string known) ? known : ".bin";
            // The content is the media's own path without ".json".
            string media = Client.MessageMedia.MediaPath(AccountPath().With("MessageSid", MessageSid).Sid(MediaSid), string.Empty);
            Save(MediaSid, media, extension, "media");
        }
    }
}
