#Requires -Modules TwilioPS

<#
.SYNOPSIS
    Texts the on-call number when the Twilio balance falls under a threshold.

.DESCRIPTION
    An Azure Automation runbook (PowerShell 7.2+ or 5.1) for a schedule, hourly for example. It reads
    the main account's balance (subaccounts spend from it) and, when it is under the threshold, sends
    one SMS to the on-call number. It writes one object saying what it found and did.

    Automation assets:
      Credential 'Twilio' (-CredentialName): user name the account SID (AC...) and password its auth
        token; or user name an API key SID (SK...) and password the key's secret, with -AccountSid.
      Variable 'TwilioLowBalanceThreshold': the threshold in the account's currency, e.g. 25.
      Variable 'TwilioOnCallNumber': who is texted, in E.164 (+14155550123).
      Variable 'TwilioAlertFromNumber': a number of the account that can send SMS.

    Every setting is read before the balance, so a missing one fails the job on every run, not only
    on the day the balance is low. A failure to connect, read the balance or send fails the job.

.PARAMETER CredentialName
    The Automation credential holding the Twilio account SID (or API key SID) and secret.

.PARAMETER AccountSid
    The account an API key credential belongs to; not needed with an auth token.

.PARAMETER ThresholdVariable
    The Automation variable holding the threshold.

.PARAMETER OnCallNumberVariable
    The Automation variable holding the number to text.

.PARAMETER FromNumberVariable
    The Automation variable holding the number to text from.

.PARAMETER BaseUri
    The API root: Twilio's by default; the local emulator or a proxy for testing.

.OUTPUTS
    PSCustomObject with AccountSid, Balance, Currency, Threshold, Action ('Alerted' or 'None'), To and MessageSid.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg -AutomationAccountName aa -Name Send-LowBalanceAlert
#>
[CmdletBinding()]
param(
    [string] $CredentialName = 'Twilio',
    [string] $AccountSid,
    [string] $ThresholdVariable = 'TwilioLowBalanceThreshold',
    [string] $OnCallNumberVariable = 'TwilioOnCallNumber',
    [string] $FromNumberVariable = 'TwilioAlertFromNumber',
    [uri] $BaseUri = 'https://api.twilio.com'
)

$ErrorActionPreference = 'Stop'

$thresholdSetting = Get-AutomationVariable -Name $ThresholdVariable
[decimal] $threshold = 0
if (-not [decimal]::TryParse("$thresholdSetting", [Globalization.NumberStyles]::Number, [Globalization.CultureInfo]::InvariantCulture, [ref] $threshold)) {
    throw "Automation variable '$ThresholdVariable' must be a number (the balance threshold), not '$thresholdSetting'."
}
$onCallNumber = Get-AutomationVariable -Name $OnCallNumberVariable
$fromNumber = Get-AutomationVariable -Name $FromNumberVariable
if (-not $onCallNumber -or -not $fromNumber) {
    throw "Automation variables '$OnCallNumberVariable' and '$FromNumberVariable' must both hold a phone number."
}

# Automation imports each runbook on its own, so each carries this connection block rather than sharing it.
$credential = Get-AutomationPSCredential -Name $CredentialName
$connect = @{ Credential = $credential; BaseUri = $BaseUri; PassThru = $true }
if ($AccountSid) { $connect.AccountSid = $AccountSid }
try {
    $connection = Connect-Twilio @connect -ErrorAction Stop
}
catch {
    throw "Could not connect to Twilio with the Automation credential '$CredentialName': $($_.Exception.Message)"
}

$balance = Get-TwilioBalance -Connection $connection -ErrorAction Stop
Write-Verbose "Balance of $($balance.AccountSid): $balance; threshold $threshold."

$result = [ordered]@{
    AccountSid = $balance.AccountSid
    Balance    = $balance.Balance
    Currency   = $balance.Currency
    Threshold  = $threshold
    Action     = 'None'
    To         = $null
    MessageSid = $null
}
if ($balance.Balance -lt $threshold) {
    $body = "Twilio balance of $($balance.AccountSid) is $balance, under the alert threshold of $threshold. Top up to keep calls and messages going."
    # The alert is the whole point of the job: a send that fails must fail the job.
    $message = Send-TwilioMessage -To $onCallNumber -From $fromNumber -Body $body -Connection $connection -Confirm:$false -ErrorAction Stop
    $result.Action = 'Alerted'
    $result.To = $message.To
    $result.MessageSid = $message.Sid
}
else {
    Write-Verbose 'The balance is at or above the threshold: no alert.'
}
Write-Output ([pscustomobject] $result)
