using System;
using System.Collections.Generic;
using System.Text;
using TwilioPS.Catalog;

namespace TwilioPS.Client
{
    /// <summary>
    /// The values of a request's path parameters, by the names the spec gives them ({AccountSid},
    /// {CallSid}, {Sid}, …). Which of them are present picks the resource's scope: a recording with a
    /// CallSid is reached under its call, without one under the account.
    /// </summary>
    public sealed class ResourcePath
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.Ordinal);
        private string _scopeName;

        private ResourcePath(string accountSid)
        {
            if (accountSid != null) _values["AccountSid"] = accountSid;
        }

        /// <summary>Above every account: the Accounts resource itself (add the account's SID with <see cref="Sid"/>).</summary>
        public static ResourcePath Root() => new ResourcePath(null);

        /// <summary>The account (or subaccount) the request acts for.</summary>
        public static ResourcePath ForAccount(string accountSid)
        {
            if (string.IsNullOrEmpty(accountSid)) throw new ArgumentNullException(nameof(accountSid));
            return new ResourcePath(accountSid);
        }

        /// <summary>Adds a path parameter; a null or empty value leaves it out (an optional parent not given).</summary>
        public ResourcePath With(string name, string value)
        {
            if (!string.IsNullOrEmpty(value)) _values[name] = value;
            return this;
        }

        /// <summary>The instance's own key, {Sid}.</summary>
        public ResourcePath Sid(string sid) => With("Sid", sid);

        /// <summary>
        /// Names the scope where several share these path values (a Local or TollFree number search);
        /// null or empty leaves the choice to the values.
        /// </summary>
        public ResourcePath In(string scopeName)
        {
            _scopeName = string.IsNullOrEmpty(scopeName) ? null : scopeName;
            return this;
        }

        public ICollection<string> Names => _values.Keys;

        /// <summary>Fills a spec path template; every value is escaped as one path segment.</summary>
        internal string Fill(string template)
        {
            var path = new StringBuilder(template.Length + 64);
            int at = 0;
            for (int open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', at))
            {
                int close = template.IndexOf('}', open);
                path.Append(template, at, open - at);
                string name = template.Substring(open + 1, close - open - 1);
                if (!_values.TryGetValue(name, out string value))
                    throw new InvalidOperationException($"The path {template} needs {{{name}}}.");
                path.Append(Uri.EscapeDataString(value));
                at = close + 1;
            }
            return path.Append(template, at, template.Length - at).ToString();
        }

        internal string PathFor(ResourceDefinition resource, Operations operation) =>
            Fill(resource.ScopeFor(operation, _values.Keys, _scopeName).PathFor(operation));
    }
}
