# Start-TwilioEmulator and Stop-TwilioEmulator: seeds, several emulators at once, a TwiML folder,
# refusals before anything starts, and stopping by pipeline or all at once.

Describe 'The emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $twimlFolder = Join-Path $TestDrive 'twiml'
        $null = New-Item -ItemType Directory -Path $twimlFolder
        Set-Content -LiteralPath (Join-Path $twimlFolder 'hello.xml') -Value '<Response><Say>Hello</Say></Response>'
        $seeded = Start-TwilioEmulator -SeedCalls 12 -SeedRecordings 2 -SeedMessages 4 -TwimlPath $twimlFolder
        $empty = Start-TwilioEmulator -CallsPerSecond 5 -ClockSpeed 10 -CallDuration 60
    }

    AfterAll {
        Disconnect-Twilio
        Stop-TwilioEmulator
    }

    It 'returns the running emulator: address, port, account and its credential' {
        $seeded | Should -BeOfType ([TwilioPS.Connection.TwilioEmulatorInfo])
        $seeded.IsRunning | Should -BeTrue
        $seeded.Port | Should -BeGreaterThan 0
        $seeded.BaseUri.IsLoopback | Should -BeTrue
        $seeded.BaseUri.Port | Should -Be $seeded.Port
        $seeded.AccountSid | Should -Be $EmulatorAccountSid
        $seeded.Credential.UserName | Should -Be $EmulatorAccountSid
    }

    It 'fills the account with what -SeedCalls, -SeedRecordings and -SeedMessages ask for' {
        $null = Connect-TestEmulator -Emulator $seeded
        @(Get-TwilioRecording -ErrorAction Stop) | Should -HaveCount 2
        @(Get-TwilioMessage -ErrorAction Stop) | Should -HaveCount 4
        # Each seeded recording has a past call of its own, besides the seeded calls.
        Get-TestCallCount | Should -Be 14
    }

    It 'runs several emulators at once, each on its own port with its own calls' {
        $empty.Port | Should -Not -Be $seeded.Port
        $null = Connect-TestEmulator -Emulator $empty
        Get-TestCallCount | Should -Be 0
        $null = New-TwilioCall -To $TestTo -From $TestFrom -Url $TestTwimlUrl -ErrorAction Stop
        Get-TestCallCount | Should -Be 1
        $null = Connect-TestEmulator -Emulator $seeded
        Get-TestCallCount | Should -Be 14
    }

    It 'Connect-Twilio -Emulator connects to the most recently started emulator still running' {
        (Connect-Twilio -Emulator -PassThru).BaseUri | Should -Be $empty.BaseUri
    }

    It 'serves the -TwimlPath folder''s documents at <BaseUri>twiml/<file> without authentication' {
        # Windows PowerShell does not load System.Net.Http by itself.
        Add-Type -AssemblyName System.Net.Http
        $client = New-Object System.Net.Http.HttpClient
        try {
            $response = $client.GetAsync("$($seeded.BaseUri)twiml/hello.xml").GetAwaiter().GetResult()
            [int] $response.StatusCode | Should -Be 200
            $response.Content.ReadAsStringAsync().GetAwaiter().GetResult() | Should -BeLike '*<Say>Hello</Say>*'
            [int] $client.GetAsync("$($seeded.BaseUri)twiml/../TestSetup.ps1").GetAwaiter().GetResult().StatusCode | Should -Not -Be 200
        }
        finally {
            $client.Dispose()
        }
    }

    It 'refuses a -TwimlPath that does not exist, with the path as TargetObject, and starts nothing' {
        $missing = Join-Path $TestDrive 'no-such-folder'
        $record = { Start-TwilioEmulator -TwimlPath $missing -ErrorAction Stop } |
            Should -Throw -ErrorId 'TwimlFolderNotFound,TwilioPS.Cmdlets.Emulator.StartTwilioEmulatorCommand' -PassThru
        $record.TargetObject | Should -Be $missing
        (Connect-Twilio -Emulator -PassThru).BaseUri | Should -Be $empty.BaseUri
    }

    It 'refuses a port already in use, with the port as TargetObject' {
        $record = { Start-TwilioEmulator -Port $seeded.Port -ErrorAction Stop } |
            Should -Throw -ErrorId 'EmulatorStartFailed,TwilioPS.Cmdlets.Emulator.StartTwilioEmulatorCommand' -PassThru
        $record.TargetObject | Should -Be $seeded.Port
    }

    It 'refuses <Case> at parameter binding, naming the input' -ForEach @(
        @{ Case = 'a -CallsPerSecond over 1000'; Refused = '1001'; Invoke = { Start-TwilioEmulator -CallsPerSecond 1001 -ErrorAction Stop } }
        @{ Case = 'a -CallDuration of 0'; Refused = 'CallDuration'; Invoke = { Start-TwilioEmulator -CallDuration 0 -ErrorAction Stop } }
        @{ Case = 'a negative -SeedCalls'; Refused = '-1'; Invoke = { Start-TwilioEmulator -SeedCalls -1 -ErrorAction Stop } }
    ) {
        Assert-TestBindingError -Invoke $Invoke -Refused $Refused -CommandType 'TwilioPS.Cmdlets.Emulator.StartTwilioEmulatorCommand'
    }

    It 'stops the emulator piped in; its connection stays but its requests fail' {
        $connection = Connect-Twilio -Credential $empty.Credential -BaseUri $empty.BaseUri -MaxRetries 0 -PassThru
        $empty | Stop-TwilioEmulator
        $empty.IsRunning | Should -BeFalse
        $seeded.IsRunning | Should -BeTrue
        { Get-TwilioCall -Connection $connection -ErrorAction Stop } | Should -Throw
        Disconnect-Twilio -Connection $connection
    }

    It 'without -Emulator stops every emulator' {
        $another = Start-TwilioEmulator
        Stop-TwilioEmulator
        $another.IsRunning | Should -BeFalse
        $seeded.IsRunning | Should -BeFalse
    }
}
