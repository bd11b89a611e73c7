using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using TwilioPS.Tests.Hosting;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// Twilio's official OpenAPI spec and Stoplight Prism, fetched through npm at test time (never
    /// copied into the repository) into .ci/tools, which is ignored by git.
    /// </summary>
    internal static class OfficialSpec
    {
        public const string PrismPackage = "@stoplight/prism-cli@5.16.0";
        public const string SpecPackage = "@twilio-alpha/mcp@0.7.0";

        private static readonly object Gate = new object();
        private static JsonDocument _document;

        public static string RepositoryRoot =>
            Path.GetFullPath(Path.Combine(Tests.ModuleAssemblies.ModuleDirectory, "..", ".."));

        public static string ToolsDirectory =>
            Environment.GetEnvironmentVariable("TWILIOPS_NPM_TOOLS") is string custom && custom.Length > 0
                ? custom
                : Path.Combine(RepositoryRoot, ".ci", "tools");

        public static string SpecPath =>
            Path.Combine(ToolsDirectory, "node_modules", "@twilio-alpha", "mcp", "twilio-oai", "spec", "json", "twilio_api_v2010.json");

        public static string PrismPath => Path.Combine(ToolsDirectory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

        /// <summary>Installs the two npm packages once per machine (a few seconds when npm has them cached).</summary>
        public static void EnsureInstalled()
        {
            lock (Gate)
            {
                if (File.Exists(SpecPath) && File.Exists(PrismPath)) return;
                Directory.CreateDirectory(ToolsDirectory);
                if (!File.Exists(Path.Combine(ToolsDirectory, "package.json")))
                    File.WriteAllText(Path.Combine(ToolsDirectory, "package.json"), "{ \"name\": \"twilio-ps-test-tools\", \"private\": true }");
                Run("npm", $"install --no-audit --no-fund --loglevel=error {PrismPackage} {SpecPackage}", ToolsDirectory, TimeSpan.FromMinutes(10));
                if (!File.Exists(SpecPath) || !File.Exists(PrismPath))
                    throw new InvalidOperationException($"npm did not install {PrismPackage} and {SpecPackage} into {ToolsDirectory}.");
            }
        }

        public static JsonElement Root
        {
            get
            {
                lock (Gate)
                {
                    if (_document == null)
                    {
                        EnsureInstalled();
                        _document = JsonDocument.Parse(File.ReadAllBytes(SpecPath));
                    }
                    return _document.RootElement;
                }
            }
        }

        /// <summary>
        /// Writes the spec for Prism to validate responses with. Seven schemas of the spec say
        /// <c>"nullable": true</c> without a <c>type</c> (call_event's request and response, and
        /// encryption_details of recording, call_recording and conference_recording), for example
        /// <c>"encryption_details": {"nullable": true, "description": "How to decrypt the recording …"}</c>.
        /// OpenAPI 3.0.3 gives such a nullable no effect ("only if type is explicitly defined within the
        /// same Schema Object"), but Ajv refuses to compile it ("nullable" cannot be used without "type"),
        /// and Prism 5.16 then silently skips the whole response: every recording and call event would
        /// pass unchecked. The copy drops exactly those keywords, which changes no schema's meaning.
        /// </summary>
        public static void WriteValidatableCopy(string path)
        {
            EnsureInstalled();
            System.Text.Json.Nodes.JsonNode spec = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(SpecPath));
            DropUntypedNullable(spec);
            File.WriteAllText(path, spec.ToJsonString());
        }

        private static void DropUntypedNullable(System.Text.Json.Nodes.JsonNode node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    if (o.ContainsKey("nullable") && !o.ContainsKey("type")) o.Remove("nullable");
                    foreach (var property in o) DropUntypedNullable(property.Value);
                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (System.Text.Json.Nodes.JsonNode item in a) DropUntypedNullable(item);
                    break;
            }
        }

        public static JsonElement Path2010(string path) => Root.GetProperty("paths").GetProperty(path);

        public static JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

        private static void Run(string file, string arguments, string directory, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(start);
            string stderr = process.StandardError.ReadToEndAsync().GetAwaiter().GetResult();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {arguments} did not finish in {timeout}.");
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr}");
        }
    }

    /// <summary>
    /// A Prism process over the official spec, started with one of Prism's commands and the
    /// arguments after it; ready once its port accepts connections. Prism 5.16 without --errors
    /// answers every request and reports what the spec rejects in the sl-violations header.
    /// </summary>
    internal sealed class PrismServer : IDisposable
    {
        /// <summary>Loading the 2010 spec takes seconds on an idle machine; give a loaded one far longer.</summary>
        private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

        private readonly Process _prism;
        private readonly System.Text.StringBuilder _log = new System.Text.StringBuilder();

        /// <summary>A spec file made for this process alone, deleted with it; null when Prism reads the installed one.</summary>
        private readonly string _ownSpec;

        private PrismServer(string command, string spec, string arguments, bool ownsSpec)
        {
            OfficialSpec.EnsureInstalled();
            _ownSpec = ownsSpec ? spec : null;
            Port = Loopback.FreePort();
            var start = new ProcessStartInfo("node", $"\"{OfficialSpec.PrismPath}\" {command} \"{spec}\" {arguments} -h 127.0.0.1 -p {Port}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            _prism = Process.Start(start);
            _prism.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _prism.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _prism.BeginOutputReadLine();
            _prism.BeginErrorReadLine();

            DateTime deadline = DateTime.UtcNow + StartTimeout;
            while (!Listening())
            {
                if (_prism.HasExited || DateTime.UtcNow > deadline)
                {
                    Dispose();
                    throw new InvalidOperationException("Prism did not start: " + Log);
                }
                Thread.Sleep(250);
            }
        }

        /// <summary>Prism answering from the spec's examples, validating each request (422, 401).</summary>
        public static PrismServer Mock() => new PrismServer("mock", OfficialSpec.SpecPath, string.Empty, ownsSpec: false);

        /// <summary>
        /// Prism forwarding each request to <paramref name="upstream"/> and validating both the request
        /// and the upstream's response. The spec's servers (https://api.twilio.com) are only matched when
        /// a request names one (Prism's __server query), so an upstream serving the spec's paths at its
        /// root is validated against them. Prism reads <see cref="OfficialSpec.WriteValidatableCopy"/>.
        /// </summary>
        public static PrismServer Proxy(Uri upstream)
        {
            string spec = Path.Combine(Path.GetTempPath(), "twilio_api_v2010." + Guid.NewGuid().ToString("N") + ".json");
            OfficialSpec.WriteValidatableCopy(spec);
            return new PrismServer("proxy", spec, $"\"{upstream}\"", ownsSpec: true);
        }

        public int Port { get; }

        public Uri BaseUri => new Uri($"http://127.0.0.1:{Port}");

        public string Log
        {
            get { lock (_log) return _log.ToString(); }
        }

        private bool Listening()
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_prism.HasExited) _prism.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _prism.Dispose();
            if (_ownSpec != null) File.Delete(_ownSpec);
        }
    }

    /// <summary>One Prism mock serving the official spec for every test in the Prism collection.</summary>
    public sealed class PrismFixture : IDisposable
    {
        private readonly PrismServer _prism = PrismServer.Mock();

        public Uri BaseUri => _prism.BaseUri;

        public string Log => _prism.Log;

        public void Dispose() => _prism.Dispose();
    }

    /// <summary>Serialised with the other tests that touch process-wide state (TWILIO_* variables).</summary>
    [Xunit.CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class PrismCollection : Xunit.ICollectionFixture<PrismFixture>
    {
        public const string Name = "Prism";
    }
}
