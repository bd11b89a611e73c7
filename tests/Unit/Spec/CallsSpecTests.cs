using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using TwilioPS.Cmdlets;
using TwilioPS.Cmdlets.Calls;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// The Calls cmdlets and model against Twilio's official OpenAPI spec: every field, every create,
    /// update and list parameter, every enum. A new field in the spec fails here until it is modelled.
    /// </summary>
    public class CallsSpecTests
    {
        private const string CallsPath = "/2010-04-01/Accounts/{AccountSid}/Calls.json";
        private const string CallPath = "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json";

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

        private static IEnumerable<JsonProperty> FormProperties(string path, string method) =>
            OfficialSpec.Path2010(path).GetProperty(method).GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/x-www-form-urlencoded").GetProperty("schema").GetProperty("properties").EnumerateObject();

        /// <summary>Form field name → (Twilio name as the cmdlet sends it, the property).</summary>
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

        [Fact]
        public void The_call_model_has_a_property_for_every_field_of_the_spec()
        {
            var modelled = typeof(TwilioCall).GetProperties().Select(p => p.Name).ToHashSet();
            var missing = OfficialSpec.Schema("api.v2010.account.call").GetProperty("properties").EnumerateObject()
                .Select(p => Pascal(p.Name)).Where(name => !modelled.Contains(name)).ToList();
            Assert.Empty(missing);
        }

        [Fact]
        public void NewTwilioCall_covers_every_create_parameter()
        {
            Dictionary<string, PropertyInfo> fields = FormFields(typeof(NewTwilioCallCommand));
            // SipAuthUsername/SipAuthPassword travel together as one PSCredential, never as a plain string.
            var viaCredential = new[] { "SipAuthUsername", "SipAuthPassword" };
            Assert.NotNull(typeof(NewTwilioCallCommand).GetProperty("SipAuthCredential"));
            var missing = FormProperties(CallsPath, "post").Select(p => p.Name)
                .Where(name => !fields.ContainsKey(name) && !viaCredential.Contains(name)).ToList();
            Assert.Empty(missing);
            var unknown = fields.Keys.Where(k => FormProperties(CallsPath, "post").All(p => p.Name != k)).ToList();
            Assert.Empty(unknown);
        }

        [Fact]
        public void SetTwilioCall_covers_every_update_parameter()
        {
            Dictionary<string, PropertyInfo> fields = FormFields(typeof(SetTwilioCallCommand));
            Assert.Equal(FormProperties(CallPath, "post").Select(p => p.Name).OrderBy(n => n), fields.Keys.OrderBy(n => n));
        }

        [Fact]
        public void GetTwilioCall_covers_every_list_filter()
        {
            Dictionary<string, PropertyInfo> fields = FormFields(typeof(GetTwilioCallCommand));
            var paging = new[] { "AccountSid", "PageSize", "Page", "PageToken" };
            var filters = OfficialSpec.Path2010(CallsPath).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Select(p => p.GetProperty("name").GetString()).Where(n => !paging.Contains(n));
            Assert.Equal(filters.OrderBy(n => n), fields.Keys.OrderBy(n => n));
        }

        [Theory]
        [InlineData(typeof(NewTwilioCallCommand), CallsPath)]
        [InlineData(typeof(SetTwilioCallCommand), CallPath)]
        public void Accepted_values_match_the_spec_enums(Type cmdlet, string path)
        {
            foreach (JsonProperty field in FormProperties(path, "post"))
            {
                string[] expected = EnumOf(field.Value);
                PropertyInfo property = FormFields(cmdlet).TryGetValue(field.Name, out PropertyInfo p) ? p : null;
                if (expected == null || property == null) continue;
                ValidateSetAttribute set = property.GetCustomAttribute<ValidateSetAttribute>();
                Assert.True(set != null, $"{cmdlet.Name}.{property.Name} should only accept {string.Join(", ", expected)}");
                Assert.Equal(expected.OrderBy(v => v), set.ValidValues.OrderBy(v => v));
            }
        }

        [Fact]
        public void Status_filter_accepts_exactly_the_spec_call_statuses()
        {
            ValidateSetAttribute set = typeof(GetTwilioCallCommand).GetProperty("Status").GetCustomAttribute<ValidateSetAttribute>();
            Assert.Equal(EnumOf(OfficialSpec.Schema("call_enum_status")).OrderBy(v => v), set.ValidValues.OrderBy(v => v));
        }

        [Fact]
        public void Free_text_parameters_documented_with_fixed_values_are_validated()
        {
            // The spec types these as plain strings but its descriptions name the only values Twilio accepts.
            var documented = new Dictionary<string, string[]>
            {
                ["RecordingChannels"] = new[] { "mono", "dual" },
                ["MachineDetection"] = new[] { "Enable", "DetectMessageEnd" },
                ["Trim"] = new[] { "trim-silence", "do-not-trim" },
                ["RecordingTrack"] = new[] { "inbound", "outbound", "both" },
                ["StatusCallbackEvent"] = new[] { "initiated", "ringing", "answered", "completed" },
                ["RecordingStatusCallbackEvent"] = new[] { "in-progress", "completed", "absent" },
            };
            foreach (var pair in documented)
            {
                string description = FormProperties(CallsPath, "post").Single(p => p.Name == pair.Key).Value.GetProperty("description").GetString();
                Assert.All(pair.Value, v => Assert.Contains("`" + v + "`", description));
                ValidateSetAttribute set = typeof(NewTwilioCallCommand).GetProperty(pair.Key).GetCustomAttribute<ValidateSetAttribute>();
                Assert.Equal(pair.Value.OrderBy(v => v), set.ValidValues.OrderBy(v => v));
            }
        }
    }
}
