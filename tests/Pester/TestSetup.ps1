# Shared setup for the TwilioPS Pester tests. Dot-source it from a BeforeAll block:
#
#     BeforeAll { . (Join-Path $PSScriptRoot 'TestSetup.ps1') }
#
# It imports the built module (out/TwilioPS, produced by `dotnet build` or `./build.ps1`) and defines
# the emulator's well-known credentials and a few helpers. Runs on Windows PowerShell 5.1 and PowerShell 7.

$ModuleDirectory = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'TwilioPS'))
$ManifestPath = Join-Path $ModuleDirectory 'TwilioPS.psd1'

if (-not (Test-Path -LiteralPath $ManifestPath)) {
    throw "The module is not built: '$ManifestPath' is missing. Run 'dotnet build -c Release' or './build.ps1' first."
}
Import-Module $ManifestPath -Force -ErrorAction Stop

# The emulator's fixed credentials (src/TwilioPS.Emulator/EmulatorOptions.cs).
$EmulatorAccountSid = 'AC0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e'
$EmulatorAuthToken = '7e577e577e577e577e577e577e577e57'
$EmulatorApiKey = 'SK0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e'
$EmulatorApiSecret = '5ec75ec75ec75ec75ec75ec75ec75ec7'

# Numbers and URLs the emulator accepts for new calls.
$TestFrom = '+15005550006'
$TestTo = '+14155550100'
$TestTwimlUrl = 'https://example.com/twiml/hello'

# The environment variables Connect-Twilio reads when it is given no credential parameters.
$TwilioEnvironmentVariables = @('TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET', 'TWILIO_EDGE', 'TWILIO_REGION')

function ConvertTo-TestSecureString {
    [Diagnostics.CodeAnalysis.SuppressMessageAttribute('PSAvoidUsingConvertToSecureStringWithPlainText', '',
        Justification = 'Only the emulator''s published test credentials pass through here, never a real secret.')]
    param([string] $Text)
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

# Connects (and makes the connection the session default) to one emulator, whichever else is running.
function Connect-TestEmulator {
    param(
        [Parameter(Mandatory = $true)] $Emulator,
        [double] $CallsPerSecond = 10
    )
    Connect-Twilio -Credential $Emulator.Credential -BaseUri $Emulator.BaseUri -CallsPerSecond $CallsPerSecond -PassThru
}

# How many calls the connected account has (every page).
function Get-TestCallCount {
    @(Get-TwilioCall -All -PageSize 1000 -ErrorAction Stop).Count
}

# Polls a call until it reaches the status (the emulator moves calls along on its clock).
function Wait-TestCallStatus {
    param(
        [Parameter(Mandatory = $true)] [string] $Sid,
        [Parameter(Mandatory = $true)] [string] $Status,
        [int] $TimeoutSeconds = 30
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    do {
        $current = (Get-TwilioCall -Sid $Sid -ErrorAction Stop).Status
        if ($current -eq $Status) { return $current }
        Start-Sleep -Milliseconds 200
    } while ([DateTime]::UtcNow -lt $deadline)
    return $current
}

# Polls until the script block returns something true (the emulator's clock moves calls, conferences and
# queues along in the background), and returns what it last returned.
function Wait-TestCondition {
    param(
        [Parameter(Mandatory = $true)] [scriptblock] $Condition,
        [int] $TimeoutSeconds = 30
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    do {
        $result = & $Condition
        if ($result) { return $result }
        Start-Sleep -Milliseconds 200
    } while ([DateTime]::UtcNow -lt $deadline)
    return $result
}

# Asserts the Twilio 20404 a SID that does not exist gets: ObjectNotFound, with the SID as TargetObject.
function Assert-TestNotFound {
    param(
        [Parameter(Mandatory = $true)] [scriptblock] $Invoke,
        [Parameter(Mandatory = $true)] [string] $Sid,
        [Parameter(Mandatory = $true)] [string] $CommandType
    )
    $record = $Invoke | Should -Throw -ErrorId "Twilio20404,$CommandType" -PassThru
    $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    $record.TargetObject | Should -Be $Sid
}

# Asserts a refusal at parameter binding (before any request) whose message names the refused input
# (or, where PowerShell's own validation shows no value, such as a length, the parameter).
function Assert-TestBindingError {
    param(
        [Parameter(Mandatory = $true)] [scriptblock] $Invoke,
        [Parameter(Mandatory = $true)] [string] $Refused,
        [Parameter(Mandatory = $true)] [string] $CommandType
    )
    $record = $Invoke | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandType" -PassThru
    $record.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
    $record.Exception.Message | Should -BeLike "*$([System.Management.Automation.WildcardPattern]::Escape($Refused))*"
}

# The ConfirmImpact a cmdlet declares: High asks before it acts (unless -Force or -Confirm:$false),
# Medium acts unless the user lowered $ConfirmPreference.
function Get-TestConfirmImpact([string] $Name) {
    $type = (Get-Command -Name $Name -CommandType Cmdlet).ImplementingType
    [Attribute]::GetCustomAttribute($type, [System.Management.Automation.CmdletAttribute]).ConfirmImpact
}

# Saves the Twilio environment variables, so a test can change them and put them back.
function Save-TestEnvironment {
    $saved = @{}
    foreach ($name in $TwilioEnvironmentVariables) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $saved
}

# Restores what Save-TestEnvironment saved ($null removes the variable).
function Restore-TestEnvironment([hashtable] $Saved) {
    foreach ($name in $Saved.Keys) {
        [Environment]::SetEnvironmentVariable($name, $Saved[$name])
    }
}
