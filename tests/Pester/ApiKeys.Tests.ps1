# API keys: the secret is a SecureString shown nowhere, a new key pipes into Connect-Twilio, and a
# removed key's connection is refused.

Describe 'API keys' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 2
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'a new key carries its secret once, as a SecureString no view shows' {
        $key = New-TwilioApiKey -FriendlyName 'Nightly report runbook' -ErrorAction Stop
        $key | Should -BeOfType ([TwilioPS.Models.TwilioApiKey])
        $key.Sid | Should -Match '^SK[0-9a-f]{32}$'
        $key.Secret | Should -BeOfType ([System.Security.SecureString])
        $secret = [System.Net.NetworkCredential]::new('', $key.Secret).Password
        $secret.Length | Should -Be 32

        $shown = @(
            ($key | Format-List * | Out-String)
            ($key | Format-Table | Out-String)
            ($key | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
            "$key"
        ) -join [Environment]::NewLine
        $shown | Should -BeLike "*$($key.Sid)*"
        $shown | Should -Not -BeLike "*$secret*"

        $again = $key | Get-TwilioApiKey -ErrorAction Stop
        $again.Secret | Should -BeNullOrEmpty
        $again.FriendlyName | Should -Be 'Nightly report runbook'
    }

    It 'lists the account''s keys from the account piped in (Get-TwilioAccount | Get-TwilioApiKey)' {
        $sids = @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioApiKey -ErrorAction Stop | ForEach-Object { $_.Sid })
        $sids | Should -Contain (Get-TwilioApiKey -All -ErrorAction Stop | Where-Object { $_.FriendlyName -eq 'Nightly report runbook' }).Sid
    }

    It 'a new key piped into Connect-Twilio is a working connection until the key is removed' {
        $owner = Get-TwilioContext
        $runbook = New-TwilioApiKey -FriendlyName 'runbook' -ErrorAction Stop | Connect-Twilio -BaseUri $emulator.BaseUri -PassThru -ErrorAction Stop
        try {
            $runbook.CredentialKind | Should -Be 'ApiKey'
            $runbook.AccountSid | Should -Be $EmulatorAccountSid
            @(Get-TwilioCall -Connection $runbook -ErrorAction Stop) | Should -HaveCount 2

            Remove-TwilioApiKey -ApiKeySid $runbook.ApiKeySid -Force -Connection $owner -ErrorAction Stop
            $record = { Get-TwilioCall -Connection $runbook -ErrorAction Stop } |
                Should -Throw -ErrorId 'Twilio20003,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand' -PassThru
            $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
            @(Get-TwilioCall -Connection $owner -ErrorAction Stop) | Should -HaveCount 2
        }
        finally {
            Disconnect-Twilio -Connection $runbook
            $null = Connect-TestEmulator -Emulator $emulator
        }
    }

    It 'renames a key piped in; -WhatIf keeps the name' {
        $key = New-TwilioApiKey -FriendlyName 'CI' -ErrorAction Stop
        $key | Set-TwilioApiKey -FriendlyName 'CI (old)' -WhatIf
        (Get-TwilioApiKey -ApiKeySid $key.Sid -ErrorAction Stop).FriendlyName | Should -Be 'CI'
        ($key | Set-TwilioApiKey -FriendlyName 'CI (old)' -ErrorAction Stop).FriendlyName | Should -Be 'CI (old)'
    }

    It 'New-TwilioApiKey -WhatIf creates no key' {
        $before = @(Get-TwilioApiKey -All -ErrorAction Stop).Count
        New-TwilioApiKey -FriendlyName 'ghost' -WhatIf | Should -BeNullOrEmpty
        @(Get-TwilioApiKey -All -ErrorAction Stop).Count | Should -Be $before
    }

    It 'Remove-TwilioApiKey -WhatIf keeps the key; from the pipeline with -Force it is gone' {
        $key = Get-TwilioApiKey -All -ErrorAction Stop | Where-Object { $_.FriendlyName -eq 'CI (old)' }
        $key | Remove-TwilioApiKey -WhatIf
        (Get-TwilioApiKey -ApiKeySid $key.Sid -ErrorAction Stop).Sid | Should -Be $key.Sid

        $key | Remove-TwilioApiKey -Force -ErrorAction Stop
        Assert-TestNotFound -Sid $key.Sid -CommandType 'TwilioPS.Cmdlets.ApiKeys.GetTwilioApiKeyCommand' -Invoke {
            Get-TwilioApiKey -ApiKeySid $key.Sid -ErrorAction Stop
        }
    }

    It 'refuses a SID that is not a key''s at parameter binding, naming the input, and removes nothing' {
        $before = @(Get-TwilioApiKey -All -ErrorAction Stop).Count
        Assert-TestBindingError -Refused 'AC0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.ApiKeys.RemoveTwilioApiKeyCommand' -Invoke {
            Remove-TwilioApiKey -ApiKeySid 'AC0123456789abcdef0123456789abcdef' -Force -ErrorAction Stop
        }
        @(Get-TwilioApiKey -All -ErrorAction Stop).Count | Should -Be $before
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioApiKey'; Impact = 'High' }
        @{ Command = 'New-TwilioApiKey'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioApiKey'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
