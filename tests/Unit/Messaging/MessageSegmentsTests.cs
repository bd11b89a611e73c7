using System.Linq;
using TwilioPS.Messaging;
using TwilioPS.Models;
using Xunit;

namespace TwilioPS.Tests.Messaging
{
    /// <summary>
    /// The segment arithmetic against Twilio's published examples: 160/153 septets in GSM-7, 70/67
    /// units in UCS-2, the extension table's two-septet characters, and characters that never straddle
    /// a segment boundary.
    /// </summary>
    public class MessageSegmentsTests
    {
        private static TwilioMessageMeasure Measure(string body, bool smart = false) => MessageSegments.Measure(body, smart);

        [Theory]
        [InlineData(1, 1, 160, 159)]
        [InlineData(160, 1, 160, 0)]
        [InlineData(161, 2, 153, 145)]   // 153 + 8
        [InlineData(306, 2, 153, 0)]     // 153 + 153
        [InlineData(307, 3, 153, 152)]   // 153 + 153 + 1
        [InlineData(1530, 10, 153, 0)]
        public void Gsm7_fits_160_alone_and_153_per_concatenated_segment(int length, int segments, int perSegment, int remaining)
        {
            TwilioMessageMeasure m = Measure(new string('a', length));
            Assert.Equal("GSM-7", m.Encoding);
            Assert.Equal(segments, m.Segments);
            Assert.Equal(perSegment, m.CharactersPerSegment);
            Assert.Equal(remaining, m.RemainingInLastSegment);
            Assert.Equal(length, m.Characters);
            Assert.Equal(length, m.SeptetsOrUnits);
            Assert.Empty(m.NonGsmCharacters);
        }

        [Theory]
        [InlineData(70, 1, 70, 0)]
        [InlineData(71, 2, 67, 63)]      // 67 + 4
        [InlineData(134, 2, 67, 0)]      // 67 + 67
        [InlineData(135, 3, 67, 66)]     // 67 + 67 + 1
        public void Ucs2_fits_70_alone_and_67_per_concatenated_segment(int length, int segments, int perSegment, int remaining)
        {
            // One Cyrillic letter, outside GSM-7, makes the whole body UCS-2.
            TwilioMessageMeasure m = Measure("ж" + new string('a', length - 1));
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(segments, m.Segments);
            Assert.Equal(perSegment, m.CharactersPerSegment);
            Assert.Equal(remaining, m.RemainingInLastSegment);
            Assert.Equal(length, m.SeptetsOrUnits);
            Assert.Equal(new[] { "ж" }, m.NonGsmCharacters);
        }

        [Fact]
        public void The_whole_gsm7_alphabet_and_extension_table_stay_gsm7()
        {
            const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
            const string extension = "\f^{}\\[~]|€";
            Assert.Equal(127, basic.Length); // 128 code points less the escape
            TwilioMessageMeasure m = Measure(basic);
            Assert.Equal("GSM-7", m.Encoding);
            Assert.Equal(127, m.SeptetsOrUnits);
            foreach (char c in extension)
            {
                TwilioMessageMeasure e = Measure(c.ToString());
                Assert.Equal("GSM-7", e.Encoding);
                Assert.Equal(1, e.Characters);
                Assert.Equal(2, e.SeptetsOrUnits);
            }
        }

        [Theory]
        [InlineData("`")]   // ASCII, yet not GSM-7
        [InlineData("ç")]   // GSM-7 has only the capital Ç
        [InlineData("á")]
        [InlineData("\t")]
        [InlineData("’")]
        public void Characters_outside_gsm7_force_ucs2(string character)
        {
            TwilioMessageMeasure m = Measure("Hello " + character);
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(new[] { character }, m.NonGsmCharacters);
        }

        [Fact]
        public void Extension_characters_count_two_septets()
        {
            // 80 euro signs are 160 septets: still one segment; one more character makes two.
            Assert.Equal(1, Measure(new string('€', 80)).Segments);
            TwilioMessageMeasure m = Measure(new string('€', 80) + "a");
            Assert.Equal(2, m.Segments);
            Assert.Equal(161, m.SeptetsOrUnits);
            Assert.Equal(81, m.Characters);
        }

        [Fact]
        public void An_extension_character_never_straddles_a_segment_boundary()
        {
            // 152 septets leave one free in the first segment; the € needs two, so it moves whole to
            // the second, which then holds € (2) and 8 letters: 10 of 153.
            TwilioMessageMeasure m = Measure(new string('a', 152) + "€" + new string('b', 8));
            Assert.Equal(162, m.SeptetsOrUnits);
            Assert.Equal(2, m.Segments);
            Assert.Equal(153 - 10, m.RemainingInLastSegment);

            // 152 plain + € alone is 154 septets: it fits one 160-septet segment, nothing moves.
            TwilioMessageMeasure alone = Measure(new string('a', 152) + "€");
            Assert.Equal(1, alone.Segments);
            Assert.Equal(6, alone.RemainingInLastSegment);
        }

        [Fact]
        public void A_boundary_shift_can_add_a_segment()
        {
            // 306 septets would fill two segments exactly, but a € at septets 153-154 cannot be split:
            // it moves to segment 2, whose last septet then spills into a third.
            TwilioMessageMeasure m = Measure(new string('a', 152) + "€" + new string('b', 152));
            Assert.Equal(306, m.SeptetsOrUnits);
            Assert.Equal(3, m.Segments);
            Assert.Equal(152, m.RemainingInLastSegment);
        }

        [Fact]
        public void An_emoji_counts_two_units_and_one_character()
        {
            TwilioMessageMeasure m = Measure("Hi 😀");
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(4, m.Characters);
            Assert.Equal(5, m.SeptetsOrUnits);
            Assert.Equal(new[] { "😀" }, m.NonGsmCharacters);

            // 35 emoji are 70 units: one segment; 36 are 72: two.
            Assert.Equal(1, Measure(string.Concat(Enumerable.Repeat("😀", 35))).Segments);
            Assert.Equal(2, Measure(string.Concat(Enumerable.Repeat("😀", 36))).Segments);
        }

        [Fact]
        public void An_emoji_at_a_segment_boundary_moves_whole_to_the_next()
        {
            // 66 units leave one free in a 67-unit segment; the emoji needs two.
            TwilioMessageMeasure m = Measure(new string('a', 66) + "😀" + new string('b', 5));
            Assert.Equal(73, m.SeptetsOrUnits);
            Assert.Equal(2, m.Segments);
            Assert.Equal(67 - 7, m.RemainingInLastSegment);

            // 67 emoji are 134 units, two full segments at face value; with no emoji split, 33 fit
            // in each (66 units), and the last one takes a third.
            Assert.Equal(3, Measure(string.Concat(Enumerable.Repeat("😀", 67))).Segments);
        }

        [Fact]
        public void Non_gsm_characters_are_reported_once_in_order_of_appearance()
        {
            TwilioMessageMeasure m = Measure("“Café” costs €5 — ça va? 😀😀 “ok”");
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(new[] { "“", "”", "—", "ç", "😀" }, m.NonGsmCharacters);
        }

        [Fact]
        public void A_lone_surrogate_is_one_non_gsm_unit()
        {
            TwilioMessageMeasure m = Measure("a\uD83D");
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(2, m.Characters);
            Assert.Equal(2, m.SeptetsOrUnits);
        }

        [Fact]
        public void Mixed_body_in_ucs2_counts_extension_characters_once()
        {
            // In UCS-2 there is no escape: € is one unit like any other.
            TwilioMessageMeasure m = Measure("Prix: 5€ {ok} ж");
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal(15, m.SeptetsOrUnits);
            Assert.Equal(1, m.Segments);
            Assert.Equal(55, m.RemainingInLastSegment);
        }

        [Fact]
        public void Smart_encoding_turns_look_alikes_into_gsm7()
        {
            const string body = "“Hello” — it’s 5\u00A0pm… ‘ok’ – «fine»";
            TwilioMessageMeasure plain = Measure(body);
            Assert.Equal("UCS-2", plain.Encoding);
            Assert.False(plain.SmartEncoded);
            Assert.Equal(body, plain.Body);

            TwilioMessageMeasure smart = Measure(body, smart: true);
            Assert.Equal("GSM-7", smart.Encoding);
            Assert.True(smart.SmartEncoded);
            Assert.Equal("\"Hello\" - it's 5 pm... 'ok' - \"fine\"", smart.Body);
            Assert.Empty(smart.NonGsmCharacters);
            Assert.Equal(smart.Body.Length, smart.SeptetsOrUnits);
        }

        [Fact]
        public void Smart_encoding_saves_segments_on_a_realistic_body()
        {
            string body = "Your order “A-1042” has shipped – track it at https://example.com/t/A-1042 … thanks for shopping with us! Reply STOP to opt out.";
            TwilioMessageMeasure plain = Measure(body);
            TwilioMessageMeasure smart = Measure(body, smart: true);
            Assert.Equal(("UCS-2", 2), (plain.Encoding, plain.Segments));
            Assert.Equal(("GSM-7", 1), (smart.Encoding, smart.Segments));
        }

        [Fact]
        public void Smart_encoding_leaves_what_it_cannot_replace()
        {
            TwilioMessageMeasure m = Measure("“Thanks” 😀", smart: true);
            Assert.Equal("UCS-2", m.Encoding);
            Assert.Equal("\"Thanks\" 😀", m.Body);
            Assert.Equal(new[] { "😀" }, m.NonGsmCharacters);
        }

        [Fact]
        public void Every_smart_replacement_is_gsm7()
        {
            for (int c = 0; c <= 0xFFFF; c++)
            {
                if (c >= 0xD800 && c <= 0xDFFF) continue;
                string replaced = MessageSegments.SmartEncode(((char)c).ToString());
                if (replaced == ((char)c).ToString()) continue;
                Assert.All(replaced, r => Assert.True(MessageSegments.GsmSeptets(r) > 0, $"U+{c:X4} becomes a non-GSM-7 character"));
            }
        }

        [Fact]
        public void Gsm7_text_is_unchanged_by_smart_encoding()
        {
            const string body = "Plain text, 100% GSM-7: {ok} [€5] ~ ^ | \\ @ £ ¥";
            Assert.Equal(body, Measure(body, smart: true).Body);
        }

        [Fact]
        public void An_empty_body_is_zero_segments()
        {
            TwilioMessageMeasure m = Measure(string.Empty);
            Assert.Equal("GSM-7", m.Encoding);
            Assert.Equal(0, m.Segments);
            Assert.Equal(0, m.Characters);
            Assert.Equal(160, m.RemainingInLastSegment);
            Assert.False(m.TooLong);
        }

        [Theory]
        [InlineData(1600, false, 11)]   // 1600 / 153 = 10.5
        [InlineData(1601, true, 11)]
        public void Bodies_over_1600_characters_are_too_long(int length, bool tooLong, int segments)
        {
            TwilioMessageMeasure m = Measure(new string('a', length));
            Assert.Equal(tooLong, m.TooLong);
            Assert.Equal(segments, m.Segments);
        }

        [Fact]
        public void The_limit_counts_characters_not_units()
        {
            // 1600 emoji are 1600 characters, though 3200 UTF-16 units.
            Assert.False(Measure(string.Concat(Enumerable.Repeat("😀", 1600))).TooLong);
            Assert.True(Measure(string.Concat(Enumerable.Repeat("😀", 1601))).TooLong);
        }
    }
}
