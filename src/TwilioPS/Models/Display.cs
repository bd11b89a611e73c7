using System.Globalization;
using System.Linq;

namespace TwilioPS.Models
{
    /// <summary>
    /// An amount of money as people read it: the amount without trailing zeros, then its currency in
    /// capitals ("-0.013 USD"). Public so the format views show every price through the same rule
    /// (<c>[TwilioPS.Models.Money]::Format($_.Price, $_.PriceUnit)</c>) as the models' ToString.
    /// </summary>
    public static class Money
    {
        public static string Format(decimal? amount, string currency)
        {
            if (!amount.HasValue) return string.Empty;
            // Twilio writes prices with a fixed number of decimals ("-0.01300"): zeros beyond the cents say nothing, and an amount shows at least its cents ("3.50").
            string number = amount.Value.ToString("0.00##########################", CultureInfo.InvariantCulture);
            return (number + " " + (currency ?? string.Empty).ToUpperInvariant()).TrimEnd();
        }
    }

    /// <summary>How the models' ToString reads: the identifying values that are present, in order, one space apart.</summary>
    internal static class Describe
    {
        public static string Join(params string[] parts) =>
            string.Join(" ", parts.Where(part => !string.IsNullOrEmpty(part)));

        /// <summary>"'Support line'": a name quoted, so where it starts and ends is clear; empty when there is none.</summary>
        public static string Quoted(string name) => string.IsNullOrEmpty(name) ? null : "'" + name + "'";

        /// <summary>"(completed)": a state in brackets; empty when there is none.</summary>
        public static string InBrackets(string state) => string.IsNullOrEmpty(state) ? null : "(" + state + ")";

        /// <summary>"+14155550100 -> +14155550101"; the arrow only between two ends that are known.</summary>
        public static string Route(string from, string to) =>
            string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) ? Join(from, to) : from + " -> " + to;

        public static string Number(object value) => value == null ? null : System.Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
