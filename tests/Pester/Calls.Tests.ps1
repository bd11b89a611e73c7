# The Calls cmdlets against the in-process emulator: paging, creating, the pipeline, errors, throttling.
# Each Context connects itself; the paging Context has an emulator of its own so its counts are exact.

Describe 'Calls' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 150
        $unknownCallSid = 'CA' + ('0' * 32)
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Get-TwilioCall paging' {
        BeforeAll {
            # Nothing else creates calls here: exactly the 150 seeded ones.
            $pagingEmulator = Start-TwilioEmulator -SeedCalls 150
            $null = Connect-TestEmulator -Emulator $pagingEmulator
            $everyCall = @(Get-TwilioCall -All -PageSize 1000 -ErrorAction Stop)
        }

        AfterAll {
            Disconnect-Twilio
            $pagingEmulator | Stop-TwilioEmulator
        }

        It 'returns the first page (50 calls) without -All' {
            @(Get-TwilioCall -ErrorAction Stop) | Should -HaveCount 50
        }

        It '-All returns all 150 seeded calls, each once' {
            $calls = @(Get-TwilioCall -All -ErrorAction Stop)
            $calls | Should -HaveCount 150
            @($calls | ForEach-Object { $_.Sid } | Sort-Object -Unique) | Should -HaveCount 150
            $calls[0] | Should -BeOfType ([TwilioPS.Models.TwilioCall])
            $calls[0].Sid | Should -Match '^CA[0-9a-fA-F]{32}$'
        }

        It '-First 77 returns exactly 77' {
            $calls = @(Get-TwilioCall -First 77 -ErrorAction Stop)
            $calls | Should -HaveCount 77
            @($calls | ForEach-Object { $_.Sid }) | Should -Be @($everyCall[0..76] | ForEach-Object { $_.Sid })
        }

        It '-First 120 -PageSize 50 returns exactly 120 across three pages' {
            $calls = @(Get-TwilioCall -First 120 -PageSize 50 -ErrorAction Stop)
            $calls | Should -HaveCount 120
            @($calls | ForEach-Object { $_.Sid }) | Should -Be @($everyCall[0..119] | ForEach-Object { $_.Sid })
        }

        It '-Skip 100 -First 10 returns calls 101 to 110' {
            $calls = @(Get-TwilioCall -Skip 100 -First 10 -ErrorAction Stop)
            $calls | Should -HaveCount 10
            @($calls | ForEach-Object { $_.Sid }) | Should -Be @($everyCall[100..109] | ForEach-Object { $_.Sid })
        }

        It '-All -Skip 140 returns the last 10' {
            $calls = @(Get-TwilioCall -All -Skip 140 -ErrorAction Stop)
            $calls | Should -HaveCount 10
            @($calls | ForEach-Object { $_.Sid }) | Should -Be @($everyCall[140..149] | ForEach-Object { $_.Sid })
        }

        It '-First 0 returns nothing' {
            @(Get-TwilioCall -First 0 -ErrorAction Stop) | Should -HaveCount 0
        }

        It 'filters by -Status on the server' {
            $completed = @(Get-TwilioCall -Status completed -All -ErrorAction Stop)
            $completed.Count | Should -BeGreaterThan 0
            @($completed | Where-Object { $_.Status -ne 'completed' }) | Should -HaveCount 0
            $completed.Count | Should -Be @($everyCall | Where-Object { $_.Status -eq 'completed' }).Count
        }
    }

    Context 'New-TwilioCall' {
        BeforeAll {
            $null = Connect-TestEmulator -Emulator $emulator
        }

        It 'places a call with -Url' {
            $call = New-TwilioCall -To $TestTo -From $TestFrom -Url $TestTwimlUrl -ErrorAction Stop

            $call | Should -BeOfType ([TwilioPS.Models.TwilioCall])
            $call.Sid | Should -Match '^CA[0-9a-fA-F]{32}$'
            $call.To | Should -Be $TestTo
            $call.From | Should -Be $TestFrom
            $call.AccountSid | Should -Be $EmulatorAccountSid
            (Get-TwilioCall -Sid $call.Sid -ErrorAction Stop).Sid | Should -Be $call.Sid
        }

        It 'places a call with -Twiml' {
            $call = New-TwilioCall -To $TestTo -From $TestFrom -Twiml '<Response><Say>Hello from TwilioPS</Say></Response>' -ErrorAction Stop
            $call.Sid | Should -Match '^CA[0-9a-fA-F]{32}$'
            (Get-TwilioCall -Sid $call.Sid -ErrorAction Stop).To | Should -Be $TestTo
        }

        It 'places a call with -ApplicationSid' {
            $call = New-TwilioCall -To 'client:alice' -From $TestFrom -ApplicationSid ('AP' + ('a' * 32)) -ErrorAction Stop
            $call.Sid | Should -Match '^CA[0-9a-fA-F]{32}$'
            $call.To | Should -Be 'client:alice'
        }

        It 'sends nothing with -WhatIf' {
            $before = Get-TestCallCount
            $result = New-TwilioCall -To $TestTo -From $TestFrom -Url $TestTwimlUrl -WhatIf
            $result | Should -BeNullOrEmpty
            Get-TestCallCount | Should -Be $before
        }

        It 'rejects -To ''555-1234'' at parameter binding, before any request' {
            $before = Get-TestCallCount
            $record = { New-TwilioCall -To '555-1234' -From $TestFrom -Url $TestTwimlUrl -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Calls.NewTwilioCallCommand' -PassThru

            $record.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
            $record.Exception.Message | Should -BeLike '*E.164*'
            Get-TestCallCount | Should -Be $before
        }

        It 'rejects <Case> at parameter binding' -ForEach @(
            @{ Case = 'a -From that is not a number'; Invoke = { New-TwilioCall -To '+14155550100' -From 'Acme' -Url 'https://example.com/twiml' -ErrorAction Stop } }
            @{ Case = 'a relative -Url'; Invoke = { New-TwilioCall -To '+14155550100' -From '+15005550006' -Url '/twiml' -ErrorAction Stop } }
            @{ Case = 'an -ApplicationSid that is not AP...'; Invoke = { New-TwilioCall -To '+14155550100' -From '+15005550006' -ApplicationSid ('CA' + ('a' * 32)) -ErrorAction Stop } }
        ) {
            $Invoke | Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Calls.NewTwilioCallCommand'
        }
    }

    Context 'Pipeline' {
        BeforeAll {
            $null = Connect-TestEmulator -Emulator $emulator
        }

        It 'ends calls in progress: Get-TwilioCall -Status in-progress | Set-TwilioCall -Status completed' {
            $call = New-TwilioCall -To '+14155550142' -From $TestFrom -Url $TestTwimlUrl -ErrorAction Stop
            Wait-TestCallStatus -Sid $call.Sid -Status 'in-progress' | Should -Be 'in-progress'

            $ended = @(Get-TwilioCall -Status in-progress -ErrorAction Stop | Set-TwilioCall -Status completed -ErrorAction Stop)

            @($ended | ForEach-Object { $_.Sid }) | Should -Contain $call.Sid
            @($ended | Where-Object { $_.Status -ne 'completed' }) | Should -HaveCount 0
            (Get-TwilioCall -Sid $call.Sid -ErrorAction Stop).Status | Should -Be 'completed'
            @(Get-TwilioCall -Status in-progress -ErrorAction Stop | Where-Object { $_.Sid -eq $call.Sid }) | Should -HaveCount 0
        }

        It 'places one call per row of a CSV file (Import-Csv | New-TwilioCall)' {
            $csvPath = Join-Path $TestDrive 'calls.csv'
            Set-Content -LiteralPath $csvPath -Encoding UTF8 -Value @(
                'To,From,Url'
                '+14155550111,+15005550006,https://example.com/twiml/first'
                '+14155550112,+15005550006,https://example.com/twiml/second'
                '+14155550113,+15005550006,https://example.com/twiml/third'
            )
            $rows = @(Import-Csv -LiteralPath $csvPath)
            $before = Get-TestCallCount

            $created = @(Import-Csv -LiteralPath $csvPath | New-TwilioCall -ErrorAction Stop)

            $created | Should -HaveCount 3
            @($created | ForEach-Object { $_.To }) | Should -Be @($rows | ForEach-Object { $_.To })
            @($created | ForEach-Object { $_.From }) | Should -Be @('+15005550006', '+15005550006', '+15005550006')
            @($created | ForEach-Object { $_.Sid } | Sort-Object -Unique) | Should -HaveCount 3
            Get-TestCallCount | Should -Be ($before + 3)
        }

        It 'gets calls by SID from the pipeline' {
            $sids = @(Get-TwilioCall -First 3 -ErrorAction Stop | ForEach-Object { $_.Sid })
            $fetched = @($sids | Get-TwilioCall -ErrorAction Stop)
            @($fetched | ForEach-Object { $_.Sid }) | Should -Be $sids
        }
    }

    Context 'Errors' {
        BeforeAll {
            $null = Connect-TestEmulator -Emulator $emulator
        }

        It 'an unknown SID fails with Twilio20404, ObjectNotFound, and the SID as TargetObject' {
            $record = { Get-TwilioCall -Sid $unknownCallSid -ErrorAction Stop } |
                Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand' -PassThru

            $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $record.TargetObject | Should -Be $unknownCallSid
            $record.ErrorDetails.RecommendedAction | Should -BeLike '*twilio.com/docs/errors/20404*'
        }

        It 'an unknown SID is a non-terminating error: the script carries on' {
            $errors = $null
            $result = Get-TwilioCall -Sid $unknownCallSid -ErrorAction SilentlyContinue -ErrorVariable errors
            $carriedOn = $true

            $carriedOn | Should -BeTrue
            $result | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].TargetObject | Should -Be $unknownCallSid
        }

        It 'one bad SID among good ones fails only that one' {
            $good = @(Get-TwilioCall -First 2 -ErrorAction Stop | ForEach-Object { $_.Sid })
            $errors = $null
            $fetched = @(@($good[0], $unknownCallSid, $good[1]) | Get-TwilioCall -ErrorAction SilentlyContinue -ErrorVariable errors)

            @($fetched | ForEach-Object { $_.Sid }) | Should -Be $good
            $errors | Should -HaveCount 1
            $errors[0].TargetObject | Should -Be $unknownCallSid
        }
    }

    Context 'Remove-TwilioCall' {
        BeforeAll {
            $null = Connect-TestEmulator -Emulator $emulator
        }

        It '-Force deletes a completed call; Get-TwilioCall -Sid then fails with 20404' {
            $victim = Get-TwilioCall -Status completed -First 1 -ErrorAction Stop
            $victim | Should -Not -BeNullOrEmpty

            Remove-TwilioCall -Sid $victim.Sid -Force -ErrorAction Stop | Should -BeNullOrEmpty

            { Get-TwilioCall -Sid $victim.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
        }

        It '-WhatIf deletes nothing' {
            $kept = Get-TwilioCall -Status completed -First 1 -ErrorAction Stop
            Remove-TwilioCall -Sid $kept.Sid -WhatIf
            (Get-TwilioCall -Sid $kept.Sid -ErrorAction Stop).Sid | Should -Be $kept.Sid
        }

        It 'takes calls from the pipeline' {
            $victims = @(Get-TwilioCall -Status completed -First 2 -ErrorAction Stop)
            $victims | Should -HaveCount 2

            $victims | Remove-TwilioCall -Force -ErrorAction Stop

            foreach ($victim in $victims) {
                { Get-TwilioCall -Sid $victim.Sid -ErrorAction Stop } |
                    Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
            }
        }
    }

    Context 'Set-TwilioCall' {
        BeforeAll {
            # A call that stays in progress: a day of emulated time on a fast clock.
            $liveEmulator = Start-TwilioEmulator -ClockSpeed 20 -CallDuration 86400
            $null = Connect-TestEmulator -Emulator $liveEmulator -CallsPerSecond 100
            $live = New-TwilioCall -To $TestTo -From $TestFrom -Twiml '<Response><Pause length="86400"/></Response>' -ErrorAction Stop
            $null = Wait-TestCallStatus -Sid $live.Sid -Status 'in-progress'
        }

        AfterAll {
            Disconnect-Twilio
            $liveEmulator | Stop-TwilioEmulator
        }

        It '-WhatIf changes nothing' {
            Set-TwilioCall -CallSid $live.Sid -Status completed -WhatIf | Should -BeNullOrEmpty
            (Get-TwilioCall -CallSid $live.Sid -ErrorAction Stop).Status | Should -Be 'in-progress'
        }

        It 'redirects a call in progress to new TwiML and returns the call typed' {
            $redirected = Get-TwilioCall -CallSid $live.Sid -ErrorAction Stop | Set-TwilioCall -Twiml '<Response><Pause length="86400"/></Response>' -ErrorAction Stop
            $redirected | Should -BeOfType ([TwilioPS.Models.TwilioCall])
            $redirected.Sid | Should -Be $live.Sid
            $redirected.Status | Should -Be 'in-progress'
        }

        It 'with nothing to change fails with NothingToUpdate before any request' {
            { Set-TwilioCall -CallSid $live.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'NothingToUpdate,TwilioPS.Cmdlets.Calls.SetTwilioCallCommand'
            (Get-TwilioCall -CallSid $live.Sid -ErrorAction Stop).Status | Should -Be 'in-progress'
        }

        It 'refuses <Case> at parameter binding, naming the input' -ForEach @(
            @{ Case = 'a status Twilio does not take'; Refused = 'busy'; Invoke = { Set-TwilioCall -CallSid ('CA' + ('0' * 32)) -Status busy -ErrorAction Stop } }
            @{ Case = 'a relative -Url'; Refused = '/twiml'; Invoke = { Set-TwilioCall -CallSid ('CA' + ('0' * 32)) -Url '/twiml' -ErrorAction Stop } }
        ) {
            Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType 'TwilioPS.Cmdlets.Calls.SetTwilioCallCommand'
        }

        It 'hangs up the call piped in with -Status completed' {
            $ended = Get-TwilioCall -CallSid $live.Sid -ErrorAction Stop | Set-TwilioCall -Status completed -ErrorAction Stop
            $ended.Status | Should -Be 'completed'
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioCall'; Impact = 'High' }
        @{ Command = 'New-TwilioCall'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioCall'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }

    Context 'Calls-per-second throttle' {
        It 'waits between quick calls at -CallsPerSecond 1 and says so with -Verbose' {
            $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 1

            # Three calls back to back: at one call per second at least one of them has to wait.
            $records = @(1..3 | ForEach-Object {
                    New-TwilioCall -To $TestTo -From $TestFrom -Url $TestTwimlUrl -Verbose -ErrorAction Stop 4>&1
                })

            $calls = @($records | Where-Object { $_ -is [TwilioPS.Models.TwilioCall] })
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
            $calls | Should -HaveCount 3
            ($verbose -join [Environment]::NewLine) | Should -Match 'calls-per-second'
        }
    }
}
