using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using TwilioPS.Client;
using TwilioPS.Connection;
using TwilioPS.Models;

namespace TwilioPS.Completers
{
    /// <summary>
    /// Completes -CountryCode with the countries the connected account may buy numbers in (its
    /// /AvailablePhoneNumbers.json), read once per connection and account. Completion never prompts,
    /// throws or waits long: without a connection, or when the list cannot be read in a few seconds,
    /// it offers nothing (and tries again next time).
    /// </summary>
    public sealed class AvailableCountryCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

        // Weak on the connection: a disconnected session's list goes with it.
        private static readonly ConditionalWeakTable<TwilioConnection, Dictionary<string, TwilioAvailablePhoneNumberCountry[]>> Cache =
            new ConditionalWeakTable<TwilioConnection, Dictionary<string, TwilioAvailablePhoneNumberCountry[]>>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            TwilioConnection connection = Unwrap(fakeBoundParameters?["Connection"]) as TwilioConnection ?? TwilioSession.Default;
            if (connection == null || connection.IsDisposed) return Enumerable.Empty<CompletionResult>();
            string account = Unwrap(fakeBoundParameters?["AccountSid"]) as string;
            if (string.IsNullOrEmpty(account)) account = connection.AccountSid;

            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Countries(connection, account)
                .Where(c => c.CountryCode != null && c.CountryCode.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.CountryCode, StringComparer.Ordinal)
                .Select(c => new CompletionResult(c.CountryCode, c.CountryCode, CompletionResultType.ParameterValue,
                    c.Country == null ? c.CountryCode : c.CountryCode + " " + c.Country));
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static IEnumerable<TwilioAvailablePhoneNumberCountry> Countries(TwilioConnection connection, string account)
        {
            Dictionary<string, TwilioAvailablePhoneNumberCountry[]> byAccount = Cache.GetValue(connection, _ => new Dictionary<string, TwilioAvailablePhoneNumberCountry[]>(StringComparer.Ordinal));
            lock (byAccount)
            {
                if (byAccount.TryGetValue(account, out TwilioAvailablePhoneNumberCountry[] known)) return known;
            }
            TwilioAvailablePhoneNumberCountry[] read = Read(connection, account);
            if (read == null) return Enumerable.Empty<TwilioAvailablePhoneNumberCountry>();
            lock (byAccount) byAccount[account] = read;
            return read;
        }

        /// <summary>Every page of the account's country list, or null when it could not be read in time.</summary>
        private static TwilioAvailablePhoneNumberCountry[] Read(TwilioConnection connection, string account)
        {
            using (var deadline = new CancellationTokenSource(Deadline))
            {
                try
                {
                    var countries = new List<TwilioAvailablePhoneNumberCountry>();
                    using (TwilioPager<TwilioAvailablePhoneNumberCountry> pager =
                           connection.Client.AvailablePhoneNumberCountries.List(ResourcePath.ForAccount(account), null, 1000))
                    {
                        for (TwilioPage<TwilioAvailablePhoneNumberCountry> page = pager.NextAsync(deadline.Token).GetAwaiter().GetResult();
                             page != null;
                             page = pager.NextAsync(deadline.Token).GetAwaiter().GetResult())
                        {
                            countries.AddRange(page.Records);
                        }
                    }
                    return countries.ToArray();
                }
                catch (Exception)
                {
                    // Tab completion must never fail the prompt: no list is simply no suggestions.
                    return null;
                }
            }
        }
    }
}
