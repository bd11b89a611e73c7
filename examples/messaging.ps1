<#
.SYNOPSIS
    Messaging with TwilioPS, against the local Twilio emulator: no account, no network, no phone.

.DESCRIPTION
    Measures a bulk send before it goes, sends one message per row of a CSV, watches them deliver,
    lists them, sends a picture and saves it, and shows a message that could not be delivered. With a real
    account, replace the first two commands with Connect-Twilio; everything after them is the same.
#>
[CmdletBinding()]
param(
    # How long to wait for the messages to be delivered, in seconds.
    [int] $TimeoutSeconds = 30
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/TwilioPS/TwilioPS.psd1') -Force

Write-Host '== Start the emulator and connect =='
$emulator = Start-TwilioEmulator -SeedMessages 20
Connect-Twilio -Emulator

$from = '+14155550100'
$people = @'
To,Body
+14155550121,"Hi Ada, your table for 4 is ready at 7:30."
+14155550122,"Hi Grace, your order #1041 has shipped – it will arrive on Thursday. Track it any time at https://example.com/track/1041 and reply STOP to opt out."
+14155550123,"Your code is 402 913. It expires in 10 minutes."
'@ | ConvertFrom-Csv

Write-Host '== What the send will cost, before it goes =='
$people | Measure-TwilioMessage | Format-Table Encoding, Characters, Segments, NonGsmCharacters
$people | Measure-TwilioMessage -SmartEncoded | Format-Table Encoding, Characters, Segments

Write-Host '== One message per row (To and Body bind by property name) =='
$sent = $people | Send-TwilioMessage -From $from -SmartEncoded
$sent | Format-Table Sid, To, Status, NumSegments

Write-Host '== Watch them deliver =='
$deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
do {
    Start-Sleep -Milliseconds 500
    $now = $sent | Get-TwilioMessage
    Write-Host ('  ' + (($now | ForEach-Object Status) -join ', '))
} until (@($now | Where-Object Status -ne 'delivered').Count -eq 0 -or [DateTime]::UtcNow -gt $deadline)
Write-Host ("{0} of {1} delivered." -f @($now | Where-Object Status -eq 'delivered').Count, $now.Count)

Write-Host '== Everything sent from our number, newest first =='
Get-TwilioMessage -From $from -All | Format-Table To, Status, DateSent, Price, PriceUnit

Write-Host '== A picture, and saving it =='
$mms = Send-TwilioMessage -To '+14155550124' -From $from -Body 'Your receipt' -MediaUrl 'https://example.com/receipt.png'
$folder = Join-Path ([System.IO.Path]::GetTempPath()) 'twilio-ps-messaging'
$saved = $mms | Get-TwilioMessageMedia | Save-TwilioMessageMedia -Path "$folder/" -Force -PassThru
Write-Host ("Saved {0} ({1} bytes)." -f $saved.Name, $saved.Length)

Write-Host '== A number that cannot be reached: Twilio''s status and error code =='
$unreachable = Send-TwilioMessage -To '+15005550009' -From $from -Body 'Are you there?'
do { Start-Sleep -Milliseconds 500; $unreachable = $unreachable | Get-TwilioMessage } until ($unreachable.Status -in 'delivered', 'undelivered', 'failed')
Write-Host ("{0}: {1}, error {2}" -f $unreachable.To, $unreachable.Status, $unreachable.ErrorCode)

Disconnect-Twilio
$emulator | Stop-TwilioEmulator
Write-Host 'Done.'
