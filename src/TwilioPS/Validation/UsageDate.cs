using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TwilioPS.Validation
{
    /// <summary>
    /// A day for Twilio's usage filters: a date (any [DateTime], or text such as '2024-03-01'), sent
    /// as YYYY-MM-DD, or Twilio's offset from today ('-30days', '+0days'), sent as written. The day
    /// of a DateTime is taken as it reads, without converting it to GMT: 1 March is 1 March.
    /// </summary>
    public sealed class UsageDate
    {
        private static readonly Regex Offset = new Regex(@"\A[+-][0-9]{1,5}days\z", RegexOptions.CultureInvariant);
        private readonly string _text;

        /// <summary>A calendar day.</summary>
        public UsageDate(DateTime date)
        {
            _text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public UsageDate(DateTimeOffset date) : this(date.DateTime) { }

        /// <summary>'2024-03-01', any date PowerShell reads invariantly, or '-30days' / '+30days'.</summary>
        public UsageDate(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            string trimmed = text.Trim();
            if (Offset.IsMatch(trimmed))
            {
                _text = trimmed;
                return;
            }
            if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTime date))
                throw new FormatException($"'{text}' is not a date (such as 2024-03-01) or an offset from today (such as -30days).");
            _text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        /// <summary>Whether this is an offset from today rather than a calendar day.</summary>
        public bool IsOffset => _text[0] == '+' || _text[0] == '-';

        /// <summary>What Twilio is sent: YYYY-MM-DD, or the offset as written.</summary>
        public override string ToString() => _text;
    }
}
