using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>api.v2010.account.application: a set of URLs, nothing more; list, fetch and delete are the generic collection's.</summary>
    internal sealed class Application : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Application>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public DateTimeOffset DateCreated, DateUpdated;
        /// <summary>Every setting by its form name (FriendlyName, VoiceUrl, …), as last sent.</summary>
        public readonly Dictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal);

        public string Setting(string name) => Settings.TryGetValue(name, out string value) ? value : null;

        public ApplicationJson ToJson()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = AccountSid, ["Sid"] = Sid };
            return new ApplicationJson
            {
                AccountSid = AccountSid,
                ApiVersion = Setting("ApiVersion") ?? "2010-04-01",
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateUpdated = TwilioJson.Rfc2822(DateUpdated),
                FriendlyName = Setting("FriendlyName"),
                MessageStatusCallback = Setting("MessageStatusCallback"),
                PublicApplicationConnectEnabled = Setting("PublicApplicationConnectEnabled") == "true",
                Sid = Sid,
                SmsFallbackMethod = Setting("SmsFallbackMethod") ?? "POST",
                SmsFallbackUrl = Setting("SmsFallbackUrl"),
                SmsMethod = Setting("SmsMethod") ?? "POST",
                SmsStatusCallback = Setting("SmsStatusCallback"),
                SmsUrl = Setting("SmsUrl"),
                StatusCallback = Setting("StatusCallback"),
                StatusCallbackMethod = Setting("StatusCallbackMethod") ?? "POST",
                Uri = CatalogRoutes.Expand(ApiCatalog.Applications.Scopes[0].InstancePath, values),
                VoiceCallerIdLookup = Setting("VoiceCallerIdLookup") == "true",
                VoiceFallbackMethod = Setting("VoiceFallbackMethod") ?? "POST",
                VoiceFallbackUrl = Setting("VoiceFallbackUrl"),
                VoiceMethod = Setting("VoiceMethod") ?? "POST",
                VoiceUrl = Setting("VoiceUrl"),
            };
        }
    }

    internal sealed class ApplicationJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string FriendlyName { get; set; }
        public string MessageStatusCallback { get; set; }
        public string Sid { get; set; }
        public string SmsFallbackMethod { get; set; }
        public string SmsFallbackUrl { get; set; }
        public string SmsMethod { get; set; }
        public string SmsStatusCallback { get; set; }
        public string SmsUrl { get; set; }
        public string StatusCallback { get; set; }
        public string StatusCallbackMethod { get; set; }
        public string Uri { get; set; }
        public bool VoiceCallerIdLookup { get; set; }
        public string VoiceFallbackMethod { get; set; }
        public string VoiceFallbackUrl { get; set; }
        public string VoiceMethod { get; set; }
        public string VoiceUrl { get; set; }
        public bool PublicApplicationConnectEnabled { get; set; }
    }

    /// <summary>The routes of <see cref="ApiCatalog.Applications"/>: create and update validate the settings; the rest is generic.</summary>
    internal static class ApplicationHandlers
    {
        private static readonly string[] Urls = { "VoiceUrl", "VoiceFallbackUrl", "StatusCallback", "SmsUrl", "SmsFallbackUrl", "SmsStatusCallback", "MessageStatusCallback" };
        private static readonly string[] Methods = { "VoiceMethod", "VoiceFallbackMethod", "StatusCallbackMethod", "SmsMethod", "SmsFallbackMethod" };
        private static readonly string[] Flags = { "VoiceCallerIdLookup", "PublicApplicationConnectEnabled" };
        private static readonly string[] ApiVersions = { "2010-04-01", "2008-08-01" };

        /// <summary>Maps the routes; the collection is returned so calls can find an application's voice URL.</summary>
        public static ResourceCollection<Application> Register(Router router)
        {
            var applications = new ResourceCollection<Application>(ApiCatalog.Applications)
            {
                Write = (ctx, w, a) => JsonSerializer.Serialize(w, a.ToJson(), EmulatorJsonContext.Default.ApplicationJson),
            }.Filter("FriendlyName", (a, now) => a.Setting("FriendlyName"));
            CatalogRoutes.Map(router, applications, new ResourceHandlers
            {
                Create = ctx => Save(ctx, applications, null),
                Update = ctx => Save(ctx, applications, applications.Find(ctx)),
            });
            return applications;
        }

        /// <summary>Creates (application null) or updates with every setting given, validated as Twilio validates them.</summary>
        private static void Save(RequestContext ctx, ResourceCollection<Application> applications, Application application)
        {
            EmulatorRequest r = ctx.Request;
            string friendlyName = r.FormValue("FriendlyName");
            Validate.Settings(r, Urls, Methods, Flags);
            Validate.Enum("ApiVersion", r.FormValue("ApiVersion"), ApiVersions);

            DateTimeOffset now = ctx.Now;
            bool created = application == null;
            if (created)
            {
                application = new Application { Sid = Sids.New("AP"), AccountSid = ctx.Account.Sid, DateCreated = now };
                // Twilio names an unnamed application after nothing at all: an empty friendly name.
                application.Settings["FriendlyName"] = friendlyName ?? string.Empty;
            }
            foreach (KeyValuePair<string, string> field in r.Form ?? new List<KeyValuePair<string, string>>())
                application.Settings[field.Key] = field.Value;
            application.DateUpdated = now;
            if (created) applications.For(ctx.Account.Sid).Add(application);
            applications.Respond(ctx, created ? 201 : 200, application);
        }
    }
}
