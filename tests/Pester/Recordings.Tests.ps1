# Recordings against an emulator seeded with finished recordings, and a live call on a fast clock for
# Start-TwilioRecording and Set-TwilioRecording.

Describe 'Recordings' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedRecordings 3 -ClockSpeed 20 -CallDuration 86400
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        $longCall = '<Response><Pause length="86400"/></Response>'
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Get-TwilioRecording' {
        It 'lists the seeded recordings as typed objects' {
            $recordings = @(Get-TwilioRecording -ErrorAction Stop)
            $recordings | Should -HaveCount 3
            $recordings[0] | Should -BeOfType ([TwilioPS.Models.TwilioRecording])
            $recordings[0].Sid | Should -Match '^RE[0-9a-f]{32}$'
            $recordings[0].CallSid | Should -Match '^CA[0-9a-f]{32}$'
            $recordings[0].Status | Should -Be 'completed'
            $recordings[0].Price | Should -BeOfType ([decimal])
        }

        It 'gets a recording by SID, from the pipeline too' {
            $first = Get-TwilioRecording -First 1 -ErrorAction Stop
            (Get-TwilioRecording -RecordingSid $first.Sid -ErrorAction Stop).Sid | Should -Be $first.Sid
            ($first | Get-TwilioRecording -ErrorAction Stop).Sid | Should -Be $first.Sid
        }

        It 'lists the recordings of a call piped in (Get-TwilioCall | Get-TwilioRecording)' {
            $recording = Get-TwilioRecording -First 1 -ErrorAction Stop
            $ofCall = @(Get-TwilioCall -CallSid $recording.CallSid -ErrorAction Stop | Get-TwilioRecording -ErrorAction Stop)
            @($ofCall | ForEach-Object { $_.Sid }) | Should -Contain $recording.Sid
            @($ofCall | Where-Object { $_.CallSid -ne $recording.CallSid }) | Should -HaveCount 0
        }

        It 'pipes a recording to the call it recorded (Get-TwilioRecording | Get-TwilioCall)' {
            $recording = Get-TwilioRecording -First 1 -ErrorAction Stop
            ($recording | Get-TwilioCall -ErrorAction Stop).Sid | Should -Be $recording.CallSid
        }

        It 'refuses a SID of another kind at parameter binding, naming the input' {
            Assert-TestBindingError -Refused 'CA0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.Recordings.GetTwilioRecordingCommand' -Invoke {
                Get-TwilioRecording -RecordingSid 'CA0123456789abcdef0123456789abcdef' -ErrorAction Stop
            }
        }

        It 'an unknown recording fails with Twilio20404 and the SID as TargetObject' {
            $unknown = 'RE' + ('0' * 32)
            Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.Recordings.GetTwilioRecordingCommand' -Invoke {
                Get-TwilioRecording -RecordingSid $unknown -ErrorAction Stop
            }
        }
    }

    Context 'Save-TwilioRecording' {
        It 'saves every recording as audio named after its SID (Get-TwilioRecording | Save-TwilioRecording)' {
            $folder = Join-Path $TestDrive 'audio'
            $null = New-Item -ItemType Directory -Path $folder

            $files = @(Get-TwilioRecording -ErrorAction Stop | Save-TwilioRecording -Path $folder -PassThru -ErrorAction Stop)

            $files | Should -HaveCount 3
            $files[0] | Should -BeOfType ([System.IO.FileInfo])
            $expected = @(Get-TwilioRecording -ErrorAction Stop | ForEach-Object { $_.Sid + '.wav' } | Sort-Object)
            @(Get-ChildItem -LiteralPath $folder | ForEach-Object { $_.Name } | Sort-Object) | Should -Be $expected
            $header = [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($files[0].FullName), 0, 4)
            $header | Should -Be 'RIFF'
        }

        It 'keeps an existing file unless -Force, with the recording as TargetObject' {
            $recording = Get-TwilioRecording -First 1 -ErrorAction Stop
            $target = Join-Path $TestDrive ($recording.Sid + '.wav')
            Set-Content -LiteralPath $target -Value 'keep me'

            $errors = $null
            Save-TwilioRecording -RecordingSid $recording.Sid -Path $TestDrive -ErrorAction SilentlyContinue -ErrorVariable errors
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
            $errors[0].TargetObject | Should -Be $recording.Sid
            Get-Content -LiteralPath $target | Should -Be 'keep me'

            Save-TwilioRecording -RecordingSid $recording.Sid -Path $TestDrive -Force -ErrorAction Stop
            Get-Content -LiteralPath $target -Raw | Should -Not -Be "keep me$([Environment]::NewLine)"
        }

        It 'saves MP3 with -Format mp3' {
            $file = Get-TwilioRecording -First 1 -ErrorAction Stop | Save-TwilioRecording -Path (Join-Path $TestDrive 'one.mp3') -Format mp3 -PassThru -ErrorAction Stop
            $bytes = [System.IO.File]::ReadAllBytes($file.FullName)
            $bytes[0] | Should -Be 0xFF
        }
    }

    Context 'A live call' {
        BeforeAll {
            $live = New-TwilioCall -To $TestTo -From $TestFrom -Twiml $longCall -ErrorAction Stop
            $null = Wait-TestCallStatus -Sid $live.Sid -Status 'in-progress'
        }

        AfterAll {
            $null = Set-TwilioCall -CallSid $live.Sid -Status completed -ErrorAction SilentlyContinue
        }

        It 'Start-TwilioRecording records it and pipes to Set-TwilioRecording through its call' {
            $recording = Get-TwilioCall -CallSid $live.Sid -ErrorAction Stop | Start-TwilioRecording -ErrorAction Stop
            $recording | Should -BeOfType ([TwilioPS.Models.TwilioRecording])
            $recording.CallSid | Should -Be $live.Sid

            $paused = $recording | Set-TwilioRecording -Status paused -ErrorAction Stop
            $paused.Status | Should -Be 'paused'
            ($recording | Set-TwilioRecording -Status in-progress -ErrorAction Stop).Status | Should -Be 'in-progress'
        }

        It 'Start-TwilioRecording -WhatIf starts nothing' {
            $before = @(Get-TwilioRecording -CallSid $live.Sid -ErrorAction Stop).Count
            Start-TwilioRecording -CallSid $live.Sid -WhatIf | Should -BeNullOrEmpty
            @(Get-TwilioRecording -CallSid $live.Sid -ErrorAction Stop).Count | Should -Be $before
        }

        It 'Set-TwilioRecording without its call or conference fails before any request, carrying the SID' {
            $record = { Set-TwilioRecording -RecordingSid 'RE0123456789abcdef0123456789abcdef' -Status paused -ErrorAction Stop } |
                Should -Throw -ErrorId 'RecordingParentMissing,TwilioPS.Cmdlets.Recordings.SetTwilioRecordingCommand' -PassThru
            $record.TargetObject | Should -Be 'RE0123456789abcdef0123456789abcdef'
        }

        It 'Set-TwilioRecording refuses a status Twilio does not know at parameter binding' {
            { Set-TwilioRecording -RecordingSid 'RE0123456789abcdef0123456789abcdef' -CallSid $live.Sid -Status 'deleted' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Recordings.SetTwilioRecordingCommand'
        }
    }

    Context 'Remove-TwilioRecording' {
        It '-WhatIf deletes nothing' {
            $kept = Get-TwilioRecording -First 1 -ErrorAction Stop
            Remove-TwilioRecording -RecordingSid $kept.Sid -WhatIf
            (Get-TwilioRecording -RecordingSid $kept.Sid -ErrorAction Stop).Sid | Should -Be $kept.Sid
        }

        It '-Confirm:$false deletes; then the recording is gone' {
            $victim = Get-TwilioRecording -First 1 -ErrorAction Stop
            Remove-TwilioRecording -RecordingSid $victim.Sid -Confirm:$false -ErrorAction Stop | Should -BeNullOrEmpty
            { Get-TwilioRecording -RecordingSid $victim.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Recordings.GetTwilioRecordingCommand'
        }

        It 'takes recordings from the pipeline with -Force' {
            $victim = Get-TwilioRecording -First 1 -ErrorAction Stop
            $victim | Remove-TwilioRecording -Force -ErrorAction Stop
            @(Get-TwilioRecording -All -ErrorAction Stop | Where-Object { $_.Sid -eq $victim.Sid }) | Should -HaveCount 0
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioRecording'; Impact = 'High' }
        @{ Command = 'Start-TwilioRecording'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioRecording'; Impact = 'Medium' }
        @{ Command = 'Save-TwilioRecording'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
