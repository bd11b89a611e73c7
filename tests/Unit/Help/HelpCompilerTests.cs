using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Help
{
    /// <summary>
    /// build/HelpCompiler: the docs give descriptions, the module assembly gives syntax and parameter
    /// metadata, docs/help/common/parameters.md gives the text of shared parameters. Broken docs are
    /// compiled from a copy of docs/help against the built module; the real help is read with Get-Help.
    /// </summary>
    public class HelpCompilerTests
    {
        private static string DocsDirectory => Path.Combine(ModuleAssemblies.RepositoryRoot, "docs", "help");

        [Fact]
        public void The_docs_as_committed_compile()
        {
            var (exit, output) = Compile(_ => { });
            Assert.True(exit == 0, output);
            Assert.DoesNotContain("error TPSHELP", output);
        }

        [Fact]
        public void A_documented_parameter_the_cmdlet_lacks_fails_naming_file_cmdlet_and_parameter()
        {
            var (exit, output) = Compile(docs => Edit(docs, "Get-TwilioCall", text =>
                text.Replace("### -To\n", "### -Bogus\nA parameter that no longer exists.\n\n### -To\n", StringComparison.Ordinal)));
            Assert.Equal(1, exit);
            Assert.Matches(@"Get-TwilioCall\.md\(\d+\): error TPSHELP: Get-TwilioCall: the doc describes -Bogus, but the cmdlet has no such parameter", output);
        }

        [Fact]
        public void A_parameter_the_doc_misses_fails_naming_file_cmdlet_and_parameter()
        {
            var (exit, output) = Compile(docs => Edit(docs, "Get-TwilioCall", text =>
                Regex.Replace(text, @"### -To\n[^#]*", string.Empty)));
            Assert.Equal(1, exit);
            Assert.Matches(@"Get-TwilioCall\.md\(\d+\): error TPSHELP: Get-TwilioCall: parameter -To is not documented", output);
        }

        [Fact]
        public void A_shared_parameter_without_shared_text_fails_for_every_cmdlet_that_relies_on_it()
        {
            var (exit, output) = Compile(docs =>
            {
                string common = Path.Combine(docs, "common", "parameters.md");
                File.WriteAllText(common, Regex.Replace(File.ReadAllText(common), @"### -Connection\n[^#]*", string.Empty));
            });
            Assert.Equal(1, exit);
            Assert.Matches(@"Get-TwilioCall\.md\(\d+\): error TPSHELP: Get-TwilioCall: parameter -Connection is not documented", output);
            Assert.DoesNotMatch(@"Disconnect-Twilio\.md.*-Connection", output); // it describes its own -Connection
        }

        [Fact]
        public void An_exported_cmdlet_without_a_doc_fails()
        {
            var (exit, output) = Compile(docs => File.Delete(Path.Combine(docs, "Get-TwilioCall.md")));
            Assert.Equal(1, exit);
            Assert.Matches(@"Get-TwilioCall\.md\(0\): error TPSHELP: Get-TwilioCall is exported by TwilioPS\.psd1 but has no help document", output);
        }

        [Fact]
        public void Metadata_written_in_a_doc_is_refused_so_it_cannot_go_stale()
        {
            var (exit, output) = Compile(docs => Edit(docs, "Get-TwilioCall", text => text
                .Replace("## SYNTAX\n", "## SYNTAX\n\n```\nGet-TwilioCall [-Old <String>]\n```\n", StringComparison.Ordinal)
                .Replace("### -To\n", "### -To\n```yaml\nType: String\n```\n", StringComparison.Ordinal)));
            Assert.Equal(1, exit);
            Assert.Contains("'## SYNTAX' is generated from the cmdlet's parameter sets", output);
            Assert.Contains("parameter -To: 'Type' comes from the cmdlet's attributes", output);
        }

        [Fact]
        public void Get_help_takes_pipeline_input_aliases_and_position_from_the_assembly()
        {
            using var ps = new PowerShellSession();
            PowerShellResult result = ps.Run(@"
                $p = Get-Help -Name Get-TwilioCall -Parameter CallSid
                $p.pipelineInput; $p.aliases; $p.required; $p.position
                (Get-Help -Name Get-TwilioQueue -Parameter FriendlyName).globbing
                (Get-Help -Name Remove-TwilioCall -Parameter WhatIf).aliases
                Get-Help -Name Get-TwilioCall | Out-String -Width 400");
            result.ThrowIfFailed();
            List<string> values = result.Output.Select(o => o.ToString()).ToList();
            Assert.Equal("True (ByPropertyName, ByValue)", values[0]);
            Assert.Equal("Sid", values[1]);
            Assert.Equal("true", values[2]);
            Assert.Equal("0", values[3]);
            Assert.Equal("true", values[4]);
            Assert.Equal("wi", values[5]);
            Assert.Contains("Get-TwilioCall [-CallSid] <String>", values[6]);
            Assert.Contains("-Status {queued | ringing | in-progress", values[6]);
            Assert.Contains("[-First <UInt64>]", values[6]);
            Assert.DoesNotContain("InputObject", values[6]); // DontShow in every set
        }

        [Fact]
        public void Every_connection_parameter_carries_the_shared_text_unless_its_doc_replaces_it()
        {
            string shared = SectionText(File.ReadAllText(Path.Combine(DocsDirectory, "common", "parameters.md")), "Connection");
            Assert.False(string.IsNullOrEmpty(shared));
            using var ps = new PowerShellSession();
            PowerShellResult result = ps.Run(@"
                foreach ($c in Get-Command -Module TwilioPS -CommandType Cmdlet) {
                    if ($c.Parameters.ContainsKey('Connection')) {
                        '{0}|{1}' -f $c.Name, ((@((Get-Help -Name $c.Name -Parameter Connection).description) | ForEach-Object Text) -join ' ')
                    }
                }");
            result.ThrowIfFailed();
            List<string[]> cmdlets = result.Output.Select(o => o.ToString().Split('|', 2)).ToList();
            Assert.True(cmdlets.Count > 20, $"only {cmdlets.Count} cmdlets with -Connection");
            var failures = new List<string>();
            foreach (string[] cmdlet in cmdlets)
            {
                string own = SectionText(File.ReadAllText(Path.Combine(DocsDirectory, cmdlet[0] + ".md")), "Connection");
                string expected = Plain(own ?? shared);
                if (Plain(cmdlet[1]) != expected) failures.Add($"{cmdlet[0]}: '{cmdlet[1]}', expected '{expected}'");
            }
            Assert.Empty(failures);
        }

        /// <summary>The description under '### -Name' in a markdown file, or null.</summary>
        private static string SectionText(string markdown, string parameter)
        {
            Match section = Regex.Match(markdown.Replace("\r\n", "\n"), @"^### -" + parameter + @"\n(?<text>.*?)(?=^#|^```|\z)",
                RegexOptions.Multiline | RegexOptions.Singleline);
            return section.Success ? section.Groups["text"].Value.Trim() : null;
        }

        /// <summary>Text as Get-Help shows it: inline code marks gone, whitespace collapsed.</summary>
        private static string Plain(string text) => Regex.Replace(text.Replace("`", string.Empty), @"\s+", " ").Trim();

        private static void Edit(string docs, string cmdlet, Func<string, string> change)
        {
            string path = Path.Combine(docs, cmdlet + ".md");
            string before = File.ReadAllText(path).Replace("\r\n", "\n");
            string after = change(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(path, after);
        }

        /// <summary>Compiles a changed copy of docs/help against the built module, as the module build does.</summary>
        private static (int ExitCode, string Output) Compile(Action<string> change)
        {
            string root = Path.Combine(Path.GetTempPath(), "twilio-ps-help-" + Guid.NewGuid().ToString("N"));
            try
            {
                string docs = Path.Combine(root, "docs");
                foreach (string file in Directory.GetFiles(DocsDirectory, "*.md", SearchOption.AllDirectories))
                {
                    string target = Path.Combine(docs, Path.GetRelativePath(DocsDirectory, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target));
                    File.Copy(file, target);
                }
                change(docs);

                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                // Any System.Management.Automation serves as the reference: the compiler reads attributes by name.
                foreach (string argument in new[]
                {
                    ModuleAssemblies.HelpCompilerPath, docs, Path.Combine(root, "out"),
                    "--assembly", Path.Combine(ModuleAssemblies.ModuleDirectory, "TwilioPS.dll"),
                    "--reference", typeof(PSCmdlet).Assembly.Location,
                    "--manifest", Path.Combine(ModuleAssemblies.RepositoryRoot, "TwilioPS.psd1"),
                    "--min-examples", "3",
                })
                    start.ArgumentList.Add(argument);
                using Process process = Process.Start(start);
                var stdout = process.StandardOutput.ReadToEndAsync();
                string stderr = process.StandardError.ReadToEnd();
                Assert.True(process.WaitForExit((int)TimeSpan.FromMinutes(2).TotalMilliseconds), "the help compiler did not finish");
                return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr);
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
