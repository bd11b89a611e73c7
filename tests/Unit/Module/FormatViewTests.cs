using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TwilioPS.Catalog;
using TwilioPS.Client;
using TwilioPS.Tests.Hosting;
using TwilioPS.Tests.Spec;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// TwilioPS.Format.ps1xml as shipped in out/TwilioPS, held to the rules every view follows: each
    /// output type has a table and a list view naming only properties the type has, tables fit a
    /// 120-character console, money and quantities show with their unit, and a table leads with the
    /// columns Twilio's own spec marks as the resource's default output. A new type or column that
    /// skips a rule fails here.
    /// </summary>
    public class FormatViewTests
    {
        private const int ConsoleWidth = 120;
        private static readonly Assembly ModuleAssembly = typeof(TwilioPS.Cmdlets.TwilioCmdlet).Assembly;
        private static readonly Regex PropertyReference = new Regex(@"\$_\.(\w+)", RegexOptions.CultureInvariant);

        /// <summary>A money amount and the property holding its currency.</summary>
        private static readonly Dictionary<string, string> MoneyUnits = new Dictionary<string, string>
        {
            ["Price"] = "PriceUnit",
            ["Balance"] = "Currency",
        };

        /// <summary>
        /// Spec fields a model carries under another name: a call event's request and response are
        /// shown as the method, URL and status code read from them; a media's parent is its message.
        /// </summary>
        private static readonly Dictionary<string, Dictionary<string, string[]>> SpecFieldNames = new Dictionary<string, Dictionary<string, string[]>>
        {
            ["TwilioCallEvent"] = new Dictionary<string, string[]>
            {
                ["request"] = new[] { "Method", "Url" },
                ["response"] = new[] { "ResponseCode" },
            },
            ["TwilioMessageMedia"] = new Dictionary<string, string[]> { ["parent_sid"] = new[] { "ParentSid", "MessageSid" } },
        };

        private static XDocument Format() =>
            XDocument.Load(Path.Combine(ModuleAssemblies.ModuleDirectory, "TwilioPS.Format.ps1xml"));

        /// <summary>One view as the tests read it: the type, the kind, and per column or item the properties it reads.</summary>
        private sealed class View
        {
            public string Name;
            public Type Type;
            public bool IsTable;
            public List<Column> Columns = new List<Column>();
        }

        private sealed class Column
        {
            public string Label;
            public int? Width;
            public string Property;
            public string Script;

            public IEnumerable<string> Reads() =>
                Property != null ? new[] { Property } : PropertyReference.Matches(Script).Cast<Match>().Select(m => m.Groups[1].Value).Distinct();

            public override string ToString() => $"{Label} ({string.Join(", ", Reads())})";
        }

        private static List<View> Views()
        {
            var views = new List<View>();
            foreach (XElement view in Format().Descendants("View"))
            {
                string typeName = view.Element("ViewSelectedBy").Element("TypeName").Value;
                var parsed = new View { Name = view.Element("Name").Value, Type = ModuleAssembly.GetType(typeName) };
                XElement table = view.Element("TableControl");
                if (table != null)
                {
                    parsed.IsTable = true;
                    XElement[] headers = table.Descendants("TableColumnHeader").ToArray();
                    XElement[] items = table.Descendants("TableColumnItem").ToArray();
                    Assert.True(headers.Length == items.Length, $"{parsed.Name}: {headers.Length} headers for {items.Length} columns");
                    for (int i = 0; i < items.Length; i++)
                    {
                        string width = headers[i].Element("Width")?.Value;
                        parsed.Columns.Add(new Column
                        {
                            Label = headers[i].Element("Label")?.Value ?? items[i].Element("PropertyName")?.Value,
                            Width = width == null ? (int?)null : int.Parse(width),
                            Property = items[i].Element("PropertyName")?.Value,
                            Script = items[i].Element("ScriptBlock")?.Value,
                        });
                    }
                }
                else
                {
                    foreach (XElement item in view.Descendants("ListItem"))
                        parsed.Columns.Add(new Column
                        {
                            Label = item.Element("Label")?.Value ?? item.Element("PropertyName")?.Value,
                            Property = item.Element("PropertyName")?.Value,
                            Script = item.Element("ScriptBlock")?.Value,
                        });
                }
                views.Add(parsed);
            }
            return views;
        }

        /// <summary>What cmdlets declare they emit, as module types (PowerShell formats its own, FileInfo and the rest).</summary>
        private static IEnumerable<Type> OutputTypes() =>
            ModuleAssembly.GetTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
                .SelectMany(a => a.Type)
                .Select(t => t.Type)
                .Where(t => t != null && t.Assembly == ModuleAssembly)
                .Distinct();

        /// <summary>The models the client reads each catalog resource into.</summary>
        private static Dictionary<ResourceDefinition, Type> CatalogModels() =>
            typeof(TwilioClient).GetProperties()
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ResourceApi<>))
                .Select(p => p.PropertyType.GetGenericArguments()[0])
                .Distinct()
                .ToDictionary(t => ApiCatalog.All.Single(r => "Twilio" + r.Name == t.Name), t => t);

        private static IEnumerable<string> Properties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        public static IEnumerable<object[]> ViewedTypes() =>
            OutputTypes().Concat(CatalogModels().Values).Distinct().OrderBy(t => t.FullName).Select(t => new object[] { t.FullName });

        [Theory]
        [MemberData(nameof(ViewedTypes))]
        public void Every_output_type_has_a_table_and_a_list_view(string typeName)
        {
            List<View> views = Views().Where(v => v.Type?.FullName == typeName).ToList();
            Assert.True(views.Any(v => v.IsTable), typeName + " has no table view");
            Assert.True(views.Any(v => !v.IsTable), typeName + " has no list view");
        }

        [Fact]
        public void The_views_cover_the_declared_output_types_and_the_catalog_models()
        {
            // Guards the theory above against an empty reflection: the module has a few dozen types to show.
            Assert.True(ViewedTypes().Count() >= 25, string.Join(", ", ViewedTypes().Select(r => r[0])));
            Assert.Contains(new object[] { "TwilioPS.Models.TwilioCall" }, ViewedTypes());
        }

        [Fact]
        public void Every_view_selects_a_module_type_and_names_only_its_properties()
        {
            foreach (View view in Views())
            {
                Assert.True(view.Type != null, view.Name + " selects a type the module does not have");
                var properties = Properties(view.Type).ToHashSet();
                Assert.NotEmpty(view.Columns);
                foreach (Column column in view.Columns)
                {
                    Assert.True(column.Property != null || column.Script != null, $"{view.Name}: column {column} shows nothing");
                    foreach (string read in column.Reads())
                        Assert.True(properties.Contains(read), $"{view.Name}: {view.Type.Name} has no property {read} (column {column})");
                    Assert.NotEmpty(column.Reads());
                }
            }
        }

        [Fact]
        public void Every_table_fits_a_120_character_console_by_its_declared_widths()
        {
            foreach (View view in Views().Where(v => v.IsTable))
            {
                int[] widths = view.Columns.Where(c => c.Width.HasValue).Select(c => c.Width.Value).ToArray();
                // One space separates each column from the next.
                int total = widths.Sum() + Math.Max(0, widths.Length - 1);
                Assert.True(total <= ConsoleWidth, $"{view.Name} is {total} characters wide: {string.Join(" + ", widths)}");
                foreach (Column column in view.Columns.Where(c => c.Width.HasValue))
                    Assert.True(column.Width >= column.Label.Length, $"{view.Name}: the {column.Label} column is narrower than its label");
            }
        }

        [Fact]
        public void Money_and_quantities_show_with_their_unit_in_every_view()
        {
            foreach (View view in Views())
            {
                var properties = Properties(view.Type).ToHashSet();
                foreach (Column column in view.Columns)
                {
                    foreach (string read in column.Reads().ToArray())
                    {
                        string unit = MoneyUnits.TryGetValue(read, out string currency) ? currency
                            : properties.Contains(read + "Unit") ? read + "Unit" : null;
                        if (unit == null || !properties.Contains(unit)) continue;
                        Assert.True(column.Reads().Contains(unit), $"{view.Name}: column {column} shows {read} without {unit}");
                        if (MoneyUnits.ContainsKey(read))
                            Assert.True(column.Script.Contains("[TwilioPS.Models.Money]::Format($_." + read + ", $_." + unit + ")"),
                                $"{view.Name}: column {column} formats money other than through Money.Format");
                    }
                    // A unit alone beside its amount would read as a separate fact.
                    foreach (string unit in MoneyUnits.Values.Where(properties.Contains))
                        Assert.False(column.Property == unit, $"{view.Name} shows {unit} as a column of its own");
                }
            }
        }

        public static IEnumerable<object[]> SpecResources() =>
            CatalogModels().Keys.OrderBy(r => r.Name).Select(r => new object[] { r.Name });

        /// <summary>The spec's default output fields of a resource, from its first scope's list path (else its instance path).</summary>
        private static string[] DefaultOutputProperties(ResourceDefinition resource)
        {
            ResourceScope scope = resource.Scopes[0];
            JsonElement paths = OfficialSpec.Root.GetProperty("paths");
            foreach (string path in new[] { scope.CollectionPath, scope.InstancePath }.Where(p => p != null))
            {
                if (paths.TryGetProperty(path, out JsonElement item) && item.TryGetProperty("x-twilio", out JsonElement twilio)
                    && twilio.TryGetProperty("defaultOutputProperties", out JsonElement fields))
                    return fields.EnumerateArray().Select(f => f.GetString()).ToArray();
            }
            return Array.Empty<string>();
        }

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

        [Theory]
        [MemberData(nameof(SpecResources))]
        public void Each_table_leads_with_the_specs_default_output_properties(string resourceName)
        {
            ResourceDefinition resource = ApiCatalog.All.Single(r => r.Name == resourceName);
            Type model = CatalogModels()[resource];
            string[] fields = DefaultOutputProperties(resource);
            Assert.True(fields.Length > 0, $"The spec gives {resourceName} no defaultOutputProperties");
            var properties = Properties(model).ToHashSet();

            // Each field as the model names it; every name must be a property, or the translation is wrong.
            string[][] wanted = fields.Select(field =>
                SpecFieldNames.TryGetValue(model.Name, out var names) && names.TryGetValue(field, out string[] alias) ? alias : new[] { Pascal(field) }).ToArray();
            foreach (string name in wanted.SelectMany(w => w))
                Assert.True(properties.Contains(name), $"{model.Name} has no property {name} for the spec's default output");

            View table = Views().First(v => v.IsTable && v.Type == model);
            // Walk the leading columns: each shows the next field, or more of the field before it
            // (a call event's method and URL are both its request; a price column also reads its unit).
            int next = 0;
            foreach (Column column in table.Columns)
            {
                if (next == wanted.Length) break;
                string[] reads = column.Reads().ToArray();
                if (reads.Intersect(wanted[next]).Any())
                {
                    next++;
                    // One column may show several fields in a row: an amount with its unit.
                    while (next < wanted.Length && reads.Intersect(wanted[next]).Any()) next++;
                    continue;
                }
                Assert.True(next > 0 && reads.Intersect(wanted[next - 1]).Any(),
                    $"{table.Name}: column {column} comes before the spec's {fields[next]} (columns must start with {string.Join(", ", fields)})");
            }
            Assert.True(next == wanted.Length, $"{table.Name} does not show the spec's {string.Join(", ", fields.Skip(next))} in its leading columns");
        }

        [Fact]
        public void Money_Format_shows_the_amount_then_its_currency_in_capitals()
        {
            Assert.Equal("-0.013 USD", TwilioPS.Models.Money.Format(-0.01300m, "usd"));
            Assert.Equal("19.95 EUR", TwilioPS.Models.Money.Format(19.95m, "EUR"));
            Assert.Equal("0.00 USD", TwilioPS.Models.Money.Format(0.000m, "USD"));
            Assert.Equal("3.50 USD", TwilioPS.Models.Money.Format(3.5m, "USD"));
            Assert.Equal("1.50", TwilioPS.Models.Money.Format(1.50m, null));
            Assert.Equal(string.Empty, TwilioPS.Models.Money.Format(null, "USD"));
        }

        [Fact]
        public void The_views_render_in_the_engine_with_money_in_its_unit()
        {
            using var s = new EmulatedSession(seedCalls: 3);
            s.Emulator.SeedRecordings(2, transcribed: true);
            PowerShellResult r = s.Run(@"
                Get-TwilioCall | Out-String -Width 120
                '#####'
                Get-TwilioCall -First 1 | Format-List | Out-String -Width 120
                '#####'
                Get-TwilioBalance | Out-String -Width 120
                '#####'
                Get-TwilioTranscription | Out-String -Width 120");
            r.ThrowIfFailed();
            string[] parts = string.Join("\n", r.Output).Split("#####");
            Assert.Matches(@"Sid\s+From\s+To\s+Status\s+StartTime\s+Duration\s+Price", parts[0]);
            Assert.True(Regex.IsMatch(parts[0], @"CA[0-9a-f]{32}\s.*\s-?\d+(\.\d+)? USD"), parts[0]);
            Assert.Matches(@"Direction\s*:\s*\S", parts[1]);
            Assert.Matches(@"Price\s*:\s*-?\d+(\.\d+)? USD", parts[1]);
            Assert.DoesNotContain("PriceUnit", parts[1]);
            Assert.Matches(@"AC[0-9a-f]{32}\s+-?\d+(\.\d+)? USD", parts[2]);
            Assert.Matches(@"Sid\s+Type\s+Status\s+Duration\s+Price", parts[3]);
            Assert.DoesNotContain("AdditionalProperties", string.Join("\n", r.Output));
        }
    }
}
