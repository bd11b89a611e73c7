# Tab completion (TabExpansion2, as the console calls it) of SID parameters and -From from the connected
# account. Everything completed is created first: completion lists are read once and kept a minute.
# A list that takes long to load completes on a later Tab, so each check asks again until it answers.

Describe 'Tab completion' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 5 -ClockSpeed 20 -CallDuration 86400
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100

        $inConference = New-TwilioCall -To '+14155550103' -From $TestFrom -Twiml '<Response><Dial><Conference>Standup</Conference></Dial></Response>' -ErrorAction Stop
        $inQueue = New-TwilioCall -To '+14155550104' -From $TestFrom -Twiml '<Response><Enqueue>support</Enqueue></Response>' -ErrorAction Stop
        $conference = Wait-TestCondition { Get-TwilioConference -FriendlyName 'Standup' -Status in-progress -ErrorAction Stop }
        $queue = Wait-TestCondition {
            $found = Get-TwilioQueue -FriendlyName 'support' -ErrorAction Stop
            if ($found -and (Get-TwilioQueueMember -QueueSid $found.Sid -ErrorAction Stop)) { $found }
        }
        $null = Wait-TestCondition { Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -ErrorAction Stop }
        $subaccount = New-TwilioAccount -FriendlyName 'EU operations' -ErrorAction Stop
        $application = New-TwilioApplication -FriendlyName 'IVR main menu' -VoiceUrl 'https://example.com/ivr' -ErrorAction Stop
        $bought = New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName 'NYC support line' -Force -ErrorAction Stop

        # The completions of a command line, asked again until there are some (or the time is up).
        function Get-TestCompletion([string] $Line) {
            $completions = Wait-TestCondition -TimeoutSeconds 20 {
                @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
            }
            @($completions)
        }
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'completes -CallSid with the account''s recent calls, each shown with its numbers' {
        $completions = Get-TestCompletion 'Get-TwilioCall -CallSid '
        $recent = @(Get-TwilioCall -First 50 -ErrorAction Stop | ForEach-Object { $_.Sid })
        $completions.Count | Should -Be $recent.Count
        @($completions | ForEach-Object { $_.CompletionText } | Sort-Object) | Should -Be @($recent | Sort-Object)
        ($completions | Where-Object { $_.CompletionText -eq $inQueue.Sid }).ToolTip | Should -BeLike '*+14155550104*'
    }

    It 'matches a typed word against the start of a SID or its description' {
        @(Get-TestCompletion 'Get-TwilioQueueMember -QueueSid supp' | ForEach-Object { $_.CompletionText }) | Should -Be @($queue.Sid)
        @(Get-TestCompletion "Set-TwilioApplication -ApplicationSid 'IVR" | ForEach-Object { $_.CompletionText }) | Should -Be @($application.Sid)
    }

    It 'completes child SIDs from the parent named on the command line' {
        @(Get-TestCompletion "Get-TwilioQueueMember -QueueSid $($queue.Sid) -CallSid " | ForEach-Object { $_.CompletionText }) | Should -Be @($inQueue.Sid)
        @(Get-TestCompletion "Set-TwilioConferenceParticipant -ConferenceSid $($conference.Sid) -CallSid " | ForEach-Object { $_.CompletionText }) | Should -Be @($inConference.Sid)
    }

    It 'completes -ConferenceSid and -AccountSid by name' {
        $conferences = Get-TestCompletion 'Get-TwilioConference -ConferenceSid '
        ($conferences | Where-Object { $_.CompletionText -eq $conference.Sid }).ToolTip | Should -BeLike '*Standup*'
        @(Get-TestCompletion 'Get-TwilioRecording -AccountSid EU' | ForEach-Object { $_.CompletionText }) | Should -Be @($subaccount.Sid)
    }

    It 'completes -From with the account''s own numbers by name' {
        $completions = Get-TestCompletion "New-TwilioCall -To '+14155550100' -From "
        ($completions | Where-Object { $_.CompletionText -eq $bought.PhoneNumber }).ToolTip | Should -Be 'NYC support line (number)'
        @(Get-TestCompletion "Send-TwilioMessage -To '+14155550100' -Body hi -From 'NYC" | ForEach-Object { $_.CompletionText }) | Should -Be @($bought.PhoneNumber)
    }

    It 'offers nothing, and writes no error, without a connection' {
        Disconnect-Twilio
        try {
            $Error.Clear()
            @((TabExpansion2 -inputScript 'Get-TwilioCall -CallSid ' -cursorColumn 24).CompletionMatches) | Should -HaveCount 0
            $Error.Count | Should -Be 0
        }
        finally {
            $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        }
    }
}
