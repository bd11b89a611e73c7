# Accounts and subaccounts: the connection's account, creating, renaming, suspending and closing
# subaccounts, and subaccounts piped into other families.

Describe 'Accounts' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 5
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'without parameters is the connection''s account, typed, and never shows the auth token' {
        $account = Get-TwilioAccount -ErrorAction Stop
        $account | Should -BeOfType ([TwilioPS.Models.TwilioAccount])
        $account.Sid | Should -Be $EmulatorAccountSid
        $account.Status | Should -Be 'active'
        ($account | Format-List * | Out-String) | Should -Not -BeLike "*$EmulatorAuthToken*"
        ($account | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -BeLike "*$EmulatorAuthToken*"
    }

    It 'creates subaccounts from names piped in; -WhatIf creates none' {
        New-TwilioAccount -FriendlyName 'Ghost' -WhatIf | Should -BeNullOrEmpty
        @(Get-TwilioAccount -FriendlyName 'Ghost' -ErrorAction Stop) | Should -HaveCount 0

        $created = @('EU-Paris', 'EU-Berlin', 'US-Austin' | New-TwilioAccount -ErrorAction Stop)
        $created | Should -HaveCount 3
        $created[0] | Should -BeOfType ([TwilioPS.Models.TwilioAccount])
        $created[0].Sid | Should -Match '^AC[0-9a-f]{32}$'
        $created[0].Sid | Should -Not -Be $EmulatorAccountSid
        @($created | Where-Object { $_.Status -ne 'active' }) | Should -HaveCount 0
    }

    It 'matches names with wildcards locally and gets a subaccount by SID' {
        $eu = @(Get-TwilioAccount -FriendlyName 'eu-*' -All -ErrorAction Stop)
        @($eu | ForEach-Object { $_.FriendlyName } | Sort-Object) | Should -Be @('EU-Berlin', 'EU-Paris')
        (Get-TwilioAccount -AccountSid $eu[0].Sid -ErrorAction Stop).FriendlyName | Should -Be $eu[0].FriendlyName
    }

    It 'acts in each subaccount piped into another family (Get-TwilioAccount | Get-TwilioCall)' {
        @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioCall -ErrorAction Stop) | Should -HaveCount 5
        @(Get-TwilioAccount -FriendlyName 'eu-*' -All -ErrorAction Stop | Get-TwilioCall -ErrorAction Stop) | Should -HaveCount 0
        $austin = Get-TwilioAccount -FriendlyName 'US-Austin' -ErrorAction Stop
        $queue = $austin | Get-TwilioQueue -ErrorAction Stop
        $queue | Should -BeNullOrEmpty
        $null = New-TwilioQueue -FriendlyName 'austin-support' -AccountSid $austin.Sid -ErrorAction Stop
        @($austin | Get-TwilioQueue -ErrorAction Stop | ForEach-Object { $_.FriendlyName }) | Should -Be @('austin-support')
        @(Get-TwilioQueue -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'renames and suspends a subaccount; -WhatIf changes nothing' {
        $paris = Get-TwilioAccount -FriendlyName 'EU-Paris' -ErrorAction Stop
        $paris | Set-TwilioAccount -Status suspended -WhatIf
        (Get-TwilioAccount -AccountSid $paris.Sid -ErrorAction Stop).Status | Should -Be 'active'

        ($paris | Set-TwilioAccount -Status suspended -ErrorAction Stop).Status | Should -Be 'suspended'
        ($paris | Set-TwilioAccount -FriendlyName 'EU-Paris 2' -ErrorAction Stop).FriendlyName | Should -Be 'EU-Paris 2'
        @(Get-TwilioAccount -Status suspended -All -ErrorAction Stop | ForEach-Object { $_.Sid }) | Should -Be @($paris.Sid)
    }

    It 'a suspended subaccount''s requests fail with Twilio20005 until it is active again' {
        $paris = Get-TwilioAccount -FriendlyName 'EU-Paris 2' -ErrorAction Stop
        { Get-TwilioCall -AccountSid $paris.Sid -ErrorAction Stop } | Should -Throw -ErrorId 'Twilio20005,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
        $null = $paris | Set-TwilioAccount -Status active -ErrorAction Stop
        @(Get-TwilioCall -AccountSid $paris.Sid -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'closes a subaccount only when told: -Force -WhatIf closes nothing, -Force closes it for good' {
        $berlin = Get-TwilioAccount -FriendlyName 'EU-Berlin' -ErrorAction Stop
        $berlin | Set-TwilioAccount -Status closed -Force -WhatIf
        (Get-TwilioAccount -AccountSid $berlin.Sid -ErrorAction Stop).Status | Should -Be 'active'

        ($berlin | Set-TwilioAccount -Status closed -Force -ErrorAction Stop).Status | Should -Be 'closed'
        { $berlin | Set-TwilioAccount -Status active -ErrorAction Stop } | Should -Throw -ErrorId 'Twilio21100,TwilioPS.Cmdlets.Accounts.SetTwilioAccountCommand'
    }

    It 'refuses <Case> at parameter binding, naming the input' -ForEach @(
        @{ Case = 'a status Twilio does not have'; Refused = 'deleted'; Type = 'SetTwilioAccountCommand'; Invoke = { Set-TwilioAccount -AccountSid ('AC' + ('1' * 32)) -Status deleted -ErrorAction Stop } }
        @{ Case = 'an -AccountSid that is not an account'; Refused = 'CA0123456789abcdef0123456789abcdef'; Type = 'GetTwilioAccountCommand'; Invoke = { Get-TwilioAccount -AccountSid 'CA0123456789abcdef0123456789abcdef' -ErrorAction Stop } }
        @{ Case = 'a name over 64 characters'; Refused = 'FriendlyName'; Type = 'NewTwilioAccountCommand'; Invoke = { New-TwilioAccount -FriendlyName ('x' * 65) -ErrorAction Stop } }
    ) {
        $before = @(Get-TwilioAccount -FriendlyName '*' -All -ErrorAction Stop).Count
        Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType "TwilioPS.Cmdlets.Accounts.$Type"
        @(Get-TwilioAccount -FriendlyName '*' -All -ErrorAction Stop).Count | Should -Be $before
    }

    It 'an unknown account fails with Twilio20404 and the SID as TargetObject' {
        $unknown = 'AC' + ('1' * 32)
        Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.Accounts.GetTwilioAccountCommand' -Invoke {
            Get-TwilioAccount -AccountSid $unknown -ErrorAction Stop
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'New-TwilioAccount'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioAccount'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
