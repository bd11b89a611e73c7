using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// tests/Pester, each file in a fresh process under Pester 5 (from nuget.org) in the PowerShell 7.6
    /// engine, the way `./build.ps1 -Task Test` runs it with pwsh: the Pester suite is proven on every
    /// machine that runs the xunit tests, not only where pwsh and Pester are installed.
    /// </summary>
    public class PesterSuiteTests
    {
        private static readonly string PesterDirectory = Path.Combine(ModuleAssemblies.RepositoryRoot, "tests", "Pester");

        private const string RunPester = @"
            param($PesterPath, $TestsPath)
            $ErrorActionPreference = 'Stop'
            Import-Module $PesterPath -MinimumVersion 5.5
            $configuration = New-PesterConfiguration
            $configuration.Run.Path = $TestsPath
            $configuration.Run.PassThru = $true
            $configuration.Output.Verbosity = 'Normal'
            $result = Invoke-Pester -Configuration $configuration
            foreach ($test in $result.Failed) { 'FAILED: ' + $test.ExpandedPath }
            foreach ($block in $result.FailedBlocks) { 'FAILED BLOCK: ' + $block.ExpandedPath }
            'PESTER passed=' + $result.PassedCount + ' failed=' + $result.FailedCount + ' skipped=' + $result.SkippedCount + ' blocks-failed=' + $result.FailedBlocksCount
        ";

        public static IEnumerable<object[]> Files() =>
            Directory.GetFiles(PesterDirectory, "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Files))]
        public void The_Pester_file_passes_under_Pester_5(string file)
        {
            Assert.True(File.Exists(ModuleAssemblies.PesterModulePath), $"Pester is not restored at {ModuleAssemblies.PesterModulePath}.");
            var (exit, output) = ChildProcess.RunScriptText(RunPester, TimeSpan.FromMinutes(10),
                "-PesterPath", ModuleAssemblies.PesterModulePath, "-TestsPath", Path.Combine(PesterDirectory, file));
            Match summary = Regex.Match(output, @"PESTER passed=(\d+) failed=(\d+) skipped=(\d+) blocks-failed=(\d+)");
            Assert.True(exit == 0 && summary.Success, output);
            Assert.True(summary.Groups[2].Value == "0" && summary.Groups[4].Value == "0", output);
            Assert.True(int.Parse(summary.Groups[1].Value) > 0, $"{file} ran no tests:{Environment.NewLine}{output}");
        }
    }
}
