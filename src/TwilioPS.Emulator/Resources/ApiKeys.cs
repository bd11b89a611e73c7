using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account.key: a standard API key; its secret is shown once, in the create's answer.</summary>
    internal sealed class ApiKey : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<ApiKey>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string FriendlyName;
        public string Secret;
        public DateTimeOffset DateCreated, DateUpdated;

        public ApiKeyJson ToJson(bool withSecret) => new ApiKeyJson
        {
            Sid = Sid,
            FriendlyName = FriendlyName,
            DateCreated = TwilioJson.Rfc2822(DateCreated),
            DateUpdated = TwilioJson.Rfc2822(DateUpdated),
            Secret = withSecret ? Secret : null,
        };
    }

    /// <summary>The spec's key (and new_key, with the secret): no account_sid, no uri.</summary>
    internal sealed class ApiKeyJson
    {
        public string Sid { get; set; }
        public string FriendlyName { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string Secret { get; set; }
    }

    /// <summary>
    /// Every account's keys, and the index authentication reads: a key authenticates the moment it
    /// is created and stops the moment it is deleted.
    /// </summary>
    internal sealed class ApiKeyStore
    {
        private readonly ConcurrentDictionary<string, ApiKey> _bySid = new ConcurrentDictionary<string, ApiKey>(StringComparer.Ordinal);

        public ApiKeyStore()
        {
            Records = new ResourceCollection<ApiKey>(ApiCatalog.ApiKeys)
            {
                Write = (ctx, w, key) => JsonSerializer.Serialize(w, key.ToJson(withSecret: false), EmulatorJsonContext.Default.ApiKeyJson),
                Delete = (ctx, key) =>
                {
                    if (!Records.For(ctx.Account.Sid).Remove(key.Sid)) throw TwilioErrors.NotFound(ctx.Request.Path);
                    _bySid.TryRemove(key.Sid, out _);
                },
            };
        }

        public ResourceCollection<ApiKey> Records { get; }

        public ApiKey Find(string sid) => sid != null && _bySid.TryGetValue(sid, out ApiKey key) ? key : null;

        public ApiKey Add(string accountSid, string friendlyName, DateTimeOffset now, string sid = null, string secret = null)
        {
            var key = new ApiKey
            {
                Sid = sid ?? Sids.New("SK"),
                AccountSid = accountSid,
                FriendlyName = friendlyName,
                // Twilio's secrets are 32 characters of letters and digits.
                Secret = secret ?? Sids.Hex32(),
                DateCreated = now,
                DateUpdated = now,
            };
            Records.For(accountSid).Add(key);
            _bySid[key.Sid] = key;
            return key;
        }
    }

    /// <summary>The routes of <see cref="ApiCatalog.ApiKeys"/>: create answers with the secret; list, fetch and delete are generic.</summary>
    internal static class ApiKeyHandlers
    {
        public static void Register(Router router, ApiKeyStore keys) =>
            CatalogRoutes.Map(router, keys.Records, new ResourceHandlers
            {
                Create = ctx =>
                {
                    string friendlyName = FriendlyName(ctx);
                    ApiKey key = keys.Add(ctx.Account.Sid, friendlyName ?? string.Empty, ctx.Now);
                    ctx.Json(201, w => JsonSerializer.Serialize(w, key.ToJson(withSecret: true), EmulatorJsonContext.Default.ApiKeyJson));
                },
                Update = ctx =>
                {
                    ApiKey key = keys.Records.Find(ctx);
                    string friendlyName = FriendlyName(ctx);
                    keys.Records.For(ctx.Account.Sid).Mutate(() =>
                    {
                        if (friendlyName != null) key.FriendlyName = friendlyName;
                        key.DateUpdated = ctx.Now;
                    });
                    keys.Records.Respond(ctx, 200, key);
                },
            });

        private static string FriendlyName(RequestContext ctx) => Validate.FriendlyName(ctx.Form("FriendlyName"));
    }
}
