#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages the TwilioPS module.

.DESCRIPTION
    A thin wrapper over the .NET build, in the style of Invoke-Build tasks:

      Clean    Removes out/ and every bin/ and obj/ folder under src, tests and build.
      Build    dotnet build TwilioPS.sln. The build itself lays out out/TwilioPS (manifest, DLLs,
               format file and compiled help), so `dotnet build -c Release` alone gives the same result.
      Help     Build, then checks that out/TwilioPS/en-US/TwilioPS.dll-Help.xml exists and is valid.
      Test     Build, then dotnet test TwilioPS.sln, then the Pester 5 tests in tests/Pester, run in a
               child PowerShell process so this session never loads (and locks) the module DLL.
               Pester results go to out/TestResults/pester.xml.
      Package  Help, then build/Packager: out/TwilioPS-<version>.zip the way Azure Automation imports
               it (a TwilioPS folder at the root holding TwilioPS.psd1, every path under 140 characters,
               the archive under 100 MB) and out/TwilioPS.<version>.nupkg the way Publish-PSResource
               uploads it to the PowerShell Gallery (manifest metadata and PSCmdlet_ tags in the nuspec).
      All      Clean, Build, Help, Test, Package.

    Tasks run in the order given; each task (and each prerequisite) runs at most once. Any failure,
    including a non-zero exit code from dotnet or the Pester process, stops the build.

.PARAMETER Task
    One or more tasks to run. Default: Build.

.PARAMETER Configuration
    The .NET build configuration. Default: Release.

.EXAMPLE
    ./build.ps1

.EXAMPLE
    ./build.ps1 -Task Clean, Test, Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Help', 'Test', 'Package', 'All')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'TwilioPS.sln'
$OutDir = Join-Path $RepoRoot 'out'
$ModuleName = 'TwilioPS'
$ModuleDir = Join-Path $OutDir $ModuleName
$ManifestPath = Join-Path $ModuleDir "$ModuleName.psd1"
$HelpPath = Join-Path (Join-Path $ModuleDir 'en-US') "$ModuleName.dll-Help.xml"
$TestResultsDir = Join-Path $OutDir 'TestResults'
$PesterTestsDir = Join-Path (Join-Path $RepoRoot 'tests') 'Pester'


$script:CompletedTasks = @{}

# ---- helpers ------------------------------------------------------------------------------------

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# Runs a native command and fails the build on a non-zero exit code ($ErrorActionPreference does not
# cover native commands in Windows PowerShell 5.1).
function Invoke-Native {
    param(
        [Parameter(Mandatory = $true)] [string] $FilePath,
        [string[]] $ArgumentList = @()
    )
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $exitCode."
    }
}

function Get-DotNet {
    $dotnet = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $dotnet) {
        throw 'The .NET SDK (dotnet) was not found on PATH. Install the SDK named in global.json.'
    }
    return $dotnet.Path
}

# The PowerShell that runs Pester: pwsh when installed, otherwise the one running this script.
function Get-PowerShellExecutable {
    $pwsh = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -ne $pwsh) { return $pwsh.Path }
    return [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
}

function ConvertTo-PSLiteral([string] $Value) {
    return "'" + $Value.Replace("'", "''") + "'"
}

function Remove-Folder {
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Path)
    if ((Test-Path -LiteralPath $Path) -and $PSCmdlet.ShouldProcess($Path, 'Remove folder')) {
        Write-Host "  removing $Path"
        Remove-Item -LiteralPath $Path -Recurse -Force
    }
}

# Runs a task after its prerequisites, at most once per build.
function Invoke-Task([string] $Name) {
    if ($script:CompletedTasks.ContainsKey($Name)) { return }
    $prerequisites = @{
        Clean   = @()
        Build   = @()
        Help    = @('Build')
        Test    = @('Build')
        Package = @('Help')
    }
    foreach ($prerequisite in $prerequisites[$Name]) { Invoke-Task $prerequisite }

    Write-Step "$Name ($Configuration)"
    $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
    switch ($Name) {
        'Clean'   { Invoke-CleanTask }
        'Build'   { Invoke-BuildTask }
        'Help'    { Invoke-HelpTask }
        'Test'    { Invoke-TestTask }
        'Package' { Invoke-PackageTask }
        default   { throw "Unknown task '$Name'." }
    }
    $stopwatch.Stop()
    Write-Host ("    {0} done in {1:0.0} s" -f $Name, $stopwatch.Elapsed.TotalSeconds) -ForegroundColor Green
    $script:CompletedTasks[$Name] = $true
}

# ---- tasks --------------------------------------------------------------------------------------

function Invoke-CleanTask {
    Remove-Folder $OutDir
    foreach ($root in @('src', 'tests', 'build')) {
        $rootPath = Join-Path $RepoRoot $root
        if (-not (Test-Path -LiteralPath $rootPath)) { continue }
        $folders = @(Get-ChildItem -LiteralPath $rootPath -Directory -Recurse -Force |
                Where-Object { $_.Name -eq 'bin' -or $_.Name -eq 'obj' } |
                Sort-Object -Property { $_.FullName.Length })
        foreach ($folder in $folders) {
            # A bin/ inside an obj/ that was removed a moment ago is already gone.
            Remove-Folder $folder.FullName
        }
    }
}

function Invoke-BuildTask {
    $dotnet = Get-DotNet
    Invoke-Native $dotnet @('build', $Solution, '-c', $Configuration, '--nologo')
    if (-not (Test-Path -LiteralPath $ManifestPath)) {
        throw "The build did not lay out the module: '$ManifestPath' is missing (see build/Module.targets)."
    }
}

function Invoke-HelpTask {
    # The help itself is compiled by the build (build/HelpCompiler, invoked from build/Module.targets).
    if (-not (Test-Path -LiteralPath $HelpPath)) {
        throw "Compiled help is missing: '$HelpPath'. The build should produce it from docs/help (build/Module.targets)."
    }
    try {
        [xml] $maml = Get-Content -LiteralPath $HelpPath -Raw -Encoding UTF8
    }
    catch {
        throw "Compiled help '$HelpPath' is not valid XML: $($_.Exception.Message)"
    }

    $documented = @($maml.GetElementsByTagName('command:name') | ForEach-Object { $_.InnerText.Trim() })
    if ($documented.Count -eq 0) {
        throw "Compiled help '$HelpPath' documents no commands."
    }
    $manifest = Import-PowerShellDataFile -Path $ManifestPath
    $missing = @($manifest['CmdletsToExport'] | Where-Object { $documented -notcontains $_ })
    if ($missing.Count -gt 0) {
        Write-Warning ("No compiled help for: {0}" -f ($missing -join ', '))
    }
    Write-Host "  help for $($documented.Count) command(s): $HelpPath"
}

function Invoke-TestTask {
    $dotnet = Get-DotNet
    if (-not (Test-Path -LiteralPath $TestResultsDir)) {
        $null = New-Item -ItemType Directory -Path $TestResultsDir -Force
    }

    Invoke-Native $dotnet @('test', $Solution, '-c', $Configuration, '--nologo',
        '--logger', 'trx', '--results-directory', $TestResultsDir)

    # Pester in a child process: the module DLL is loaded (and locked) there, never here.
    $pesterResults = Join-Path $TestResultsDir 'pester.xml'
    $pesterScript = @'
$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -MinimumVersion 5.0 -ErrorAction Stop
$configuration = New-PesterConfiguration
$configuration.Run.Path = @(__TESTS__)
# Without Run.Exit, Invoke-Pester exits 0 even when tests fail.
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = __RESULTS__
Invoke-Pester -Configuration $configuration
'@
    $pesterScript = $pesterScript.Replace('__TESTS__', (ConvertTo-PSLiteral $PesterTestsDir)).Replace('__RESULTS__', (ConvertTo-PSLiteral $pesterResults))
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($pesterScript))

    $powershell = Get-PowerShellExecutable
    Write-Host "  Pester 5 in a child process: $powershell"
    Write-Host "> $powershell -NoProfile -NonInteractive -Command <Invoke-Pester $PesterTestsDir>" -ForegroundColor DarkGray
    & $powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand $encoded
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw "Pester failed (exit code $($exitCode): the number of failed tests, or 1 if Pester 5 could not run). Results: $pesterResults"
    }
    Write-Host "  Pester results: $pesterResults"
}

function Invoke-PackageTask {
    # build/Packager writes both shapes (the Automation zip and the Gallery nupkg) and checks the limits;
    # the same program runs on a machine with only the .NET SDK (see README), so there is one packager.
    $dotnet = Get-DotNet
    Invoke-Native $dotnet @('run', '--project', (Join-Path (Join-Path $RepoRoot 'build') 'Packager'),
        '-c', $Configuration, '--', '--module', $ModuleDir, '--output', $OutDir)
}

# ---- main ---------------------------------------------------------------------------------------

$requested = @()
foreach ($name in $Task) {
    if ($name -eq 'All') { $requested += @('Clean', 'Build', 'Help', 'Test', 'Package') }
    else { $requested += $name }
}

Push-Location -LiteralPath $RepoRoot
try {
    foreach ($name in $requested) {
        Invoke-Task $name
    }
}
finally {
    Pop-Location
}
Write-Step "Succeeded: $($requested -join ', ')"
