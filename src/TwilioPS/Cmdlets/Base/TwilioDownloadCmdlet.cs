using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that saves media (a recording's audio, a transcription's text) to files: -Path as a
    /// folder or a file, -Force to overwrite, -PassThru for the files, progress in bytes. Each file is
    /// written under a temporary name beside the target and renamed when complete, so a failure or
    /// Ctrl+C never leaves half a file where the media should be.
    /// </summary>
    public abstract class TwilioDownloadCmdlet : TwilioConnectedCmdlet
    {
        private const int ChunkSize = 81920;
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// A folder (existing, or ending in a separator) to save files named after each SID into, or a
        /// file name for a single item. Defaults to the current location.
        /// </summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Overwrite files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each file written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Downloads <paramref name="mediaPath"/> to the file for <paramref name="sid"/>; errors are per input.</summary>
        protected void Save(string sid, string mediaPath, string extension, string what)
        {
            string target = TargetFile(sid, extension);
            // Checked before FileExists: the file this command just wrote exists too, and the real mistake is -Path.
            if (_written.Contains(target))
            {
                WriteError(new ErrorRecord(new IOException($"'{target}' was already written by this command: give a folder for -Path to save several."),
                    "FileWrittenTwice", ErrorCategory.InvalidArgument, sid));
                return;
            }
            if (File.Exists(target) && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"'{target}' exists. Use -Force to overwrite it."),
                    "FileExists", ErrorCategory.ResourceExists, sid));
                return;
            }
            _written.Add(target);
            if (!ShouldProcess(target, $"Save {what} {sid}")) return;

            using (HttpResponseMessage response = Await(ct => Client.Http.GetMediaAsync(mediaPath, ct)))
            {
                Download(response, target, sid, what);
            }
            if (PassThru) WriteObject(new FileInfo(target));
        }

        /// <summary>A folder gets SID.extension; anything else is the file name itself.</summary>
        private string TargetFile(string sid, string extension)
        {
            string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(Path) ? "." : Path);
            bool folder = Directory.Exists(resolved) || string.IsNullOrEmpty(Path)
                || Path.EndsWith("/", StringComparison.Ordinal) || Path.EndsWith("\\", StringComparison.Ordinal);
            return folder ? System.IO.Path.Combine(resolved, sid + extension) : resolved;
        }

        private void Download(HttpResponseMessage response, string target, string sid, string what)
        {
            string folder = System.IO.Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            string partial = target + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial";
            long? total = response.Content.Headers.ContentLength;
            var progress = new ProgressReporter(this, 2, $"Saving {what} {sid}");
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
                        progress.Report(Bytes(saved, total), Percent(saved, total));
                    }
                    progress.ReportNow(Bytes(saved, total), Percent(saved, total));
                    if (total.HasValue && saved != total.Value)
                        throw new TwilioProtocolException($"The download of {sid} ended after {saved:N0} of {total.Value:N0} bytes.");
                }
                // -Force was checked before the download; .NET Framework's File.Move cannot overwrite.
                if (File.Exists(target)) File.Delete(target);
                File.Move(partial, target);
                complete = true;
            }
            finally
            {
                if (!complete) TryDelete(partial);
                progress.Complete(null);
            }
        }

        private static string Bytes(long saved, long? total) =>
            total.HasValue
                ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} bytes", saved, total.Value)
                : string.Format(CultureInfo.CurrentCulture, "{0:N0} bytes", saved);

        private static int Percent(long saved, long? total) => total > 0 ? (int)Math.Min(100, saved * 100 / total.Value) : -1;

        private static void TryDelete(string path)
        {
            try { File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
