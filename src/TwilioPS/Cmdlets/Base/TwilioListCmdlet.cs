using System.Globalization;
using System.Management.Automation;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that reads a Twilio list. Without -All or -First it returns the first page (Graph's
    /// model); -All follows every next_page_uri; -First/-Skip (SupportsPaging) count records across
    /// pages exactly. Records go down the pipeline as their page arrives, while the next page is
    /// already on its way.
    /// </summary>
    public abstract class TwilioListCmdlet<T> : TwilioConnectedCmdlet
    {
        private const int DefaultPageSize = 50;
        private const int MaxPageSize = 1000;

        // -All and -PageSize belong to every parameter set: a cmdlet may list in several (a call's
        // recordings, a conference's), and they are simply unused when a set fetches one record.

        /// <summary>Read every page.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Records per request (1–1000). Defaults to 50, or to what -First needs.</summary>
        [Parameter]
        [ValidateRange(1, MaxPageSize)]
        public int PageSize { get; set; }

        public const string ListParameterSet = "List";

        /// <summary>
        /// An account piped in (Get-TwilioAccount | Get-TwilioCall): binds by type, in PowerShell's first
        /// pass, to the list set, so the account's own Sid is never coerced into the cmdlet's identity
        /// parameter; its AccountSid then binds -AccountSid and the list is that account's.
        /// </summary>
        [Parameter(ParameterSetName = ListParameterSet, ValueFromPipeline = true, DontShow = true)]
        public Models.TwilioAccount Account { get; set; }

        /// <summary>
        /// Whether a listed record is wanted: a filter Twilio does not have (a wildcard name) is applied
        /// here. -First and -Skip count the records kept.
        /// </summary>
        protected virtual bool Keep(T record) => true;

        /// <summary>True when <see cref="Keep"/> may leave records out, so the pager cannot stop at -First + -Skip records.</summary>
        protected virtual bool FiltersLocally => false;

        /// <summary>
        /// What goes down the pipeline for a record that is written: the record itself, unless a cmdlet
        /// adds to it first (a call event's CallSid, a transcription's text). Not called for records
        /// skipped by -Skip, so the work it does (a download) is only done for what is written.
        /// </summary>
        protected virtual object Prepare(T record) => record;

        /// <summary>
        /// Streams a list to the pipeline, honouring -All, -First, -Skip and -PageSize; <paramref name="path"/>
        /// names the parents (a call's recordings), or null for the account's list.
        /// </summary>
        protected void WriteList(ResourceApi<T> api, FormBuilder query, ResourcePath path = null)
        {
            ulong first = PagingParameters.First;
            ulong skip = PagingParameters.Skip;
            bool limited = first != ulong.MaxValue;
            bool everything = All.IsPresent || limited;
            if (PagingParameters.IncludeTotalCount)
                WriteObject(PagingParameters.NewTotalCount(0, 0.0)); // Twilio no longer reports list totals.
            if (limited && first == 0) return;

            int pageSize = MyInvocation.BoundParameters.ContainsKey(nameof(PageSize))
                ? PageSize
                : limited ? (int)System.Math.Min((ulong)MaxPageSize, System.Math.Max((ulong)DefaultPageSize, first + skip)) : DefaultPageSize;

            using (TwilioPager<T> pager = api.List(path ?? AccountPath(), query, pageSize))
            {
                if (limited && !FiltersLocally) pager.RecordLimit = (long)System.Math.Min((ulong)long.MaxValue, first + skip);
                if (!everything) pager.PageLimit = 1;

                ulong seen = 0, written = 0;
                int pages = 0;
                var progress = new ProgressReporter(this, 1, "Reading " + typeof(T).Name.Replace("Twilio", string.Empty) + " records");
                string Counted() => string.Format(CultureInfo.CurrentCulture, "{0} record(s) in {1} page(s)", written, pages);
                while (true)
                {
                    TwilioPage<T> page = Await(pager.NextAsync);
                    if (page == null) break;
                    pages++;
                    // Each record is parsed as it is reached and written at once, so it dies young.
                    using (page)
                    {
                        foreach (T record in page)
                        {
                            if (!Keep(record)) continue;
                            if (seen++ < skip) continue;
                            WriteObject(Prepare(record));
                            if (++written == first) break;
                        }
                    }
                    FlushLog();
                    if (written == first && limited) break;
                    if (everything) progress.Report(Counted());
                }
                progress.Complete(Counted());
                if (!everything && pager.HasMore)
                    WriteVerbose("More records are available: use -All for every page, or -First N for a number of records.");
            }
        }
    }
}
