# Test-TwilioSignature: checking X-Twilio-Signature as Twilio computes it (HMAC-SHA1 keyed with the
# auth token over the URL and the POST parameters in name order), form and JSON bodies.

Describe 'Test-TwilioSignature' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $emulator = Start-TwilioEmulator
        $null = Connect-TestEmulator -Emulator $emulator
        $token = ConvertTo-TestSecureString $EmulatorAuthToken
        $url = 'https://example.com/sms'
        $form = @{ From = '+14155550100'; To = $TestFrom; Body = 'Hello'; MessageSid = 'SM0123456789abcdef0123456789abcdef' }

        # The signature computed independently of the module, as Twilio documents it.
        function Get-TestSignature([string] $Url, [hashtable] $Parameters) {
            $data = $Url
            foreach ($name in ($Parameters.Keys | Sort-Object -CaseSensitive)) { $data += $name + $Parameters[$name] }
            $hmac = New-Object System.Security.Cryptography.HMACSHA1 (, [System.Text.Encoding]::UTF8.GetBytes($EmulatorAuthToken))
            try { [Convert]::ToBase64String($hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($data))) }
            finally { $hmac.Dispose() }
        }

        $signature = Get-TestSignature -Url $url -Parameters $form
    }

    AfterAll {
        Disconnect-Twilio
        $emulator | Stop-TwilioEmulator
    }

    It 'accepts a form POST signed with the auth token given' {
        $valid = Test-TwilioSignature -Url $url -Signature $signature -Parameters $form -AuthToken $token
        $valid | Should -BeOfType ([bool])
        $valid | Should -BeTrue
    }

    It 'takes the auth token from the connection when none is given' {
        Test-TwilioSignature -Url $url -Signature $signature -Parameters $form | Should -BeTrue
    }

    It 'refuses a tampered parameter, another URL and another token' {
        $tampered = $form.Clone()
        $tampered['Body'] = 'Hello!'
        Test-TwilioSignature -Url $url -Signature $signature -Parameters $tampered -AuthToken $token | Should -BeFalse
        Test-TwilioSignature -Url 'https://example.com/other' -Signature $signature -Parameters $form -AuthToken $token | Should -BeFalse
        Test-TwilioSignature -Url $url -Signature $signature -Parameters $form -AuthToken (ConvertTo-TestSecureString ('0' * 32)) | Should -BeFalse
    }

    It 'accepts the URL signed with its standard port' {
        $withPort = Get-TestSignature -Url 'https://example.com:443/sms' -Parameters $form
        Test-TwilioSignature -Url $url -Signature $withPort -Parameters $form -AuthToken $token | Should -BeTrue
    }

    It 'checks a JSON body against the URL''s bodySHA256 and the signature of the URL' {
        $body = '{"event":"delivered"}'
        $sha = [System.Security.Cryptography.SHA256]::Create()
        try { $hash = -join ($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($body)) | ForEach-Object { $_.ToString('x2') }) }
        finally { $sha.Dispose() }
        $hookUrl = "https://example.com/hook?bodySHA256=$hash"
        $urlSignature = Get-TestSignature -Url $hookUrl -Parameters @{}

        Test-TwilioSignature -Url $hookUrl -Signature $urlSignature -Body $body -AuthToken $token | Should -BeTrue
        Test-TwilioSignature -Url $hookUrl -Signature $urlSignature -Body '{"event":"failed"}' -AuthToken $token | Should -BeFalse
    }

    It 'checks captured requests piped in by property name' {
        $rows = @(
            [pscustomobject]@{ Url = $url; Signature = $signature; Parameters = $form }
            [pscustomobject]@{ Url = 'https://example.com/forged'; Signature = $signature; Parameters = $form }
        )
        @($rows | Test-TwilioSignature -AuthToken $token) | Should -Be @($true, $false)
    }

    It 'refuses an empty -Signature at parameter binding, naming the parameter' {
        Assert-TestBindingError -Refused 'Signature' -CommandType 'TwilioPS.Cmdlets.Webhooks.TestTwilioSignatureCommand' -Invoke {
            Test-TwilioSignature -Url $url -Signature '' -Parameters $form -AuthToken $token -ErrorAction Stop
        }
    }

    It 'without -AuthToken, fails with AuthTokenMissing on an API key''s connection and with none' {
        $apiKey = New-Object System.Management.Automation.PSCredential($EmulatorApiKey, (ConvertTo-TestSecureString $EmulatorApiSecret))
        $null = Connect-Twilio -Credential $apiKey -AccountSid $EmulatorAccountSid -BaseUri $emulator.BaseUri
        try {
            { Test-TwilioSignature -Url $url -Signature $signature -Parameters $form -ErrorAction Stop } |
                Should -Throw -ErrorId 'AuthTokenMissing,TwilioPS.Cmdlets.Webhooks.TestTwilioSignatureCommand'
            Disconnect-Twilio
            { Test-TwilioSignature -Url $url -Signature $signature -Parameters $form -ErrorAction Stop } |
                Should -Throw -ErrorId 'AuthTokenMissing,TwilioPS.Cmdlets.Webhooks.TestTwilioSignatureCommand'
        }
        finally {
            $null = Connect-TestEmulator -Emulator $emulator
        }
    }
}
