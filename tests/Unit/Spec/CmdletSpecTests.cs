using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using TwilioPS.Cmdlets;
using TwilioPS.Cmdlets.Accounts;
using TwilioPS.Cmdlets.ApiKeys;
using TwilioPS.Cmdlets.Applications;
using TwilioPS.Cmdlets.CallerIds;
using TwilioPS.Cmdlets.Calls;
using TwilioPS.Cmdlets.Conferences;
using TwilioPS.Cmdlets.Messages;
using TwilioPS.Cmdlets.PhoneNumbers;
using TwilioPS.Cmdlets.Queues;
using TwilioPS.Cmdlets.Notifications;
using TwilioPS.Cmdlets.Recordings;
using TwilioPS.Cmdlets.Transcriptions;
using TwilioPS.Cmdlets.Usage;
using TwilioPS.Validation;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// Every cmdlet that sends a form or list filters, against the operation of the official spec it
    /// calls: it covers every parameter of that operation (as a [FormField], or as a path parameter
    /// of the same name), sends nothing the operation lacks, and accepts only values of the spec's enums.
    /// </summary>
    public class CmdletSpecTests
    {
        private const string Account = "/2010-04-01/Accounts/{AccountSid}";

        /// <summary>(cmdlet, spec path, method). The Calls cmdlets have their own, older tests (CallsSpecTests).</summary>
        public static IEnumerable<object[]> Operations() => new[]
        {
            new object[] { typeof(GetTwilioRecordingCommand), Account + "/Recordings.json", "get" },
            new object[] { typeof(GetTwilioRecordingCommand), Account + "/Calls/{CallSid}/Recordings.json", "get" },
            new object[] { typeof(GetTwilioRecordingCommand), Account + "/Conferences/{ConferenceSid}/Recordings.json", "get" },
            new object[] { typeof(StartTwilioRecordingCommand), Account + "/Calls/{CallSid}/Recordings.json", "post" },
            new object[] { typeof(SetTwilioRecordingCommand), Account + "/Calls/{CallSid}/Recordings/{Sid}.json", "post" },
            new object[] { typeof(SetTwilioRecordingCommand), Account + "/Conferences/{ConferenceSid}/Recordings/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioTranscriptionCommand), Account + "/Transcriptions.json", "get" },
            new object[] { typeof(GetTwilioTranscriptionCommand), Account + "/Recordings/{RecordingSid}/Transcriptions.json", "get" },
            new object[] { typeof(GetTwilioNotificationCommand), Account + "/Notifications.json", "get" },
            new object[] { typeof(GetTwilioNotificationCommand), Account + "/Calls/{CallSid}/Notifications.json", "get" },
            new object[] { typeof(GetTwilioCallEventCommand), Account + "/Calls/{CallSid}/Events.json", "get" },
            new object[] { typeof(GetTwilioConferenceCommand), Account + "/Conferences.json", "get" },
            new object[] { typeof(SetTwilioConferenceCommand), Account + "/Conferences/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioConferenceParticipantCommand), Account + "/Conferences/{ConferenceSid}/Participants.json", "get" },
            new object[] { typeof(AddTwilioConferenceParticipantCommand), Account + "/Conferences/{ConferenceSid}/Participants.json", "post" },
            new object[] { typeof(SetTwilioConferenceParticipantCommand), Account + "/Conferences/{ConferenceSid}/Participants/{CallSid}.json", "post" },
            new object[] { typeof(GetTwilioQueueCommand), Account + "/Queues.json", "get" },
            new object[] { typeof(NewTwilioQueueCommand), Account + "/Queues.json", "post" },
            new object[] { typeof(SetTwilioQueueCommand), Account + "/Queues/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioQueueMemberCommand), Account + "/Queues/{QueueSid}/Members.json", "get" },
            new object[] { typeof(PopTwilioQueueMemberCommand), Account + "/Queues/{QueueSid}/Members/{CallSid}.json", "post" },
            new object[] { typeof(SendTwilioMessageCommand), Account + "/Messages.json", "post" },
            new object[] { typeof(GetTwilioMessageCommand), Account + "/Messages.json", "get" },
            new object[] { typeof(SetTwilioMessageCommand), Account + "/Messages/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioMessageMediaCommand), Account + "/Messages/{MessageSid}/Media.json", "get" },
            new object[] { typeof(SendTwilioMessageFeedbackCommand), Account + "/Messages/{MessageSid}/Feedback.json", "post" },
            new object[] { typeof(GetTwilioAccountCommand), "/2010-04-01/Accounts.json", "get" },
            new object[] { typeof(NewTwilioAccountCommand), "/2010-04-01/Accounts.json", "post" },
            new object[] { typeof(SetTwilioAccountCommand), "/2010-04-01/Accounts/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioApplicationCommand), Account + "/Applications.json", "get" },
            new object[] { typeof(NewTwilioApplicationCommand), Account + "/Applications.json", "post" },
            new object[] { typeof(SetTwilioApplicationCommand), Account + "/Applications/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/AllTime.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/Daily.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/Monthly.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/Yearly.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/Today.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/Yesterday.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/ThisMonth.json", "get" },
            new object[] { typeof(GetTwilioUsageRecordCommand), Account + "/Usage/Records/LastMonth.json", "get" },
            new object[] { typeof(GetTwilioUsageTriggerCommand), Account + "/Usage/Triggers.json", "get" },
            new object[] { typeof(NewTwilioUsageTriggerCommand), Account + "/Usage/Triggers.json", "post" },
            new object[] { typeof(SetTwilioUsageTriggerCommand), Account + "/Usage/Triggers/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioOutgoingCallerIdCommand), Account + "/OutgoingCallerIds.json", "get" },
            new object[] { typeof(NewTwilioOutgoingCallerIdCommand), Account + "/OutgoingCallerIds.json", "post" },
            new object[] { typeof(SetTwilioOutgoingCallerIdCommand), Account + "/OutgoingCallerIds/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioApiKeyCommand), Account + "/Keys.json", "get" },
            new object[] { typeof(NewTwilioApiKeyCommand), Account + "/Keys.json", "post" },
            new object[] { typeof(SetTwilioApiKeyCommand), Account + "/Keys/{Sid}.json", "post" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/Local.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/TollFree.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/Mobile.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/National.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/Voip.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/SharedCost.json", "get" },
            new object[] { typeof(GetTwilioAvailablePhoneNumberCommand), Account + "/AvailablePhoneNumbers/{CountryCode}/MachineToMachine.json", "get" },
            new object[] { typeof(GetTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers.json", "get" },
            new object[] { typeof(GetTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers/Local.json", "get" },
            new object[] { typeof(GetTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers/Mobile.json", "get" },
            new object[] { typeof(GetTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers/TollFree.json", "get" },
            new object[] { typeof(NewTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers.json", "post" },
            new object[] { typeof(SetTwilioIncomingPhoneNumberCommand), Account + "/IncomingPhoneNumbers/{Sid}.json", "post" },
        };

        /// <summary>
        /// Spec parameters a cmdlet sends under another parameter, because Twilio accepts one value only
        /// or the cmdlet sets it: (cmdlet, spec parameter) → the cmdlet parameter that sends it.
        /// </summary>
        private static readonly Dictionary<(Type, string), string> SentThrough = new Dictionary<(Type, string), string>
        {
            [(typeof(SetTwilioMessageCommand), "Body")] = "Redact",        // Twilio accepts only an empty body
            [(typeof(SetTwilioMessageCommand), "Status")] = "Cancel",      // and only canceled
            [(typeof(SendTwilioMessageCommand), "ScheduleType")] = "SendAt", // fixed, whenever SendAt is given
        };

        private static readonly string[] Paging = { "AccountSid", "PageSize", "Page", "PageToken" };

        /// <summary>Spec parameter name → its schema, for a GET's query or a POST's form.</summary>
        private static Dictionary<string, JsonElement> SpecParameters(string path, string method)
        {
            JsonElement operation = OfficialSpec.Path2010(path).GetProperty(method);
            if (method == "get")
            {
                return operation.GetProperty("parameters").EnumerateArray()
                    .Where(p => p.GetProperty("in").GetString() == "query" && !Paging.Contains(p.GetProperty("name").GetString()))
                    .ToDictionary(p => p.GetProperty("name").GetString(), p => p.GetProperty("schema"));
            }
            return operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded")
                .GetProperty("schema").GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        }

        private static IEnumerable<string> PathParameters(string path, string method) =>
            OfficialSpec.Path2010(path).GetProperty(method).TryGetProperty("parameters", out JsonElement parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString())
                : Enumerable.Empty<string>();

        private static Dictionary<string, PropertyInfo> FormFields(Type cmdlet) =>
            cmdlet.GetProperties()
                .Select(p => (Property: p, Field: p.GetCustomAttribute<FormFieldAttribute>()))
                .Where(x => x.Field != null)
                .ToDictionary(x => x.Field.Name ?? x.Property.Name, x => x.Property);

        private static string[] EnumOf(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out JsonElement reference))
                schema = OfficialSpec.Schema(reference.GetString().Split('/').Last());
            if (schema.TryGetProperty("items", out JsonElement items)) return EnumOf(items);
            return schema.TryGetProperty("enum", out JsonElement values) ? values.EnumerateArray().Select(v => v.GetString()).ToArray() : null;
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public void Covers_every_spec_parameter_of_the_operation(Type cmdlet, string path, string method)
        {
            Dictionary<string, PropertyInfo> fields = FormFields(cmdlet);
            var parameters = cmdlet.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()).Select(p => p.Name).ToHashSet();
            // The account-wide list filters by CallSid/ConferenceSid; the cmdlet reaches those lists through their own paths.
            // SipAuthUsername/SipAuthPassword travel together as one PSCredential, never as plain strings.
            if (parameters.Contains("SipAuthCredential")) { parameters.Add("SipAuthUsername"); parameters.Add("SipAuthPassword"); }
            var missing = SpecParameters(path, method).Keys
                .Where(n => !fields.ContainsKey(n) && !parameters.Contains(n) && !(SentThrough.TryGetValue((cmdlet, n), out string through) && parameters.Contains(through)))
                .ToList();
            Assert.Empty(missing);
            Assert.All(PathParameters(path, method).Where(n => n != "AccountSid" && n != "Sid"), n => Assert.Contains(n, parameters));
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public void Sends_nothing_the_operation_lacks(Type cmdlet, string path, string method)
        {
            Dictionary<string, JsonElement> spec = SpecParameters(path, method);
            var unknown = FormFields(cmdlet).Keys.Where(k => !spec.ContainsKey(k)).ToList();
            // A list cmdlet may filter in a scope that has fewer filters (IncludeSoftDeleted is account-wide only).
            if (method == "get") unknown.RemoveAll(k => k == "IncludeSoftDeleted" && !path.EndsWith("/Accounts/{AccountSid}/Recordings.json", StringComparison.Ordinal));
            Assert.Empty(unknown);
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public void Accepts_only_values_of_the_spec_enums(Type cmdlet, string path, string method)
        {
            Dictionary<string, PropertyInfo> fields = FormFields(cmdlet);
            foreach (KeyValuePair<string, JsonElement> parameter in SpecParameters(path, method))
            {
                string[] expected = EnumOf(parameter.Value);
                if (expected == null || !fields.TryGetValue(parameter.Key, out PropertyInfo property)) continue;
                // The usage categories are too many for a ValidateSet: their validator must hold exactly the spec's.
                if (property.GetCustomAttribute<ValidateUsageCategoryAttribute>() != null)
                {
                    Assert.Equal(expected, Catalog.UsageCategories.All);
                    continue;
                }
                ValidateSetAttribute set = property.GetCustomAttribute<ValidateSetAttribute>();
                Assert.True(set != null, $"{cmdlet.Name}.{property.Name} should only accept values of {string.Join(", ", expected)}");
                Assert.All(set.ValidValues, v => Assert.Contains(v, expected));
            }
        }
    }
}
