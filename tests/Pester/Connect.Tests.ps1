# Connect-Twilio, Get-TwilioContext, Disconnect-Twilio and what every cmdlet does without a connection.
# Every test starts disconnected and connects itself.

Describe 'Connect-Twilio' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator -SeedCalls 150
        $wrongToken = '0123456789abcdef0123456789abcdef'
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    BeforeEach {
        Disconnect-Twilio
    }

    Context 'The emulator' {
        It 'uses the well-known account and API key' {
            $emulator.AccountSid | Should -Be $EmulatorAccountSid
            $emulator.ApiKeySid | Should -Be $EmulatorApiKey
            $emulator.Credential | Should -BeOfType ([System.Management.Automation.PSCredential])
            $emulator.Credential.UserName | Should -Be $EmulatorAccountSid
            $emulator.Credential.GetNetworkCredential().Password | Should -Be $EmulatorAuthToken
            $emulator.Port | Should -BeGreaterThan 0
            $emulator.BaseUri.IsLoopback | Should -BeTrue
        }
    }

    Context 'Credential sources' {
        It 'connects with -AccountSid and -AuthToken (SecureString)' {
            $token = ConvertTo-TestSecureString $EmulatorAuthToken
            $connection = Connect-Twilio -AccountSid $EmulatorAccountSid -AuthToken $token -BaseUri $emulator.BaseUri -PassThru

            $connection.AccountSid | Should -Be $EmulatorAccountSid
            $connection.CredentialKind | Should -Be 'AuthToken'
            $connection.Source | Should -Be 'Parameters'
            $connection.BaseUri | Should -Be $emulator.BaseUri
            (Get-TwilioContext).AccountSid | Should -Be $EmulatorAccountSid
            @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }

        It 'connects with -Credential (a PSCredential of AccountSid and auth token)' {
            $credential = New-Object System.Management.Automation.PSCredential($EmulatorAccountSid, (ConvertTo-TestSecureString $EmulatorAuthToken))
            $connection = Connect-Twilio -Credential $credential -BaseUri $emulator.BaseUri -PassThru

            $connection.AccountSid | Should -Be $EmulatorAccountSid
            $connection.CredentialKind | Should -Be 'AuthToken'
            $connection.Source | Should -Be 'Credential'
            @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }

        It 'connects with -Credential (a PSCredential of API key and secret) and -AccountSid' {
            $credential = New-Object System.Management.Automation.PSCredential($EmulatorApiKey, (ConvertTo-TestSecureString $EmulatorApiSecret))
            $connection = Connect-Twilio -Credential $credential -AccountSid $EmulatorAccountSid -BaseUri $emulator.BaseUri -PassThru

            $connection.AccountSid | Should -Be $EmulatorAccountSid
            $connection.CredentialKind | Should -Be 'ApiKey'
            $connection.ApiKeySid | Should -Be $EmulatorApiKey
            @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }

        It 'connects with -ApiKey and -ApiSecret' {
            $secret = ConvertTo-TestSecureString $EmulatorApiSecret
            $connection = Connect-Twilio -AccountSid $EmulatorAccountSid -ApiKey $EmulatorApiKey -ApiSecret $secret -BaseUri $emulator.BaseUri -PassThru

            $connection.AccountSid | Should -Be $EmulatorAccountSid
            $connection.CredentialKind | Should -Be 'ApiKey'
            $connection.ApiKeySid | Should -Be $EmulatorApiKey
            $connection.Source | Should -Be 'Parameters'
            @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }

        It 'connects with TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and -BaseUri' {
            $saved = Save-TestEnvironment
            try {
                foreach ($name in $TwilioEnvironmentVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
                [Environment]::SetEnvironmentVariable('TWILIO_ACCOUNT_SID', $EmulatorAccountSid)
                [Environment]::SetEnvironmentVariable('TWILIO_AUTH_TOKEN', $EmulatorAuthToken)

                $connection = Connect-Twilio -BaseUri $emulator.BaseUri -PassThru

                $connection.AccountSid | Should -Be $EmulatorAccountSid
                $connection.CredentialKind | Should -Be 'AuthToken'
                $connection.Source | Should -Be 'Environment'
                @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
            }
            finally {
                Restore-TestEnvironment $saved
            }
        }

        It 'connects to the running emulator with -Emulator' {
            $connection = Connect-Twilio -Emulator -PassThru

            $connection.AccountSid | Should -Be $EmulatorAccountSid
            $connection.Source | Should -Be 'Emulator'
            $connection.BaseUri | Should -Be $emulator.BaseUri
            @(Get-TwilioCall -ErrorAction Stop).Count | Should -BeGreaterThan 0
        }

        It 'keeps a -PassThru connection usable through -Connection after the default is disconnected' {
            $kept = Connect-TestEmulator -Emulator $emulator
            $null = Connect-TestEmulator -Emulator $emulator
            Disconnect-Twilio

            @(Get-TwilioCall -Connection $kept -ErrorAction Stop).Count | Should -BeGreaterThan 0
            { Get-TwilioCall -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'

            Disconnect-Twilio -Connection $kept
            { Get-TwilioCall -Connection $kept -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectionClosed,TwilioPS.Cmdlets.Calls.GetTwilioCallCommand'
        }
    }

    Context 'Failures' {
        It 'fails with AuthenticationFailed for a wrong auth token, without showing it' {
            $token = ConvertTo-TestSecureString $wrongToken
            $record = { Connect-Twilio -AccountSid $EmulatorAccountSid -AuthToken $token -BaseUri $emulator.BaseUri -ErrorAction Stop } |
                Should -Throw -ErrorId 'AuthenticationFailed,TwilioPS.Cmdlets.Session.ConnectTwilioCommand' -PassThru

            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            ($record | Out-String) | Should -Not -BeLike "*$wrongToken*"
            $record.Exception.Message | Should -Not -BeLike "*$wrongToken*"
            Get-TwilioContext | Should -BeNullOrEmpty
        }

        It 'fails with AuthenticationFailed for a wrong API secret' {
            $secret = ConvertTo-TestSecureString $wrongToken
            { Connect-Twilio -AccountSid $EmulatorAccountSid -ApiKey $EmulatorApiKey -ApiSecret $secret -BaseUri $emulator.BaseUri -ErrorAction Stop } |
                Should -Throw -ErrorId 'AuthenticationFailed,TwilioPS.Cmdlets.Session.ConnectTwilioCommand'
        }

        It 'rejects a plain-HTTP -BaseUri that is not this machine (InsecureBaseUri)' {
            $record = { Connect-Twilio -Credential $emulator.Credential -BaseUri 'http://example.com' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InsecureBaseUri,TwilioPS.Cmdlets.Session.ConnectTwilioCommand' -PassThru

            $record.CategoryInfo.Category | Should -Be 'SecurityError'
            Get-TwilioContext | Should -BeNullOrEmpty
        }

        It 'rejects an -AccountSid that is not an account SID at parameter binding' {
            { Connect-Twilio -AccountSid 'not-a-sid' -AuthToken (ConvertTo-TestSecureString $EmulatorAuthToken) -BaseUri $emulator.BaseUri -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TwilioPS.Cmdlets.Session.ConnectTwilioCommand'
        }
    }

    Context 'Get-TwilioContext' {
        It 'returns nothing when not connected' {
            Get-TwilioContext | Should -BeNullOrEmpty
        }

        It 'never shows the auth token' {
            $verbose = Connect-Twilio -AccountSid $EmulatorAccountSid -AuthToken (ConvertTo-TestSecureString $EmulatorAuthToken) -BaseUri $emulator.BaseUri -Verbose 4>&1 | Out-String
            $context = Get-TwilioContext

            $context.AccountSid | Should -Be $EmulatorAccountSid
            $list = $context | Format-List * | Out-String
            $list | Should -BeLike "*$EmulatorAccountSid*"
            $list | Should -Not -BeLike "*$EmulatorAuthToken*"
            ($context | Out-String) | Should -Not -BeLike "*$EmulatorAuthToken*"
            ($context | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -BeLike "*$EmulatorAuthToken*"
            $context.ToString() | Should -Not -BeLike "*$EmulatorAuthToken*"
            $verbose | Should -Not -BeLike "*$EmulatorAuthToken*"
        }

        It 'never shows the API secret' {
            $verbose = Connect-Twilio -AccountSid $EmulatorAccountSid -ApiKey $EmulatorApiKey -ApiSecret (ConvertTo-TestSecureString $EmulatorApiSecret) -BaseUri $emulator.BaseUri -Verbose 4>&1 | Out-String
            $list = Get-TwilioContext | Format-List * | Out-String

            $list | Should -BeLike "*$EmulatorApiKey*"
            $list | Should -Not -BeLike "*$EmulatorApiSecret*"
            $verbose | Should -Not -BeLike "*$EmulatorApiSecret*"
        }
    }

    Context 'Without a connection' {
        It '<Command> fails with NotConnected and says to run Connect-Twilio' -ForEach @(
            @{ Command = 'Get-TwilioCall'; Type = 'GetTwilioCallCommand'; Invoke = { Get-TwilioCall -ErrorAction Stop } }
            @{ Command = 'New-TwilioCall'; Type = 'NewTwilioCallCommand'; Invoke = { New-TwilioCall -To '+14155550100' -From '+15005550006' -Url 'https://example.com/twiml' -ErrorAction Stop } }
            @{ Command = 'Set-TwilioCall'; Type = 'SetTwilioCallCommand'; Invoke = { Set-TwilioCall -Sid ('CA' + ('0' * 32)) -Status completed -ErrorAction Stop } }
            @{ Command = 'Remove-TwilioCall'; Type = 'RemoveTwilioCallCommand'; Invoke = { Remove-TwilioCall -Sid ('CA' + ('0' * 32)) -Force -ErrorAction Stop } }
        ) {
            $record = { & $Invoke } | Should -Throw -ErrorId "NotConnected,TwilioPS.Cmdlets.Calls.$Type" -PassThru
            $record.CategoryInfo.Category | Should -Be 'ConnectionError'
            $record.Exception.Message | Should -BeLike '*Connect-Twilio*'
        }

        It 'Disconnect-Twilio is quiet when there is nothing to disconnect' {
            { Disconnect-Twilio -ErrorAction Stop } | Should -Not -Throw
        }
    }
}
