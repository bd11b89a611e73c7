using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using TwilioPS.Client;

namespace TwilioPS.Models
{
    /// <summary>
    /// What is left to spend (Twilio's Balance resource): the amount as a decimal and its currency.
    /// Subaccounts spend from their parent's balance.
    /// </summary>
    public sealed class TwilioBalance
    {
        [JsonInclude] public string AccountSid { get; internal set; }

        /// <summary>The amount, in <see cref="Currency"/>.</summary>
        [JsonInclude, JsonConverter(typeof(LenientDecimalConverter))]
        public decimal? Balance { get; internal set; }

        /// <summary>USD, EUR, …</summary>
        [JsonInclude] public string Currency { get; internal set; }

        /// <summary>Fields this version does not model yet.</summary>
        [JsonInclude, JsonExtensionData]
        public Dictionary<string, JsonElement> AdditionalProperties { get; internal set; }

        /// <summary>"12.34 USD": an account has one balance, and the amount is what identifies it to a reader.</summary>
        public override string ToString() => Money.Format(Balance, Currency);
    }
}
