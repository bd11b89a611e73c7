using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets.Recordings
{
    /// <summary>
    /// Downloads recordings' audio (.wav or .mp3) to a file or a folder. Each file is written under a
    /// temporary name and renamed only when complete, so a failure or Ctrl+C never leaves half a file
    /// where the recording should be.
    /// </summary>
    [Cmdlet(VerbsData.Save, "TwilioRecording", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveTwilioRecordingCommand : TwilioConnectedCmdlet
    {
        private const int ChunkSize = 81920;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Sid")]
        [ValidateSid("RE")]
        public string RecordingSid { get; set; }

        /// <summary>
        /// A folder (existing, or ending in a separator) to save RE….wav files into, or a file name for a
        /// single recording. Defaults to the current location.
        /// </summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        [ValidateSet("wav", "mp3")]
        public string Format { get; set; } = "wav";

        /// <summary>Overwrite files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object ErrorTarget => RecordingSid;

        protected override void ProcessInput()
        {
            string target = TargetFile();
            if (File.Exists(target) && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"'{target}' exists. Use -Force to overwrite it."),
                    "FileExists", ErrorCategory.ResourceExists, RecordingSid));
                return;
            }
            if (!_written.Add(target))
            {
                WriteError(new ErrorRecord(new IOException($"'{target}' was already written by this command: give a folder for -Path to save several recordings."),
                    "FileWrittenTwice", ErrorCategory.InvalidArgument, RecordingSid));
                return;
            }
            if (!ShouldProcess(target, $"Save recording {RecordingSid} as {Format}")) return;

            string media = Client.Recordings.MediaPath(AccountPath().Sid(RecordingSid), "." + Format);
            using (HttpResponseMessage response = Await(ct => Client.Http.GetMediaAsync(media, ct)))
            {
                Download(response, target);
            }
            if (PassThru) WriteObject(new FileInfo(target));
        }

        /// <summary>A folder gets RE….wav; anything else is the file name itself.</summary>
        private string TargetFile()
        {
            string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(Path) ? "." : Path);
            bool folder = Directory.Exists(resolved)
                || Path.EndsWith("/", StringComparison.Ordinal) || Path.EndsWith("\\", StringComparison.Ordinal);
            return folder ? System.IO.Path.Combine(resolved, RecordingSid + "." + Format) : resolved;
        }

        /// <summary>Streams the body to a temporary file beside the target, with progress in bytes, then renames it.</summary>
        private void Download(HttpResponseMessage response, string target)
        {
            string folder = System.IO.Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            string partial = target + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
            long? total = response.Content.Headers.ContentLength;
            var progress = new ProgressRecord(2, "Saving recording " + RecordingSid, "Starting");
            bool complete = false;
            try
            {
                using (Stream body = Await(ct => response.Content.ReadAsStreamAsync()))
                using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize))
                {
                    var buffer = new byte[ChunkSize];
                    long saved = 0;
                    while (true)
                    {
                        int read = Await(ct => body.ReadAsync(buffer, 0, buffer.Length, ct));
                        if (read == 0) break;
                        file.Write(buffer, 0, read);
                        saved += read;
                        progress.StatusDescription = total.HasValue
                            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} bytes", saved, total.Value)
                            : string.Format(CultureInfo.CurrentCulture, "{0:N0} bytes", saved);
                        if (total > 0) progress.PercentComplete = (int)Math.Min(100, saved * 100 / total.Value);
                        WriteProgress(progress);
                    }
                    if (total.HasValue && saved != total.Value)
                        throw new Client.TwilioProtocolException($"The download of {RecordingSid} ended after {saved:N0} of {total.Value:N0} bytes.");
                }
                if (File.Exists(target)) File.Delete(target);   // -Force was checked before the download
                File.Move(partial, target);
                complete = true;
            }
            finally
            {
                if (!complete) TryDelete(partial);
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private static void TryDelete(string path)
        {
            try { File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
