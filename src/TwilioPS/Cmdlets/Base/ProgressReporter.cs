using System.Diagnostics;
using System.Management.Automation;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// One Write-Progress activity of a cmdlet: the first report goes out at once, later ones a few
    /// times a second at most (a record per page or per chunk would cost more than the work it
    /// reports, and floods a remote host), and <see cref="Complete"/> always ends the bar with the
    /// final figure. The engine drops every record under $ProgressPreference = 'SilentlyContinue'.
    /// </summary>
    internal sealed class ProgressReporter
    {
        private const int IntervalMilliseconds = 250;

        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly Stopwatch _sinceReport = new Stopwatch();
        private bool _reported;
        private string _lastStatus;

        public ProgressReporter(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        /// <summary>Reports <paramref name="status"/> (and a percentage when known) unless the last report was moments ago.</summary>
        public void Report(string status, int percentComplete = -1)
        {
            if (_reported && _sinceReport.ElapsedMilliseconds < IntervalMilliseconds) return;
            Write(status, percentComplete);
        }

        /// <summary>Reports <paramref name="status"/> whatever the interval: the last figure before a pause or the end.</summary>
        public void ReportNow(string status, int percentComplete = -1) => Write(status, percentComplete);

        /// <summary>Ends the activity with its final status; nothing when nothing was reported, so no bar flashes for no work.</summary>
        public void Complete(string status)
        {
            if (!_reported) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status ?? _lastStatus) { RecordType = ProgressRecordType.Completed });
        }

        // A new record each time: the engine and the host keep the records they are given, and a
        // record changed after it was written would rewrite what they hold.
        private void Write(string status, int percentComplete)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { PercentComplete = percentComplete });
            _lastStatus = status;
            _reported = true;
            _sinceReport.Restart();
        }
    }
}
