using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account</summary>
    internal sealed class Account : IStoredResource
    {
        public string Sid { get; set; }
        public string FriendlyName { get; set; }
        public string Status { get; set; } = "active";
        public string Type { get; set; } = "Full";
        public string OwnerAccountSid { get; set; }
        public string AuthToken { get; set; }
        public DateTimeOffset DateCreated { get; set; }
        public DateTimeOffset DateUpdated { get; set; }
        public long Seq { get; } = SortedStore<Account>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public bool IsMain => OwnerAccountSid == Sid;

        /// <summary>Calls-per-second pacing: the earliest time the next call may leave the queue.</summary>
        internal readonly object CpsGate = new object();
        internal DateTimeOffset NextCallSlot = DateTimeOffset.MinValue;
    }

    /// <summary>The main account, its subaccounts, and credential checks.</summary>
    internal sealed class AccountStore
    {
        private static readonly string[] SubresourceNames =
        {
            "available_phone_numbers", "AvailablePhoneNumbers", "calls", "Calls", "conferences", "Conferences",
            "incoming_phone_numbers", "IncomingPhoneNumbers", "notifications", "Notifications",
            "outgoing_caller_ids", "OutgoingCallerIds", "recordings", "Recordings", "transcriptions", "Transcriptions",
            "addresses", "Addresses", "signing_keys", "SigningKeys", "connect_apps", "ConnectApps", "sip", "SIP",
            "authorized_connect_apps", "AuthorizedConnectApps", "usage", "Usage", "keys", "Keys",
            "applications", "Applications", "short_codes", "SMS/ShortCodes", "queues", "Queues",
            "messages", "Messages", "balance", "Balance",
        };

        public AccountStore(EmulatorOptions options, DateTimeOffset now)
        {
            Main = new Account
            {
                Sid = options.AccountSid,
                OwnerAccountSid = options.AccountSid,
                AuthToken = options.AuthToken,
                FriendlyName = "TwilioPS Emulator",
                DateCreated = now,
                DateUpdated = now,
            };
            Store.Add(Main);
        }

        public SortedStore<Account> Store { get; } = new SortedStore<Account>();
        public Account Main { get; }

        public Account CreateSubaccount(string friendlyName, DateTimeOffset now)
        {
            var account = new Account
            {
                Sid = Sids.New("AC"),
                OwnerAccountSid = Main.Sid,
                AuthToken = Sids.Hex32(),
                FriendlyName = string.IsNullOrEmpty(friendlyName) ? "SubAccount Created at " + TwilioJson.Rfc2822(now) : friendlyName,
                DateCreated = now,
                DateUpdated = now,
            };
            Store.Add(account);
            return account;
        }

        public Account Find(string sid) => sid != null && Store.TryGet(sid, out Account a) ? a : null;

        /// <summary>
        /// The account a Basic credential authenticates as (its auth token, or one of its API keys),
        /// or null. A closed account's credentials are gone: null, Twilio's 20003 like any unknown
        /// credential. A suspended account is returned, and the caller refuses it with 20005.
        /// </summary>
        public Account Authenticate(string username, string password, Func<string, ApiKey> findKey)
        {
            if (username == null || password == null) return null;
            Account account;
            if (username.StartsWith("SK", StringComparison.Ordinal))
            {
                ApiKey key = findKey(username);
                if (key == null || !FixedTimeEquals(password, key.Secret)) return null;
                account = Find(key.AccountSid);
            }
            else
            {
                account = Find(username);
                if (account == null || !FixedTimeEquals(password, account.AuthToken)) return null;
            }
            return account == null || account.Status == "closed" ? null : account;
        }

        /// <summary>The account resource's own path: what its owner may still reach when it is not active.</summary>
        public static string InstancePath(string accountSid) => "/2010-04-01/Accounts/" + accountSid + ".json";

        /// <summary>An account's own credential reaches itself; a main account's also reaches its subaccounts.</summary>
        public static bool CanAccess(Account principal, Account target) =>
            principal != null && target != null &&
            (principal.Sid == target.Sid || (principal.IsMain && target.OwnerAccountSid == principal.Sid));

        private static bool FixedTimeEquals(string a, string b)
        {
            if (a == null || b == null || a.Length != b.Length) return false;
            int diff = 0;
            for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }

        public static void Write(Utf8JsonWriter w, Account a)
        {
            string uri = "/2010-04-01/Accounts/" + a.Sid;
            w.WriteStartObject();
            w.WriteString("auth_token", a.AuthToken);
            TwilioJson.WriteDate(w, "date_created", a.DateCreated);
            TwilioJson.WriteDate(w, "date_updated", a.DateUpdated);
            w.WriteString("friendly_name", a.FriendlyName);
            w.WriteString("owner_account_sid", a.OwnerAccountSid);
            w.WriteString("sid", a.Sid);
            w.WriteString("status", a.Status);
            w.WriteStartObject("subresource_uris");
            for (int i = 0; i < SubresourceNames.Length; i += 2)
                w.WriteString(SubresourceNames[i], uri + "/" + SubresourceNames[i + 1] + ".json");
            w.WriteEndObject();
            w.WriteString("type", a.Type);
            w.WriteString("uri", uri + ".json");
            w.WriteEndObject();
        }
    }

    /// <summary>/2010-04-01/Accounts.json and /2010-04-01/Accounts/{AccountSid}.json</summary>
    internal static class AccountHandlers
    {
        private static readonly string[] Statuses = { "active", "suspended", "closed" };

        public static void Register(Router router)
        {
            router.Map("GET", "/2010-04-01/Accounts.json", List);
            router.Map("POST", "/2010-04-01/Accounts.json", Create);
            router.Map("GET", "/2010-04-01/Accounts/{AccountSid}.json", Fetch);
            router.Map("POST", "/2010-04-01/Accounts/{AccountSid}.json", Update);
        }

        private static void Fetch(RequestContext ctx) => ctx.Json(200, w => AccountStore.Write(w, ctx.Account));

        private static void List(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            string friendlyName = request.Filter("FriendlyName");
            string status = request.Filter("Status");
            if (status != null) Validate.Enum("Status", status, Statuses);
            Account principal = ctx.Principal;
            PageSlice<Account> slice = ctx.Emulator.Accounts.Store.ReadPage(
                a => AccountStore.CanAccess(principal, a)
                     && (friendlyName == null || a.FriendlyName == friendlyName)
                     && (status == null || a.Status == status),
                request.PageSize, request.Page, request.PageToken);
            ctx.Json(200, w => ListEnvelope.Write(w, "accounts", "/2010-04-01/Accounts.json", request, slice, AccountStore.Write));
        }

        private static void Create(RequestContext ctx)
        {
            if (!ctx.Principal.IsMain) throw TwilioErrors.Forbidden("Subaccounts cannot create subaccounts");
            Account account = ctx.Emulator.Accounts.CreateSubaccount(ctx.Form("FriendlyName"), ctx.Now);
            ctx.Json(201, w => AccountStore.Write(w, account));
        }

        private static void Update(RequestContext ctx)
        {
            string friendlyName = ctx.Form("FriendlyName");
            string status = ctx.Form("Status");
            if (status != null)
            {
                Validate.Enum("Status", status, Statuses);
                if (ctx.Account.IsMain) throw TwilioErrors.Forbidden("The main account's status cannot be changed");
                // Closing releases everything the account had; Twilio's Accounts error (21100) for reopening.
                if (ctx.Account.Status == "closed" && status != "closed")
                    throw TwilioErrors.BadRequest(21100, "A closed account cannot be reopened");
            }
            Account a = ctx.Account;
            ctx.Emulator.Accounts.Store.Mutate(() =>
            {
                if (friendlyName != null) a.FriendlyName = friendlyName;
                if (status != null) a.Status = status;
                a.DateUpdated = ctx.Now;
            });
            // A closed account's numbers go back to Twilio, for anyone to buy.
            if (status == "closed") IncomingPhoneNumberHandlers.ReleaseAll(ctx.Emulator.IncomingPhoneNumbers, ctx.Emulator.PhoneNumbers, a.Sid);
            ctx.Json(200, w => AccountStore.Write(w, a));
        }
    }
}
