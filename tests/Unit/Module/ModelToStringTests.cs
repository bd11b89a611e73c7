using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// What a record reads as in a string ("$call", Write-Host, a log line): its SID and what identifies
    /// it to a person, never its type name. Every public model is checked, so a new one cannot skip it.
    /// </summary>
    public class ModelToStringTests
    {
        private static readonly Assembly ModuleAssembly = typeof(TwilioResource).Assembly;

        public static IEnumerable<object[]> Models() =>
            ModuleAssembly.GetExportedTypes()
                .Where(t => t.Namespace == "TwilioPS.Models" && t.IsClass && !t.IsAbstract)
                .OrderBy(t => t.Name)
                .Select(t => new object[] { t.Name });

        /// <summary>Fields every record has that tell one record from another no better than its type does.</summary>
        private static readonly string[] NotIdentifying = { "AccountSid", "Uri", "ApiVersion", "DateUpdated" };

        private static Type Model(string name) => ModuleAssembly.GetType("TwilioPS.Models." + name, throwOnError: true);

        // A model without a parameterless constructor (a measure is computed, not read) starts out empty all the same.
        private static object Create(Type type) =>
            type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, Type.EmptyTypes, null) != null
                ? Activator.CreateInstance(type, nonPublic: true)
                : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);

        /// <summary>Every settable property gets a value that names it, so the string shows which ones it used.</summary>
        private static object Populated(Type type, out Dictionary<string, string> values)
        {
            object model = Create(type);
            values = new Dictionary<string, string>();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                MethodInfo setter = property.GetSetMethod(nonPublic: true);
                if (setter == null) continue;
                Type kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                object value =
                    kind == typeof(string) ? "v" + property.Name :
                    kind == typeof(int) ? 42 + property.Name.Length :
                    kind == typeof(decimal) ? 1.5m + property.Name.Length :
                    kind == typeof(bool) ? (object)true :
                    kind == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) :
                    null;
                if (value == null) continue;
                setter.Invoke(model, new[] { value });
                values[property.Name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            return model;
        }

        [Fact]
        public void Every_model_is_checked()
        {
            Assert.True(Models().Count() >= 25, string.Join(", ", Models().Select(m => m[0])));
        }

        [Theory]
        [MemberData(nameof(Models))]
        public void No_model_reads_as_its_type_name_empty_or_full(string name)
        {
            Type type = Model(name);
            Assert.NotEqual(type.FullName, Create(type).ToString());
            Assert.True(type.GetMethod("ToString", Type.EmptyTypes).DeclaringType != typeof(object), name + " does not override ToString");
            object model = Populated(type, out Dictionary<string, string> values);
            string text = model.ToString();
            Assert.NotEqual(type.FullName, text);
            Assert.False(string.IsNullOrWhiteSpace(text), name + " reads as nothing when every field is set");
        }

        [Theory]
        [MemberData(nameof(Models))]
        public void A_record_reads_as_its_SID_and_what_identifies_it(string name)
        {
            Type type = Model(name);
            object model = Populated(type, out Dictionary<string, string> values);
            string text = model.ToString();
            string[] sids = values.Keys.Where(k => k == "Sid" || (k.EndsWith("Sid", StringComparison.Ordinal) && k != "AccountSid")).ToArray();
            if (values.ContainsKey("Sid"))
                Assert.Contains(values["Sid"], text);
            else if (sids.Length > 0)
                Assert.True(sids.Any(s => text.Contains(values[s])), $"{name} reads as '{text}', without any of its SIDs ({string.Join(", ", sids)})");
            // Besides the SID, at least one more fact about the record (a number, a name, a state).
            string[] others = values.Where(v => !sids.Contains(v.Key) && !NotIdentifying.Contains(v.Key) && v.Value != "True")
                .Select(v => v.Value).ToArray();
            if (others.Length > 0)
                Assert.True(others.Any(text.Contains), $"{name} reads as '{text}': nothing but its SID");
        }

        [Fact]
        public void A_call_and_a_message_read_as_route_and_status()
        {
            Assert.Equal("CA0123 +14155550100 -> +14155550101 completed",
                Set(new Dictionary<string, object> { ["Sid"] = "CA0123", ["From"] = "+14155550100", ["To"] = "+14155550101", ["Status"] = "completed" }, "TwilioCall").ToString());
            Assert.Equal("SM0123 +14155550100 -> +14155550101 delivered",
                Set(new Dictionary<string, object> { ["Sid"] = "SM0123", ["From"] = "+14155550100", ["To"] = "+14155550101", ["Status"] = "delivered" }, "TwilioMessage").ToString());
            Assert.Equal("-19.95 USD", Set(new Dictionary<string, object> { ["AccountSid"] = "AC0123", ["Balance"] = (decimal?)-19.950m, ["Currency"] = "usd" }, "TwilioBalance").ToString());
            Assert.Equal("RE0123 of CA0123 completed 42s",
                Set(new Dictionary<string, object> { ["Sid"] = "RE0123", ["CallSid"] = "CA0123", ["Status"] = "completed", ["Duration"] = (int?)42 }, "TwilioRecording").ToString());
        }

        /// <summary>
        /// PowerShell gives a string parameter that takes pipeline input by value the piped object's
        /// ToString before it tries its properties, so a readable ToString is only safe where each such
        /// parameter takes the object's SID (or number) first.
        /// </summary>
        [Fact]
        public void Every_SID_or_number_parameter_fed_by_value_takes_the_objects_property_not_its_text()
        {
            var missing = new List<string>();
            foreach (Type cmdlet in ModuleAssembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<System.Management.Automation.CmdletAttribute>() != null))
            {
                foreach (PropertyInfo parameter in cmdlet.GetProperties().Where(p => p.PropertyType == typeof(string)))
                {
                    bool byValue = parameter.GetCustomAttributes<System.Management.Automation.ParameterAttribute>().Any(a => a.ValueFromPipeline);
                    if (!byValue || !(parameter.Name.EndsWith("Sid", StringComparison.Ordinal) || parameter.Name == "PhoneNumber")) continue;
                    var from = parameter.GetCustomAttribute<TwilioPS.Validation.FromPropertyAttribute>();
                    if (from == null || from.PropertyName != parameter.Name) missing.Add(cmdlet.Name + "." + parameter.Name);
                }
            }
            Assert.Empty(missing);
        }

        [Fact]
        public void Objects_piped_by_value_bind_by_their_SID_whatever_they_read_as()
        {
            using var s = new TwilioPS.Tests.Hosting.EmulatedSession();
            TwilioPS.Tests.Hosting.PowerShellResult r = s.Run(@"
                $app = New-TwilioApplication -FriendlyName 'IVR line'
                ($app | Get-TwilioApplication).Sid -eq $app.Sid
                $key = New-TwilioApiKey -FriendlyName 'CI deploys'
                ($key | Get-TwilioApiKey).Sid -eq $key.Sid
                ""$key"" -ne $key.Sid");
            r.ThrowIfFailed();
            Assert.Equal(new[] { "True", "True", "True" }, r.Output.Select(o => o.ToString()));
        }

        private static object Set(Dictionary<string, object> values, string name)
        {
            Type type = Model(name);
            object model = Create(type);
            foreach (var value in values) type.GetProperty(value.Key).GetSetMethod(nonPublic: true).Invoke(model, new[] { value.Value });
            return model;
        }
    }
}
