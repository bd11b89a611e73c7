# Notifications (Twilio's debugger log) and call events: a call whose TwiML URL cannot be fetched leaves
# an 11200 error; every call leaves the requests Twilio made for it.

Describe 'Notifications and call events' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $twimlFolder = Join-Path $TestDrive 'twiml'
        $null = New-Item -ItemType Directory -Path $twimlFolder
        Set-Content -LiteralPath (Join-Path $twimlFolder 'hello.xml') -Value '<Response><Say>Hello</Say><Hangup/></Response>'
        $emulator = Start-TwilioEmulator -TwimlPath $twimlFolder -ClockSpeed 50 -CallDuration 5
        $null = Connect-TestEmulator -Emulator $emulator -CallsPerSecond 100

        $good = New-TwilioCall -To $TestTo -From $TestFrom -Url "$($emulator.BaseUri)twiml/hello.xml" -ErrorAction Stop
        $broken = New-TwilioCall -To $TestTo -From $TestFrom -Url "$($emulator.BaseUri)twiml/missing.xml" -ErrorAction Stop
        $null = Wait-TestCallStatus -Sid $good.Sid -Status 'completed'
        $null = Wait-TestCallStatus -Sid $broken.Sid -Status 'completed'
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Get-TwilioNotification' {
        It 'lists the error of the call whose TwiML could not be fetched, from the pipeline' {
            $notifications = @(Get-TwilioCall -CallSid $broken.Sid -ErrorAction Stop | Get-TwilioNotification -ErrorAction Stop)
            $notifications.Count | Should -BeGreaterThan 0
            $notifications[0] | Should -BeOfType ([TwilioPS.Models.TwilioNotification])
            $notifications[0].Sid | Should -Match '^NO[0-9a-f]{32}$'
            $notifications[0].CallSid | Should -Be $broken.Sid
            @($notifications | ForEach-Object { $_.ErrorCode }) | Should -Contain '11200'
        }

        It 'has nothing for the call that went well' {
            @(Get-TwilioNotification -CallSid $good.Sid -ErrorAction Stop) | Should -HaveCount 0
        }

        It 'filters the account''s log by -Log Error and gets one by SID' {
            $errors = @(Get-TwilioNotification -Log Error -ErrorAction Stop)
            $errors.Count | Should -BeGreaterThan 0
            $fetched = Get-TwilioNotification -NotificationSid $errors[0].Sid -ErrorAction Stop
            $fetched.Sid | Should -Be $errors[0].Sid
            $fetched.ErrorCode | Should -Be $errors[0].ErrorCode
        }

        It 'refuses a log level Twilio does not have at parameter binding' {
            { Get-TwilioNotification -Log Info -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Notifications.GetTwilioNotificationCommand'
        }

        It 'an unknown notification fails with Twilio20404 and the SID as TargetObject' {
            $unknown = 'NO' + ('0' * 32)
            Assert-TestNotFound -Sid $unknown -CommandType 'TwilioPS.Cmdlets.Notifications.GetTwilioNotificationCommand' -Invoke {
                Get-TwilioNotification -NotificationSid $unknown -ErrorAction Stop
            }
        }
    }

    Context 'Get-TwilioCallEvent' {
        It 'lists the requests Twilio made for a call, each saying whose call it is' {
            $events = @(Get-TwilioCallEvent -CallSid $good.Sid -ErrorAction Stop)
            $events.Count | Should -BeGreaterThan 0
            $events[0] | Should -BeOfType ([TwilioPS.Models.TwilioCallEvent])
            @($events | Where-Object { $_.CallSid -ne $good.Sid }) | Should -HaveCount 0
            @($events | ForEach-Object { $_.Url }) | Should -Contain "$($emulator.BaseUri)twiml/hello.xml"
        }

        It 'takes calls from the pipeline (Get-TwilioCall | Get-TwilioCallEvent)' {
            $events = @(Get-TwilioCall -CallSid $broken.Sid -ErrorAction Stop | Get-TwilioCallEvent -ErrorAction Stop)
            $events.Count | Should -BeGreaterThan 0
            @($events | Where-Object { $_.CallSid -ne $broken.Sid }) | Should -HaveCount 0
        }

        It 'refuses a SID that is not a call''s at parameter binding, naming the input' {
            Assert-TestBindingError -Refused 'SM0123456789abcdef0123456789abcdef' -CommandType 'TwilioPS.Cmdlets.Calls.GetTwilioCallEventCommand' -Invoke {
                Get-TwilioCallEvent -CallSid 'SM0123456789abcdef0123456789abcdef' -ErrorAction Stop
            }
        }
    }
}
