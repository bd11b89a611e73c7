using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Models;

namespace TwilioPS.Completion
{
    /// <summary>
    /// -From: the numbers the account may call or send from, its own phone numbers and its verified
    /// caller IDs, in E.164 form, each with its friendly name. Both lists are read in one go (a page
    /// each, as large as Twilio allows: an account rarely owns more numbers than that).
    /// </summary>
    public sealed class FromNumberCompleter : TwilioArgumentCompleter
    {
        private const int PageSize = 1000;

        protected override async Task<IReadOnlyList<CompletionCandidate>> FetchAsync(CompletionContext context, CancellationToken cancellationToken)
        {
            TwilioClient client = context.Connection.Client;
            ResourcePath account = ResourcePath.ForAccount(context.AccountSid);
            Task<IReadOnlyList<TwilioIncomingPhoneNumber>> owned = FirstPage(client.IncomingPhoneNumbers, account, cancellationToken);
            Task<IReadOnlyList<TwilioOutgoingCallerId>> verified = FirstPage(client.OutgoingCallerIds, account, cancellationToken);
            await Task.WhenAll(owned, verified).ConfigureAwait(false);

            var candidates = owned.Result
                .Select(n => new CompletionCandidate(n.PhoneNumber, Describe(n.FriendlyName, n.PhoneNumber, "number")))
                .ToList();
            var seen = new HashSet<string>(candidates.Select(c => c.Value));
            candidates.AddRange(verified.Result
                .Where(c => !string.IsNullOrEmpty(c.PhoneNumber) && seen.Add(c.PhoneNumber))
                .Select(c => new CompletionCandidate(c.PhoneNumber, Describe(c.FriendlyName, c.PhoneNumber, "caller ID"))));
            return candidates.Where(c => !string.IsNullOrEmpty(c.Value)).ToList();
        }

        private static string Describe(string friendlyName, string phoneNumber, string kind) =>
            string.IsNullOrEmpty(friendlyName) || friendlyName == phoneNumber ? "(" + kind + ")" : friendlyName + " (" + kind + ")";

        private static async Task<IReadOnlyList<T>> FirstPage<T>(ResourceApi<T> api, ResourcePath path, CancellationToken cancellationToken)
        {
            using (TwilioPager<T> pager = api.List(path, null, PageSize))
            {
                pager.PageLimit = 1;
                TwilioPage<T> page = await pager.NextAsync(cancellationToken).ConfigureAwait(false);
                if (page == null) return new T[0];
                using (page) return page.Records;
            }
        }
    }
}
