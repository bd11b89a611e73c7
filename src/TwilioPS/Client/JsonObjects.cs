using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;

namespace TwilioPS.Client
{
    /// <summary>
    /// JSON as PowerShell objects, the way ConvertFrom-Json gives them: objects as PSCustomObjects with
    /// their properties in order, arrays as object[], whole numbers as long, other numbers as decimal
    /// (money must not turn binary), strings, booleans and null.
    /// </summary>
    internal static class JsonObjects
    {
        public static object ToPSObject(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (JsonProperty property in element.EnumerateObject())
                        result.Properties.Add(new PSNoteProperty(property.Name, ToPSObject(property.Value)));
                    return result;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(ToPSObject).ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out long whole)) return whole;
                    if (element.TryGetDecimal(out decimal exact)) return exact;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
