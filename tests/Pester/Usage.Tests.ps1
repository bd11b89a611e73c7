# Usage records, usage triggers and the balance against the in-process emulator, whose 40 seeded
# calls (finished over the past 30 days) are billed per started minute.

Describe 'Usage and money' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 40
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'reports the seeded calls all time, with the price as a decimal and its unit' {
        $calls = Get-TwilioUsageRecord -Category calls -ErrorAction Stop
        $calls | Should -BeOfType ([TwilioPS.Models.TwilioUsageRecord])
        $calls.Count | Should -BeGreaterThan 0
        $calls.UsageUnit | Should -Be 'minutes'
        $calls.Price | Should -BeOfType ([decimal])
        "$calls" | Should -Match ' USD$'
    }

    It 'lists one record per category and day with -Period Daily' {
        $days = @(Get-TwilioUsageRecord -Period Daily -Category calls -StartDate '-6days' -All -ErrorAction Stop)
        $days | Should -HaveCount 7
    }

    It 'refuses an unknown category before any request' {
        { Get-TwilioUsageRecord -Category minutes -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Usage.GetTwilioUsageRecordCommand'
    }

    It 'creates, lists and removes a usage trigger through the pipeline' {
        $trigger = New-TwilioUsageTrigger -UsageCategory totalprice -TriggerBy price -TriggerValue 100 -Recurring monthly -CallbackUrl 'https://example.com/spend' -ErrorAction Stop
        $trigger.TriggerValue | Should -Be 100
        @(Get-TwilioUsageTrigger -UsageCategory totalprice -ErrorAction Stop) | Should -HaveCount 1
        Get-TwilioUsageTrigger | Remove-TwilioUsageTrigger -Force -ErrorAction Stop
        @(Get-TwilioUsageTrigger -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'an unknown category names the input and the categories close to it' {
        Assert-TestBindingError -Refused 'sms-out' -CommandType 'TwilioPS.Cmdlets.Usage.GetTwilioUsageRecordCommand' -Invoke {
            Get-TwilioUsageRecord -Category 'sms-out' -ErrorAction Stop
        }
        { Get-TwilioUsageRecord -Category 'sms-out' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*sms-outbound*'
    }

    It 'refuses a start date after the end date with StartDateAfterEndDate' {
        { Get-TwilioUsageRecord -StartDate '2024-03-31' -EndDate '2024-03-01' -ErrorAction Stop } |
            Should -Throw -ErrorId 'StartDateAfterEndDate,TwilioPS.Cmdlets.Usage.GetTwilioUsageRecordCommand'
    }

    It 'reads this month''s usage of the account piped in (Get-TwilioAccount | Get-TwilioUsageRecord)' {
        $records = @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioUsageRecord -Period ThisMonth -Category calls -ErrorAction Stop)
        $records | Should -HaveCount 1
        $records[0].Category | Should -Be 'calls'
        $records[0].AccountSid | Should -Be $EmulatorAccountSid
    }

    It 'creates a trigger with -WhatIf nowhere, and changes and removes one piped in' {
        New-TwilioUsageTrigger -UsageCategory sms -TriggerValue 10 -CallbackUrl 'https://example.com/sms-cap' -WhatIf | Should -BeNullOrEmpty
        @(Get-TwilioUsageTrigger -ErrorAction Stop) | Should -HaveCount 0

        $trigger = New-TwilioUsageTrigger -UsageCategory sms -TriggerValue 10 -CallbackUrl 'https://example.com/sms-cap' -ErrorAction Stop
        $trigger | Should -BeOfType ([TwilioPS.Models.TwilioUsageTrigger])
        $trigger.Sid | Should -Match '^UT[0-9a-f]{32}$'
        ($trigger | Get-TwilioUsageTrigger -ErrorAction Stop).Sid | Should -Be $trigger.Sid

        $trigger | Set-TwilioUsageTrigger -FriendlyName 'SMS cap' -WhatIf
        (Get-TwilioUsageTrigger -UsageTriggerSid $trigger.Sid -ErrorAction Stop).FriendlyName | Should -Not -Be 'SMS cap'
        $renamed = $trigger | Set-TwilioUsageTrigger -FriendlyName 'SMS cap' -ErrorAction Stop
        $renamed.FriendlyName | Should -Be 'SMS cap'

        $trigger | Remove-TwilioUsageTrigger -WhatIf
        @(Get-TwilioUsageTrigger -ErrorAction Stop) | Should -HaveCount 1
        $trigger | Remove-TwilioUsageTrigger -Confirm:$false -ErrorAction Stop
        Assert-TestNotFound -Sid $trigger.Sid -CommandType 'TwilioPS.Cmdlets.Usage.GetTwilioUsageTriggerCommand' -Invoke {
            Get-TwilioUsageTrigger -UsageTriggerSid $trigger.Sid -ErrorAction Stop
        }
    }

    It 'refuses <Case> before any request' -ForEach @(
        @{ Case = 'a negative trigger value'; ErrorId = 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Usage.NewTwilioUsageTriggerCommand'; Invoke = { New-TwilioUsageTrigger -UsageCategory calls -TriggerValue '-5' -CallbackUrl 'https://example.com/t' -ErrorAction Stop } }
        @{ Case = 'a callback that is not HTTP'; ErrorId = 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Usage.NewTwilioUsageTriggerCommand'; Invoke = { New-TwilioUsageTrigger -UsageCategory calls -TriggerValue 10 -CallbackUrl 'ftp://example.com/t' -ErrorAction Stop } }
        @{ Case = 'a change with nothing to change'; ErrorId = 'NothingToUpdate,TwilioPS.Cmdlets.Usage.SetTwilioUsageTriggerCommand'; Invoke = { Set-TwilioUsageTrigger -UsageTriggerSid 'UT0123456789abcdef0123456789abcdef' -ErrorAction Stop } }
    ) {
        $Invoke | Should -Throw -ErrorId $ErrorId
        @(Get-TwilioUsageTrigger -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'reads the balance of the account piped in (Get-TwilioAccount | Get-TwilioBalance)' {
        $balance = Get-TwilioAccount -ErrorAction Stop | Get-TwilioBalance -ErrorAction Stop
        $balance | Should -BeOfType ([TwilioPS.Models.TwilioBalance])
        $balance.Balance | Should -BeOfType ([decimal])
    }

    It 'shows a balance below the starting 20 USD once calls are billed' {
        $balance = Get-TwilioBalance -ErrorAction Stop
        $balance.Balance | Should -BeLessThan 20
        $balance.Currency | Should -Be 'USD'
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioUsageTrigger'; Impact = 'High' }
        @{ Command = 'New-TwilioUsageTrigger'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioUsageTrigger'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
