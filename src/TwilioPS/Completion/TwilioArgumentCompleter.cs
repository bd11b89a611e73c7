using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Connection;

namespace TwilioPS.Completion
{
    /// <summary>
    /// Tab completion from the connected account: the connection a command line names with -Connection,
    /// else the session's default; nothing at all when there is none (completion never prompts, never
    /// errors). Values come from <see cref="CompletionCache"/>, so the prompt waits at most about a second.
    /// A typed word matches a value's start or anywhere in its description, so `-QueueSid supp` offers
    /// the SID of the queue named "support".
    /// </summary>
    public abstract class TwilioArgumentCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            TwilioConnection connection = Unwrap(fakeBoundParameters?["Connection"]) as TwilioConnection ?? TwilioSession.Default;
            if (connection == null || connection.IsDisposed) return Enumerable.Empty<CompletionResult>();

            var context = new CompletionContext(connection, fakeBoundParameters);
            string key = GetType().FullName + "|" + context.AccountSid + "|" + CacheScope(context);
            IReadOnlyList<CompletionCandidate> candidates;
            try
            {
                candidates = CompletionCache.For(connection).Get(key, ct => FetchAsync(context, ct));
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                return Enumerable.Empty<CompletionResult>();
            }

            string word = Unquote(wordToComplete);
            return candidates.Where(c => Matches(c, word)).Select(ToResult).ToList();
        }

        /// <summary>Whether a typed word offers this value: the start of the value, or anywhere in its description.</summary>
        protected virtual bool Matches(CompletionCandidate candidate, string word) =>
            word.Length == 0
            || candidate.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            || candidate.Description.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The value (quoted when PowerShell needs it), listed with its description, which is also the tooltip.</summary>
        protected virtual CompletionResult ToResult(CompletionCandidate candidate) =>
            new CompletionResult(Quote(candidate.Value),
                candidate.Description.Length == 0 ? candidate.Value : candidate.Value + "  " + candidate.Description,
                CompletionResultType.ParameterValue,
                candidate.Description.Length == 0 ? candidate.Value : candidate.Description);

        /// <summary>What else, beyond the completer and account, the values depend on (a parent's SID).</summary>
        protected virtual string CacheScope(CompletionContext context) => string.Empty;

        protected abstract Task<IReadOnlyList<CompletionCandidate>> FetchAsync(CompletionContext context, CancellationToken cancellationToken);

        internal static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Unquote(string word)
        {
            if (string.IsNullOrEmpty(word)) return string.Empty;
            return word.Trim('\'', '"');
        }

        /// <summary>Values with spaces or PowerShell's special characters go in single quotes.</summary>
        protected static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', ';', '(', ')', '{', '}', '@', '#', '&', '|', ',' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }

    /// <summary>What a completer knows of the command line being completed.</summary>
    public sealed class CompletionContext
    {
        private readonly IDictionary _bound;

        internal CompletionContext(TwilioConnection connection, IDictionary bound)
        {
            Connection = connection;
            _bound = bound;
            AccountSid = Bound("AccountSid") ?? connection.AccountSid;
        }

        public TwilioConnection Connection { get; }

        /// <summary>The (sub)account the command line acts for: its -AccountSid, else the connection's.</summary>
        public string AccountSid { get; }

        /// <summary>A parameter already typed on the command line, when it is a plain value.</summary>
        public string Bound(string parameterName) =>
            _bound != null && _bound.Contains(parameterName) ? TwilioArgumentCompleter.Unwrap(_bound[parameterName]) as string : null;
    }
}
