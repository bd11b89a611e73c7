using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Client;

namespace TwilioPS.Cmdlets.Api
{
    /// <summary>
    /// Any request to the Twilio 2010-04-01 API the other cmdlets do not cover (SIP domains, short
    /// codes, addresses…), through the connection: authenticated, retried, error-mapped, and call
    /// creation paced by the call throttle. What Invoke-MgGraphRequest is to the Graph module.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "TwilioApi", SupportsShouldProcess = true)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeTwilioApiCommand : TwilioConnectedCmdlet
    {
        private const int MaxEmptyPages = 5;

        // Creating a call or a conference participant places a call: such requests wait on the call throttle.
        private static readonly Regex PlacesACall = new Regex(
            @"\A/2010-04-01/Accounts/[^/]+/(?:Calls|Conferences/[^/]+/Participants)\.json\z", RegexOptions.CultureInvariant);

        /// <summary>GET (the default), POST or DELETE.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>
        /// A path relative to the account ("SIP/Domains.json"), an API path ("/2010-04-01/Accounts.json"),
        /// or a full URL on the connection's own API host.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Form fields for a POST; an array value becomes repeated keys, as Twilio takes lists.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary Form { get; set; }

        /// <summary>Query parameters (filters, PageSize); an array value becomes repeated keys.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary Query { get; set; }

        /// <summary>For a list, follow every next_page_uri and stream every record.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Return the response body as JSON text instead of objects (each page's, with -All).</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override object ErrorTarget => Path;

        protected override void ProcessInput()
        {
            string path = ApiPath();
            if (Method != "GET" && !ShouldProcess(path, Method)) return;
            var method = new HttpMethod(Method);
            FormBuilder form = Method == "POST" ? Fields(Form) : null;
            bool throttled = Method == "POST" && PlacesACall.IsMatch(path.Split('?')[0]);

            int emptyPages = 0;
            long records = 0;
            int pages = 0;
            var progress = new ProgressReporter(this, 1, "Reading " + Path);
            string Counted() => string.Format(CultureInfo.CurrentCulture, "{0} record(s) in {1} page(s)", records, pages);
            while (path != null)
            {
                string current = path;
                string next = null;
                using (ResponseBuffer body = Await(async ct =>
                {
                    if (throttled) await Client.CallThrottle.WaitAsync(ct).ConfigureAwait(false);
                    return await Client.Http.SendRawAsync(method, current, form, ct).ConfigureAwait(false);
                }))
                {
                    if (body.Length == 0) return;   // DELETE's 204
                    if (Raw) WriteObject(Encoding.UTF8.GetString(body.Memory.ToArray()));
                    using (JsonDocument document = Parse(body))
                    {
                        JsonElement root = document.RootElement;
                        JsonElement? page = ListRecords(root);
                        if (!Raw)
                        {
                            if (page.HasValue) foreach (JsonElement record in page.Value.EnumerateArray()) WriteObject(JsonObjects.ToPSObject(record));
                            else WriteObject(JsonObjects.ToPSObject(root));
                        }
                        if (All && page.HasValue)
                        {
                            pages++;
                            records += page.Value.GetArrayLength();
                            progress.Report(Counted());
                        }
                        if (All && page.HasValue && root.TryGetProperty("next_page_uri", out JsonElement link) && link.ValueKind == JsonValueKind.String)
                        {
                            next = link.GetString();
                            emptyPages = page.Value.GetArrayLength() == 0 ? emptyPages + 1 : 0;
                            if (emptyPages > MaxEmptyPages)
                                throw new TwilioProtocolException($"{MaxEmptyPages + 1} empty pages in a row, each linking to another: stopped following {Path}.");
                        }
                    }
                }
                path = next;
            }
            progress.Complete(Counted());
        }

        /// <summary>The API path: relative paths hang under the account (-AccountSid or the connection's).</summary>
        private string ApiPath()
        {
            string path = Path;
            if (!path.StartsWith("/", StringComparison.Ordinal) && !Uri.TryCreate(path, UriKind.Absolute, out _))
                path = "/2010-04-01/Accounts/" + Uri.EscapeDataString(TargetAccountSid) + "/" + path;
            if (Query != null && Query.Count > 0)
                path += (path.Contains("?") ? "&" : "?") + Fields(Query).Encode();
            return path;
        }

        private static FormBuilder Fields(IDictionary fields)
        {
            var form = new FormBuilder();
            if (fields == null) return form;
            foreach (DictionaryEntry entry in fields)
            {
                string name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                object value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is IEnumerable list && !(value is string))
                    foreach (object item in list) form.Add(name, Text(item));
                else
                    form.Add(name, Text(value));
            }
            return form;
        }

        private static string Text(object value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (value)
            {
                case null: return string.Empty;
                case bool flag: return flag ? "true" : "false";
                case SwitchParameter flag: return flag.IsPresent ? "true" : "false";
                case DateTime date: return FormBuilder.FormatDate(date);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        private static JsonDocument Parse(ResponseBuffer body)
        {
            try
            {
                return JsonDocument.Parse(body.Memory);
            }
            catch (JsonException exception)
            {
                throw new TwilioProtocolException("The response is not the JSON the Twilio API sends: " + exception.Message, exception);
            }
        }

        /// <summary>A list page's records: the one array beside next_page_uri (Twilio's envelope key differs per resource).</summary>
        private static JsonElement? ListRecords(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("next_page_uri", out _)) return null;
            JsonProperty[] arrays = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToArray();
            return arrays.Length == 1 ? arrays[0].Value : (JsonElement?)null;
        }
    }
}
