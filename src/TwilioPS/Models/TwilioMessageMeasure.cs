namespace TwilioPS.Models
{
    /// <summary>
    /// How Twilio will encode and split one message body, measured before sending (Measure-TwilioMessage):
    /// the segments are what Twilio bills for.
    /// </summary>
    public sealed class TwilioMessageMeasure
    {
        internal TwilioMessageMeasure(string encoding, int characters, int segments, int charactersPerSegment,
            int septetsOrUnits, int remainingInLastSegment, string[] nonGsmCharacters, bool tooLong,
            bool smartEncoded, string body)
        {
            Encoding = encoding;
            Characters = characters;
            Segments = segments;
            CharactersPerSegment = charactersPerSegment;
            SeptetsOrUnits = septetsOrUnits;
            RemainingInLastSegment = remainingInLastSegment;
            NonGsmCharacters = nonGsmCharacters;
            TooLong = tooLong;
            SmartEncoded = smartEncoded;
            Body = body;
        }

        /// <summary>GSM-7, or UCS-2 when any character is outside GSM-7.</summary>
        public string Encoding { get; }

        /// <summary>Characters in the body; an emoji (a surrogate pair) is one.</summary>
        public int Characters { get; }

        /// <summary>Segments Twilio sends and bills; 0 for an empty body.</summary>
        public int Segments { get; }

        /// <summary>Septets (GSM-7) or UTF-16 units (UCS-2) a segment holds: 160 or 70 alone, 153 or 67 concatenated.</summary>
        public int CharactersPerSegment { get; }

        /// <summary>What the body uses: septets in GSM-7 (an extension character such as € costs two), UTF-16 units in UCS-2 (an emoji costs two).</summary>
        public int SeptetsOrUnits { get; }

        /// <summary>Septets or units still free in the last segment before another segment is needed.</summary>
        public int RemainingInLastSegment { get; }

        /// <summary>The distinct characters that forced UCS-2, in order of first appearance; empty for GSM-7.</summary>
        public string[] NonGsmCharacters { get; }

        /// <summary>True when the body is over Twilio's 1600-character limit: Twilio rejects it (error 21617).</summary>
        public bool TooLong { get; }

        /// <summary>Whether Twilio's Smart Encoding was applied before measuring.</summary>
        public bool SmartEncoded { get; }

        /// <summary>The body as measured: with Smart Encoding, the text Twilio sends instead of the one given.</summary>
        public string Body { get; }

        public override string ToString() => $"{Encoding}, {Segments} segment(s)";
    }
}
