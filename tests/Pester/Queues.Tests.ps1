# Queues and their members: callers wait in a queue (a day of emulated time on a fast clock) while the
# tests list, pop and change them.

Describe 'Queues' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -ClockSpeed 20 -CallDuration 86400
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        $agentUrl = 'https://example.com/twiml/agent'
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'New-TwilioQueue, Get-TwilioQueue, Set-TwilioQueue, Remove-TwilioQueue' {
        It 'creates one queue per name piped in, as typed objects' {
            $queues = @('support', 'sales', 'billing' | New-TwilioQueue -ErrorAction Stop)
            $queues | Should -HaveCount 3
            $queues[0] | Should -BeOfType ([TwilioPS.Models.TwilioQueue])
            $queues[0].Sid | Should -Match '^QU[0-9a-f]{32}$'
            @($queues | ForEach-Object { $_.FriendlyName }) | Should -Be @('support', 'sales', 'billing')
        }

        It 'matches names with wildcards locally and gets a queue by SID and from the pipeline' {
            @(Get-TwilioQueue -FriendlyName 's*' -ErrorAction Stop | ForEach-Object { $_.FriendlyName } | Sort-Object) | Should -Be @('sales', 'support')
            $sales = Get-TwilioQueue -FriendlyName 'sales' -ErrorAction Stop
            (Get-TwilioQueue -QueueSid $sales.Sid -ErrorAction Stop).FriendlyName | Should -Be 'sales'
            ($sales | Get-TwilioQueue -ErrorAction Stop).Sid | Should -Be $sales.Sid
        }

        It 'Set-TwilioQueue changes the size from the pipeline; -WhatIf changes nothing' {
            $sales = Get-TwilioQueue -FriendlyName 'sales' -ErrorAction Stop
            $sales | Set-TwilioQueue -MaxSize 10 -WhatIf
            (Get-TwilioQueue -QueueSid $sales.Sid -ErrorAction Stop).MaxSize | Should -Not -Be 10
            ($sales | Set-TwilioQueue -MaxSize 10 -ErrorAction Stop).MaxSize | Should -Be 10
        }

        It 'Set-TwilioQueue with nothing to change fails with NothingToUpdate' {
            { Set-TwilioQueue -QueueSid (Get-TwilioQueue -FriendlyName 'sales' -ErrorAction Stop).Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'NothingToUpdate,TwilioPS.Cmdlets.Queues.SetTwilioQueueCommand'
        }

        It 'New-TwilioQueue refuses a -MaxSize over 5000 at parameter binding, naming the input, and creates nothing' {
            Assert-TestBindingError -Refused '5001' -CommandType 'TwilioPS.Cmdlets.Queues.NewTwilioQueueCommand' -Invoke {
                New-TwilioQueue -FriendlyName 'huge' -MaxSize 5001 -ErrorAction Stop
            }
            @(Get-TwilioQueue -FriendlyName 'huge' -ErrorAction Stop) | Should -HaveCount 0
        }

        It 'New-TwilioQueue -WhatIf creates nothing' {
            New-TwilioQueue -FriendlyName 'ghost' -WhatIf | Should -BeNullOrEmpty
            @(Get-TwilioQueue -FriendlyName 'ghost' -ErrorAction Stop) | Should -HaveCount 0
        }

        It 'Remove-TwilioQueue -WhatIf keeps the queue; -Force from the pipeline deletes it' {
            $billing = Get-TwilioQueue -FriendlyName 'billing' -ErrorAction Stop
            $billing | Remove-TwilioQueue -WhatIf
            (Get-TwilioQueue -QueueSid $billing.Sid -ErrorAction Stop).Sid | Should -Be $billing.Sid

            $billing | Remove-TwilioQueue -Force -ErrorAction Stop
            Assert-TestNotFound -Sid $billing.Sid -CommandType 'TwilioPS.Cmdlets.Queues.GetTwilioQueueCommand' -Invoke {
                Get-TwilioQueue -QueueSid $billing.Sid -ErrorAction Stop
            }
        }
    }

    Context 'Members' {
        BeforeAll {
            $waiting = @('+14155550111', '+14155550112', '+14155550113' |
                    New-TwilioCall -From $TestFrom -Twiml '<Response><Enqueue>waiting</Enqueue></Response>' -ErrorAction Stop)
            $queue = Wait-TestCondition {
                $found = Get-TwilioQueue -FriendlyName 'waiting' -ErrorAction Stop
                if ($found -and @(Get-TwilioQueueMember -QueueSid $found.Sid -ErrorAction Stop).Count -eq 3) { $found }
            }
        }

        It 'lists the waiting callers from the queue piped in (Get-TwilioQueue | Get-TwilioQueueMember)' {
            $members = @($queue | Get-TwilioQueueMember -ErrorAction Stop)
            $members | Should -HaveCount 3
            $members[0] | Should -BeOfType ([TwilioPS.Models.TwilioQueueMember])
            @($members | ForEach-Object { $_.CallSid } | Sort-Object) | Should -Be @($waiting | ForEach-Object { $_.Sid } | Sort-Object)
        }

        It 'pipes a member to its call and to its queue' {
            $member = Get-TwilioQueueMember -QueueSid $queue.Sid -CallSid $waiting[0].Sid -ErrorAction Stop
            ($member | Get-TwilioCall -ErrorAction Stop).Sid | Should -Be $waiting[0].Sid
            ($member | Get-TwilioQueue -ErrorAction Stop).Sid | Should -Be $queue.Sid
        }

        It 'Pop-TwilioQueueMember -WhatIf takes nobody out' {
            $queue | Pop-TwilioQueueMember -Url $agentUrl -WhatIf | Should -BeNullOrEmpty
            @(Get-TwilioQueueMember -QueueSid $queue.Sid -ErrorAction Stop) | Should -HaveCount 3
        }

        It 'pops the front caller of the queue piped in (Get-TwilioQueue | Pop-TwilioQueueMember)' {
            $front = Get-TwilioQueueMember -QueueSid $queue.Sid -First 1 -ErrorAction Stop
            $popped = $queue | Pop-TwilioQueueMember -Url $agentUrl -ErrorAction Stop
            $popped | Should -BeOfType ([TwilioPS.Models.TwilioQueueMember])
            $popped.CallSid | Should -Be $front.CallSid
            @(Get-TwilioQueueMember -QueueSid $queue.Sid -ErrorAction Stop | ForEach-Object { $_.CallSid }) | Should -Not -Contain $front.CallSid
        }

        It 'pops the members piped in (Get-TwilioQueueMember | Pop-TwilioQueueMember)' {
            $popped = @(Get-TwilioQueueMember -QueueSid $queue.Sid -ErrorAction Stop | Pop-TwilioQueueMember -Url $agentUrl -ErrorAction Stop)
            $popped | Should -HaveCount 2
            @(Get-TwilioQueueMember -QueueSid $queue.Sid -ErrorAction Stop) | Should -HaveCount 0
        }

        It 'Pop-TwilioQueueMember refuses a relative -Url at parameter binding, naming the input' {
            Assert-TestBindingError -Refused '/agent' -CommandType 'TwilioPS.Cmdlets.Queues.PopTwilioQueueMemberCommand' -Invoke {
                Pop-TwilioQueueMember -QueueSid $queue.Sid -Url '/agent' -ErrorAction Stop
            }
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioQueue'; Impact = 'High' }
        @{ Command = 'New-TwilioQueue'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioQueue'; Impact = 'Medium' }
        @{ Command = 'Pop-TwilioQueueMember'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
