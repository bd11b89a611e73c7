# Conferences and their participants: two calls dial into one conference on a fast emulator clock and
# stay there (a day of emulated time, over an hour of real time) while the tests look at and change it.

Describe 'Conferences' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -ClockSpeed 20 -CallDuration 86400
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        $joinStandup = '<Response><Dial><Conference>Standup</Conference></Dial></Response>'

        $callers = @('+14155550101', '+14155550102' | New-TwilioCall -From $TestFrom -Twiml $joinStandup -ErrorAction Stop)
        $conference = Wait-TestCondition {
            $found = Get-TwilioConference -FriendlyName 'Standup' -Status in-progress -ErrorAction Stop
            if ($found -and @(Get-TwilioConferenceParticipant -ConferenceSid $found.Sid -ErrorAction Stop).Count -eq 2) { $found }
        }
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Get-TwilioConference' {
        It 'finds the conference by name as a typed object' {
            $conference | Should -BeOfType ([TwilioPS.Models.TwilioConference])
            $conference.Sid | Should -Match '^CF[0-9a-f]{32}$'
            $conference.FriendlyName | Should -Be 'Standup'
            $conference.Status | Should -Be 'in-progress'
        }

        It 'matches names with wildcards and gets a conference by SID' {
            @(Get-TwilioConference -FriendlyName 'Stand*' -ErrorAction Stop | ForEach-Object { $_.Sid }) | Should -Be @($conference.Sid)
            @(Get-TwilioConference -FriendlyName 'Nobody*' -ErrorAction Stop) | Should -HaveCount 0
            (Get-TwilioConference -ConferenceSid $conference.Sid -ErrorAction Stop).FriendlyName | Should -Be 'Standup'
        }

        It 'refuses a status Twilio does not have at parameter binding' {
            { Get-TwilioConference -Status 'ended' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Conferences.GetTwilioConferenceCommand'
        }
    }

    Context 'Participants' {
        It 'lists the callers from the conference piped in (Get-TwilioConference | Get-TwilioConferenceParticipant)' {
            $participants = @($conference | Get-TwilioConferenceParticipant -ErrorAction Stop)
            $participants | Should -HaveCount 2
            $participants[0] | Should -BeOfType ([TwilioPS.Models.TwilioConferenceParticipant])
            @($participants | ForEach-Object { $_.CallSid } | Sort-Object) | Should -Be @($callers | ForEach-Object { $_.Sid } | Sort-Object)
            @($participants | Where-Object { $_.ConferenceSid -ne $conference.Sid }) | Should -HaveCount 0
        }

        It 'pipes a participant to its call and to its conference' {
            $participant = Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[0].Sid -ErrorAction Stop
            ($participant | Get-TwilioCall -ErrorAction Stop).Sid | Should -Be $callers[0].Sid
            ($participant | Get-TwilioConference -ErrorAction Stop).Sid | Should -Be $conference.Sid
        }

        It 'mutes a participant from the pipeline; -WhatIf changes nothing' {
            $participant = Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[0].Sid -ErrorAction Stop
            $participant | Set-TwilioConferenceParticipant -Muted -WhatIf
            (Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[0].Sid -ErrorAction Stop).Muted | Should -BeFalse

            $muted = $participant | Set-TwilioConferenceParticipant -Muted -ErrorAction Stop
            $muted.Muted | Should -BeTrue
            @(Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -Muted -ErrorAction Stop | ForEach-Object { $_.CallSid }) | Should -Be @($callers[0].Sid)
        }

        It 'Set-TwilioConferenceParticipant with nothing to change fails before any request' {
            { Set-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[1].Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'NothingToUpdate,TwilioPS.Cmdlets.Conferences.SetTwilioConferenceParticipantCommand'
        }

        It 'dials a new participant into the conference piped in (Get-TwilioConference | Add-TwilioConferenceParticipant)' {
            $added = $conference | Add-TwilioConferenceParticipant -To '+14155550105' -From $TestFrom -Label 'guest' -ErrorAction Stop
            $added | Should -BeOfType ([TwilioPS.Models.TwilioConferenceParticipant])
            $added.ConferenceSid | Should -Be $conference.Sid
            $added.CallSid | Should -Match '^CA[0-9a-f]{32}$'
            $added.Label | Should -Be 'guest'
            (Get-TwilioCall -CallSid $added.CallSid -ErrorAction Stop).To | Should -Be '+14155550105'
        }

        It 'Add-TwilioConferenceParticipant -WhatIf dials nobody' {
            $before = Get-TestCallCount
            Add-TwilioConferenceParticipant -ConferenceSid $conference.Sid -To '+14155550106' -From $TestFrom -WhatIf | Should -BeNullOrEmpty
            Get-TestCallCount | Should -Be $before
        }

        It 'Add-TwilioConferenceParticipant refuses a -To that is not a number at parameter binding, naming the input' {
            $before = Get-TestCallCount
            Assert-TestBindingError -Refused '555-1234' -CommandType 'TwilioPS.Cmdlets.Conferences.AddTwilioConferenceParticipantCommand' -Invoke {
                Add-TwilioConferenceParticipant -ConferenceSid $conference.Sid -To '555-1234' -From $TestFrom -ErrorAction Stop
            }
            Get-TestCallCount | Should -Be $before
        }

        It 'Remove-TwilioConferenceParticipant -WhatIf keeps the caller; -Force from the pipeline hangs up' {
            $participant = Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[1].Sid -ErrorAction Stop
            $participant | Remove-TwilioConferenceParticipant -WhatIf
            (Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -CallSid $callers[1].Sid -ErrorAction Stop).CallSid | Should -Be $callers[1].Sid

            $participant | Remove-TwilioConferenceParticipant -Force -ErrorAction Stop
            @(Get-TwilioConferenceParticipant -ConferenceSid $conference.Sid -ErrorAction Stop | Where-Object { $_.CallSid -eq $callers[1].Sid }) | Should -HaveCount 0
        }
    }

    Context 'Set-TwilioConference' {
        It 'with nothing to change fails with NothingToUpdate before any request' {
            { Set-TwilioConference -ConferenceSid $conference.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'NothingToUpdate,TwilioPS.Cmdlets.Conferences.SetTwilioConferenceCommand'
            (Get-TwilioConference -ConferenceSid $conference.Sid -ErrorAction Stop).Status | Should -Be 'in-progress'
        }

        It 'refuses a relative -AnnounceUrl at parameter binding' {
            { Set-TwilioConference -ConferenceSid $conference.Sid -AnnounceUrl '/closing.xml' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Conferences.SetTwilioConferenceCommand'
        }

        It 'announces to every live conference piped in (-AnnounceUrl)' {
            $announced = @(Get-TwilioConference -Status in-progress -All -ErrorAction Stop | Set-TwilioConference -AnnounceUrl 'https://example.com/twiml/closing.xml' -ErrorAction Stop)
            @($announced | ForEach-Object { $_.Sid }) | Should -Be @($conference.Sid)
            $announced[0].Status | Should -Be 'in-progress'
        }

        It '-Status completed -WhatIf ends nothing; from the pipeline it ends the conference' {
            $conference | Set-TwilioConference -Status completed -WhatIf
            (Get-TwilioConference -ConferenceSid $conference.Sid -ErrorAction Stop).Status | Should -Be 'in-progress'

            $ended = Get-TwilioConference -FriendlyName 'Standup' -Status in-progress -ErrorAction Stop | Set-TwilioConference -Status completed -ErrorAction Stop
            $ended | Should -BeOfType ([TwilioPS.Models.TwilioConference])
            $ended.Status | Should -Be 'completed'
            (Get-TwilioConference -ConferenceSid $conference.Sid -ErrorAction Stop).Status | Should -Be 'completed'
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioConferenceParticipant'; Impact = 'High' }
        @{ Command = 'Add-TwilioConferenceParticipant'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioConferenceParticipant'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioConference'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
