using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account.usage.usage_trigger: a callback when a category's count, usage or price reaches a value.</summary>
    internal sealed class UsageTrigger : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<UsageTrigger>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public DateTimeOffset DateCreated, DateUpdated;
        public string FriendlyName, CallbackUrl, CallbackMethod = "POST";
        public string UsageCategory, TriggerBy = "usage", Recurring = "alltime";
        public decimal TriggerValue;
        public DateTimeOffset? DateFired;

        public string UsageRecordUri => "/2010-04-01/Accounts/" + AccountSid + "/Usage/Records.json?Category=" + Uri.EscapeDataString(UsageCategory);

        /// <summary>The first day of the recurrence period <paramref name="now"/> is in; DateTime.MinValue for alltime (one period, ever).</summary>
        public DateTime PeriodStart(DateTimeOffset now)
        {
            DateTime today = now.UtcDateTime.Date;
            switch (Recurring)
            {
                case "daily": return today;
                case "monthly": return new DateTime(today.Year, today.Month, 1);
                case "yearly": return new DateTime(today.Year, 1, 1);
                default: return DateTime.MinValue;
            }
        }

        /// <summary>Whether the trigger has fired in the recurrence period <paramref name="now"/> is in.</summary>
        public bool FiredInPeriodOf(DateTimeOffset now) => DateFired.HasValue && DateFired.Value.UtcDateTime.Date >= PeriodStart(now);

        public void Write(Utf8JsonWriter w, decimal currentValue)
        {
            w.WriteStartObject();
            w.WriteString("account_sid", AccountSid);
            w.WriteString("api_version", "2010-04-01");
            w.WriteString("callback_method", CallbackMethod);
            w.WriteString("callback_url", CallbackUrl);
            w.WriteString("current_value", UsageLedger.Text(currentValue));
            TwilioJson.WriteDate(w, "date_created", DateCreated);
            TwilioJson.WriteDate(w, "date_fired", DateFired);
            TwilioJson.WriteDate(w, "date_updated", DateUpdated);
            w.WriteString("friendly_name", FriendlyName);
            w.WriteString("recurring", Recurring);
            w.WriteString("sid", Sid);
            w.WriteString("trigger_by", TriggerBy);
            w.WriteString("trigger_value", UsageLedger.Text(TriggerValue));
            w.WriteString("uri", "/2010-04-01/Accounts/" + AccountSid + "/Usage/Triggers/" + Sid + ".json");
            w.WriteString("usage_category", UsageCategory);
            w.WriteString("usage_record_uri", UsageRecordUri);
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// The routes of <see cref="ApiCatalog.UsageTriggers"/> (create and update validate; the rest is
    /// generic), and the watcher that fires triggers: every 100 ms it compares each trigger's watched
    /// value with its trigger value and, once per recurrence period, records date_fired and sends the
    /// callback, signed like a status callback.
    /// </summary>
    internal sealed class UsageTriggerWatcher : IDisposable
    {
        private static readonly string[] Recurrences = { "daily", "monthly", "yearly", "alltime" };
        private static readonly string[] Fields = { "count", "usage", "price" };
        private static readonly Regex TriggerValueForm = new Regex(@"\A(\+)?([0-9]{1,12}(\.[0-9]{1,8})?)\z", RegexOptions.CultureInvariant);

        private readonly TwilioEmulator _emulator;
        private readonly UsageLedger _ledger;
        private readonly ResourceCollection<UsageTrigger> _triggers;
        private readonly Timer _timer;
        private int _pumping;

        public UsageTriggerWatcher(TwilioEmulator emulator, UsageLedger ledger)
        {
            _emulator = emulator;
            _ledger = ledger;
            _triggers = new ResourceCollection<UsageTrigger>(ApiCatalog.UsageTriggers)
            {
                Write = (ctx, w, t) => t.Write(w, CurrentValue(t, ctx.Now)),
            }
                .Filter("UsageCategory", (t, now) => t.UsageCategory)
                .Filter("Recurring", (t, now) => t.Recurring, Recurrences)
                .Filter("TriggerBy", (t, now) => t.TriggerBy, Fields);
            _timer = new Timer(_ => Pump(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        }

        public void Register(Router router) =>
            CatalogRoutes.Map(router, _triggers, new ResourceHandlers { Create = Create, Update = Update });

        /// <summary>The watched field of the trigger's category over its current recurrence period.</summary>
        public decimal CurrentValue(UsageTrigger trigger, DateTimeOffset now)
        {
            Account account = _emulator.Accounts.Find(trigger.AccountSid);
            if (account == null) return 0m;
            List<Charge> charges = _ledger.ChargesOf(UsageRecordHandlers.Accounts(_emulator, account, includeSubaccounts: true), now);
            UsageTotals totals = UsageLedger.Totals(charges, trigger.UsageCategory, trigger.PeriodStart(now), now.UtcDateTime.Date);
            return trigger.TriggerBy == "count" ? totals.Count : trigger.TriggerBy == "price" ? totals.Price : totals.Usage;
        }

        private void Create(RequestContext ctx)
        {
            EmulatorRequest r = ctx.Request;
            string category = Required(r, "UsageCategory");
            if (!UsageCategories.IsKnown(category))
                throw TwilioErrors.InvalidParameter("Invalid UsageCategory '" + category + "': not a usage category");
            string value = Required(r, "TriggerValue");
            Match form = TriggerValueForm.Match(value);
            if (!form.Success) throw TwilioErrors.InvalidParameter("Invalid TriggerValue '" + value + "': must be a positive number, or +N");
            string callbackUrl = Required(r, "CallbackUrl");
            Validate.Enum("Recurring", r.FormValue("Recurring"), Recurrences);
            Validate.Enum("TriggerBy", r.FormValue("TriggerBy"), Fields);
            DateTimeOffset now = ctx.Now;
            var trigger = new UsageTrigger
            {
                Sid = Sids.New("UT"),
                AccountSid = ctx.Account.Sid,
                DateCreated = now,
                DateUpdated = now,
                UsageCategory = category,
                Recurring = r.FormValue("Recurring") ?? "alltime",
                TriggerBy = r.FormValue("TriggerBy") ?? "usage",
            };
            ApplySettings(r, trigger, callbackUrl);
            decimal amount = decimal.Parse(form.Groups[2].Value, CultureInfo.InvariantCulture);
            // "+N": N more than the watched value now.
            trigger.TriggerValue = form.Groups[1].Success ? CurrentValue(trigger, now) + amount : amount;
            _triggers.For(ctx.Account.Sid).Add(trigger);
            _triggers.Respond(ctx, 201, trigger);
        }

        private void Update(RequestContext ctx)
        {
            UsageTrigger trigger = _triggers.Find(ctx);
            lock (trigger)
            {
                ApplySettings(ctx.Request, trigger, ctx.Request.FormValue("CallbackUrl"));
                trigger.DateUpdated = ctx.Now;
            }
            _triggers.Respond(ctx, 200, trigger);
        }

        /// <summary>What both create and update take: the callback and the name, validated first, then applied.</summary>
        private static void ApplySettings(EmulatorRequest r, UsageTrigger trigger, string callbackUrl)
        {
            if (callbackUrl != null && !Validate.IsAbsoluteHttpUrl(callbackUrl))
                throw TwilioErrors.BadRequest(21502, "Invalid CallbackUrl: " + callbackUrl);
            string method = r.FormValue("CallbackMethod");
            Validate.Enum("CallbackMethod", method, Validate.HttpMethods);
            string name = r.FormValue("FriendlyName");
            if (name != null && name.Length > 64) throw TwilioErrors.InvalidParameter("Invalid FriendlyName: must be 64 characters or fewer");
            if (callbackUrl != null) trigger.CallbackUrl = callbackUrl;
            if (method != null) trigger.CallbackMethod = method;
            if (name != null) trigger.FriendlyName = name;
        }

        private static string Required(EmulatorRequest r, string name)
        {
            string value = r.FormValue(name);
            if (string.IsNullOrEmpty(value)) throw TwilioErrors.InvalidParameter("Missing required parameter " + name + " in the post body");
            return value;
        }

        private void Pump()
        {
            if (Interlocked.Exchange(ref _pumping, 1) == 1) return;
            try
            {
                DateTimeOffset now = _emulator.Clock.UtcNow;
                foreach (Account account in _emulator.Accounts.Store.ReadPage(null, int.MaxValue, 0, null).Items)
                {
                    SortedStore<UsageTrigger> store = _triggers.For(account.Sid);
                    if (store.Count == 0) continue;
                    foreach (UsageTrigger trigger in store.ReadPage(null, int.MaxValue, 0, null).Items)
                    {
                        if (trigger.FiredInPeriodOf(now)) continue;
                        decimal current = CurrentValue(trigger, now);
                        if (current < trigger.TriggerValue) continue;
                        string url, method;
                        lock (trigger)
                        {
                            trigger.DateFired = now;
                            url = trigger.CallbackUrl;
                            method = trigger.CallbackMethod;
                        }
                        _emulator.StatusCallbacks.Deliver(trigger.AccountSid, url, method, Parameters(trigger, current, now)).GetAwaiter().GetResult();
                    }
                }
            }
            catch (Exception)
            {
                // Stopping, or a callback URL HttpClient cannot send to: an exception escaping a timer
                // callback would end the emulator's process.
            }
            finally
            {
                Volatile.Write(ref _pumping, 0);
            }
        }

        /// <summary>The parameters Twilio sends when a usage trigger fires.</summary>
        private static List<KeyValuePair<string, string>> Parameters(UsageTrigger trigger, decimal current, DateTimeOffset now) =>
            new List<KeyValuePair<string, string>>
            {
                Pair("AccountSid", trigger.AccountSid),
                Pair("UsageTriggerSid", trigger.Sid),
                Pair("DateFired", TwilioJson.Rfc2822(now)),
                Pair("Recurring", trigger.Recurring),
                Pair("UsageCategory", trigger.UsageCategory),
                Pair("TriggerBy", trigger.TriggerBy),
                Pair("TriggerValue", UsageLedger.Text(trigger.TriggerValue)),
                Pair("CurrentValue", UsageLedger.Text(current)),
                Pair("UsageRecordUri", trigger.UsageRecordUri),
                // The same token for every delivery of one firing, so a receiver can drop repeats.
                Pair("IdempotencyToken", trigger.AccountSid + "-FIRES-" + trigger.Sid + "-" + now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            };

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value ?? string.Empty);

        public void Dispose() => _timer.Dispose();
    }
}
