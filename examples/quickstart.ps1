<#
.SYNOPSIS
    TwilioPS in five minutes, against the local Twilio emulator: no account, no network.

.DESCRIPTION
    Connects, places calls through the calls-per-second throttle, lists with -All, watches a call
    progress, redirects it and ends it, then follows calls to their recordings and transcriptions
    and saves the audio. With a real account, replace the first two commands with
    Connect-Twilio (see Get-Help Connect-Twilio -Examples); everything after them is the same.
#>
[CmdletBinding()]
param(
    # Synthetic past calls the emulator starts with.
    [int] $SeedCalls = 240,

    # Finished, transcribed recordings the emulator starts with (each of its own past call).
    [int] $SeedRecordings = 6
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/TwilioPS/TwilioPS.psd1') -Force

Write-Host '== Start the emulator and connect (2 calls per second) =='
$emulator = Start-TwilioEmulator -SeedCalls $SeedCalls -SeedRecordings $SeedRecordings -CallsPerSecond 2
Connect-Twilio -Emulator -CallsPerSecond 2
Get-TwilioContext | Format-List AccountSid, FriendlyName, CredentialKind, BaseUri, CallsPerSecond

Write-Host '== Place four calls; the throttle spaces them (see the VERBOSE lines) =='
$started = [DateTime]::UtcNow
$calls = '+14155550101', '+14155550102', '+14155550103', '+14155550104' |
    New-TwilioCall -From '+14155550100' -Twiml '<Response><Say>Hello from TwilioPS</Say><Pause length="30"/></Response>' -Verbose
$calls | Format-Table Sid, To, Status, QueueTime
Write-Host ("Four calls placed in {0:0.0} s at 2 calls per second." -f ([DateTime]::UtcNow - $started).TotalSeconds)

Write-Host '== List everything with -All (pages of 50, streamed as they arrive) =='
$all = Get-TwilioCall -All
Write-Host ("{0} calls in the account." -f $all.Count)
$all | Group-Object Status | Sort-Object Count -Descending | Format-Table Name, Count

Write-Host '== Exactly the first 75, across two pages =='
(Get-TwilioCall -First 75 -PageSize 50).Count

Write-Host '== Watch the first call ring and connect =='
$call = $calls[0]
$deadline = [DateTime]::UtcNow.AddSeconds(20)
do {
    Start-Sleep -Milliseconds 500
    $call = Get-TwilioCall -Sid $call.Sid
    Write-Host ("  {0}  {1}" -f $call.Sid, $call.Status)
} until ($call.Status -eq 'in-progress' -or [DateTime]::UtcNow -gt $deadline)

Write-Host '== Redirect it to new TwiML, then end every call still going =='
Set-TwilioCall -Sid $call.Sid -Twiml '<Response><Say>Goodbye</Say></Response>' | Format-Table Sid, Status
$ended = Get-TwilioCall -Status in-progress | Set-TwilioCall -Status completed
$ended | Format-Table Sid, To, Status, Duration
Get-TwilioCall -Status queued | Set-TwilioCall -Status canceled | Format-Table Sid, To, Status

Write-Host '== From calls to their recordings and what was said, and the audio saved =='
$recordings = Get-TwilioCall -Status completed -All | Get-TwilioRecording
$recordings | Format-Table Sid, CallSid, Status, Duration
$recordings | Get-TwilioTranscription | Format-Table RecordingSid, Status, TranscriptionText
$folder = Join-Path ([System.IO.Path]::GetTempPath()) 'twilio-ps-quickstart'
$saved = $recordings | Select-Object -First 2 | Save-TwilioRecording -Path "$folder/" -Format mp3 -Force -PassThru
Write-Host ("Saved {0} recordings to {1}." -f $saved.Count, $folder)

Write-Host '== What -WhatIf would do, without doing it =='
New-TwilioCall -To '+14155550105' -From '+14155550100' -Url 'https://example.com/twiml' -WhatIf

Disconnect-Twilio
$emulator | Stop-TwilioEmulator
Write-Host 'Done.'
