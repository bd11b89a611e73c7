using System;
using System.Collections.Generic;

namespace TwilioPS.Emulator.Infrastructure
{
    internal delegate void RouteHandler(RequestContext context);

    /// <summary>
    /// Method + path pattern -> handler. Patterns are literal segments and "{Name}" segments, either
    /// alone or followed by a fixed suffix ("{Name}.json", "{Name}.wav"), e.g. "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json". A path that matches a
    /// pattern but not its method is a 405; a path that matches nothing is a 404. Of several matching patterns, the one with the most literal segments wins.
    /// </summary>
    internal sealed class Router
    {
        private readonly List<Route> _routes = new List<Route>();

        public void Map(string method, string pattern, RouteHandler handler)
        {
            _routes.Add(new Route(method.ToUpperInvariant(), pattern, handler));
        }

        public RouteMatch Match(string method, string path)
        {
            string[] segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            bool pathMatched = false;
            Route best = null;
            Dictionary<string, string> bestValues = null;
            foreach (Route route in _routes)
            {
                Dictionary<string, string> values = route.TryMatch(segments);
                if (values == null) continue;
                pathMatched = true;
                // A literal segment beats a placeholder, whatever the order routes were mapped in:
                // "IncomingPhoneNumbers/Local.json" is the Local list, not a number whose SID is "Local".
                if (route.Method == method && (best == null || route.Literals > best.Literals))
                {
                    best = route;
                    bestValues = values;
                }
            }
            return best != null ? new RouteMatch(best.Handler, bestValues, false) : new RouteMatch(null, null, pathMatched);
        }

        private sealed class Route
        {
            private readonly Segment[] _segments;

            public Route(string method, string pattern, RouteHandler handler)
            {
                Method = method;
                Handler = handler;
                string[] parts = pattern.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                _segments = new Segment[parts.Length];
                for (int i = 0; i < parts.Length; i++) _segments[i] = Segment.Parse(parts[i]);
                foreach (Segment segment in _segments) if (segment.Name == null) Literals++;
            }

            /// <summary>How many segments are fixed text: the more, the more specific the route.</summary>
            public int Literals { get; }

            public string Method { get; }
            public RouteHandler Handler { get; }

            public Dictionary<string, string> TryMatch(string[] path)
            {
                if (path.Length != _segments.Length) return null;
                Dictionary<string, string> values = null;
                for (int i = 0; i < path.Length; i++)
                {
                    Segment s = _segments[i];
                    if (s.Name == null)
                    {
                        if (!string.Equals(s.Literal, path[i], StringComparison.Ordinal)) return null;
                        continue;
                    }
                    string p = path[i];
                    if (p.Length <= s.Suffix.Length || !p.EndsWith(s.Suffix, StringComparison.Ordinal)) return null;
                    if (values == null) values = new Dictionary<string, string>(StringComparer.Ordinal);
                    values[s.Name] = p.Substring(0, p.Length - s.Suffix.Length);
                }
                return values ?? new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }

        private sealed class Segment
        {
            public string Literal;
            public string Name;
            public string Suffix = "";

            public static Segment Parse(string text)
            {
                if (text.Length > 0 && text[0] == '{')
                {
                    int close = text.IndexOf('}');
                    return new Segment { Name = text.Substring(1, close - 1), Suffix = text.Substring(close + 1) };
                }
                return new Segment { Literal = text };
            }
        }
    }

    internal struct RouteMatch
    {
        public RouteMatch(RouteHandler handler, Dictionary<string, string> values, bool pathMatched)
        {
            Handler = handler;
            Values = values;
            PathMatchedOtherMethod = pathMatched;
        }

        public RouteHandler Handler { get; }
        public Dictionary<string, string> Values { get; }
        public bool PathMatchedOtherMethod { get; }
    }
}
