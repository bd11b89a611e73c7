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

    It 'shows a balance below the starting 20 USD once calls are billed' {
        $balance = Get-TwilioBalance -ErrorAction Stop
        $balance.Balance | Should -BeLessThan 20
        $balance.Currency | Should -Be 'USD'
    }
}
