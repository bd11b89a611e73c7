using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Completion
{
    /// <summary>
    /// Completes -CountryCode with the countries the connected account may buy numbers in (its
    /// /AvailablePhoneNumbers.json, every page), through the shared per-connection cache. Codes match
    /// by their start only ("G" offers GB, not Germany's DE), and the tooltip names the country.
    /// </summary>
    public sealed class AvailableCountryCompleter : TwilioArgumentCompleter
    {
        protected override async Task<IReadOnlyList<CompletionCandidate>> FetchAsync(CompletionContext context, CancellationToken cancellationToken)
        {
            var countries = new List<TwilioAvailablePhoneNumberCountry>();
            using (TwilioPager<TwilioAvailablePhoneNumberCountry> pager =
                   context.Connection.Client.AvailablePhoneNumberCountries.List(ResourcePath.ForAccount(context.AccountSid), null, 1000))
            {
                for (TwilioPage<TwilioAvailablePhoneNumberCountry> page = await pager.NextAsync(cancellationToken).ConfigureAwait(false);
                     page != null;
                     page = await pager.NextAsync(cancellationToken).ConfigureAwait(false))
                {
                    using (page) countries.AddRange(page.Records);
                }
            }
            return countries
                .Where(c => c.CountryCode != null)
                .OrderBy(c => c.CountryCode, StringComparer.Ordinal)
                .Select(c => new CompletionCandidate(c.CountryCode, c.Country))
                .ToList();
        }

        protected override bool Matches(CompletionCandidate candidate, string word) =>
            candidate.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase);

        protected override CompletionResult ToResult(CompletionCandidate candidate) =>
            new CompletionResult(candidate.Value, candidate.Value, CompletionResultType.ParameterValue,
                candidate.Description.Length == 0 ? candidate.Value : candidate.Value + " " + candidate.Description);
    }
}
