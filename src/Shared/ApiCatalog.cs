using System;
using System.Collections.Generic;
using System.Linq;

// One declaration per Twilio resource, compiled into both the module (whose client reaches the API
// through it) and the emulator (whose routes it declares), and read by the tests, which check every
// path and operation against Twilio's official OpenAPI spec. Paths are written exactly as the spec
// writes them. Adding a family starts here.
namespace TwilioPS.Catalog
{
    /// <summary>What a resource scope allows, as the spec's operations on its two paths.</summary>
    [Flags]
    internal enum Operations
    {
        None = 0,
        /// <summary>POST to the collection path.</summary>
        Create = 1,
        /// <summary>GET of the collection path.</summary>
        List = 2,
        /// <summary>GET of the instance path.</summary>
        Fetch = 4,
        /// <summary>POST to the instance path.</summary>
        Update = 8,
        /// <summary>DELETE of the instance path.</summary>
        Delete = 16,
        All = Create | List | Fetch | Update | Delete,
    }

    /// <summary>
    /// One way to reach a resource: recordings, for example, are listed for the account, for a call
    /// and for a conference, and each scope has its own paths and operations.
    /// </summary>
    internal sealed class ResourceScope
    {
        public ResourceScope(ResourceDefinition resource, string name, string collectionPath, string instancePath, Operations operations)
        {
            Resource = resource;
            Name = name;
            CollectionPath = collectionPath;
            InstancePath = instancePath;
            Operations = operations;
            CollectionParameters = PathParameters(collectionPath);
            InstanceParameters = PathParameters(instancePath);
        }

        public ResourceDefinition Resource { get; }

        /// <summary>"Account", "Call", "Conference", …: the parent the scope hangs under.</summary>
        public string Name { get; }

        /// <summary>The list/create path, e.g. /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json; null if neither.</summary>
        public string CollectionPath { get; }

        /// <summary>The fetch/update/delete path, e.g. …/Recordings/{Sid}.json; null if none of them.</summary>
        public string InstancePath { get; }

        public Operations Operations { get; }

        /// <summary>The {Name} placeholders of each path, in order.</summary>
        public IReadOnlyList<string> CollectionParameters { get; }
        public IReadOnlyList<string> InstanceParameters { get; }

        public bool Allows(Operations operation) => (Operations & operation) == operation;

        public string PathFor(Operations operation) =>
            operation == Operations.Create || operation == Operations.List ? CollectionPath : InstancePath;

        public IReadOnlyList<string> ParametersFor(Operations operation) =>
            operation == Operations.Create || operation == Operations.List ? CollectionParameters : InstanceParameters;

        private static string[] PathParameters(string path)
        {
            if (path == null) return Array.Empty<string>();
            var names = new List<string>();
            for (int open = path.IndexOf('{'); open >= 0; open = path.IndexOf('{', open + 1))
                names.Add(path.Substring(open + 1, path.IndexOf('}', open) - open - 1));
            return names.ToArray();
        }

        public override string ToString() => Resource.Name + "@" + Name;
    }

    /// <summary>A Twilio resource: its name, SID prefix, list envelope key, spec schema and scopes.</summary>
    internal sealed class ResourceDefinition
    {
        private readonly List<ResourceScope> _scopes = new List<ResourceScope>();

        public ResourceDefinition(string name, string sidPrefix, string envelopeKey, string specSchema, string identityParameter = "Sid")
        {
            Name = name;
            SidPrefix = sidPrefix;
            EnvelopeKey = envelopeKey;
            SpecSchema = specSchema;
            IdentityParameter = identityParameter;
        }

        /// <summary>"Call", "Recording": the noun the cmdlets use after "Twilio".</summary>
        public string Name { get; }

        /// <summary>
        /// Two letters every SID of the resource starts with ("CA", "RE"; "SM|MM" where either occurs, as
        /// for messages); null when keyed otherwise.
        /// </summary>
        public string SidPrefix { get; }

        /// <summary>The array's key in a list page ("calls", "recordings").</summary>
        public string EnvelopeKey { get; }

        /// <summary>The component schema of one record in the spec ("api.v2010.account.call").</summary>
        public string SpecSchema { get; }

        /// <summary>The instance path's own key: "Sid", or "CallSid" for conference participants and queue members.</summary>
        public string IdentityParameter { get; }

        public IReadOnlyList<ResourceScope> Scopes => _scopes;

        public ResourceDefinition At(string scope, string collectionPath, string instancePath, Operations operations)
        {
            _scopes.Add(new ResourceScope(this, scope, collectionPath, instancePath, operations));
            return this;
        }

        /// <summary>
        /// The scope that serves an operation with exactly these path parameters: recordings fetched
        /// with {AccountSid, Sid} come from the account scope, with {AccountSid, CallSid, Sid} from the call's.
        /// </summary>
        /// <param name="scopeName">
        /// Picks among scopes with the same path parameters (a Local or TollFree number search, both
        /// under {AccountSid, CountryCode}); null takes the first declared.
        /// </param>
        public ResourceScope ScopeFor(Operations operation, ICollection<string> parameters, string scopeName = null)
        {
            foreach (ResourceScope scope in _scopes)
            {
                if (!scope.Allows(operation)) continue;
                if (scopeName != null && scope.Name != scopeName) continue;
                IReadOnlyList<string> needed = scope.ParametersFor(operation);
                if (needed.Count == parameters.Count && needed.All(parameters.Contains)) return scope;
            }
            throw new InvalidOperationException($"No {Name} scope{(scopeName == null ? "" : " " + scopeName)} can {operation} with {{{string.Join(", ", parameters)}}}.");
        }

        public override string ToString() => Name;
    }

    /// <summary>The 2010-04-01 resources this version of TwilioPS covers.</summary>
    internal static class ApiCatalog
    {
        private const string Account = "/2010-04-01/Accounts/{AccountSid}";

        /// <summary>Accounts sit above the account scope: the connection's own and its subaccounts. No delete (close with Status).</summary>
        public static readonly ResourceDefinition Accounts =
            new ResourceDefinition("Account", "AC", "accounts", "api.v2010.account")
                .At("Root", "/2010-04-01/Accounts.json", "/2010-04-01/Accounts/{Sid}.json",
                    Operations.Create | Operations.List | Operations.Fetch | Operations.Update);

        public static readonly ResourceDefinition Calls =
            new ResourceDefinition("Call", "CA", "calls", "api.v2010.account.call")
                .At("Account", Account + "/Calls.json", Account + "/Calls/{Sid}.json", Operations.All);

        public static readonly ResourceDefinition Recordings =
            new ResourceDefinition("Recording", "RE", "recordings", "api.v2010.account.recording")
                .At("Account", Account + "/Recordings.json", Account + "/Recordings/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Delete)
                .At("Call", Account + "/Calls/{CallSid}/Recordings.json", Account + "/Calls/{CallSid}/Recordings/{Sid}.json",
                    Operations.All)
                .At("Conference", Account + "/Conferences/{ConferenceSid}/Recordings.json", Account + "/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Update | Operations.Delete);

        public static readonly ResourceDefinition Transcriptions =
            new ResourceDefinition("Transcription", "TR", "transcriptions", "api.v2010.account.transcription")
                .At("Account", Account + "/Transcriptions.json", Account + "/Transcriptions/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Delete)
                .At("Recording", Account + "/Recordings/{RecordingSid}/Transcriptions.json", Account + "/Recordings/{RecordingSid}/Transcriptions/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Delete);

        public static readonly ResourceDefinition Notifications =
            new ResourceDefinition("Notification", "NO", "notifications", "api.v2010.account.notification")
                .At("Account", Account + "/Notifications.json", Account + "/Notifications/{Sid}.json", Operations.List | Operations.Fetch)
                .At("Call", Account + "/Calls/{CallSid}/Notifications.json", Account + "/Calls/{CallSid}/Notifications/{Sid}.json",
                    Operations.List | Operations.Fetch);

        /// <summary>A call's request/response log: list only, and its records have no SID.</summary>
        public static readonly ResourceDefinition CallEvents =
            new ResourceDefinition("CallEvent", null, "events", "api.v2010.account.call.call_event")
                .At("Call", Account + "/Calls/{CallSid}/Events.json", null, Operations.List);

        /// <summary>Conferences exist while calls are in them (Twilio creates them from TwiML); no create or delete.</summary>
        public static readonly ResourceDefinition Conferences =
            new ResourceDefinition("Conference", "CF", "conferences", "api.v2010.account.conference")
                .At("Account", Account + "/Conferences.json", Account + "/Conferences/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Update);

        /// <summary>A conference's participants are keyed by the SID of their call.</summary>
        public static readonly ResourceDefinition Participants =
            new ResourceDefinition("ConferenceParticipant", "CA", "participants", "api.v2010.account.conference.participant", identityParameter: "CallSid")
                .At("Conference", Account + "/Conferences/{ConferenceSid}/Participants.json", Account + "/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
                    Operations.All);

        public static readonly ResourceDefinition Queues =
            new ResourceDefinition("Queue", "QU", "queues", "api.v2010.account.queue")
                .At("Account", Account + "/Queues.json", Account + "/Queues/{Sid}.json", Operations.All);

        /// <summary>A queue's members are keyed by the SID of their call; updating one dequeues it to a URL.</summary>
        public static readonly ResourceDefinition QueueMembers =
            new ResourceDefinition("QueueMember", "CA", "queue_members", "api.v2010.account.queue.member", identityParameter: "CallSid")
                .At("Queue", Account + "/Queues/{QueueSid}/Members.json", Account + "/Queues/{QueueSid}/Members/{CallSid}.json",
                    Operations.List | Operations.Fetch | Operations.Update);

        /// <summary>A set of voice and messaging URLs that numbers point to.</summary>
        public static readonly ResourceDefinition Applications =
            new ResourceDefinition("Application", "AP", "applications", "api.v2010.account.application")
                .At("Account", Account + "/Applications.json", Account + "/Applications/{Sid}.json", Operations.All);

        /// <summary>
        /// A number the account has proved it answers, usable as a call's From. Created by a validation
        /// request (POST to the collection answers with a code to key in, not with a caller ID).
        /// </summary>
        public static readonly ResourceDefinition OutgoingCallerIds =
            new ResourceDefinition("OutgoingCallerId", "PN", "outgoing_caller_ids", "api.v2010.account.outgoing_caller_id")
                .At("Account", Account + "/OutgoingCallerIds.json", Account + "/OutgoingCallerIds/{Sid}.json", Operations.All);

        /// <summary>A standard API key: its SID and secret authenticate like the account's own credential until it is deleted.</summary>
        public static readonly ResourceDefinition ApiKeys =
            new ResourceDefinition("ApiKey", "SK", "keys", "api.v2010.account.key")
                .At("Account", Account + "/Keys.json", Account + "/Keys/{Sid}.json", Operations.All);

        /// <summary>The countries Twilio sells numbers in, each with the number types it has (its subresource URIs).</summary>
        public static readonly ResourceDefinition AvailablePhoneNumberCountries =
            new ResourceDefinition("AvailablePhoneNumberCountry", null, "countries", "api.v2010.account.available_phone_number_country", identityParameter: "CountryCode")
                .At("Account", Account + "/AvailablePhoneNumbers.json", Account + "/AvailablePhoneNumbers/{CountryCode}.json", Operations.List | Operations.Fetch);

        // Declared before the search it shapes: static fields initialise in order.
        /// <summary>The number types of the spec's AvailablePhoneNumbers subresources, as their path segments.</summary>
        public static readonly string[] AvailableNumberTypeNames = { "Local", "TollFree", "Mobile", "National", "Voip", "SharedCost", "MachineToMachine" };

        /// <summary>
        /// Numbers for sale, searched per country and type: one scope per type, each under the same
        /// {AccountSid, CountryCode}, so a request names its type with <c>ResourcePath.In</c>. The records
        /// have no SID (a phone number is bought by its E.164 form).
        /// </summary>
        public static readonly ResourceDefinition AvailablePhoneNumbers = AvailableNumberTypes(
            new ResourceDefinition("AvailablePhoneNumber", null, "available_phone_numbers", "api.v2010.account.available_phone_number_country.available_phone_number_local"));

        private static ResourceDefinition AvailableNumberTypes(ResourceDefinition resource)
        {
            foreach (string type in AvailableNumberTypeNames)
                resource.At(type, Account + "/AvailablePhoneNumbers/{CountryCode}/" + type + ".json", null, Operations.List);
            return resource;
        }

        /// <summary>
        /// The account's numbers. The account scope comes first so a request without a type uses it;
        /// the per-type scopes (Local, Mobile, TollFree) list and buy numbers of one type only.
        /// </summary>
        public static readonly ResourceDefinition IncomingPhoneNumbers =
            new ResourceDefinition("IncomingPhoneNumber", "PN", "incoming_phone_numbers", "api.v2010.account.incoming_phone_number")
                .At("Account", Account + "/IncomingPhoneNumbers.json", Account + "/IncomingPhoneNumbers/{Sid}.json", Operations.All)
                .At("Local", Account + "/IncomingPhoneNumbers/Local.json", null, Operations.Create | Operations.List)
                .At("Mobile", Account + "/IncomingPhoneNumbers/Mobile.json", null, Operations.Create | Operations.List)
                .At("TollFree", Account + "/IncomingPhoneNumbers/TollFree.json", null, Operations.Create | Operations.List);

        public static readonly ResourceDefinition Messages =
            new ResourceDefinition("Message", "SM|MM", "messages", "api.v2010.account.message")
                .At("Account", Account + "/Messages.json", Account + "/Messages/{Sid}.json", Operations.All);

        /// <summary>A message's media; the content itself is the instance path without ".json".</summary>
        public static readonly ResourceDefinition MessageMedia =
            new ResourceDefinition("MessageMedia", "ME", "media_list", "api.v2010.account.message.media")
                .At("Message", Account + "/Messages/{MessageSid}/Media.json", Account + "/Messages/{MessageSid}/Media/{Sid}.json",
                    Operations.List | Operations.Fetch | Operations.Delete);

        /// <summary>Whether a message reached its recipient (create only).</summary>
        public static readonly ResourceDefinition MessageFeedback =
            new ResourceDefinition("MessageFeedback", null, null, "api.v2010.account.message.message_feedback")
                .At("Message", Account + "/Messages/{MessageSid}/Feedback.json", null, Operations.Create);

        // Declared before UsageRecords: static fields initialise in textual order.
        /// <summary>The period scopes of <see cref="UsageRecords"/>, named as the spec's paths name them.</summary>
        public static readonly string[] UsagePeriodNames = { "AllTime", "Daily", "Monthly", "Yearly", "Today", "Yesterday", "ThisMonth", "LastMonth" };

        /// <summary>
        /// Usage summed per category: over any dates (Records), or per period, each period a list of its
        /// own (one record per category, or per category and day/month/year). Scopes are told apart by name.
        /// </summary>
        public static readonly ResourceDefinition UsageRecords = UsagePeriods(
            new ResourceDefinition("UsageRecord", null, "usage_records", "api.v2010.account.usage.usage_record"));

        private static ResourceDefinition UsagePeriods(ResourceDefinition records)
        {
            records.At("Records", Account + "/Usage/Records.json", null, Operations.List);
            foreach (string period in UsagePeriodNames)
                records.At(period, Account + "/Usage/Records/" + period + ".json", null, Operations.List);
            return records;
        }

        /// <summary>A callback Twilio makes when a usage category crosses a value (once per recurrence period).</summary>
        public static readonly ResourceDefinition UsageTriggers =
            new ResourceDefinition("UsageTrigger", "UT", "usage_triggers", "api.v2010.account.usage.usage_trigger")
                .At("Account", Account + "/Usage/Triggers.json", Account + "/Usage/Triggers/{Sid}.json", Operations.All);

        /// <summary>The account's balance: one object, fetched at a path without a SID of its own.</summary>
        public static readonly ResourceDefinition Balance =
            new ResourceDefinition("Balance", null, null, "api.v2010.account.balance")
                .At("Account", null, Account + "/Balance.json", Operations.Fetch);

        /// <summary>Every resource, for routes and tests.</summary>
        public static IReadOnlyList<ResourceDefinition> All { get; } = new[]
        {
            Accounts, Calls, Recordings, Transcriptions, Notifications, CallEvents, Conferences, Participants, Queues, QueueMembers,
            Messages, MessageMedia, MessageFeedback, Applications, UsageRecords, UsageTriggers, Balance, OutgoingCallerIds, ApiKeys,
            AvailablePhoneNumberCountries, AvailablePhoneNumbers, IncomingPhoneNumbers,
        };
    }
}
