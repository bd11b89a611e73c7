using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace TwilioPS.Emulator.Twiml
{
    /// <summary>One TwiML verb: its name, attributes, text and nested elements, as read from the document.</summary>
    internal sealed class TwimlVerb
    {
        public string Name;
        public string Text = "";
        public readonly Dictionary<string, string> Attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        public readonly List<TwimlVerb> Children = new List<TwimlVerb>();

        public string Attr(string name) => Attributes.TryGetValue(name, out string v) && v.Length > 0 ? v : null;

        public int Int(string name, int fallback) =>
            int.TryParse(Attr(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;

        public bool Flag(string name, bool fallback)
        {
            string v = Attr(name);
            if (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return fallback;
        }

        public TwimlVerb Child(string name) => Children.Find(c => c.Name == name);
    }

    /// <summary>
    /// A parsed &lt;Response&gt;: its verbs in order, or the error Twilio logs for it. Parsing never
    /// throws: a document Twilio could not run carries its error code instead of verbs.
    /// </summary>
    internal sealed class TwimlDocument
    {
        /// <summary>12100 Document parse failure: not well-formed XML.</summary>
        public const int ParseFailure = 12100;
        /// <summary>12102: the root element must be &lt;Response&gt;.</summary>
        public const int RootNotResponse = 12102;
        /// <summary>12400 Internal failure: the emulator could not go on with the call.</summary>
        public const int InternalFailure = 12400;
        /// <summary>12200 Schema validation warning: an element Twilio does not know, which it skips.</summary>
        public const int SchemaWarning = 12200;

        /// <summary>The voice verbs the emulator runs; any other element is skipped with a 12200 warning.</summary>
        public static readonly HashSet<string> KnownVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Say", "Play", "Pause", "Hangup", "Reject", "Redirect", "Gather", "Record", "Dial", "Enqueue", "Leave",
        };

        public readonly List<TwimlVerb> Verbs = new List<TwimlVerb>();
        /// <summary>12100 or 12102 when the document cannot run at all; null otherwise.</summary>
        public int? Error;
        /// <summary>The names of elements skipped as unknown verbs (each logged as 12200).</summary>
        public readonly List<string> UnknownVerbs = new List<string>();
        /// <summary>The URL the document came from (the default action of Gather and Record); null for inline TwiML.</summary>
        public string SourceUrl, SourceMethod;

        public static TwimlDocument Parse(string text, string sourceUrl = null, string sourceMethod = null)
        {
            var result = new TwimlDocument { SourceUrl = sourceUrl, SourceMethod = sourceMethod };
            var document = new XmlDocument { XmlResolver = null };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            try
            {
                using (XmlReader reader = XmlReader.Create(new StringReader(text ?? ""), settings)) document.Load(reader);
            }
            catch (XmlException)
            {
                result.Error = ParseFailure;
                return result;
            }
            if (document.DocumentElement == null || document.DocumentElement.Name != "Response")
            {
                result.Error = RootNotResponse;
                return result;
            }
            foreach (XmlNode node in document.DocumentElement.ChildNodes)
            {
                if (!(node is XmlElement element)) continue;
                if (!KnownVerbs.Contains(element.Name))
                {
                    result.UnknownVerbs.Add(element.Name);
                    continue;
                }
                result.Verbs.Add(Read(element));
            }
            return result;
        }

        private static TwimlVerb Read(XmlElement element)
        {
            var verb = new TwimlVerb { Name = element.Name };
            foreach (XmlAttribute a in element.Attributes) verb.Attributes[a.Name] = a.Value;
            var text = new System.Text.StringBuilder();
            foreach (XmlNode child in element.ChildNodes)
            {
                if (child is XmlElement nested) verb.Children.Add(Read(nested));
                else if (child is XmlText || child is XmlCDataSection) text.Append(child.Value);
            }
            verb.Text = text.ToString().Trim();
            return verb;
        }
    }
}
