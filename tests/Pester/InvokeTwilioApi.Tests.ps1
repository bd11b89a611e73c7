# Invoke-TwilioApi: any request through the connection, paged, raw, as a POST with repeated keys,
# with Twilio's errors carrying the path, and -WhatIf.

Describe 'Invoke-TwilioApi' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 130
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        $unknownCallPath = 'Calls/CA0123456789abcdef0123456789abcdef.json'
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'lists a page relative to the account, and -All every page, as objects in Twilio''s names' {
        @(Invoke-TwilioApi -Path 'Calls.json' -Query @{ PageSize = 50 } -ErrorAction Stop) | Should -HaveCount 50
        $all = @(Invoke-TwilioApi -Path 'Calls.json' -Query @{ PageSize = 50 } -All -ErrorAction Stop)
        $all | Should -HaveCount 130
        @($all | ForEach-Object { $_.sid } | Sort-Object -Unique) | Should -HaveCount 130
        $all[0].account_sid | Should -Be $EmulatorAccountSid
    }

    It 'fetches one record, and with -Raw its JSON text, by a path relative to the account or the API' {
        $sid = (Get-TwilioCall -First 1 -ErrorAction Stop).Sid
        (Invoke-TwilioApi -Path "Calls/$sid.json" -ErrorAction Stop).sid | Should -Be $sid
        $raw = Invoke-TwilioApi -Path "/2010-04-01/Accounts/$EmulatorAccountSid/Calls/$sid.json" -Raw -ErrorAction Stop
        $raw | Should -BeOfType ([string])
        ($raw | ConvertFrom-Json).sid | Should -Be $sid
    }

    It 'POSTs a form, an array value as repeated keys, and the call it places is there' {
        $form = @{ To = $TestTo; From = $TestFrom; Url = $TestTwimlUrl; StatusCallbackEvent = @('initiated', 'answered') }
        $created = Invoke-TwilioApi -Path 'Calls.json' -Method POST -Form $form -ErrorAction Stop
        $created.sid | Should -Match '^CA[0-9a-f]{32}$'
        (Get-TwilioCall -CallSid $created.sid -ErrorAction Stop).To | Should -Be $TestTo
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestCallCount
        Invoke-TwilioApi -Path 'Calls.json' -Method POST -Form @{ To = $TestTo; From = $TestFrom; Url = $TestTwimlUrl } -WhatIf | Should -BeNullOrEmpty
        $victim = (Get-TwilioCall -Status completed -First 1 -ErrorAction Stop).Sid
        Invoke-TwilioApi -Path "Calls/$victim.json" -Method DELETE -WhatIf
        Get-TestCallCount | Should -Be $before
    }

    It 'deletes with DELETE and returns nothing' {
        $victim = (Get-TwilioCall -Status completed -First 1 -ErrorAction Stop).Sid
        Invoke-TwilioApi -Path "Calls/$victim.json" -Method DELETE -Confirm:$false -ErrorAction Stop | Should -BeNullOrEmpty
        { Get-TwilioCall -CallSid $victim -ErrorAction Stop } | Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
    }

    It 'a missing record is Twilio20404 with the path as TargetObject' {
        Assert-TestNotFound -Sid $unknownCallPath -CommandType 'TwilioPS.Cmdlets.Api.InvokeTwilioApiCommand' -Invoke {
            Invoke-TwilioApi -Path $unknownCallPath -ErrorAction Stop
        }
    }

    It 'refuses a URL on another host before any request' {
        $record = { Invoke-TwilioApi -Path 'https://messaging.example.com/v1/Services' -ErrorAction Stop } |
            Should -Throw -ErrorId 'TwilioProtocolError,TwilioPS.Cmdlets.Api.InvokeTwilioApiCommand' -PassThru
        $record.TargetObject | Should -Be 'https://messaging.example.com/v1/Services'
    }

    It 'refuses a method Twilio''s API does not take at parameter binding' {
        Assert-TestBindingError -Refused 'PATCH' -CommandType 'TwilioPS.Cmdlets.Api.InvokeTwilioApiCommand' -Invoke {
            Invoke-TwilioApi -Path 'Calls.json' -Method PATCH -ErrorAction Stop
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Invoke-TwilioApi'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
