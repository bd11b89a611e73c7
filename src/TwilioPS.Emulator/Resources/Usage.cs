using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>One priced event: a finished call or a sent message, as billed.</summary>
    internal sealed class Charge
    {
        public string AccountSid;
        /// <summary>calls, sms or mms.</summary>
        public string Category;
        /// <summary>inbound or outbound.</summary>
        public string Direction;
        /// <summary>When the usage happened: a call's start, a message's sending.</summary>
        public DateTimeOffset At;
        /// <summary>Minutes for a call (each started minute), segments for an SMS, 1 for an MMS.</summary>
        public decimal Usage;
        public decimal Price;
    }

    /// <summary>A usage category's totals over some days.</summary>
    internal struct UsageTotals
    {
        public decimal Count, Usage, Price;
    }

    /// <summary>
    /// Everything the emulator has billed. A call's or message's status is computed from the clock on
    /// every read, so nothing "happens" when a call ends: each read of usage (and each delete, before
    /// a record goes) first settles what the clock has finished since, once per call or message, so a
    /// deleted call stays billed as it would on Twilio.
    /// </summary>
    internal sealed class UsageLedger
    {
        private readonly TwilioEmulator _emulator;
        private readonly object _gate = new object();
        private readonly HashSet<string> _settled = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<Charge> _charges = new List<Charge>();

        public UsageLedger(TwilioEmulator emulator) { _emulator = emulator; }

        /// <summary>Bills every call and message of every account that has finished by <paramref name="now"/> and is not billed yet.</summary>
        public void Settle(DateTimeOffset now)
        {
            lock (_gate)
            {
                foreach (Account account in _emulator.Accounts.Store.ReadPage(null, int.MaxValue, 0, null).Items)
                {
                    foreach (Call call in _emulator.Calls.For(account.Sid).ReadPage(null, int.MaxValue, 0, null).Items)
                        if (!_settled.Contains(call.Sid)) SettleCall(call, now);
                    foreach (Message message in _emulator.Messages.For(account.Sid).Messages.ReadPage(null, int.MaxValue, 0, null).Items)
                        if (!_settled.Contains(message.Sid)) SettleMessage(message, now);
                }
            }
        }

        private void SettleCall(Call call, DateTimeOffset now)
        {
            CallState state = call.Evaluate(now);
            if (state.IsActive) return;
            _settled.Add(call.Sid);
            long seconds = long.Parse(state.Duration ?? "0", CultureInfo.InvariantCulture);
            decimal price = call.Prices.ForCall(state.Status, seconds);
            if (price == 0m) return;
            _charges.Add(new Charge
            {
                AccountSid = call.AccountSid,
                Category = "calls",
                Direction = call.Direction != null && call.Direction.StartsWith("inbound", StringComparison.Ordinal) ? "inbound" : "outbound",
                At = state.StartTime ?? state.EndTime ?? now,
                Usage = EmulatorPrices.BilledMinutes(seconds),
                Price = price,
            });
        }

        private void SettleMessage(Message message, DateTimeOffset now)
        {
            MessageState state = message.Evaluate(now);
            if (!state.IsFinal) return;
            _settled.Add(message.Sid);
            if (state.Status != "delivered" && state.Status != "undelivered") return; // failed and canceled cost nothing
            bool mms = message.NumMedia > 0;
            _charges.Add(new Charge
            {
                AccountSid = message.AccountSid,
                Category = mms ? "mms" : "sms",
                Direction = "outbound",
                At = state.DateSent ?? now,
                Usage = mms ? 1 : message.Segments,
                Price = message.Prices.ForMessage(message.NumMedia, message.Segments),
            });
        }

        /// <summary>The charges of these accounts, settled up to <paramref name="now"/>.</summary>
        public List<Charge> ChargesOf(ICollection<string> accounts, DateTimeOffset now)
        {
            Settle(now);
            lock (_gate) return _charges.Where(c => accounts.Contains(c.AccountSid)).ToList();
        }

        /// <summary>Everything billed so far, in every account (a main account's balance pays for its subaccounts).</summary>
        public decimal TotalPrice(DateTimeOffset now)
        {
            Settle(now);
            lock (_gate) return _charges.Sum(c => c.Price);
        }

        /// <summary>An amount as Twilio writes one: no trailing zeros ("0.056", "2").</summary>
        public static string Text(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

        /// <summary>A category's totals among these charges, on the days from <paramref name="first"/> to <paramref name="last"/> (UTC).</summary>
        public static UsageTotals Totals(IEnumerable<Charge> charges, string category, DateTime first, DateTime last)
        {
            var totals = new UsageTotals();
            foreach (Charge c in charges)
            {
                DateTime day = c.At.UtcDateTime.Date;
                if (day < first || day > last || !UsageCategoryInfo.Counts(category, c)) continue;
                totals.Count++;
                totals.Usage += c.Usage;
                totals.Price += c.Price;
            }
            if (category == "totalprice")
            {
                // Twilio counts no events for the total: its usage is the price itself.
                totals.Count = 0;
                totals.Usage = totals.Price;
            }
            return totals;
        }
    }

    /// <summary>The categories the emulator bills, with Twilio's descriptions and units.</summary>
    internal static class UsageCategoryInfo
    {
        private sealed class Info
        {
            public string Description, CountUnit, UsageUnit;
            public Func<Charge, bool> Counts;
        }

        private static readonly Dictionary<string, Info> Billed = new Dictionary<string, Info>(StringComparer.Ordinal)
        {
            ["calls"] = Of("Voice Minutes", "calls", "minutes", c => c.Category == "calls"),
            ["calls-inbound"] = Of("Inbound Voice Minutes", "calls", "minutes", c => c.Category == "calls" && c.Direction == "inbound"),
            ["calls-outbound"] = Of("Outbound Voice Minutes", "calls", "minutes", c => c.Category == "calls" && c.Direction == "outbound"),
            ["mms"] = Of("MMS Messages", "messages", "messages", c => c.Category == "mms"),
            ["mms-inbound"] = Of("Inbound MMS Messages", "messages", "messages", c => c.Category == "mms" && c.Direction == "inbound"),
            ["mms-outbound"] = Of("Outbound MMS Messages", "messages", "messages", c => c.Category == "mms" && c.Direction == "outbound"),
            ["sms"] = Of("SMS Messages", "messages", "segments", c => c.Category == "sms"),
            ["sms-inbound"] = Of("Inbound SMS Messages", "messages", "segments", c => c.Category == "sms" && c.Direction == "inbound"),
            ["sms-outbound"] = Of("Outbound SMS Messages", "messages", "segments", c => c.Category == "sms" && c.Direction == "outbound"),
            ["totalprice"] = Of("Total Price", "", "usd", c => true),
        };

        private static Info Of(string description, string countUnit, string usageUnit, Func<Charge, bool> counts) =>
            new Info { Description = description, CountUnit = countUnit, UsageUnit = usageUnit, Counts = counts };

        /// <summary>The categories listed when none is asked for, in the spec's order.</summary>
        public static readonly string[] Listed = UsageCategories.All.Where(Billed.ContainsKey).ToArray();

        /// <summary>Whether a charge counts in a category; categories the emulator does not bill count nothing.</summary>
        public static bool Counts(string category, Charge charge) => Billed.TryGetValue(category, out Info info) && info.Counts(charge);

        public static string Description(string category) => Billed.TryGetValue(category, out Info info) ? info.Description : category;
        public static string CountUnit(string category) => Billed.TryGetValue(category, out Info info) ? info.CountUnit : "";
        public static string UsageUnit(string category) => Billed.TryGetValue(category, out Info info) ? info.UsageUnit : "";
    }

    /// <summary>A computed usage record, keyed for the generic list envelope's page tokens.</summary>
    internal sealed class UsageRecord : IStoredResource
    {
        public string Sid { get; set; }
        public long SortTicks => 0;
        public long Seq { get; set; }
        public string AccountSid, Category;
        public DateTime StartDate, EndDate;
        public UsageTotals Totals;
    }

    /// <summary>
    /// api.v2010.account.usage.usage_record on every Usage/Records path: computed from the ledger for
    /// the request's account (and, unless IncludeSubaccounts=false, a main account's subaccounts), per
    /// category and per the path's period on the emulator's clock (days in UTC).
    /// </summary>
    internal static class UsageRecordHandlers
    {
        private static readonly Regex Offset = new Regex(@"\A([+-])([0-9]{1,5})days\z", RegexOptions.CultureInvariant);

        public static void Register(Router router, UsageLedger ledger)
        {
            CatalogRoutes.Map(router, ApiCatalog.UsageRecords, new ResourceHandlers { List = ctx => List(ctx, ledger) });
        }

        /// <summary>The accounts whose usage a request for <paramref name="account"/> reads.</summary>
        public static HashSet<string> Accounts(TwilioEmulator emulator, Account account, bool includeSubaccounts)
        {
            var sids = new HashSet<string>(StringComparer.Ordinal) { account.Sid };
            if (account.IsMain && includeSubaccounts)
                foreach (Account other in emulator.Accounts.Store.ReadPage(null, int.MaxValue, 0, null).Items)
                    if (other.OwnerAccountSid == account.Sid) sids.Add(other.Sid);
            return sids;
        }

        /// <summary>The days a period covers on the clock's today: (first, last).</summary>
        public static (DateTime First, DateTime Last) Window(string period, DateTime today, DateTime earliest)
        {
            DateTime month = new DateTime(today.Year, today.Month, 1);
            switch (period)
            {
                case "Today": return (today, today);
                case "Yesterday": return (today.AddDays(-1), today.AddDays(-1));
                case "ThisMonth": return (month, today);
                case "LastMonth": return (month.AddMonths(-1), month.AddDays(-1));
                default: return (earliest, today);
            }
        }

        private static void List(RequestContext ctx, UsageLedger ledger)
        {
            EmulatorRequest r = ctx.Request;
            string category = r.QueryValue("Category");
            if (category != null && !UsageCategories.IsKnown(category))
                throw TwilioErrors.InvalidParameter("Invalid Category '" + category + "': not a usage category");
            bool includeSubaccounts = Validate.Bool("IncludeSubaccounts", r.QueryValue("IncludeSubaccounts")) ?? true;
            DateTime today = ctx.Now.UtcDateTime.Date;
            DateTime? startDate = Day("StartDate", r.QueryValue("StartDate"), today);
            DateTime? endDate = Day("EndDate", r.QueryValue("EndDate"), today);
            if (startDate > endDate)
                throw TwilioErrors.InvalidParameter("Invalid StartDate '" + r.QueryValue("StartDate") + "': after EndDate '" + r.QueryValue("EndDate") + "'");

            HashSet<string> accounts = Accounts(ctx.Emulator, ctx.Account, includeSubaccounts);
            List<Charge> charges = ledger.ChargesOf(accounts, ctx.Now);
            DateTime earliest = ctx.Account.DateCreated.UtcDateTime.Date;
            foreach (Charge c in charges) if (c.At.UtcDateTime.Date < earliest) earliest = c.At.UtcDateTime.Date;

            string period = ctx.Scope.Name;
            (DateTime first, DateTime last) = Window(period, today, earliest);
            // The preset periods (today, this month, …) are fixed; the others span the days asked for.
            bool preset = period == "Today" || period == "Yesterday" || period == "ThisMonth" || period == "LastMonth";
            if (!preset)
            {
                first = startDate ?? first;
                last = endDate ?? last;
            }

            var records = new List<UsageRecord>();
            foreach (string c in category != null ? new[] { category } : UsageCategoryInfo.Listed)
                foreach ((DateTime from, DateTime to) in Buckets(period, first, last))
                    records.Add(new UsageRecord
                    {
                        Sid = c + "." + from.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                        Seq = records.Count,
                        AccountSid = ctx.Account.Sid,
                        Category = c,
                        StartDate = from,
                        EndDate = to,
                        Totals = UsageLedger.Totals(charges, c, from, to),
                    });

            ListRequest request = ListRequest.Parse(r.Query);
            int skip = request.Page * request.PageSize;
            var slice = new PageSlice<UsageRecord>
            {
                Items = records.Skip(skip).Take(request.PageSize).ToList(),
                HasMore = records.Count > skip + request.PageSize,
            };
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.UsageRecords.EnvelopeKey, path, request, slice, (jw, record) => Write(jw, record, ctx)));
        }

        /// <summary>The periods' buckets: one per day, month or year for Daily, Monthly, Yearly; the whole window otherwise.</summary>
        private static IEnumerable<(DateTime, DateTime)> Buckets(string period, DateTime first, DateTime last)
        {
            if (first > last) yield break;
            if (period != "Daily" && period != "Monthly" && period != "Yearly")
            {
                yield return (first, last);
                yield break;
            }
            for (DateTime from = first; from <= last;)
            {
                DateTime next = period == "Daily" ? from.AddDays(1)
                    : period == "Monthly" ? new DateTime(from.Year, from.Month, 1).AddMonths(1)
                    : new DateTime(from.Year + 1, 1, 1);
                DateTime to = next.AddDays(-1) < last ? next.AddDays(-1) : last;
                yield return (from, to);
                from = next;
            }
        }

        /// <summary>A usage date: YYYY-MM-DD, or an offset from today ("-30days", "+0days") as Twilio accepts.</summary>
        private static DateTime? Day(string name, string value, DateTime today)
        {
            if (value == null) return null;
            Match offset = Offset.Match(value);
            if (offset.Success)
            {
                int days = int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture);
                return today.AddDays(offset.Groups[1].Value == "-" ? -days : days);
            }
            if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day)) return day;
            throw TwilioErrors.InvalidParameter("Invalid " + name + " '" + value + "': must be a date (YYYY-MM-DD) or an offset such as -30days");
        }

        private static string DayText(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static void Write(Utf8JsonWriter w, UsageRecord record, RequestContext ctx)
        {
            string records = "/2010-04-01/Accounts/" + record.AccountSid + "/Usage/Records";
            string query = "?Category=" + Uri.EscapeDataString(record.Category);
            w.WriteStartObject();
            w.WriteString("account_sid", record.AccountSid);
            w.WriteString("api_version", "2010-04-01");
            w.WriteString("as_of", ctx.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
            w.WriteString("category", record.Category);
            w.WriteString("count", UsageLedger.Text(record.Totals.Count));
            w.WriteString("count_unit", UsageCategoryInfo.CountUnit(record.Category));
            w.WriteString("description", UsageCategoryInfo.Description(record.Category));
            w.WriteString("end_date", DayText(record.EndDate));
            w.WriteNumber("price", decimal.Parse(UsageLedger.Text(record.Totals.Price), CultureInfo.InvariantCulture));
            w.WriteString("price_unit", "usd");
            w.WriteString("start_date", DayText(record.StartDate));
            w.WriteStartObject("subresource_uris");
            w.WriteString("all_time", records + "/AllTime.json" + query);
            w.WriteString("daily", records + "/Daily.json" + query);
            w.WriteString("last_month", records + "/LastMonth.json" + query);
            w.WriteString("monthly", records + "/Monthly.json" + query);
            w.WriteString("this_month", records + "/ThisMonth.json" + query);
            w.WriteString("today", records + "/Today.json" + query);
            w.WriteString("yearly", records + "/Yearly.json" + query);
            w.WriteString("yesterday", records + "/Yesterday.json" + query);
            w.WriteEndObject();
            w.WriteString("uri", records + ".json" + query + "&StartDate=" + DayText(record.StartDate) + "&EndDate=" + DayText(record.EndDate));
            w.WriteString("usage", UsageLedger.Text(record.Totals.Usage));
            w.WriteString("usage_unit", UsageCategoryInfo.UsageUnit(record.Category));
            w.WriteEndObject();
        }
    }

    /// <summary>api.v2010.account.balance: the starting balance less everything billed; subaccounts spend from their parent's.</summary>
    internal static class BalanceHandlers
    {
        public static void Register(Router router, UsageLedger ledger, decimal startingBalance)
        {
            CatalogRoutes.Map(router, ApiCatalog.Balance, new ResourceHandlers
            {
                Fetch = ctx =>
                {
                    decimal balance = startingBalance - ledger.TotalPrice(ctx.Now);
                    ctx.Json(200, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("account_sid", ctx.Account.Sid);
                        w.WriteString("balance", balance.ToString("0.00###", CultureInfo.InvariantCulture));
                        w.WriteString("currency", "USD");
                        w.WriteEndObject();
                    });
                },
            });
        }
    }
}
