using System.Linq;
using System.Text.Json;
using TwilioPS.Catalog;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// The usage categories TwilioPS completes and validates (src/Shared/UsageCategories.cs, compiled
    /// into the module and the emulator) are exactly every usage category enum of the official spec.
    /// </summary>
    public class UsageCategorySpecTests
    {
        [Fact]
        public void The_checked_in_categories_are_each_usage_category_enum_of_the_spec_in_order()
        {
            string[] enums = OfficialSpec.Root.GetProperty("components").GetProperty("schemas").EnumerateObject()
                .Where(s => s.Name.StartsWith("usage_record", System.StringComparison.Ordinal) && s.Name.EndsWith("_enum_category", System.StringComparison.Ordinal)
                            || s.Name == "usage_trigger_enum_usage_category")
                .Select(s => s.Name).ToArray();
            // Records, AllTime, Daily, … LastMonth, the time-parameterised form and triggers' own.
            Assert.True(enums.Length >= 10, string.Join(", ", enums));
            foreach (string name in enums)
            {
                string[] values = OfficialSpec.Schema(name).GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToArray();
                Assert.True(values.SequenceEqual(UsageCategories.All), name + " differs from UsageCategories.All");
            }
        }

        [Theory]
        [InlineData("calls", true)]
        [InlineData("totalprice", true)]
        [InlineData("sms-outbound", true)]
        [InlineData("Calls", false)]
        [InlineData("minutes", false)]
        [InlineData(null, false)]
        public void A_category_is_known_exactly_as_the_spec_writes_it(string category, bool known) =>
            Assert.Equal(known, UsageCategories.IsKnown(category));
    }
}
