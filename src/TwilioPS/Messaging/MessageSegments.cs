using System;
using System.Collections.Generic;
using System.Text;
using TwilioPS.Models;

namespace TwilioPS.Messaging
{
    /// <summary>
    /// How Twilio encodes and splits an SMS body, computed locally so a send's segments (and so its
    /// cost) are known before it goes. Pure: no connection, no state.
    /// </summary>
    /// <remarks>
    /// An SMS carries 140 octets. GSM-7 packs 160 septets into them; UCS-2 (UTF-16) 70 code units.
    /// A body that does not fit is sent as concatenated segments, each losing 6 octets to the User
    /// Data Header: 153 septets or 67 units. One character outside GSM-7 makes the whole body UCS-2.
    /// A character is never cut in two across segments: an extension-table character (an escape
    /// septet plus its own) or a surrogate pair that does not fit moves whole to the next segment.
    /// </remarks>
    internal static class MessageSegments
    {
        public const string Gsm7 = "GSM-7";
        public const string Ucs2 = "UCS-2";

        public const int Gsm7Single = 160;
        public const int Gsm7Concatenated = 153;
        public const int Ucs2Single = 70;
        public const int Ucs2Concatenated = 67;

        /// <summary>Twilio rejects longer bodies (error 21617).</summary>
        public const int MaxBodyCharacters = 1600;

        /// <summary>GSM 03.38's default alphabet, as Unicode, in table order (0x00-0x7F, without the escape 0x1B).</summary>
        private const string BasicAlphabet =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        /// <summary>The extension table: each is sent as the escape septet plus one more, so it costs two.</summary>
        private const string ExtensionTable = "\f^{}\\[~]|€";

        private static readonly HashSet<char> Basic = new HashSet<char>(BasicAlphabet);
        private static readonly HashSet<char> Extension = new HashSet<char>(ExtensionTable);

        /// <summary>
        /// Twilio's Smart Encoding: look-alikes that word processors and phones put in text, and what
        /// Twilio sends instead (the common part of Twilio's published list of replaced characters).
        /// Every replacement is GSM-7, so Smart Encoding never adds a character that forces UCS-2.
        /// </summary>
        private static readonly Dictionary<char, string> SmartReplacements = BuildSmartReplacements();

        /// <summary>Measures a body as Twilio will send it; with <paramref name="smartEncode"/>, after Smart Encoding.</summary>
        public static TwilioMessageMeasure Measure(string body, bool smartEncode)
        {
            string text = smartEncode ? SmartEncode(body ?? string.Empty) : body ?? string.Empty;

            // Per character (a surrogate pair is one): its UTF-16 units, and its septets in GSM-7 (0: not there).
            var units = new List<int>(text.Length);
            var septets = new List<int>(text.Length);
            var nonGsm = new List<string>();
            var seenNonGsm = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < text.Length; i++)
            {
                bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                string character = pair ? text.Substring(i, 2) : text[i].ToString();
                int cost = pair ? 0 : GsmSeptets(text[i]);
                if (cost == 0 && seenNonGsm.Add(character)) nonGsm.Add(character);
                units.Add(character.Length);
                septets.Add(cost);
                if (pair) i++;
            }

            bool gsm = nonGsm.Count == 0;
            List<int> costs = gsm ? septets : units;
            int total = 0;
            foreach (int cost in costs) total += cost;
            int single = gsm ? Gsm7Single : Ucs2Single;
            int concatenated = gsm ? Gsm7Concatenated : Ucs2Concatenated;
            Split(costs, total, single, concatenated, out int segments, out int perSegment, out int remaining);

            return new TwilioMessageMeasure(
                encoding: gsm ? Gsm7 : Ucs2,
                characters: costs.Count,
                segments: segments,
                charactersPerSegment: perSegment,
                septetsOrUnits: total,
                remainingInLastSegment: remaining,
                nonGsmCharacters: nonGsm.ToArray(),
                tooLong: costs.Count > MaxBodyCharacters,
                smartEncoded: smartEncode,
                body: text);
        }

        /// <summary>Septets a character costs in GSM-7 (1 or 2), or 0 when GSM-7 cannot carry it.</summary>
        internal static int GsmSeptets(char c) => Basic.Contains(c) ? 1 : Extension.Contains(c) ? 2 : 0;

        /// <summary>The body with Smart Encoding's replacements made; other characters are left alone.</summary>
        internal static string SmartEncode(string body)
        {
            var result = new StringBuilder(body.Length);
            foreach (char c in body)
            {
                if (SmartReplacements.TryGetValue(c, out string replacement)) result.Append(replacement);
                else result.Append(c);
            }
            return result.ToString();
        }

        /// <summary>
        /// Packs characters of the given costs into segments: one segment while the whole fits in
        /// <paramref name="single"/>, otherwise segments of <paramref name="concatenated"/>, where a
        /// character that does not fit in what is left of a segment starts the next one.
        /// </summary>
        private static void Split(List<int> costs, int total, int single, int concatenated,
            out int segments, out int perSegment, out int remaining)
        {
            if (total <= single)
            {
                // An empty body is no segment: Twilio rejects it unless media goes with it.
                segments = total == 0 ? 0 : 1;
                perSegment = single;
                remaining = single - total;
                return;
            }

            segments = 1;
            int used = 0;
            foreach (int cost in costs)
            {
                if (used + cost > concatenated)
                {
                    segments++;
                    used = 0;
                }
                used += cost;
            }
            perSegment = concatenated;
            remaining = concatenated - used;
        }

        private static Dictionary<char, string> BuildSmartReplacements()
        {
            var map = new Dictionary<char, string>();
            void Add(string characters, string replacement)
            {
                foreach (char c in characters) map.Add(c, replacement);
            }

            // Double quotes: « » “ ” „ ‟ ʺ ˮ ❝ ❞ 〝 〞 ＂
            Add("\u00AB\u00BB\u201C\u201D\u201E\u201F\u02BA\u02EE\u275D\u275E\u301D\u301E\uFF02", "\"");
            // Apostrophes and single quotes: ‘ ’ ‛ ʻ ˈ ʼ ʽ ʹ ＇ ´ ˊ ` ˋ ❛ ❜
            Add("\u2018\u2019\u201B\u02BB\u02C8\u02BC\u02BD\u02B9\uFF07\u00B4\u02CA\u0060\u02CB\u275B\u275C", "'");
            // Single low-9 quotation mark and small/fullwidth/ideographic commas.
            Add("\u201A\uFE50\uFE51\uFF0C\uFF64\u3001", ",");
            // Hyphens and dashes: ‐ – — ― ⁃ ﹣ － and the bullet •
            Add("\u2010\u2013\u2014\u2015\u2043\uFE63\uFF0D\u2022", "-");
            // Spaces of other widths, the no-break spaces, line and paragraph separators.
            Add("\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\u2028\u2029", " ");
            // Invisible characters: zero-width space, word joiner, byte order mark.
            Add("\u200B\u2060\uFEFF", string.Empty);
            Add("\u2026", "...");
            Add("\u203C", "!!");
            Add("\u00BC", "1/4");
            Add("\u00BD", "1/2");
            Add("\u00BE", "3/4");
            Add("\u00F7\u2044\u2215\uFF0F", "/");
            Add("\u02DC\u223C\uFF5E", "~");
            Add("\u02C6\uFF3E", "^");
            Add("\uFF01", "!");
            Add("\uFF1F", "?");
            Add("\uFF0E\u3002", ".");
            Add("\uFF1A", ":");
            Add("\uFF1B", ";");
            Add("\uFF08", "(");
            Add("\uFF09", ")");
            // Fullwidth digits and Latin capitals, as East Asian input methods produce them.
            for (char c = '\uFF10'; c <= '\uFF19'; c++) map.Add(c, ((char)('0' + (c - '\uFF10'))).ToString());
            for (char c = '\uFF21'; c <= '\uFF3A'; c++) map.Add(c, ((char)('A' + (c - '\uFF21'))).ToString());
            return map;
        }
    }
}
