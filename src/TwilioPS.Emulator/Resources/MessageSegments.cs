using System;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// How many SMS segments a body takes, counted as Twilio counts them: a body that is all GSM-7
    /// (the basic table at one septet, the extension table at two: an escape and the character)
    /// fits 160 septets in one segment and 153 per segment once split; anything else is UCS-2, 70
    /// UTF-16 code units in one segment and 67 per segment once split. A character is never split
    /// across segments (neither an escape pair nor a surrogate pair), so a segment may end short.
    /// </summary>
    internal static class MessageSegments
    {
        private const string Basic =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        private const string Extension = "\f^{}\\[~]|€";

        public const int GsmSingle = 160, GsmMulti = 153, Ucs2Single = 70, Ucs2Multi = 67;

        /// <summary>
        /// Twilio's Smart Encoding (SmartEncoded=true): look-alike Unicode characters replaced by GSM-7
        /// ones before the body is counted and sent. The common part of Twilio's list: quotes,
        /// apostrophes, dashes, the ellipsis, the bullet and unusual spaces.
        /// </summary>
        public static string SmartEncode(string body)
        {
            if (string.IsNullOrEmpty(body)) return body;
            var text = new System.Text.StringBuilder(body.Length);
            foreach (char c in body)
            {
                switch (c)
                {
                    case '\u2018': case '\u2019': case '\u201A': case '\u2032': case '\u02BC': text.Append('\''); break;
                    case '\u201C': case '\u201D': case '\u201E': case '\u2033': case '\u00AB': case '\u00BB': text.Append('"'); break;
                    case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212': text.Append('-'); break;
                    case '\u2026': text.Append("..."); break;
                    case '\u2022': text.Append('-'); break;
                    case '\u00A0': case '\u2002': case '\u2003': case '\u2009': case '\u202F': text.Append(' '); break;
                    case '\u200B': case '\u200C': case '\u200D': case '\uFEFF': break;
                    default: text.Append(c); break;
                }
            }
            return text.ToString();
        }

        public static bool IsGsm7(string body)
        {
            foreach (char c in body)
                if (c == '\u001b' || (Basic.IndexOf(c) < 0 && Extension.IndexOf(c) < 0)) return false;
            return true;
        }

        public static int Count(string body)
        {
            if (string.IsNullOrEmpty(body)) return 1;
            bool gsm = IsGsm7(body);
            int single = gsm ? GsmSingle : Ucs2Single, multi = gsm ? GsmMulti : Ucs2Multi;
            int total = 0;
            for (int i = 0; i < body.Length; i++)
            {
                total += Cost(body, i, gsm, out int skip);
                i += skip;
            }
            if (total <= single) return 1;

            int segments = 1, used = 0;
            for (int i = 0; i < body.Length; i++)
            {
                int cost = Cost(body, i, gsm, out int skip);
                i += skip;
                if (used + cost > multi) { segments++; used = 0; }
                used += cost;
            }
            return segments;
        }

        /// <summary>Septets (GSM-7) or code units (UCS-2) of the character at <paramref name="i"/>; <paramref name="skip"/> is 1 for a surrogate pair's second half.</summary>
        private static int Cost(string body, int i, bool gsm, out int skip)
        {
            skip = 0;
            if (gsm) return Extension.IndexOf(body[i]) >= 0 ? 2 : 1;
            if (char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1])) { skip = 1; return 2; }
            return 1;
        }
    }
}
