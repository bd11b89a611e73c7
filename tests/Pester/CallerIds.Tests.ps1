# Outgoing caller IDs: a validation request calls the number, and the caller ID appears once that call
# completes (on a fast emulator clock); listing, renaming and removing them.

Describe 'Outgoing caller IDs' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -ClockSpeed 50 -CallDuration 5
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100

        function Get-TestCallerIdCount {
            @(Get-TwilioOutgoingCallerId -All -ErrorAction Stop).Count
        }
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'a validation request shows its code, calls the number, and the caller ID appears when the call completes' {
        $request = New-TwilioOutgoingCallerId -PhoneNumber '+14155550123' -FriendlyName 'On-call mobile' -ErrorAction Stop
        $request | Should -BeOfType ([TwilioPS.Models.TwilioValidationRequest])
        $request.ValidationCode | Should -Match '^[0-9]{6}$'
        $request.PhoneNumber | Should -Be '+14155550123'
        ($request | Get-TwilioCall -ErrorAction Stop).To | Should -Be '+14155550123'

        $callerId = Wait-TestCondition { Get-TwilioOutgoingCallerId -PhoneNumber '+14155550123' -ErrorAction Stop }
        $callerId | Should -BeOfType ([TwilioPS.Models.TwilioOutgoingCallerId])
        $callerId.Sid | Should -Match '^PN[0-9a-f]{32}$'
        $callerId.FriendlyName | Should -Be 'On-call mobile'
    }

    It 'a number already verified fails with Twilio21450, carrying the number' {
        $record = { New-TwilioOutgoingCallerId -PhoneNumber '+14155550123' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Twilio21450,TwilioPS.Cmdlets.CallerIds.NewTwilioOutgoingCallerIdCommand' -PassThru
        $record.TargetObject | Should -Be '+14155550123'
    }

    It 'a validation call nobody answers makes no caller ID' {
        $request = New-TwilioOutgoingCallerId -PhoneNumber '+15005550001' -ErrorAction Stop
        Wait-TestCondition { (Get-TwilioCall -CallSid $request.CallSid -ErrorAction Stop).Status -eq 'no-answer' } | Should -BeTrue
        @(Get-TwilioOutgoingCallerId -PhoneNumber '+15005550001' -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'validates one number per value piped in; -WhatIf calls nobody' {
        $calls = Get-TestCallCount
        '+14155550131' | New-TwilioOutgoingCallerId -FriendlyName 'Support desk' -WhatIf | Should -BeNullOrEmpty
        Get-TestCallCount | Should -Be $calls

        $requests = @('+14155550131', '+14155550132' | New-TwilioOutgoingCallerId -FriendlyName 'Support desk' -ErrorAction Stop)
        $requests | Should -HaveCount 2
        Wait-TestCondition { (Get-TestCallerIdCount) -eq 3 } | Should -BeTrue
    }

    It 'matches names with wildcards and refetches a caller ID piped in' {
        @(Get-TwilioOutgoingCallerId -FriendlyName 'support*' -ErrorAction Stop) | Should -HaveCount 2
        @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioOutgoingCallerId -ErrorAction Stop) | Should -HaveCount 3
        $one = Get-TwilioOutgoingCallerId -PhoneNumber '+14155550131' -ErrorAction Stop
        ($one | Get-TwilioOutgoingCallerId -ErrorAction Stop).Sid | Should -Be $one.Sid
    }

    It 'renames a caller ID piped in; -WhatIf keeps the name' {
        $one = Get-TwilioOutgoingCallerId -PhoneNumber '+14155550131' -ErrorAction Stop
        $one | Set-TwilioOutgoingCallerId -FriendlyName 'Front desk' -WhatIf
        (Get-TwilioOutgoingCallerId -OutgoingCallerIdSid $one.Sid -ErrorAction Stop).FriendlyName | Should -Be 'Support desk'
        ($one | Set-TwilioOutgoingCallerId -FriendlyName 'Front desk' -ErrorAction Stop).FriendlyName | Should -Be 'Front desk'
    }

    It 'refuses <Case> before any request, naming it' -ForEach @(
        @{ Case = 'a number without + and country code'; Refused = '4155550123'; Invoke = { New-TwilioOutgoingCallerId -PhoneNumber '4155550123' -ErrorAction Stop } }
        @{ Case = 'a -CallDelay over 60 seconds'; Refused = '61'; Invoke = { New-TwilioOutgoingCallerId -PhoneNumber '+14155550199' -CallDelay 61 -ErrorAction Stop } }
    ) {
        $calls = Get-TestCallCount
        Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType 'TwilioPS.Cmdlets.CallerIds.NewTwilioOutgoingCallerIdCommand'
        Get-TestCallCount | Should -Be $calls
    }

    It 'Remove-TwilioOutgoingCallerId -WhatIf keeps them; -Force from the pipeline removes them' {
        Get-TwilioOutgoingCallerId -FriendlyName 'support*' -ErrorAction Stop | Remove-TwilioOutgoingCallerId -WhatIf
        Get-TestCallerIdCount | Should -Be 3

        Get-TwilioOutgoingCallerId -FriendlyName '*desk' -ErrorAction Stop | Remove-TwilioOutgoingCallerId -Force -ErrorAction Stop
        @(Get-TwilioOutgoingCallerId -All -ErrorAction Stop | ForEach-Object { $_.PhoneNumber }) | Should -Be @('+14155550123')
    }

    It 'an unknown caller ID fails with Twilio20404 and the SID as TargetObject' {
        $unknown = 'PN' + ('0' * 32)
        Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.CallerIds.GetTwilioOutgoingCallerIdCommand' -Invoke {
            Get-TwilioOutgoingCallerId -OutgoingCallerIdSid $unknown -ErrorAction Stop
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioOutgoingCallerId'; Impact = 'High' }
        @{ Command = 'New-TwilioOutgoingCallerId'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioOutgoingCallerId'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
