#Requires -Modules TwilioPS

<#
.SYNOPSIS
    Audits the phone numbers of the main account and every subaccount.

.DESCRIPTION
    An Azure Automation runbook (PowerShell 7.2+ or 5.1) for a daily or weekly schedule. It writes
    one finding object per problem:
      NoVoiceHandler       a number with no voice application, voice URL or trunk: its calls fail.
      MissingApplication   a number whose voice (or SMS) application does not exist in its account.
      SuspendedAccount     a number on a suspended subaccount (still billed, answers nothing), or the
                           suspended subaccount itself when Twilio will not list its numbers.
      ClosedAccount        a number still listed on a closed subaccount.
    An account whose numbers cannot be read is reported with Write-Error and the audit goes on with
    the others. At the end, when there are findings, one error summarises them by kind, so the job
    ends "with errors" and an alert on job errors fires; a clean estate ends with a Verbose line only.

    Automation assets:
      Credential 'Twilio' (-CredentialName): user name the main account's SID (AC...) and password its
        auth token; or user name an API key SID (SK...) and password the key's secret, with -AccountSid.
        Listing subaccounts takes the auth token or a Main API key: Twilio refuses Standard keys the
        Accounts resource.

.PARAMETER CredentialName
    The Automation credential holding the Twilio account SID (or API key SID) and secret.

.PARAMETER AccountSid
    The account an API key credential belongs to; not needed with an auth token.

.PARAMETER BaseUri
    The API root: Twilio's by default; the local emulator or a proxy for testing.

.OUTPUTS
    PSCustomObject with Finding, Account, AccountSid, AccountStatus, PhoneNumber, IncomingPhoneNumberSid and Detail.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg -AutomationAccountName aa -Name Test-NumberEstate -Wait
#>
[CmdletBinding()]
param(
    [string] $CredentialName = 'Twilio',
    [string] $AccountSid,
    [uri] $BaseUri = 'https://api.twilio.com'
)

$ErrorActionPreference = 'Stop'

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

function ConvertTo-NumberFinding {
    param([string] $Finding, [object] $Account, [object] $Number, [string] $Detail)
    [pscustomobject]@{
        Finding                = $Finding
        Account                = $Account.FriendlyName
        AccountSid             = $Account.Sid
        AccountStatus          = $Account.Status
        PhoneNumber            = $Number.PhoneNumber
        IncomingPhoneNumberSid = $Number.Sid
        Detail                 = $Detail
    }
}

# Without the list of accounts there is nothing to audit: that fails the job.
$main = Get-TwilioAccount -Connection $connection -ErrorAction Stop
$accounts = @($main) + @(Get-TwilioAccount -FriendlyName '*' -All -Connection $connection -ErrorAction Stop |
        Where-Object Sid -ne $main.Sid)

$findings = @()
$unreadable = 0
foreach ($account in $accounts) {
    Write-Verbose "Auditing $($account.FriendlyName) ($($account.Sid), $($account.Status))."
    try {
        $numbers = @(Get-TwilioIncomingPhoneNumber -All -AccountSid $account.Sid -Connection $connection -ErrorAction Stop)
    }
    catch {
        # Twilio answers nothing of a suspended or closed subaccount but the account itself (20005).
        $notActive = $_.FullyQualifiedErrorId -like 'Twilio20005*'
        if ($notActive -and $account.Status -eq 'suspended') {
            $findings += ConvertTo-NumberFinding -Finding 'SuspendedAccount' -Account $account -Number $null -Detail 'The subaccount is suspended: its numbers answer nothing, are still billed and cannot be listed until it is reactivated.'
        }
        elseif ($notActive -and $account.Status -eq 'closed') {
            Write-Verbose "$($account.Sid) is closed: Twilio has released its numbers."
        }
        else {
            $unreadable++
            Write-Error -Message "Could not list the numbers of $($account.FriendlyName) ($($account.Sid)): $($_.Exception.Message)" `
                -Category $_.CategoryInfo.Category -ErrorId 'NumberListFailed' -TargetObject $account.Sid -ErrorAction Continue
        }
        continue
    }

    if ($account.Status -ne 'active') {
        $kind = 'ClosedAccount'
        if ($account.Status -eq 'suspended') { $kind = 'SuspendedAccount' }
        foreach ($number in $numbers) {
            $findings += ConvertTo-NumberFinding -Finding $kind -Account $account -Number $number -Detail "The number is on a $($account.Status) subaccount: it is billed and answers nothing."
        }
        continue
    }

    $applications = @{}
    try {
        Get-TwilioApplication -All -AccountSid $account.Sid -Connection $connection -ErrorAction Stop |
            ForEach-Object { $applications[$_.Sid] = $_ }
    }
    catch {
        $unreadable++
        Write-Error -Message "Could not list the applications of $($account.FriendlyName) ($($account.Sid)): $($_.Exception.Message)" `
            -Category $_.CategoryInfo.Category -ErrorId 'ApplicationListFailed' -TargetObject $account.Sid -ErrorAction Continue
        continue
    }

    foreach ($number in $numbers) {
        if (-not $number.VoiceApplicationSid -and -not $number.VoiceUrl -and -not $number.TrunkSid) {
            $findings += ConvertTo-NumberFinding -Finding 'NoVoiceHandler' -Account $account -Number $number -Detail 'No voice application, voice URL or trunk: calls to it fail.'
        }
        if ($number.VoiceApplicationSid -and -not $applications.ContainsKey($number.VoiceApplicationSid)) {
            $findings += ConvertTo-NumberFinding -Finding 'MissingApplication' -Account $account -Number $number -Detail "Voice application $($number.VoiceApplicationSid) does not exist in the account."
        }
        if ($number.SmsApplicationSid -and -not $applications.ContainsKey($number.SmsApplicationSid)) {
            $findings += ConvertTo-NumberFinding -Finding 'MissingApplication' -Account $account -Number $number -Detail "SMS application $($number.SmsApplicationSid) does not exist in the account."
        }
    }
}

Write-Output $findings

$summary = "Number audit of $($accounts.Count) accounts: $($findings.Count) findings"
if ($findings.Count -gt 0) {
    $byKind = ($findings | Group-Object Finding | Sort-Object Name | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
    Write-Error -Message "$summary ($byKind)." -Category InvalidData -ErrorId 'NumberAuditFindings' -ErrorAction Continue
}
else {
    Write-Verbose "$summary."
}
if ($unreadable -gt 0) {
    Write-Error -Message "$unreadable accounts could not be audited." -Category ReadError -ErrorId 'NumberAuditIncomplete' -ErrorAction Continue
}
