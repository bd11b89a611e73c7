# TwiML applications: creating, listing by wildcard name, changing, placing calls through one, removing.

Describe 'Applications' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'creates an application and returns it typed' {
        $app = New-TwilioApplication -FriendlyName 'IVR' -VoiceUrl 'https://example.com/ivr' -SmsUrl 'https://example.com/sms' -ErrorAction Stop
        $app | Should -BeOfType ([TwilioPS.Models.TwilioApplication])
        $app.Sid | Should -Match '^AP[0-9a-f]{32}$'
        $app.FriendlyName | Should -Be 'IVR'
        $app.VoiceUrl | Should -Be 'https://example.com/ivr'
        (Get-TwilioApplication -ApplicationSid $app.Sid -ErrorAction Stop).SmsUrl | Should -Be 'https://example.com/sms'
    }

    It 'creates one application per name piped in; -WhatIf creates none' {
        New-TwilioApplication -FriendlyName 'Ghost' -WhatIf | Should -BeNullOrEmpty
        $created = @('Support line', 'Sales line' | New-TwilioApplication -VoiceUrl 'https://example.com/line' -ErrorAction Stop)
        $created | Should -HaveCount 2
        @(Get-TwilioApplication -FriendlyName 'Ghost' -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'matches names with wildcards locally and exactly on the server' {
        @(Get-TwilioApplication -FriendlyName '*line' -ErrorAction Stop | ForEach-Object { $_.FriendlyName } | Sort-Object) | Should -Be @('Sales line', 'Support line')
        @(Get-TwilioApplication -FriendlyName 'IVR' -ErrorAction Stop) | Should -HaveCount 1
    }

    It 'pipes an application into New-TwilioCall, which calls through it' {
        $call = Get-TwilioApplication -FriendlyName 'IVR' -ErrorAction Stop | New-TwilioCall -To 'client:alice' -From $TestFrom -ErrorAction Stop
        $call | Should -BeOfType ([TwilioPS.Models.TwilioCall])
        $call.To | Should -Be 'client:alice'
    }

    It 'changes applications piped in; -WhatIf changes nothing' {
        Get-TwilioApplication -FriendlyName '*line' -ErrorAction Stop | Set-TwilioApplication -SmsUrl 'https://example.com/closed' -WhatIf
        @(Get-TwilioApplication -FriendlyName '*line' -ErrorAction Stop | Where-Object { $_.SmsUrl -eq 'https://example.com/closed' }) | Should -HaveCount 0

        $changed = @(Get-TwilioApplication -FriendlyName '*line' -ErrorAction Stop | Set-TwilioApplication -SmsUrl 'https://example.com/closed' -ErrorAction Stop)
        $changed | Should -HaveCount 2
        @(Get-TwilioApplication -FriendlyName '*line' -ErrorAction Stop | Where-Object { $_.SmsUrl -eq 'https://example.com/closed' }) | Should -HaveCount 2
    }

    It 'refuses a relative -VoiceUrl at parameter binding, naming the input, and creates nothing' {
        $before = @(Get-TwilioApplication -ErrorAction Stop).Count
        Assert-TestBindingError -Refused '/ivr' -CommandType 'TwilioPS.Cmdlets.Applications.NewTwilioApplicationCommand' -Invoke {
            New-TwilioApplication -FriendlyName 'Broken' -VoiceUrl '/ivr' -ErrorAction Stop
        }
        @(Get-TwilioApplication -ErrorAction Stop).Count | Should -Be $before
    }

    It 'refuses a SID of another kind at parameter binding' {
        Assert-TestBindingError -Refused 'PN0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.Applications.GetTwilioApplicationCommand' -Invoke {
            Get-TwilioApplication -ApplicationSid 'PN0123456789abcdef0123456789abcdef' -ErrorAction Stop
        }
    }

    It 'Remove-TwilioApplication -WhatIf keeps it; -Force from the pipeline deletes it' {
        $victim = Get-TwilioApplication -FriendlyName 'Sales line' -ErrorAction Stop
        $victim | Remove-TwilioApplication -WhatIf
        (Get-TwilioApplication -ApplicationSid $victim.Sid -ErrorAction Stop).Sid | Should -Be $victim.Sid

        $victim | Remove-TwilioApplication -Force -ErrorAction Stop
        Assert-TestNotFound -Sid $victim.Sid -CommandType 'TwilioPS.Cmdlets.Applications.GetTwilioApplicationCommand' -Invoke {
            Get-TwilioApplication -ApplicationSid $victim.Sid -ErrorAction Stop
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioApplication'; Impact = 'High' }
        @{ Command = 'New-TwilioApplication'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioApplication'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
