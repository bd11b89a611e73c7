<#
.SYNOPSIS
    Call flows in the local Twilio emulator: a conference, a queue and a voicemail, run from TwiML.

.DESCRIPTION
    Starts the emulator with the TwiML documents in examples/call-flows as its local TwiML app
    (served at <BaseUri>/twiml/), at twenty times real time. Calls fetch those documents as they
    would fetch a real app's: a standup conference that records itself, callers waiting in a queue
    until an agent's <Dial><Queue> takes the oldest, and a voicemail recorded and transcribed. The
    voice cmdlets watch each flow; nothing here talks to Twilio or rings a phone.
#>
[CmdletBinding()]
param(
    # How many times faster than real time the emulator's clock runs.
    [double] $ClockSpeed = 20
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../out/TwilioPS/TwilioPS.psd1') -Force

# Waits (in real time) until the script block returns something, and returns it.
function Wait-Until([scriptblock] $Condition, [int] $Seconds = 30) {
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        $result = & $Condition
        if ($result) { return $result }
        Start-Sleep -Milliseconds 200
    }
    throw "Timed out after $Seconds s waiting for: $Condition"
}

Write-Host "== Start the emulator with examples/call-flows as its TwiML app ($ClockSpeed x real time) =="
$emulator = Start-TwilioEmulator -TwimlPath (Join-Path $PSScriptRoot 'call-flows') -ClockSpeed $ClockSpeed -CallDuration 600 -CallsPerSecond 10
Connect-Twilio -Emulator -CallsPerSecond 10
$app = "$($emulator.BaseUri)twiml"
$from = '+14155550100'

Write-Host '== A standup: two callers and a host join the conference by name =='
$callers = '+14155550101', '+14155550102' | New-TwilioCall -From $from -Url "$app/standup.xml"
$hostCall = New-TwilioCall -To '+14155550103' -From $from -Url "$app/host.xml"
$standup = Wait-Until {
    Get-TwilioConference -FriendlyName 'standup' -Status in-progress |
        Where-Object { @(Get-TwilioConferenceParticipant $_.Sid).Count -eq 3 }
}
Write-Host ("Conference {0} is {1} with 3 participants." -f $standup.FriendlyName, $standup.Status)
Set-TwilioConferenceParticipant $standup.Sid $callers[0].Sid -Muted | Format-Table CallSid, Muted, Hold, Status

Write-Host '== The host hangs up: endConferenceOnExit ends it for everyone =='
Set-TwilioCall -Sid $hostCall.Sid -Status completed | Out-Null
$ended = Wait-Until { Get-TwilioConference $standup.Sid | Where-Object Status -eq 'completed' }
Write-Host ("Conference ended: {0}." -f $ended.ReasonConferenceEnded)
$callers | ForEach-Object { Get-TwilioCall -Sid $_.Sid } | Format-Table Sid, To, Status, Duration
Get-TwilioRecording -ConferenceSid $standup.Sid | Format-Table Sid, ConferenceSid, Source, Status, Duration

Write-Host '== Two callers wait in the support queue =='
$waiting = '+14155550104', '+14155550105' | ForEach-Object {
    New-TwilioCall -To $_ -From $from -Url "$app/support.xml"
}
$support = Wait-Until { Get-TwilioQueue -FriendlyName 'support' | Where-Object CurrentSize -eq 2 }
Get-TwilioQueueMember $support.Sid | Format-Table CallSid, Position, WaitTime
Write-Host ("Queue {0}: {1} waiting." -f $support.FriendlyName, $support.CurrentSize)

Write-Host '== An agent dials the queue and takes the caller who waited longest =='
$agent = New-TwilioCall -To '+14155550106' -From $from -Url "$app/agent.xml"
$support = Wait-Until { Get-TwilioQueue $support.Sid | Where-Object CurrentSize -eq 1 }
$left = Get-TwilioQueueMember $support.Sid
Write-Host ("Queue {0}: {1} waiting; {2} is now first." -f $support.FriendlyName, $support.CurrentSize, $left.CallSid)
if ($left.CallSid -ne $waiting[1].Sid) { throw 'The agent should have taken the first caller.' }

Write-Host '== A caller leaves a voicemail; it is recorded and transcribed =='
$voicemail = New-TwilioCall -To '+14155550107' -From $from -Url "$app/voicemail.xml"
$transcription = Wait-Until {
    Get-TwilioRecording -CallSid $voicemail.Sid | Get-TwilioTranscription | Where-Object Status -eq 'completed'
}
Get-TwilioRecording -CallSid $voicemail.Sid | Format-Table Sid, Source, Status, Duration
Write-Host ("Transcription: {0}" -f $transcription.TranscriptionText)
Wait-Until { Get-TwilioCall -Sid $voicemail.Sid | Where-Object Status -eq 'completed' } | Format-Table Sid, Status, Duration
Write-Host '== What the emulator asked the TwiML app for the voicemail call =='
Get-TwilioCallEvent $voicemail.Sid | Sort-Object { $_.Url } | Format-Table Method, Url, ResponseCode

Write-Host '== A call to a document that is not there leaves a notification =='
$broken = New-TwilioCall -To '+14155550108' -From $from -Url "$app/missing.xml"
$notification = Wait-Until { Get-TwilioNotification -CallSid $broken.Sid }
Write-Host ("Notification {0}: error {1} for {2}" -f $notification.Sid, $notification.ErrorCode, $notification.RequestUrl)

Get-TwilioCall -Status in-progress | Set-TwilioCall -Status completed | Out-Null
Disconnect-Twilio
$emulator | Stop-TwilioEmulator
Write-Host 'Done.'
