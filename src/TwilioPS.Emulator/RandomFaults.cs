using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TwilioPS.Emulator
{
    /// <summary>
    /// Injects faults at random, per route, with a seeded generator so a run can be reproduced: the
    /// same seed gives the same sequence of draws (the same faults, if the requests arrive in the same
    /// order). Thread-safe; counts what it injected by kind. The console host builds one from
    /// <c>--faults</c> and <c>--fault-seed</c>:
    /// <code>POST */Messages.json: 429=10%, 503=3%, 500=2%, drop=2%, cut=1%, html=1%, redirect=1%, latency=20ms; GET *: 503=5%</code>
    /// </summary>
    /// <remarks>
    /// Routes are separated by ';' and tried in order; the first whose method and path pattern match a
    /// request decides it ('*' matches any run of characters, the method may be '*'). For each matched
    /// request one number is drawn and at most one fault chosen by the routes' probabilities. A route's
    /// latency applies to every request it matches, faulted or not: "latency=100ms" means the response
    /// (or the fault) leaves 100 ms after the request arrived. The emulator prepares it at once and
    /// waits only for what is left, so its own work falls within the latency rather than adding to it;
    /// a response that took longer than the latency to prepare leaves as soon as it is ready.
    /// </remarks>
    public sealed class RandomFaults : IRequestInterceptor
    {
        /// <summary>Every fault a spec can name ("429+Ns" and "503+Ns" also carry Retry-After: N seconds).</summary>
        public static readonly IReadOnlyList<string> Kinds = new[] { "429", "429+Ns", "503", "503+Ns", "500", "drop", "truncate", "cut", "html", "redirect" };

        /// <summary>Where an injected redirect points: a host that does not exist, so nothing followed can land anywhere.</summary>
        public const string RedirectHost = "http://redirected.invalid";

        private readonly object _gate = new object();
        private readonly Random _random;
        private readonly Dictionary<string, long> _injected = new Dictionary<string, long>(StringComparer.Ordinal);

        public RandomFaults(IEnumerable<FaultRoute> routes, int seed)
        {
            Routes = (routes ?? throw new ArgumentNullException(nameof(routes))).ToList();
            Seed = seed;
            _random = new Random(seed);
        }

        public IReadOnlyList<FaultRoute> Routes { get; }

        public int Seed { get; }

        /// <summary>
        /// Reads a spec (see the class summary). Throws <see cref="FormatException"/> naming the part
        /// that is wrong and what was expected.
        /// </summary>
        public static RandomFaults Parse(string spec, int seed)
        {
            if (string.IsNullOrWhiteSpace(spec)) throw new FormatException("The fault spec is empty: expected \"METHOD PATH: KIND=P%, …; …\", e.g. \"POST */Messages.json: 429=10%\".");
            var routes = new List<FaultRoute>();
            foreach (string part in spec.Split(';'))
            {
                if (part.Trim().Length == 0) continue;
                routes.Add(FaultRoute.Parse(part.Trim()));
            }
            if (routes.Count == 0) throw new FormatException("The fault spec names no route.");
            return new RandomFaults(routes, seed);
        }

        /// <summary>How many faults of each kind were injected so far (latency counts each delayed request).</summary>
        public IReadOnlyDictionary<string, long> Injected
        {
            get { lock (_gate) return new Dictionary<string, long>(_injected, StringComparer.Ordinal); }
        }

        /// <summary>How many faults of <paramref name="kind"/> (e.g. "429+1s", "cut", "latency") were injected.</summary>
        public long InjectedCount(string kind)
        {
            lock (_gate) return _injected.TryGetValue(kind, out long n) ? n : 0;
        }

        public EmulatorFault Intercept(EmulatorRequest request)
        {
            FaultRoute route = Routes.FirstOrDefault(r => r.Matches(request));
            if (route == null) return null;
            EmulatorFault fault = null;
            lock (_gate)
            {
                double draw = _random.NextDouble() * 100;
                double cumulative = 0;
                foreach (FaultChance chance in route.Faults)
                {
                    cumulative += chance.Percent;
                    if (draw < cumulative)
                    {
                        fault = chance.Create(request);
                        Count(chance.Kind);
                        break;
                    }
                }
                if (route.Latency > TimeSpan.Zero) Count("latency");
            }
            if (route.Latency <= TimeSpan.Zero) return fault;
            fault = fault ?? EmulatorFault.Latency(route.Latency);
            fault.Delay = route.Latency;
            return fault;
        }

        /// <summary>"429=12, cut=1, latency=300", for a log line.</summary>
        public string Summary()
        {
            lock (_gate) return string.Join(", ", _injected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)));
        }

        public override string ToString() => string.Join("; ", Routes);

        private void Count(string kind)
        {
            _injected.TryGetValue(kind, out long n);
            _injected[kind] = n + 1;
        }
    }

    /// <summary>One route of a <see cref="RandomFaults"/> spec: which requests, which faults how often, what latency.</summary>
    public sealed class FaultRoute
    {
        private static readonly string[] Methods = { "*", "GET", "POST", "DELETE", "PUT", "PATCH", "HEAD" };

        public FaultRoute(string method, string pathPattern, IEnumerable<FaultChance> faults, TimeSpan latency = default(TimeSpan))
        {
            Method = (method ?? throw new ArgumentNullException(nameof(method))).ToUpperInvariant();
            PathPattern = pathPattern ?? throw new ArgumentNullException(nameof(pathPattern));
            Faults = (faults ?? Enumerable.Empty<FaultChance>()).ToList();
            Latency = latency;
            double total = Faults.Sum(f => f.Percent);
            if (total > 100) throw new FormatException($"Route \"{Method} {PathPattern}\": the faults' chances add up to {total.ToString(CultureInfo.InvariantCulture)}%, more than 100%.");
        }

        /// <summary>An HTTP method, or "*" for any.</summary>
        public string Method { get; }
        /// <summary>The request's path (without query) with '*' matching any run of characters, '/' included.</summary>
        public string PathPattern { get; }
        public IReadOnlyList<FaultChance> Faults { get; }
        public TimeSpan Latency { get; }

        public bool Matches(EmulatorRequest request) =>
            (Method == "*" || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase)) && Glob(PathPattern, 0, request.Path, 0);

        /// <summary>"POST */Messages.json: 429=10%, latency=20ms".</summary>
        public static FaultRoute Parse(string text)
        {
            int colon = text.IndexOf(':');
            if (colon < 0) throw new FormatException($"\"{text}\": expected \"METHOD PATH: KIND=P%, …\" (a ':' after the route).");
            string[] route = text.Substring(0, colon).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (route.Length != 2) throw new FormatException($"\"{text.Substring(0, colon).Trim()}\": a route is a method and a path pattern, e.g. \"POST */Messages.json\" or \"* *\".");
            string method = route[0].ToUpperInvariant();
            if (!Methods.Contains(method)) throw new FormatException($"\"{route[0]}\" is not a method: expected one of {string.Join(", ", Methods)}.");
            string path = route[1];
            if (!(path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("*", StringComparison.Ordinal)))
                throw new FormatException($"\"{path}\": a path pattern starts with '/' or '*'.");

            var faults = new List<FaultChance>();
            TimeSpan latency = TimeSpan.Zero;
            string where = method + " " + path;
            foreach (string item in text.Substring(colon + 1).Split(','))
            {
                string entry = item.Trim();
                if (entry.Length == 0) continue;
                int equals = entry.IndexOf('=');
                if (equals < 0) throw new FormatException($"Route \"{where}\": \"{entry}\" should be KIND=P% or latency=Nms.");
                string kind = entry.Substring(0, equals).Trim().ToLowerInvariant();
                string value = entry.Substring(equals + 1).Trim();
                if (kind == "latency")
                {
                    latency = ParseDuration(value, where);
                    continue;
                }
                if (faults.Any(f => f.Kind == kind)) throw new FormatException($"Route \"{where}\": \"{kind}\" is given twice.");
                double percent = ParsePercent(value, where, kind);
                try { faults.Add(new FaultChance(kind, percent)); }
                catch (FormatException unknown) { throw new FormatException($"Route \"{where}\": {unknown.Message}"); }
            }
            return new FaultRoute(method, path, faults, latency);
        }

        public override string ToString()
        {
            var parts = Faults.Select(f => f.ToString()).ToList();
            if (Latency > TimeSpan.Zero) parts.Add("latency=" + Latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms");
            return Method + " " + PathPattern + ": " + string.Join(", ", parts);
        }

        private static double ParsePercent(string value, string where, string kind)
        {
            if (!value.EndsWith("%", StringComparison.Ordinal)
                || !double.TryParse(value.Substring(0, value.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double percent)
                || percent > 100)
                throw new FormatException($"Route \"{where}\": \"{kind}={value}\" needs a chance from 0% to 100%, e.g. {kind}=2.5%.");
            return percent;
        }

        private static TimeSpan ParseDuration(string value, string where)
        {
            string number = value.EndsWith("ms", StringComparison.Ordinal) ? value.Substring(0, value.Length - 2)
                : value.EndsWith("s", StringComparison.Ordinal) ? value.Substring(0, value.Length - 1)
                : null;
            if (number == null || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount) || amount > 600_000)
                throw new FormatException($"Route \"{where}\": latency \"{value}\" should be a duration such as 20ms or 1.5s.");
            return value.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(amount) : TimeSpan.FromSeconds(amount);
        }

        private static bool Glob(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    // Collapse runs of '*', then try every split point for the rest.
                    while (p < pattern.Length && pattern[p] == '*') p++;
                    if (p == pattern.Length) return true;
                    for (int i = t; i <= text.Length; i++)
                        if (Glob(pattern, p, text, i)) return true;
                    return false;
                }
                if (t >= text.Length || pattern[p] != text[t]) return false;
                p++;
                t++;
            }
            return t == text.Length;
        }
    }

    /// <summary>One fault of a route and its chance, in percent of the route's requests.</summary>
    public sealed class FaultChance
    {
        public FaultChance(string kind, double percent)
        {
            Kind = kind ?? throw new ArgumentNullException(nameof(kind));
            if (percent < 0 || percent > 100) throw new ArgumentOutOfRangeException(nameof(percent), "A chance is from 0% to 100%.");
            Percent = percent;
            // Fail on an unknown kind now, not on the first request that draws it.
            Create(null);
        }

        /// <summary>One of <see cref="RandomFaults.Kinds"/>, with N given: "429", "429+1s", "cut", ….</summary>
        public string Kind { get; }
        public double Percent { get; }

        /// <summary>The fault for one request (a redirect points at the same path on another host).</summary>
        public EmulatorFault Create(EmulatorRequest request)
        {
            switch (Kind)
            {
                case "429": return EmulatorFault.TooManyRequests();
                case "503": return EmulatorFault.ServiceUnavailable();
                case "500": return EmulatorFault.InternalError();
                case "drop": return EmulatorFault.DropBeforeResponse();
                case "truncate": return EmulatorFault.Drop();
                case "cut": return EmulatorFault.CutAfterProcessing();
                case "html": return EmulatorFault.HtmlPage();
                case "redirect": return EmulatorFault.Redirect(RandomFaults.RedirectHost + (request?.PathAndQuery ?? "/"));
            }
            if (Kind.StartsWith("429+", StringComparison.Ordinal) && TryRetryAfter(Kind, out TimeSpan wait)) return EmulatorFault.TooManyRequests(wait);
            if (Kind.StartsWith("503+", StringComparison.Ordinal) && TryRetryAfter(Kind, out wait)) return EmulatorFault.ServiceUnavailable(wait);
            throw new FormatException($"\"{Kind}\" is not a fault: expected one of {string.Join(", ", RandomFaults.Kinds)}, or latency.");
        }

        public override string ToString() => Kind + "=" + Percent.ToString(CultureInfo.InvariantCulture) + "%";

        /// <summary>"429+1s": whole seconds, as Retry-After carries them.</summary>
        private static bool TryRetryAfter(string kind, out TimeSpan wait)
        {
            string seconds = kind.Substring(4);
            wait = TimeSpan.Zero;
            if (!seconds.EndsWith("s", StringComparison.Ordinal)
                || !int.TryParse(seconds.Substring(0, seconds.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || n > 86400)
                return false;
            wait = TimeSpan.FromSeconds(n);
            return true;
        }
    }
}
