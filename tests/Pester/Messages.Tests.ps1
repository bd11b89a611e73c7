# Messages, their media and feedback, and Measure-TwilioMessage, against an emulator seeded with
# delivered messages (every fourth with a picture) whose clock delivers new ones quickly.

Describe 'Messages' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedMessages 8 -ClockSpeed 50
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
        $serviceSid = 'MG0123456789abcdef0123456789abcdef'

        function Get-TestMessageCount {
            @(Get-TwilioMessage -All -PageSize 1000 -ErrorAction Stop).Count
        }
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Send-TwilioMessage' {
        It 'sends a message and returns it typed' {
            $message = Send-TwilioMessage -To $TestTo -From $TestFrom -Body 'Your code is 123456' -ErrorAction Stop
            $message | Should -BeOfType ([TwilioPS.Models.TwilioMessage])
            $message.Sid | Should -Match '^SM[0-9a-f]{32}$'
            $message.To | Should -Be $TestTo
            $message.Body | Should -Be 'Your code is 123456'
            Wait-TestCondition { (Get-TwilioMessage -MessageSid $message.Sid -ErrorAction Stop).Status -eq 'delivered' } | Should -BeTrue
        }

        It 'sends one message per CSV row (Import-Csv | Send-TwilioMessage)' {
            $csvPath = Join-Path $TestDrive 'messages.csv'
            Set-Content -LiteralPath $csvPath -Encoding UTF8 -Value @(
                'To,Body'
                '+14155550121,Your order has shipped'
                '+14155550122,Your order is delayed'
            )
            $before = Get-TestMessageCount

            $sent = @(Import-Csv -LiteralPath $csvPath | Send-TwilioMessage -From $TestFrom -ErrorAction Stop)

            @($sent | ForEach-Object { $_.To }) | Should -Be @('+14155550121', '+14155550122')
            @($sent | ForEach-Object { $_.Body }) | Should -Be @('Your order has shipped', 'Your order is delayed')
            Get-TestMessageCount | Should -Be ($before + 2)
        }

        It 'a row with nothing to send is one error carrying its number, and the other rows go' {
            $errors = $null
            $sent = @(
                [pscustomobject]@{ To = '+14155550131'; Body = 'one' },
                [pscustomobject]@{ To = '+14155550132' },
                [pscustomobject]@{ To = '+14155550133'; Body = 'three' } |
                    Send-TwilioMessage -From $TestFrom -ErrorAction SilentlyContinue -ErrorVariable errors)
            @($sent | ForEach-Object { $_.To }) | Should -Be @('+14155550131', '+14155550133')
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'MessageContentMissing,*'
            $errors[0].TargetObject | Should -Be '+14155550132'
        }

        It 'sends nothing with -WhatIf' {
            $before = Get-TestMessageCount
            Send-TwilioMessage -To $TestTo -From $TestFrom -Body 'not sent' -WhatIf | Should -BeNullOrEmpty
            Get-TestMessageCount | Should -Be $before
        }

        It 'refuses <Case> at parameter binding, naming the input, and sends nothing' -ForEach @(
            @{ Case = 'a -To that is not a number'; Refused = 'not a number'; Invoke = { Send-TwilioMessage -To 'not a number' -From '+15005550006' -Body 'hi' -ErrorAction Stop } }
            @{ Case = 'a -MediaUrl that is not HTTP'; Refused = 'ftp://example.com/a.png'; Invoke = { Send-TwilioMessage -To '+14155550100' -From '+15005550006' -MediaUrl 'ftp://example.com/a.png' -ErrorAction Stop } }
            @{ Case = 'a -MessagingServiceSid that is not MG...'; Refused = 'AP0123456789abcdef0123456789abcdef'; Invoke = { Send-TwilioMessage -To '+14155550100' -MessagingServiceSid 'AP0123456789abcdef0123456789abcdef' -Body 'hi' -ErrorAction Stop } }
        ) {
            $before = Get-TestMessageCount
            Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType 'TwilioPS.Cmdlets.Messages.SendTwilioMessageCommand'
            Get-TestMessageCount | Should -Be $before
        }

        It 'refuses a -SendAt less than 15 minutes ahead before any request' {
            $before = Get-TestMessageCount
            { Send-TwilioMessage -To $TestTo -MessagingServiceSid $serviceSid -Body 'soon' -SendAt (Get-Date).AddMinutes(5) -ErrorAction Stop } |
                Should -Throw -ErrorId 'SendAtOutOfRange,TwilioPS.Cmdlets.Messages.SendTwilioMessageCommand'
            Get-TestMessageCount | Should -Be $before
        }
    }

    Context 'Get-TwilioMessage, Set-TwilioMessage, Remove-TwilioMessage' {
        It 'lists messages and filters by -To on the server' {
            $all = @(Get-TwilioMessage -All -ErrorAction Stop)
            $all.Count | Should -BeGreaterThan 7
            $all[0] | Should -BeOfType ([TwilioPS.Models.TwilioMessage])
            # Twilio prices a message once it is sent; the seeded ones are delivered.
            ($all | Where-Object { $_.Status -eq 'delivered' } | Select-Object -First 1).Price | Should -BeOfType ([decimal])
            @(Get-TwilioMessage -To '+14155550121' -ErrorAction Stop | ForEach-Object { $_.Body }) | Should -Be @('Your order has shipped')
            @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioMessage -All -ErrorAction Stop) | Should -HaveCount $all.Count
        }

        It 'gets messages by SID from the pipeline' {
            $sids = @(Get-TwilioMessage -First 3 -ErrorAction Stop | ForEach-Object { $_.Sid })
            @($sids | Get-TwilioMessage -ErrorAction Stop | ForEach-Object { $_.Sid }) | Should -Be $sids
        }

        It 'an unknown message fails with Twilio20404 and the SID as TargetObject' {
            $unknown = 'SM' + ('0' * 32)
            Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.Messages.GetTwilioMessageCommand' -Invoke {
                Get-TwilioMessage -MessageSid $unknown -ErrorAction Stop
            }
        }

        It 'redacts a delivered message from the pipeline; -WhatIf keeps the body' {
            $message = Get-TwilioMessage -To '+14155550122' -ErrorAction Stop
            Wait-TestCondition { (Get-TwilioMessage -MessageSid $message.Sid -ErrorAction Stop).Status -eq 'delivered' } | Should -BeTrue

            $message | Set-TwilioMessage -Redact -WhatIf
            (Get-TwilioMessage -MessageSid $message.Sid -ErrorAction Stop).Body | Should -Be 'Your order is delayed'

            $redacted = $message | Set-TwilioMessage -Redact -ErrorAction Stop
            $redacted | Should -BeOfType ([TwilioPS.Models.TwilioMessage])
            $redacted.Body | Should -BeNullOrEmpty
        }

        It 'cancels a scheduled message' {
            $scheduled = Send-TwilioMessage -To $TestTo -MessagingServiceSid $serviceSid -Body 'Tomorrow' -SendAt (Get-Date).AddDays(1) -ErrorAction Stop
            $scheduled.Status | Should -Be 'scheduled'
            ($scheduled | Set-TwilioMessage -Cancel -ErrorAction Stop).Status | Should -Be 'canceled'
        }

        It 'Remove-TwilioMessage -WhatIf keeps the message; -Force from the pipeline deletes it' {
            $victim = Get-TwilioMessage -To '+14155550131' -ErrorAction Stop
            Wait-TestCondition { (Get-TwilioMessage -MessageSid $victim.Sid -ErrorAction Stop).Status -eq 'delivered' } | Should -BeTrue
            $victim | Remove-TwilioMessage -WhatIf
            (Get-TwilioMessage -MessageSid $victim.Sid -ErrorAction Stop).Sid | Should -Be $victim.Sid

            $victim | Remove-TwilioMessage -Force -ErrorAction Stop
            { Get-TwilioMessage -MessageSid $victim.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'Twilio20404,TwilioPS.Cmdlets.Messages.GetTwilioMessageCommand'
        }
    }

    Context 'Media' {
        BeforeAll {
            $withPicture = Get-TwilioMessage -All -ErrorAction Stop | Where-Object { $_.NumMedia -gt 0 } | Select-Object -First 1
        }

        It 'lists a message''s media from the pipeline (Get-TwilioMessage | Get-TwilioMessageMedia)' {
            $media = @($withPicture | Get-TwilioMessageMedia -ErrorAction Stop)
            $media | Should -HaveCount 1
            $media[0] | Should -BeOfType ([TwilioPS.Models.TwilioMessageMedia])
            $media[0].Sid | Should -Match '^ME[0-9a-f]{32}$'
            $media[0].ParentSid | Should -Be $withPicture.Sid
            ($media[0] | Get-TwilioMessage -ErrorAction Stop).Sid | Should -Be $withPicture.Sid
            (Get-TwilioMessageMedia -MessageSid $withPicture.Sid -MediaSid $media[0].Sid -ErrorAction Stop).Sid | Should -Be $media[0].Sid
        }

        It 'saves media named after its SID with the extension of its type (Get-TwilioMessageMedia | Save-TwilioMessageMedia)' {
            $media = $withPicture | Get-TwilioMessageMedia -ErrorAction Stop
            $file = $media | Save-TwilioMessageMedia -Path $TestDrive -PassThru -ErrorAction Stop
            $file | Should -BeOfType ([System.IO.FileInfo])
            $file.BaseName | Should -Be $media.Sid
            $file.Length | Should -BeGreaterThan 0

            $errors = $null
            $media | Save-TwilioMessageMedia -Path $TestDrive -ErrorAction SilentlyContinue -ErrorVariable errors
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
            $errors[0].TargetObject | Should -Be $media.Sid
        }

        It 'Remove-TwilioMessageMedia -WhatIf keeps the media; -Force from the pipeline deletes it and the message stays' {
            $media = $withPicture | Get-TwilioMessageMedia -ErrorAction Stop
            $media | Remove-TwilioMessageMedia -WhatIf
            @($withPicture | Get-TwilioMessageMedia -ErrorAction Stop) | Should -HaveCount 1

            $media | Remove-TwilioMessageMedia -Force -ErrorAction Stop
            @($withPicture | Get-TwilioMessageMedia -ErrorAction Stop) | Should -HaveCount 0
            (Get-TwilioMessage -MessageSid $withPicture.Sid -ErrorAction Stop).Sid | Should -Be $withPicture.Sid
        }

        It 'Get-TwilioMessageMedia refuses a media SID of another kind at parameter binding' {
            Assert-TestBindingError -Refused 'MM0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.Messages.GetTwilioMessageMediaCommand' -Invoke {
                Get-TwilioMessageMedia -MessageSid $withPicture.Sid -MediaSid 'MM0123456789abcdef0123456789abcdef' -ErrorAction Stop
            }
        }
    }

    Context 'Send-TwilioMessageFeedback' {
        It 'reports a message confirmed from the pipeline; -WhatIf reports nothing' {
            $message = Send-TwilioMessage -To $TestTo -From $TestFrom -Body 'Your code is 654321' -ProvideFeedback -ErrorAction Stop
            $message | Send-TwilioMessageFeedback -WhatIf | Should -BeNullOrEmpty

            $feedback = $message | Send-TwilioMessageFeedback -ErrorAction Stop
            $feedback | Should -BeOfType ([TwilioPS.Models.TwilioMessageFeedback])
            $feedback.MessageSid | Should -Be $message.Sid
            $feedback.Outcome | Should -Be 'confirmed'
        }

        It 'refuses an outcome Twilio does not have at parameter binding' {
            Assert-TestBindingError -Refused 'delivered' -CommandType 'TwilioPS.Cmdlets.Messages.SendTwilioMessageFeedbackCommand' -Invoke {
                Send-TwilioMessageFeedback -MessageSid ('SM' + ('0' * 32)) -Outcome 'delivered' -ErrorAction Stop
            }
        }
    }

    Context 'Measure-TwilioMessage' {
        It 'measures a GSM-7 body of 161 characters as two segments, without a connection' {
            Disconnect-Twilio
            try {
                $measure = Measure-TwilioMessage -Body ('x' * 161)
                $measure | Should -BeOfType ([TwilioPS.Models.TwilioMessageMeasure])
                $measure.Encoding | Should -Be 'GSM-7'
                $measure.Segments | Should -Be 2
                $measure.TooLong | Should -BeFalse
            }
            finally {
                $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100
            }
        }

        It 'measures bodies from the pipeline; one emoji makes a body UCS-2' {
            $measures = @('Hello', "Let it snow $([char]0x2603)" | Measure-TwilioMessage)
            @($measures | ForEach-Object { $_.Encoding }) | Should -Be @('GSM-7', 'UCS-2')
            @($measures | ForEach-Object { $_.Segments }) | Should -Be @(1, 1)
        }

        It 'with -SmartEncoded measures curly quotes as GSM-7 and shows the text Twilio would send' {
            $measure = Measure-TwilioMessage -Body "It$([char]0x2019)s here" -SmartEncoded
            $measure.Encoding | Should -Be 'GSM-7'
            $measure.Body | Should -Be "It's here"
        }

        It 'flags a body over 1600 characters as TooLong with a warning' {
            $warnings = $null
            $measure = Measure-TwilioMessage -Body ('x' * 1601) -WarningVariable warnings -WarningAction SilentlyContinue
            $measure.TooLong | Should -BeTrue
            $warnings | Should -HaveCount 1
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'Remove-TwilioMessage'; Impact = 'High' }
        @{ Command = 'Remove-TwilioMessageMedia'; Impact = 'High' }
        @{ Command = 'Send-TwilioMessage'; Impact = 'Medium' }
        @{ Command = 'Set-TwilioMessage'; Impact = 'Medium' }
        @{ Command = 'Send-TwilioMessageFeedback'; Impact = 'Medium' }
        @{ Command = 'Save-TwilioMessageMedia'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
