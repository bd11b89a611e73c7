<#
.SYNOPSIS
    The estate report: every number of the main account and its subaccounts, what answers it, and
    each account's usage this month.

.DESCRIPTION
    Writes one object per phone number (Account, AccountSid, PhoneNumber, FriendlyName, AnsweredBy and
    the account's month-to-date CallMinutes, SmsSegments, TotalPrice and PriceUnit), ready for
    Export-Csv, and shows a summary per account on the console.

    With a connection (Connect-Twilio first, or -Connection) it reports on that account as it is.
    Without one it starts the local emulator, builds a small estate in it (subaccounts 'EU operations'
    and 'US support', numbers bought and pointed at applications, a few calls and messages) and
    reports on that.

.EXAMPLE
    ./estate-report.ps1 | Export-Csv -Path ./estate.csv -NoTypeInformation

.EXAMPLE
    Connect-Twilio -Credential (Get-Credential)
    ./estate-report.ps1 | Where-Object AnsweredBy -eq '(nothing)'
#>
[CmdletBinding()]
param(
    # A connection from Connect-Twilio -PassThru; by default the session's, or else the emulator's.
    [object] $Connection
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command Connect-Twilio -ErrorAction SilentlyContinue)) {
    Import-Module (Join-Path $PSScriptRoot '../out/TwilioPS/TwilioPS.psd1') -Force
}

$emulator = $null
if ($null -eq $Connection) { $Connection = Get-TwilioContext }
if ($null -eq $Connection) {
    Write-Host '== No connection: start the emulator and build a small estate =='
    $emulator = Start-TwilioEmulator -CallsPerSecond 10
    $Connection = Connect-Twilio -Emulator -CallsPerSecond 10 -PassThru

    $eu = New-TwilioAccount -FriendlyName 'EU operations' -Connection $Connection -Confirm:$false
    $us = New-TwilioAccount -FriendlyName 'US support' -Connection $Connection -Confirm:$false

    $euIvr = New-TwilioApplication -FriendlyName 'EU reception IVR' -VoiceUrl 'https://example.com/eu/ivr.xml' `
        -AccountSid $eu.Sid -Connection $Connection -Confirm:$false
    $usDesk = New-TwilioApplication -FriendlyName 'US support desk' -VoiceUrl 'https://example.com/us/desk.xml' `
        -AccountSid $us.Sid -Connection $Connection -Confirm:$false

    # Two London numbers for the EU IVR, bought for the subaccount they were searched in.
    $euNumbers = Get-TwilioAvailablePhoneNumber GB -Type Local -VoiceEnabled -First 2 -AccountSid $eu.Sid -Connection $Connection |
        New-TwilioIncomingPhoneNumber -VoiceApplicationSid $euIvr.Sid -Connection $Connection -Force
    # San Francisco: one number for the support desk, one straight to an after-hours message.
    $usDeskNumber = New-TwilioIncomingPhoneNumber -AreaCode 415 -FriendlyName 'Support line' -VoiceApplicationSid $usDesk.Sid `
        -AccountSid $us.Sid -Connection $Connection -Force
    $null = New-TwilioIncomingPhoneNumber -AreaCode 415 -FriendlyName 'After hours' -VoiceUrl 'https://example.com/us/after-hours.xml' `
        -AccountSid $us.Sid -Connection $Connection -Force
    $mainNumber = New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName 'Head office' -VoiceUrl 'https://example.com/head-office.xml' `
        -Connection $Connection -Force

    Write-Host '== Some calls and messages, so this month has usage =='
    $twiml = '<Response><Say>Thank you for calling.</Say></Response>'
    $calls = @(
        '+442071838750', '+442079460000', '+442079460001' |
            New-TwilioCall -From $euNumbers[0].PhoneNumber -Twiml $twiml -AccountSid $eu.Sid -Connection $Connection
        '+14155550141', '+14155550142' |
            New-TwilioCall -From $usDeskNumber.PhoneNumber -Twiml $twiml -AccountSid $us.Sid -Connection $Connection
        New-TwilioCall -To '+12125550143' -From $mainNumber.PhoneNumber -Twiml $twiml -Connection $Connection
    )
    $longBody = 'Your engineer visit is confirmed for Thursday between 9:00 and 12:00. ' +
        'Reply 1 to keep this slot, 2 to move it, or call us on the number above. We will text you when the engineer is on the way.'
    $messages = @(
        Send-TwilioMessage -To '+447700900101' -From '+14155550100' -Body 'Your EU ticket 4711 is resolved.' -AccountSid $eu.Sid -Connection $Connection
        Send-TwilioMessage -To '+447700900102' -From '+14155550100' -Body $longBody -AccountSid $eu.Sid -Connection $Connection
        Send-TwilioMessage -To '+14155550144' -From '+14155550100' -Body 'Your US case 815 has an update.' -AccountSid $us.Sid -Connection $Connection
    )

    # Usage counts a call once it has completed and a message once it is delivered.
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    do {
        Start-Sleep -Milliseconds 500
        $pendingCalls = @($calls | Get-TwilioCall -Connection $Connection | Where-Object Status -ne 'completed').Count
        $pendingMessages = @($messages | Get-TwilioMessage -Connection $Connection | Where-Object Status -ne 'delivered').Count
    } until (($pendingCalls + $pendingMessages) -eq 0 -or [DateTime]::UtcNow -gt $deadline)
    Write-Host ("{0} calls completed, {1} messages delivered." -f ($calls.Count - $pendingCalls), ($messages.Count - $pendingMessages))
}

# The main account first, then its subaccounts. Twilio answers nothing of a suspended subaccount
# but the account itself, and a closed one's numbers are released, so only active ones are read.
$main = Get-TwilioAccount -Connection $Connection
$subaccounts = @(Get-TwilioAccount -FriendlyName '*' -All -Connection $Connection | Where-Object Sid -ne $main.Sid | Sort-Object FriendlyName)
$accounts = @($main) + @($subaccounts | Where-Object Status -eq 'active')

$rows = foreach ($account in $accounts) {
    $scope = @{ AccountSid = $account.Sid; Connection = $Connection }
    # The main account's own usage: Twilio adds its subaccounts' unless told not to.
    $usage = @{}
    foreach ($category in 'calls', 'sms', 'totalprice') {
        $usage[$category] = Get-TwilioUsageRecord -Period ThisMonth -Category $category -IncludeSubaccounts:$false @scope
    }
    $applications = @{}
    Get-TwilioApplication -All @scope | ForEach-Object { $applications[$_.Sid] = $_.FriendlyName }

    foreach ($number in Get-TwilioIncomingPhoneNumber -All @scope) {
        $answeredBy = '(nothing)'
        if ($number.VoiceApplicationSid) {
            $answeredBy = $applications[$number.VoiceApplicationSid]
            if (-not $answeredBy) { $answeredBy = "(missing application $($number.VoiceApplicationSid))" }
        }
        elseif ($number.TrunkSid) { $answeredBy = "trunk $($number.TrunkSid)" }
        elseif ($number.VoiceUrl) { $answeredBy = $number.VoiceUrl }

        [pscustomobject]@{
            Account      = $account.FriendlyName
            AccountSid   = $account.Sid
            PhoneNumber  = $number.PhoneNumber
            FriendlyName = $number.FriendlyName
            AnsweredBy   = $answeredBy
            CallMinutes  = [decimal] $usage['calls'].Usage
            SmsSegments  = [decimal] $usage['sms'].Usage
            TotalPrice   = [decimal] $usage['totalprice'].Price
            PriceUnit    = $usage['totalprice'].PriceUnit
        }
    }
}

Write-Host '== The estate, this month =='
foreach ($account in $accounts) {
    $numbers = @($rows | Where-Object AccountSid -eq $account.Sid)
    if ($numbers.Count -eq 0) {
        Write-Host ("{0} ({1}): no numbers" -f $account.FriendlyName, $account.Sid)
        continue
    }
    $first = $numbers[0]
    Write-Host ("{0} ({1}): {2} numbers, {3} call minutes, {4} SMS segments, {5} {6}" -f
        $account.FriendlyName, $account.Sid, $numbers.Count, $first.CallMinutes, $first.SmsSegments, $first.TotalPrice, "$($first.PriceUnit)".ToUpperInvariant())
    $numbers | Format-Table PhoneNumber, FriendlyName, AnsweredBy -AutoSize | Out-String -Width 150 | Write-Host
}

foreach ($account in $subaccounts | Where-Object Status -eq 'suspended') {
    Write-Host ("{0} ({1}): suspended, its numbers cannot be read until it is reactivated" -f $account.FriendlyName, $account.Sid)
}
Write-Host ("Balance left: {0}" -f (Get-TwilioBalance -Connection $Connection))

$rows

if ($emulator) {
    Disconnect-Twilio
    $emulator | Stop-TwilioEmulator
}
