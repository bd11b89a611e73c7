using System.Linq;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Messaging
{
    /// <summary>Measure-TwilioMessage in a real engine: binding, pipeline input, warnings and its view, without a connection.</summary>
    public class MeasureTwilioMessageTests
    {
        [Fact]
        public void Measures_a_body_without_a_connection()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("Measure-TwilioMessage ('a' * 161)");
            r.ThrowIfFailed();
            TwilioMessageMeasure m = Assert.Single(r.Objects<TwilioMessageMeasure>());
            Assert.Equal(("GSM-7", 2, 153, 145), (m.Encoding, m.Segments, m.CharactersPerSegment, m.RemainingInLastSegment));
        }

        [Fact]
        public void Csv_rows_are_measured_by_their_Body_column()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run(@"
                $csv = @'
To,Body
+14155550101,Your code is 1234
+14155550102,""Café “Bleu” opens at 9 😀""
+14155550103,
'@
                # An empty cell at the very end of the text arrives as $null, not as an empty string.
                $segments = 0
                $csv | ConvertFrom-Csv | Measure-TwilioMessage | ForEach-Object { $segments += $_.Segments; $_ }
                $segments");
            r.ThrowIfFailed();
            TwilioMessageMeasure[] rows = r.Objects<TwilioMessageMeasure>().ToArray();
            Assert.Equal(new[] { "GSM-7", "UCS-2", "GSM-7" }, rows.Select(m => m.Encoding));
            Assert.Equal(new[] { 1, 1, 0 }, rows.Select(m => m.Segments));
            Assert.Equal(new[] { "“", "”", "😀" }, rows[1].NonGsmCharacters);
            Assert.Equal("", rows[2].Body);
            Assert.Equal(2, (int)r.Output.Last().BaseObject);
        }

        [Fact]
        public void Strings_bind_from_the_pipeline()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("'short', ('b' * 160), ('ж' * 71) | Measure-TwilioMessage | ForEach-Object { '{0}/{1}' -f $_.Encoding, $_.Segments }");
            r.ThrowIfFailed();
            Assert.Equal(new[] { "GSM-7/1", "GSM-7/1", "UCS-2/2" }, r.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void A_Body_that_is_not_a_string_is_measured_as_its_text()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("[pscustomobject]@{ To = '+14155550101'; Body = 12345 } | Measure-TwilioMessage");
            r.ThrowIfFailed();
            Assert.Equal("12345", Assert.Single(r.Objects<TwilioMessageMeasure>()).Body);
        }

        [Fact]
        public void SmartEncoded_shows_the_text_sent_and_the_saving()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run(@"
                $body = 'Your order “A-1042” has shipped – track it at https://example.com/t/A-1042 … thanks for shopping with us! Reply STOP to opt out.'
                Measure-TwilioMessage -Body $body
                $body | Measure-TwilioMessage -SmartEncoded");
            r.ThrowIfFailed();
            TwilioMessageMeasure[] m = r.Objects<TwilioMessageMeasure>().ToArray();
            Assert.Equal(("UCS-2", 2), (m[0].Encoding, m[0].Segments));
            Assert.Equal(("GSM-7", 1), (m[1].Encoding, m[1].Segments));
            Assert.Equal("Your order \"A-1042\" has shipped - track it at https://example.com/t/A-1042 ... thanks for shopping with us! Reply STOP to opt out.", m[1].Body);
        }

        [Fact]
        public void A_body_over_1600_characters_is_measured_with_a_warning()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("Measure-TwilioMessage ('a' * 1601)");
            r.ThrowIfFailed();
            TwilioMessageMeasure m = Assert.Single(r.Objects<TwilioMessageMeasure>());
            Assert.True(m.TooLong);
            Assert.Equal(11, m.Segments);
            string warning = Assert.Single(r.Warnings);
            Assert.Contains("1601", warning);
            Assert.Contains("21617", warning);
        }

        [Theory]
        [InlineData("Measure-TwilioMessage -Body ''")]
        [InlineData("Measure-TwilioMessage -Body $null")]
        [InlineData("[pscustomobject]@{ To = '+14155550101'; Body = $null } | Measure-TwilioMessage")]
        [InlineData("[pscustomobject]@{ To = '+14155550101'; Body = '' } | Measure-TwilioMessage")]
        public void An_empty_body_is_accepted_as_zero_segments(string command)
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run(command);
            r.ThrowIfFailed();
            TwilioMessageMeasure m = Assert.Single(r.Objects<TwilioMessageMeasure>());
            Assert.Equal((0, ""), (m.Segments, m.Body));
        }

        [Fact]
        public void The_default_view_is_a_table_of_the_counts()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("'Café “ok” 😀', 'plain' | Measure-TwilioMessage | Out-String -Width 200");
            r.ThrowIfFailed();
            string text = string.Concat(r.Output.Select(o => o.ToString()));
            Assert.Matches(@"Encoding\s+Segments\s+Characters\s+SeptetsOrUnits\s+Remaining\s+NonGsmCharacters\s+TooLong\s+Body", text);
            Assert.Matches(@"UCS-2\s+1\s+11\s+12\s+58\s+“”😀\s+False\s+Café “ok” 😀", text);
            Assert.Matches(@"GSM-7\s+1\s+5\s+5\s+155\s+False\s+plain", text);
        }
    }
}
