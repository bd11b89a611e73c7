# Phone numbers: searching what is for sale, buying (asked first), pointing numbers at an application,
# moving one between subaccounts, releasing.

Describe 'Phone numbers' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator
        $null = Connect-TestEmulator -Emulator $emulator
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    Context 'Get-TwilioAvailablePhoneNumber' {
        It 'finds numbers in an area code, typed, with their country and type' {
            $numbers = @(Get-TwilioAvailablePhoneNumber -AreaCode 415 -First 5 -ErrorAction Stop)
            $numbers | Should -HaveCount 5
            $numbers[0] | Should -BeOfType ([TwilioPS.Models.TwilioAvailablePhoneNumber])
            @($numbers | Where-Object { $_.PhoneNumber -notlike '+1415*' }) | Should -HaveCount 0
            $numbers[0].CountryCode | Should -Be 'US'
            $numbers[0].Type | Should -Be 'Local'
        }

        It 'searches another country and type with -CountryCode and -Type' {
            $mobile = @(Get-TwilioAvailablePhoneNumber -CountryCode GB -Type Mobile -First 2 -ErrorAction Stop)
            $mobile | Should -HaveCount 2
            @($mobile | Where-Object { $_.CountryCode -ne 'GB' -or $_.Type -ne 'Mobile' }) | Should -HaveCount 0
        }

        It 'searches in the account piped in (Get-TwilioAccount | Get-TwilioAvailablePhoneNumber)' {
            @(Get-TwilioAccount -ErrorAction Stop | Get-TwilioAvailablePhoneNumber -First 3 -ErrorAction Stop) | Should -HaveCount 3
        }

        It 'refuses <Case> at parameter binding, naming it' -ForEach @(
            @{ Case = 'a -Contains that is not a number pattern'; Refused = '415-555'; Invoke = { Get-TwilioAvailablePhoneNumber -Contains '415-555' -ErrorAction Stop } }
            @{ Case = 'a three-letter -CountryCode'; Refused = 'USA'; Invoke = { Get-TwilioAvailablePhoneNumber -CountryCode USA -ErrorAction Stop } }
            @{ Case = 'a two-digit -AreaCode'; Refused = '99'; Invoke = { Get-TwilioAvailablePhoneNumber -AreaCode 99 -ErrorAction Stop } }
        ) {
            Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType 'TwilioPS.Cmdlets.PhoneNumbers.GetTwilioAvailablePhoneNumberCommand'
        }
    }

    Context 'Buying, changing and releasing' {
        It 'buys a number found by a search (Get-TwilioAvailablePhoneNumber | New-TwilioIncomingPhoneNumber)' {
            $found = Get-TwilioAvailablePhoneNumber -AreaCode 415 -First 1 -ErrorAction Stop
            $bought = $found | New-TwilioIncomingPhoneNumber -FriendlyName 'Support' -Confirm:$false -ErrorAction Stop
            $bought | Should -BeOfType ([TwilioPS.Models.TwilioIncomingPhoneNumber])
            $bought.Sid | Should -Match '^PN[0-9a-f]{32}$'
            $bought.PhoneNumber | Should -Be $found.PhoneNumber
            $bought.FriendlyName | Should -Be 'Support'
            ($bought | Get-TwilioIncomingPhoneNumber -ErrorAction Stop).PhoneNumber | Should -Be $found.PhoneNumber
        }

        It 'buys nothing with -WhatIf, even with -Force' {
            $before = @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop).Count
            New-TwilioIncomingPhoneNumber -AreaCode 212 -Force -WhatIf | Should -BeNullOrEmpty
            @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop).Count | Should -Be $before
        }

        It 'buys by area code with -Force and finds numbers by wildcard name and by number' {
            $null = New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName 'Support NY' -Force -ErrorAction Stop
            @(Get-TwilioIncomingPhoneNumber -FriendlyName 'support*' -ErrorAction Stop) | Should -HaveCount 2
            @(Get-TwilioIncomingPhoneNumber -PhoneNumber '+1212' -ErrorAction Stop | ForEach-Object { $_.FriendlyName }) | Should -Be @('Support NY')
        }

        It 'a number not for sale is an error carrying it, and the other numbers piped in go on' {
            $forSale = (Get-TwilioAvailablePhoneNumber -AreaCode 312 -First 1 -ErrorAction Stop).PhoneNumber
            $errors = $null
            $bought = @('+15005550000', $forSale | New-TwilioIncomingPhoneNumber -Force -ErrorAction SilentlyContinue -ErrorVariable errors)
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'Twilio21422,*'
            $errors[0].TargetObject | Should -Be '+15005550000'
            @($bought | ForEach-Object { $_.PhoneNumber }) | Should -Be @($forSale)
        }

        It 'points every number at an application (Get-TwilioIncomingPhoneNumber | Set-TwilioIncomingPhoneNumber); -WhatIf changes nothing' {
            $app = New-TwilioApplication -FriendlyName 'IVR' -VoiceUrl 'https://example.com/ivr' -ErrorAction Stop
            Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Set-TwilioIncomingPhoneNumber -VoiceApplicationSid $app.Sid -WhatIf
            @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Where-Object { $_.VoiceApplicationSid -eq $app.Sid }) | Should -HaveCount 0

            $pointed = @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Set-TwilioIncomingPhoneNumber -VoiceApplicationSid $app.Sid -ErrorAction Stop)
            $pointed.Count | Should -BeGreaterThan 1
            @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Where-Object { $_.VoiceApplicationSid -ne $app.Sid }) | Should -HaveCount 0
        }

        It 'moves a number to a subaccount with -DestinationAccountSid' {
            $tenant = New-TwilioAccount -FriendlyName 'Tenant' -ErrorAction Stop
            $moved = Get-TwilioIncomingPhoneNumber -PhoneNumber '+1212' -ErrorAction Stop | Set-TwilioIncomingPhoneNumber -DestinationAccountSid $tenant.Sid -ErrorAction Stop
            $moved.AccountSid | Should -Be $tenant.Sid
            @($tenant | Get-TwilioIncomingPhoneNumber -ErrorAction Stop | ForEach-Object { $_.Sid }) | Should -Be @($moved.Sid)
        }

        It 'Set-TwilioIncomingPhoneNumber with nothing to change fails before any request' {
            $number = Get-TwilioIncomingPhoneNumber -First 1 -ErrorAction Stop
            { Set-TwilioIncomingPhoneNumber -IncomingPhoneNumberSid $number.Sid -ErrorAction Stop } |
                Should -Throw -ErrorId 'NothingToUpdate,TwilioPS.Cmdlets.PhoneNumbers.SetTwilioIncomingPhoneNumberCommand' -ExpectedMessage '*Nothing to change*'
        }

        It 'New-TwilioIncomingPhoneNumber refuses a number without its + and country code at parameter binding' {
            $before = @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop).Count
            Assert-TestBindingError -Refused '4155550100' -CommandType 'TwilioPS.Cmdlets.PhoneNumbers.NewTwilioIncomingPhoneNumberCommand' -Invoke {
                New-TwilioIncomingPhoneNumber -PhoneNumber '4155550100' -Force -ErrorAction Stop
            }
            @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop).Count | Should -Be $before
        }

        It 'Remove-TwilioIncomingPhoneNumber -WhatIf keeps the numbers; -Confirm:$false from the pipeline releases them' {
            Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Remove-TwilioIncomingPhoneNumber -WhatIf
            $kept = @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop)
            $kept.Count | Should -BeGreaterThan 0

            Get-TwilioIncomingPhoneNumber -ErrorAction Stop | Remove-TwilioIncomingPhoneNumber -Confirm:$false -ErrorAction Stop
            @(Get-TwilioIncomingPhoneNumber -ErrorAction Stop) | Should -HaveCount 0
            Assert-TestNotFound -Sid $kept[0].Sid -CommandType 'TwilioPS.Cmdlets.PhoneNumbers.GetTwilioIncomingPhoneNumberCommand' -Invoke {
                Get-TwilioIncomingPhoneNumber -IncomingPhoneNumberSid $kept[0].Sid -ErrorAction Stop
            }
        }
    }

    It '<Command> asks first only if it cannot be undone (ConfirmImpact <Impact>)' -ForEach @(
        @{ Command = 'New-TwilioIncomingPhoneNumber'; Impact = 'High' }
        @{ Command = 'Remove-TwilioIncomingPhoneNumber'; Impact = 'High' }
        @{ Command = 'Set-TwilioIncomingPhoneNumber'; Impact = 'Medium' }
    ) {
        Get-TestConfirmImpact $Command | Should -Be $Impact
    }
}
