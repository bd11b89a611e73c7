using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace TwilioPS.Benchmarks
{
    /// <summary>
    /// Sending many messages: Send-TwilioMessage fed from the pipeline at several -ThrottleLimit values
    /// against an emulator that takes 20 ms over every POST Messages.json, beside twilio-node's
    /// messages.create with the same number of requests in flight. With the latency dominating, the
    /// ideal rate is ThrottleLimit / 20 ms; the ratio to it is what the cmdlet's overlap achieves. A plain
    /// .NET sender with the same requests in flight gives the most this emulator and machine allow.
    /// </summary>
    internal static class BulkSend
    {
        public const int LatencyMs = 20;
        public static readonly int[] ThrottleLimits = { 1, 10, 50 };
        public const int SingleInFlightMessages = 1000;

        // The emulator's accounts own Twilio's magic test number (src/TwilioPS.Emulator/Resources/Messages.cs).
        private const string From = "+15005550006";

        public static bool Measure(string emulatorPath, string manifest, string twilioNode, int messages, Table table)
        {
            bool complete = true;
            using EmulatorProcess emulator = EmulatorProcess.Start(emulatorPath, 0, $"POST */Messages.json: latency={LatencyMs}ms");
            string[] connection = { emulator.BaseUri.ToString(), emulator.AccountSid, emulator.AuthToken };
            foreach (int limit in ThrottleLimits)
            {
                // One in flight is there for comparison, not a target: 1,000 sent once keep it at about
                // 20 s a tool. Where a target is set, each tool sends first in a fresh process
                // (after 20 to warm up, as a runbook pays) and then WarmRuns more times.
                int count = limit == 1 ? Math.Min(messages, SingleInFlightMessages) : messages;
                int runs = limit == 1 ? 1 : 1 + WarmRuns;
                double ideal = limit * 1000.0 / LatencyMs;
                string[] sending = { Str(count), Str(limit), From, Str(runs) };
                Measured module = Measured.From(Child.Bench(new[] { "child-send", manifest }.Concat(connection).Concat(sending)));
                // The plain .NET sender shows what this emulator and machine allow any client.
                Measured loop = Measured.From(Child.Plain(new[] { "child-send-loop" }.Concat(connection).Concat(sending)));
                Measured node = twilioNode == null ? null : Measured.From(Child.NodeSend(twilioNode, connection, count, limit, From, runs));
                var kinds = new List<(string Label, bool First)> { ("first run, fresh process", true) };
                if (runs > 1) kinds.Add(($"warm, best of {WarmRuns}", false));
                foreach (var (label, first) in kinds)
                {
                    double rate = Rate(module, first), loopRate = Rate(loop, first);
                    double ratio = rate / ideal;
                    bool? met = limit >= 10 ? ratio >= 0.95 && (node == null || rate > Rate(node, first)) : null;
                    table.Add($"Bulk send, {LatencyMs} ms/POST: pipeline | Send-TwilioMessage -ThrottleLimit {limit}, {label}", module.Records, $"{rate:N0}/s",
                        $"{ratio:0.00}x of {limit} / {LatencyMs} ms ({ideal:N0}/s); {rate / loopRate:0.00}x .NET", limit >= 10 ? ">= 0.95x, above node" : "", met, module.PickCpu(first));
                    table.Add($"Bulk send, {LatencyMs} ms/POST: .NET HttpClient + STJ, {limit} in flight, {label}", loop.Records, $"{loopRate:N0}/s",
                        $"{loopRate / ideal:0.00}x of ideal", "", null, loop.PickCpu(first));
                    if (node == null) continue;
                    double nodeRate = Rate(node, first);
                    table.Add($"Bulk send, {LatencyMs} ms/POST: twilio-node messages.create, {limit} in flight, {label}", node.Records, $"{nodeRate:N0}/s",
                        $"{nodeRate / ideal:0.00}x of ideal; module {rate / nodeRate:0.00}x node", "", null, node.PickCpu(first));
                }
                // Records is the fewest any run reported sent: every run must have sent every message.
                complete &= module.Records == count && loop.Records == count && (node == null || node.Records == count);
            }
            return complete;
        }

        public const int WarmRuns = 3;

        private static double Rate(Measured sender, bool first) => sender.Records / sender.Pick(first) * 1000;

        private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

        public const int Cap = 10;

        /// <summary>
        /// An emulator that serves at most <see cref="Cap"/> requests at once and answers 429 beyond,
        /// fed at -ThrottleLimit 50: every message must be created exactly once (counted through the
        /// emulator's own Messages list), at a rate near the cap's Cap / 20 ms.
        /// </summary>
        public static async Task<bool> MeasureCappedAsync(string emulatorPath, string manifest, int messages, Table table)
        {
            const int Limit = 50;
            using EmulatorProcess emulator = EmulatorProcess.Start(emulatorPath, 0, $"POST */Messages.json: latency={LatencyMs}ms",
                "--max-in-flight", Cap.ToString(CultureInfo.InvariantCulture));
            string[] connection = { emulator.BaseUri.ToString(), emulator.AccountSid, emulator.AuthToken };
            ChildResult module = Child.Bench(new[] { "child-send", manifest }.Concat(connection).Concat(new[] { Str(messages), Str(Limit), From, "1" }));
            int created = await CountMessagesAsync(emulator);
            var (ms, sent, cpu) = module.Runs().Single();
            int errors = (int)module.Value("send-errors");
            // The child's warm-up sent 20 before the timed run.
            bool exactlyOnce = created == messages + 20 && sent == messages && errors == 0;
            double rate = sent / ms * 1000;
            double allowed = Cap * 1000.0 / LatencyMs;
            table.Add($"Bulk send, {LatencyMs} ms/POST, emulator capped at {Cap} in flight (429 beyond): -ThrottleLimit {Limit}", sent, $"{rate:N0}/s",
                $"{rate / allowed:0.00}x of {Cap} / {LatencyMs} ms ({allowed:N0}/s); {created - 20:N0} created, {errors} errors", "> 0.85x, each sent once",
                rate / allowed > 0.85 && exactlyOnce, cpu);
            foreach (string error in module.Lines("@error")) table.Notes.Add("Capped bulk send error: " + error);
            return exactlyOnce;
        }

        private static async Task<int> CountMessagesAsync(EmulatorProcess emulator)
        {
            using HttpClient http = PlainLoop.CreateClient(emulator.BaseUri, emulator.AccountSid, emulator.AuthToken);
            int count = 0;
            for (string next = $"/2010-04-01/Accounts/{emulator.AccountSid}/Messages.json?PageSize=1000"; next != null;)
            {
                using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(next));
                count += document.RootElement.GetProperty("messages").GetArrayLength();
                next = document.RootElement.GetProperty("next_page_uri").GetString();
            }
            return count;
        }
    }

    /// <summary>
    /// The emulator holding a million calls: its resident set once seeded, and how long it takes to
    /// serve the 1000-record pages of that list, each read once as a list reads them. Their median is
    /// compared with the module's warm parse of a page, so the emulator is warmed the same way first:
    /// one walk of the whole list, which also lets the runtime finish compiling its hot code (timed
    /// on a fresh process, the first pages had measured what its first tier costs). Then the list is
    /// walked <see cref="WarmWalks"/> times and the walk with the lowest median is reported.
    /// </summary>
    internal static class EmulatorMemory
    {
        public const int SeededCalls = 1_000_000;
        public const int WarmWalks = 3;
        private const int PageSize = 1000;

        /// <param name="whileRunning">Measures something else against the same million calls before the emulator stops.</param>
        public static async Task<(long WorkingSet, double SeedMs, double MedianPageMs, double SlowPageMs)> MeasureAsync(string emulatorPath, Action<EmulatorProcess> whileRunning)
        {
            var watch = Stopwatch.StartNew();
            using EmulatorProcess emulator = EmulatorProcess.Start(emulatorPath, SeededCalls, null);
            double seedMs = watch.Elapsed.TotalMilliseconds;
            long workingSet = emulator.WorkingSet;

            using HttpClient http = PlainLoop.CreateClient(emulator.BaseUri, emulator.AccountSid, emulator.AuthToken);
            List<string> pages = await Walk(http, PlainLoop.FirstPage(emulator.AccountSid, PageSize));
            // Best of WarmWalks, as every warm row of the table is a best of 3: one walk on this shared
            // machine has given a median anywhere from 1.2 to 2.0 ms.
            List<double> times = null;
            for (int walk = 0; walk < WarmWalks; walk++)
            {
                List<double> walked = await Serve(http, pages);
                walked.Sort();
                if (times == null || walked[walked.Count / 2] < times[times.Count / 2]) times = walked;
            }
            whileRunning(emulator);
            return (workingSet, seedMs, times[times.Count / 2], times[times.Count * 9 / 10]);
        }

        /// <summary>Every page of the list, following next_page_uri (the warm-up): their URIs, in order.</summary>
        private static async Task<List<string>> Walk(HttpClient http, string first)
        {
            var uris = new List<string>();
            for (string next = first; next != null;)
            {
                uris.Add(next);
                using var page = System.Text.Json.JsonDocument.Parse(await http.GetByteArrayAsync(next));
                next = page.RootElement.GetProperty("next_page_uri").GetString();
            }
            return uris;
        }

        /// <summary>
        /// Each page once, in list order, from the request to the body's last byte, the body read and
        /// thrown away as the "emulator alone" row does: what the emulator costs, not the client's
        /// handling of 2 MB (a new array for each body, which the first version of this row timed too).
        /// </summary>
        private static async Task<List<double>> Serve(HttpClient http, List<string> uris)
        {
            var times = new List<double>(uris.Count);
            foreach (string uri in uris)
            {
                var watch = Stopwatch.StartNew();
                using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(System.IO.Stream.Null);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times;
        }
    }
}
