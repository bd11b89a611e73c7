using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml;
using System.Xml.Linq;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Help
{
    /// <summary>
    /// The help the build compiles from docs/help into out/TwilioPS/en-US, as Get-Help serves it in a
    /// real engine. Each check covers every exported cmdlet, so a new cmdlet without a doc, a renamed
    /// parameter or a broken MAML file fails here.
    /// </summary>
    public class HelpTests
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static string HelpDirectory => Path.Combine(ModuleAssemblies.ModuleDirectory, "en-US");

        private static List<string> ExportedCmdlets(PowerShellSession ps)
        {
            PowerShellResult result = ps.Run("Get-Command -Module TwilioPS -CommandType Cmdlet | ForEach-Object Name");
            result.ThrowIfFailed();
            List<string> names = result.Output.Select(o => o.BaseObject.ToString()).ToList();
            Assert.Contains("New-TwilioCall", names);
            Assert.Contains("Connect-Twilio", names);
            return names;
        }

        [Fact]
        public void EveryExportedCmdletHasAnAuthoredSynopsis()
        {
            using var ps = new PowerShellSession();
            var failures = new List<string>();
            foreach (string cmdlet in ExportedCmdlets(ps))
            {
                PowerShellResult result = ps.Run("$h = Get-Help -Name $args[0] -Category Cmdlet; $h.PSObject.TypeNames -join ','; [string]$h.Synopsis", cmdlet);
                result.ThrowIfFailed();
                string typeNames = result.Output[0].ToString();
                string synopsis = result.Output[1].ToString().Trim();
                // Without MAML, Get-Help makes help up from metadata: its synopsis is the syntax line.
                if (!typeNames.Contains("MamlCommandHelpInfo", StringComparison.Ordinal))
                    failures.Add($"{cmdlet}: help is auto-generated ({typeNames}), the MAML was not found or not understood");
                if (synopsis.Length < 15 || synopsis.StartsWith(cmdlet, StringComparison.OrdinalIgnoreCase)
                    || synopsis.Contains("<CommonParameters>", StringComparison.Ordinal) || synopsis.Contains("{{", StringComparison.Ordinal))
                    failures.Add($"{cmdlet}: synopsis is not authored: '{synopsis}'");
            }
            Assert.Empty(failures);
        }

        [Fact]
        public void EveryExportedCmdletHasAtLeastThreeExamplesWithCode()
        {
            using var ps = new PowerShellSession();
            var failures = new List<string>();
            foreach (string cmdlet in ExportedCmdlets(ps))
            {
                PowerShellResult result = ps.Run(@"
                    $examples = @((Get-Help -Name $args[0] -Category Cmdlet).examples.example | Where-Object { $_ })
                    $examples.Count
                    @($examples | Where-Object { [string]::IsNullOrWhiteSpace($_.code) -or [string]::IsNullOrWhiteSpace((@($_.remarks) | ForEach-Object Text) -join '') }).Count
                    Get-Help -Name $args[0] -Examples | Out-String -Width 200", cmdlet);
                result.ThrowIfFailed();
                int count = (int)result.Output[0].BaseObject;
                int incomplete = (int)result.Output[1].BaseObject;
                string text = result.Output[2].ToString();
                if (count < 3) failures.Add($"{cmdlet}: {count} example(s), at least 3 expected");
                if (incomplete > 0) failures.Add($"{cmdlet}: {incomplete} example(s) without code or explanation");
                if (!text.Contains("-------------------------- Example 1:", StringComparison.Ordinal) || !text.Contains(cmdlet, StringComparison.Ordinal))
                    failures.Add($"{cmdlet}: Get-Help -Examples does not show the examples:\n{text}");
            }
            Assert.Empty(failures);
        }

        [Fact]
        public void HelpDescribesExactlyTheParametersEachCmdletHas()
        {
            using var ps = new PowerShellSession();
            var failures = new List<string>();
            foreach (string cmdlet in ExportedCmdlets(ps))
            {
                PowerShellResult actual = ps.Run(@"
                    $common = [System.Management.Automation.Cmdlet]::CommonParameters
                    # A parameter hidden in every set (DontShow: pipeline plumbing such as a parent object bound by type) is not for users to read about.
                    (Get-Command -Name $args[0]).Parameters.Values | Where-Object {
                        $common -notcontains $_.Name -and @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and -not $_.DontShow }).Count -gt 0
                    } | ForEach-Object Name", cmdlet);
                actual.ThrowIfFailed();
                PowerShellResult documented = ps.Run(@"
                    foreach ($p in @((Get-Help -Name $args[0] -Category Cmdlet).parameters.parameter)) {
                        if ($p) { '{0}|{1}' -f $p.name, ((@($p.description) | ForEach-Object Text) -join ' ').Trim() }
                    }", cmdlet);
                documented.ThrowIfFailed();

                var real = new HashSet<string>(actual.Output.Select(o => o.ToString()), StringComparer.OrdinalIgnoreCase);
                var help = documented.Output.Select(o => o.ToString().Split('|', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

                foreach (string missing in real.Where(p => !help.ContainsKey(p)))
                    failures.Add($"{cmdlet}: -{missing} is not documented");
                foreach (string stale in help.Keys.Where(p => !real.Contains(p)))
                    failures.Add($"{cmdlet}: -{stale} is documented but the cmdlet has no such parameter");
                foreach (KeyValuePair<string, string> parameter in help.Where(p => p.Value.Length < 10))
                    failures.Add($"{cmdlet}: -{parameter.Key} has no description");
            }
            Assert.Empty(failures);
        }

        [Fact]
        public void AboutTopicIsServedByGetHelp()
        {
            using var ps = new PowerShellSession();
            string modulesRoot = Path.GetDirectoryName(ModuleAssemblies.ModuleDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            PowerShellResult result = ps.Run(@"
                $env:PSModulePath = $args[0] + [System.IO.Path]::PathSeparator + $env:PSModulePath
                Get-Help -Name about_TwilioPS | Out-String -Width 200", modulesRoot);
            result.ThrowIfFailed();
            string text = string.Concat(result.Output.Select(o => o.ToString()));
            Assert.Contains("about_TwilioPS", text);
            Assert.Contains("SHORT DESCRIPTION", text);
            Assert.Contains("LONG DESCRIPTION", text);
            foreach (string topic in new[] { "Connect-Twilio", "-Connection", "-All", "-First", "Retry-After", "Twilio21211", "Start-TwilioEmulator", "TWILIO_ACCOUNT_SID" })
                Assert.Contains(topic, text);
            Assert.True(File.Exists(Path.Combine(HelpDirectory, "about_TwilioPS.help.txt")));
        }

        [Fact]
        public void MamlIsWellFormedWithPowerShellsNamespaces()
        {
            string path = Path.Combine(HelpDirectory, "TwilioPS.dll-Help.xml");
            Assert.True(File.Exists(path), $"{path} was not built");

            XDocument document;
            using (XmlReader reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
                document = XDocument.Load(reader); // throws on malformed XML

            Assert.Equal(Msh + "helpItems", document.Root.Name);
            Assert.Equal("maml", (string)document.Root.Attribute("schema"));
            List<XElement> commands = document.Root.Elements(Command + "command").ToList();
            Assert.NotEmpty(commands);
            Assert.Equal(document.Root.Elements().Count(), commands.Count);

            using var ps = new PowerShellSession();
            List<string> exported = ExportedCmdlets(ps);
            List<string> names = commands.Select(c => (string)c.Element(Command + "details")?.Element(Command + "name")).ToList();
            Assert.Equal(exported.OrderBy(n => n, StringComparer.Ordinal), names.OrderBy(n => n, StringComparer.Ordinal));

            foreach (XElement command in commands)
            {
                string name = (string)command.Element(Command + "details").Element(Command + "name");
                XElement details = command.Element(Command + "details");
                Assert.Equal(name.Split('-')[0], (string)details.Element(Command + "verb"));
                Assert.Equal(name.Substring(name.IndexOf('-') + 1), (string)details.Element(Command + "noun"));
                Assert.False(string.IsNullOrWhiteSpace((string)details.Element(Maml + "description")?.Element(Maml + "para")), name + ": no synopsis para");
                Assert.NotNull(command.Element(Maml + "description"));
                Assert.NotEmpty(command.Element(Command + "syntax").Elements(Command + "syntaxItem"));
                Assert.NotNull(command.Element(Command + "parameters"));
                Assert.NotNull(command.Element(Command + "inputTypes"));
                Assert.NotNull(command.Element(Command + "returnValues"));
                Assert.NotNull(command.Element(Maml + "alertSet"));
                Assert.NotNull(command.Element(Command + "relatedLinks"));
                foreach (XElement example in command.Element(Command + "examples").Elements(Command + "example"))
                {
                    Assert.Matches(@"^-{26} Example \d+: .+ -{26}$", (string)example.Element(Maml + "title"));
                    Assert.False(string.IsNullOrWhiteSpace((string)example.Element(Dev + "code")), name + ": empty example code");
                    Assert.NotNull(example.Element(Dev + "remarks"));
                }
                foreach (XElement parameter in command.Descendants(Command + "parameter"))
                {
                    foreach (string attribute in new[] { "required", "variableLength", "globbing", "pipelineInput", "position", "aliases" })
                        Assert.NotNull(parameter.Attribute(attribute));
                    Assert.False(string.IsNullOrWhiteSpace((string)parameter.Element(Maml + "name")));
                    Assert.NotNull(parameter.Element(Dev + "type"));
                }
            }
        }

        [Fact]
        public void ValidateSetValuesAppearInTheHelpSyntax()
        {
            using var ps = new PowerShellSession();
            PowerShellResult result = ps.Run("Get-Help -Name Set-TwilioCall -Category Cmdlet -Full | Out-String -Width 400");
            result.ThrowIfFailed();
            string text = string.Concat(result.Output.Select(o => o.ToString()));
            Assert.Contains("-Status {canceled | completed}", text);
            Assert.Contains("Get-TwilioCall -Status in-progress", text);
        }
    }
}
