using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account.incoming_phone_number: a number an account bought, and what answers it.</summary>
    internal sealed class IncomingNumber : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<IncomingNumber>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public DateTimeOffset DateCreated, DateUpdated;
        /// <summary>The number as it was for sale: its place and capabilities, and what goes back to the inventory on release.</summary>
        public AvailableNumber Available;
        /// <summary>Every setting by its form name (FriendlyName, VoiceUrl, …), as last sent.</summary>
        public readonly Dictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal);

        public string Setting(string name) => Settings.TryGetValue(name, out string value) && value != string.Empty ? value : null;

        public IncomingNumberJson ToJson()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = AccountSid, ["Sid"] = Sid };
            return new IncomingNumberJson
            {
                AccountSid = AccountSid,
                AddressRequirements = Available.AddressRequirements,
                AddressSid = Setting("AddressSid"),
                ApiVersion = Setting("ApiVersion") ?? "2010-04-01",
                Beta = Available.Beta,
                BundleSid = Setting("BundleSid"),
                Capabilities = Available.Capabilities(),
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(DateUpdated),
                EmergencyAddressSid = Setting("EmergencyAddressSid"),
                // An address given is taken as registered at once (Twilio registers it within minutes).
                EmergencyAddressStatus = Setting("EmergencyAddressSid") != null ? "registered" : "unregistered",
                EmergencyStatus = Setting("EmergencyStatus") ?? "Inactive",
                FriendlyName = Setting("FriendlyName") ?? Available.FriendlyName,
                IdentitySid = Setting("IdentitySid"),
                Origin = "twilio",
                PhoneNumber = Available.PhoneNumber,
                Sid = Sid,
                SmsApplicationSid = Setting("SmsApplicationSid"),
                SmsFallbackMethod = Setting("SmsFallbackMethod") ?? "POST",
                SmsFallbackUrl = Setting("SmsFallbackUrl"),
                SmsMethod = Setting("SmsMethod") ?? "POST",
                SmsUrl = Setting("SmsUrl"),
                Status = "in-use",
                StatusCallback = Setting("StatusCallback"),
                StatusCallbackMethod = Setting("StatusCallbackMethod") ?? "POST",
                TrunkSid = Setting("TrunkSid"),
                Uri = CatalogRoutes.Expand(ApiCatalog.IncomingPhoneNumbers.Scopes[0].InstancePath, values),
                VoiceApplicationSid = Setting("VoiceApplicationSid"),
                VoiceCallerIdLookup = Setting("VoiceCallerIdLookup") == "true",
                VoiceFallbackMethod = Setting("VoiceFallbackMethod") ?? "POST",
                VoiceFallbackUrl = Setting("VoiceFallbackUrl"),
                VoiceMethod = Setting("VoiceMethod") ?? "POST",
                VoiceReceiveMode = Setting("VoiceReceiveMode") ?? "voice",
                VoiceUrl = Setting("VoiceUrl"),
            };
        }
    }

    internal sealed class IncomingNumberJson
    {
        public string AccountSid { get; set; }
        public string AddressSid { get; set; }
        public string AddressRequirements { get; set; }
        public string ApiVersion { get; set; }
        public bool Beta { get; set; }
        public CapabilitiesJson Capabilities { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string FriendlyName { get; set; }
        public string IdentitySid { get; set; }
        public string PhoneNumber { get; set; }
        public string Origin { get; set; }
        public string Sid { get; set; }
        public string SmsApplicationSid { get; set; }
        public string SmsFallbackMethod { get; set; }
        public string SmsFallbackUrl { get; set; }
        public string SmsMethod { get; set; }
        public string SmsUrl { get; set; }
        public string StatusCallback { get; set; }
        public string StatusCallbackMethod { get; set; }
        public string TrunkSid { get; set; }
        public string Uri { get; set; }
        public string VoiceReceiveMode { get; set; }
        public string VoiceApplicationSid { get; set; }
        public bool VoiceCallerIdLookup { get; set; }
        public string VoiceFallbackMethod { get; set; }
        public string VoiceFallbackUrl { get; set; }
        public string VoiceMethod { get; set; }
        public string VoiceUrl { get; set; }
        public string EmergencyStatus { get; set; }
        public string EmergencyAddressSid { get; set; }
        public string EmergencyAddressStatus { get; set; }
        public string BundleSid { get; set; }
        public string Status { get; set; }
    }

    /// <summary>
    /// The routes of <see cref="ApiCatalog.IncomingPhoneNumbers"/>: buying takes a number out of the
    /// inventory (by PhoneNumber, or any in an AreaCode), releasing puts it back, an update may move it
    /// to another account of the same main account; list (all, or one type), fetch are generic.
    /// </summary>
    internal static class IncomingPhoneNumberHandlers
    {
        private static readonly string[] Urls = { "VoiceUrl", "VoiceFallbackUrl", "StatusCallback", "SmsUrl", "SmsFallbackUrl" };
        private static readonly string[] Methods = { "VoiceMethod", "VoiceFallbackMethod", "StatusCallbackMethod", "SmsMethod", "SmsFallbackMethod" };
        private static readonly string[] Flags = { "VoiceCallerIdLookup" };
        private static readonly string[] ApiVersions = { "2010-04-01", "2008-08-01" };
        private static readonly string[] ReceiveModes = { "voice", "fax" };
        private static readonly string[] EmergencyStatuses = { "Active", "Inactive" };
        private static readonly string[] Origins = { "twilio", "hosted" };
        private static readonly Regex AreaCode = new Regex(@"\A[2-9][0-9]{2}\z", RegexOptions.CultureInvariant);
        private static readonly Regex NumberFilter = new Regex(@"\A\+?[0-9*]{1,15}\z", RegexOptions.CultureInvariant);

        /// <summary>Referenced resources a setting names, by the SID prefix the spec gives them.</summary>
        private static readonly Dictionary<string, string> SidSettings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VoiceApplicationSid"] = "AP", ["SmsApplicationSid"] = "AP", ["TrunkSid"] = "TK", ["EmergencyAddressSid"] = "AD",
            ["AddressSid"] = "AD", ["IdentitySid"] = "RI", ["BundleSid"] = "BU",
        };

        private static readonly string[] Settable =
            Urls.Concat(Methods).Concat(SidSettings.Keys).Concat(Flags).Concat(new[] { "FriendlyName", "ApiVersion", "VoiceReceiveMode", "EmergencyStatus" }).ToArray();

        public static ResourceCollection<IncomingNumber> Register(Router router, PhoneNumberInventory inventory, ResourceCollection<Application> applications, AccountStore accounts)
        {
            var numbers = new ResourceCollection<IncomingNumber>(ApiCatalog.IncomingPhoneNumbers)
            {
                Write = (ctx, w, n) => JsonSerializer.Serialize(w, n.ToJson(), EmulatorJsonContext.Default.IncomingNumberJson),
                // The per-type lists (Local, Mobile, TollFree) show numbers of their type only.
                Visible = (ctx, n) => ctx.Scope.Name == "Account" || n.Available.Type == ctx.Scope.Name,
            }
            .Filter("FriendlyName", (n, now) => n.Setting("FriendlyName") ?? n.Available.FriendlyName)
            .Filter("Origin", (n, now) => "twilio", Origins)
            .Filter("Beta", value => Validate.Bool("Beta", value) == false ? (Func<IncomingNumber, bool>)(n => !n.Available.Beta) : n => true)
            .Filter("PhoneNumber", value =>
            {
                if (!NumberFilter.IsMatch(value)) throw TwilioErrors.InvalidParameter("Invalid PhoneNumber '" + value + "': digits, an optional leading + and * for any digit");
                Regex partial = AvailablePhoneNumberHandlers.ContainsRegex(value);
                return n => partial.IsMatch(n.Available.PhoneNumber);
            });
            numbers.Delete = (ctx, n) =>
            {
                if (!numbers.For(n.AccountSid).Remove(n.Sid)) throw TwilioErrors.NotFound(ctx.Request.Path);
                inventory.Return(n.Available);
            };
            CatalogRoutes.Map(router, numbers, new ResourceHandlers
            {
                Create = ctx => Buy(ctx, numbers, inventory, applications),
                Update = ctx => Update(ctx, numbers, applications, accounts),
            });
            return numbers;
        }

        /// <summary>Releases every number of an account back to the inventory (Twilio does so when an account is closed).</summary>
        public static void ReleaseAll(ResourceCollection<IncomingNumber> numbers, PhoneNumberInventory inventory, string accountSid)
        {
            SortedStore<IncomingNumber> store = numbers.For(accountSid);
            foreach (IncomingNumber number in store.ReadPage(null, int.MaxValue, 0, null).Items)
                if (store.Remove(number.Sid)) inventory.Return(number.Available);
        }

        private static void Buy(RequestContext ctx, ResourceCollection<IncomingNumber> numbers, PhoneNumberInventory inventory, ResourceCollection<Application> applications)
        {
            EmulatorRequest r = ctx.Request;
            string phoneNumber = r.FormValue("PhoneNumber");
            string areaCode = r.FormValue("AreaCode");
            // The per-type paths buy numbers of their type, by PhoneNumber only (the spec gives them no AreaCode).
            string type = ctx.Scope.Name == "Account" ? null : ctx.Scope.Name;
            if (type != null) areaCode = null;
            if (phoneNumber == null && areaCode == null)
                throw TwilioErrors.InvalidParameter(type == null ? "A PhoneNumber or an AreaCode is required" : "A PhoneNumber is required");
            if (phoneNumber != null && !Validate.IsE164(phoneNumber))
                throw TwilioErrors.BadRequest(21421, "PhoneNumber is invalid: " + phoneNumber);
            // 21451 (chosen): the area code is not three digits a US or Canadian area code can be.
            if (phoneNumber == null && !AreaCode.IsMatch(areaCode)) throw TwilioErrors.BadRequest(21451, "Invalid area code: " + areaCode);
            ValidateSettings(ctx, ctx.Account.Sid, applications);

            AvailableNumber bought = phoneNumber != null ? inventory.Take(phoneNumber, type) : inventory.TakeInAreaCode(areaCode);
            if (bought == null)
            {
                throw phoneNumber != null
                    ? TwilioErrors.BadRequest(21422, "PhoneNumber " + phoneNumber + " is not available")
                    : TwilioErrors.BadRequest(21452, "No phone numbers found in area code " + areaCode);
            }
            DateTimeOffset now = ctx.Now;
            var number = new IncomingNumber { Sid = Sids.New("PN"), AccountSid = ctx.Account.Sid, Available = bought, DateCreated = now, DateUpdated = now };
            Apply(r, number);
            numbers.For(number.AccountSid).Add(number);
            numbers.Respond(ctx, 201, number);
        }

        private static void Update(RequestContext ctx, ResourceCollection<IncomingNumber> numbers, ResourceCollection<Application> applications, AccountStore accounts)
        {
            IncomingNumber number = numbers.Find(ctx);
            string destination = ctx.Request.FormValue("AccountSid");
            Account target = null;
            if (destination != null && destination != number.AccountSid)
            {
                if (!Validate.IsSid(destination, "AC")) throw TwilioErrors.InvalidParameter("Invalid AccountSid '" + destination + "'");
                target = accounts.Find(destination);
                // Numbers move only within one main account's family, and only by a credential that
                // reaches the destination: the main account's (a subaccount cannot give numbers away).
                // 21613-style refusals are undocumented; 400 20001 (chosen) names the reason.
                if (target == null || target.OwnerAccountSid != ctx.Account.OwnerAccountSid || !AccountStore.CanAccess(ctx.Principal, target))
                    throw TwilioErrors.InvalidParameter("AccountSid " + destination + " is not an account of the same main account that this credential may use");
                if (target.Status == "closed") throw TwilioErrors.InvalidParameter("AccountSid " + destination + " is closed");
            }
            // Applications are looked up in the account the number ends up in.
            ValidateSettings(ctx, target?.Sid ?? number.AccountSid, applications);

            numbers.For(number.AccountSid).Mutate(() =>
            {
                Apply(ctx.Request, number);
                number.DateUpdated = ctx.Now;
            });
            if (target != null)
            {
                numbers.For(number.AccountSid).Remove(number.Sid);
                number.AccountSid = target.Sid;
                numbers.For(target.Sid).Add(number);
            }
            numbers.Respond(ctx, 200, number);
        }

        /// <summary>Every setting given, checked as Twilio checks it, before anything changes.</summary>
        private static void ValidateSettings(RequestContext ctx, string accountSid, ResourceCollection<Application> applications)
        {
            EmulatorRequest r = ctx.Request;
            Validate.Settings(r, Urls, Methods, Flags);
            Validate.Enum("ApiVersion", r.FormValue("ApiVersion"), ApiVersions);
            Validate.Enum("VoiceReceiveMode", r.FormValue("VoiceReceiveMode"), ReceiveModes);
            Validate.Enum("EmergencyStatus", r.FormValue("EmergencyStatus"), EmergencyStatuses);
            foreach (KeyValuePair<string, string> reference in SidSettings)
            {
                string sid = r.FormValue(reference.Key);
                // An empty value clears the setting.
                if (string.IsNullOrEmpty(sid)) continue;
                if (!Validate.IsSid(sid, reference.Value)) throw TwilioErrors.InvalidParameter("Invalid " + reference.Key + " '" + sid + "'");
                // Twilio documents no code of its own for a number pointed at an application the account
                // does not have; the emulator answers as Twilio answers for that application itself
                // (404 20404 naming its path), so the error says exactly which resource is missing.
                if (reference.Value == "AP" && !applications.For(accountSid).TryGet(sid, out _))
                    throw TwilioErrors.NotFound(CatalogRoutes.Expand(ApiCatalog.Applications.Scopes[0].InstancePath,
                        new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = accountSid, ["Sid"] = sid }));
            }
        }

        private static void Apply(EmulatorRequest r, IncomingNumber number)
        {
            foreach (string name in Settable)
            {
                string value = r.FormValue(name);
                if (value != null) number.Settings[name] = value;
            }
            // A voice application and a trunk exclude each other: setting one drops the other.
            if (!string.IsNullOrEmpty(r.FormValue("VoiceApplicationSid"))) number.Settings.Remove("TrunkSid");
            else if (!string.IsNullOrEmpty(r.FormValue("TrunkSid"))) number.Settings.Remove("VoiceApplicationSid");
        }
    }
}
