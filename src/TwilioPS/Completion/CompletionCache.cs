using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Connection;

namespace TwilioPS.Completion
{
    /// <summary>One value Tab can offer: what is inserted, what the menu shows, and the tooltip.</summary>
    public sealed class CompletionCandidate
    {
        public CompletionCandidate(string value, string description)
        {
            Value = value;
            Description = description ?? string.Empty;
        }

        public string Value { get; }
        public string Description { get; }
    }

    /// <summary>
    /// What completers fetched, per connection and per list (kind and account), for a minute: Tab is
    /// pressed in bursts, and every press must not cost a request. A fetch slower than the prompt can
    /// wait for (<see cref="PromptBudget"/>) keeps running and serves the next press; meanwhile the
    /// previous values (or none) are offered, so Tab never freezes the prompt on a slow network.
    /// </summary>
    internal sealed class CompletionCache
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
        public static readonly TimeSpan PromptBudget = TimeSpan.FromSeconds(1);
        /// <summary>A fetch still running after this is abandoned (the next press starts another).</summary>
        public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

        private static readonly ConditionalWeakTable<TwilioConnection, CompletionCache> ByConnection =
            new ConditionalWeakTable<TwilioConnection, CompletionCache>();

        /// <summary>
        /// The clock entries age by; tests replace it. A delegate rather than a TimeProvider: on .NET the
        /// module's netstandard TimeProvider is not the runtime's, so it cannot cross to a test.
        /// </summary>
        internal static Func<DateTimeOffset> Clock = () => DateTimeOffset.UtcNow;

        private sealed class Entry
        {
            public Task<IReadOnlyList<CompletionCandidate>> Fetch;
            public DateTimeOffset Started;
            public IReadOnlyList<CompletionCandidate> LastGood;
        }

        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        public static CompletionCache For(TwilioConnection connection) => ByConnection.GetValue(connection, _ => new CompletionCache());

        public IReadOnlyList<CompletionCandidate> Get(string key, Func<CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> fetch)
        {
            Entry entry;
            lock (_entries)
            {
                DateTimeOffset now = Clock();
                if (!_entries.TryGetValue(key, out entry))
                {
                    entry = new Entry();
                    _entries[key] = entry;
                }
                bool stale = entry.Fetch == null || now - entry.Started >= Lifetime
                    || (entry.Fetch.IsCompleted && entry.Fetch.Status != TaskStatus.RanToCompletion);
                if (stale)
                {
                    entry.Started = now;
                    entry.Fetch = StartFetch(fetch, entry);
                }
            }

            Task<IReadOnlyList<CompletionCandidate>> pending = entry.Fetch;
            try
            {
                if (pending.Wait(PromptBudget)) return pending.Result;
            }
            catch (AggregateException)
            {
                // A failed fetch (throttled, offline, no permission) offers what the last one found.
            }
            return entry.LastGood ?? Array.Empty<CompletionCandidate>();
        }

        private static async Task<IReadOnlyList<CompletionCandidate>> StartFetch(
            Func<CancellationToken, Task<IReadOnlyList<CompletionCandidate>>> fetch, Entry entry)
        {
            using (var timeout = new CancellationTokenSource(FetchTimeout))
            {
                // Off the prompt's thread: the caller waits only PromptBudget for it.
                IReadOnlyList<CompletionCandidate> result = await Task.Run(() => fetch(timeout.Token)).ConfigureAwait(false);
                entry.LastGood = result;
                return result;
            }
        }
    }
}
