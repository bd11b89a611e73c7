# Transcriptions of the emulator's seeded recordings: listing, by recording, saving the text, removing.

Describe 'Transcriptions' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedRecordings 3
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'lists one typed transcription per seeded recording, with its text' {
        $transcriptions = @(Get-TwilioTranscription -ErrorAction Stop)
        $transcriptions | Should -HaveCount 3
        $transcriptions[0] | Should -BeOfType ([TwilioPS.Models.TwilioTranscription])
        $transcriptions[0].Sid | Should -Match '^TR[0-9a-f]{32}$'
        $transcriptions[0].RecordingSid | Should -Match '^RE[0-9a-f]{32}$'
        $transcriptions[0].TranscriptionText | Should -BeLike 'This is a test message from*'
        $transcriptions[0].Price | Should -BeOfType ([decimal])
    }

    It 'lists a recording''s transcriptions from the pipeline (Get-TwilioRecording | Get-TwilioTranscription)' {
        $recording = Get-TwilioRecording -First 1 -ErrorAction Stop
        $transcriptions = @($recording | Get-TwilioTranscription -ErrorAction Stop)
        $transcriptions | Should -HaveCount 1
        $transcriptions[0].RecordingSid | Should -Be $recording.Sid
    }

    It 'gets a transcription by SID with -IncludeText' {
        $first = Get-TwilioTranscription -First 1 -ErrorAction Stop
        $fetched = Get-TwilioTranscription -TranscriptionSid $first.Sid -IncludeText -ErrorAction Stop
        $fetched.Sid | Should -Be $first.Sid
        $fetched.TranscriptionText | Should -Be $first.TranscriptionText
    }

    It 'saves the text of each transcription (Get-TwilioTranscription | Save-TwilioTranscription)' {
        $files = @(Get-TwilioTranscription -ErrorAction Stop | Save-TwilioTranscription -Path $TestDrive -PassThru -ErrorAction Stop)
        $files | Should -HaveCount 3
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        Get-Content -LiteralPath $files[0].FullName -Raw | Should -BeLike 'This is a test message from*'
    }

    It 'keeps an existing text file unless -Force, with the transcription as TargetObject' {
        $transcription = Get-TwilioTranscription -First 1 -ErrorAction Stop
        $folder = Join-Path $TestDrive 'again'
        $null = New-Item -ItemType Directory -Path $folder
        $first = Save-TwilioTranscription -TranscriptionSid $transcription.Sid -Path $folder -PassThru -ErrorAction Stop
        Set-Content -LiteralPath $first.FullName -Value 'keep me'

        $errors = $null
        Save-TwilioTranscription -TranscriptionSid $transcription.Sid -Path $folder -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
        $errors[0].TargetObject | Should -Be $transcription.Sid
        Get-Content -LiteralPath $first.FullName | Should -Be 'keep me'
    }

    It 'refuses a SID of another kind at parameter binding, naming the input' {
        Assert-TestBindingError -Refused 'RE0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.Transcriptions.GetTwilioTranscriptionCommand' -Invoke {
            Get-TwilioTranscription -TranscriptionSid 'RE0123456789abcdef0123456789abcdef' -ErrorAction Stop
        }
    }

    It 'an unknown transcription fails with Twilio20404 and the SID as TargetObject' {
        $unknown = 'TR' + ('0' * 32)
        Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.Transcriptions.GetTwilioTranscriptionCommand' -Invoke {
            Get-TwilioTranscription -TranscriptionSid $unknown -ErrorAction Stop
        }
    }

    It 'Remove-TwilioTranscription -WhatIf deletes nothing; -Force deletes through the pipeline' {
        $victim = Get-TwilioTranscription -First 1 -ErrorAction Stop
        $victim | Remove-TwilioTranscription -WhatIf
        (Get-TwilioTranscription -TranscriptionSid $victim.Sid -ErrorAction Stop).Sid | Should -Be $victim.Sid

        $victim | Remove-TwilioTranscription -Force -ErrorAction Stop
        @(Get-TwilioTranscription -ErrorAction Stop | Where-Object { $_.Sid -eq $victim.Sid }) | Should -HaveCount 0
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioTranscription'; Impact = 'High' }
        @{ Command = 'Save-TwilioTranscription'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
