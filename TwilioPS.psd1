@{
    # A script root so PowerShell 7 can load the assembly in the module's own load context (see the .psm1).
    RootModule            = 'TwilioPS.psm1'
    ModuleVersion         = '0.1.0'
    GUID                  = '6f0b7d3e-2c55-4f7e-9a43-8d3f2f6c1a70'
    Author                = 'TwilioPS contributors'
    CompanyName           = 'TwilioPS'
    Copyright             = '(c) TwilioPS contributors. MIT License.'
    Description           = 'The Twilio REST API (2010-04-01) in the PowerShell pipeline: calls, messages, recordings, conferences, accounts, numbers and more, as typed objects, with paging, retry and call throttling built in.'
    CompatiblePSEditions  = @('Desktop', 'Core')
    PowerShellVersion     = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess      = @('TwilioPS.Format.ps1xml')
    # Listed explicitly: PowerShell can then answer Get-Command and auto-loading without loading the DLL.
    CmdletsToExport       = @(
        'Connect-Twilio'
        'Disconnect-Twilio'
        'Get-TwilioContext'
        'Start-TwilioEmulator'
        'Stop-TwilioEmulator'
        'Measure-TwilioMessage'
        'New-TwilioCall'
        'Get-TwilioCall'
        'Set-TwilioCall'
        'Remove-TwilioCall'
        'Get-TwilioRecording'
        'Start-TwilioRecording'
        'Set-TwilioRecording'
        'Save-TwilioRecording'
        'Remove-TwilioRecording'
        'Get-TwilioTranscription'
        'Save-TwilioTranscription'
        'Remove-TwilioTranscription'
        'Get-TwilioNotification'
        'Get-TwilioCallEvent'
        'Get-TwilioConference'
        'Set-TwilioConference'
        'Get-TwilioConferenceParticipant'
        'Add-TwilioConferenceParticipant'
        'Set-TwilioConferenceParticipant'
        'Remove-TwilioConferenceParticipant'
        'Get-TwilioQueue'
        'New-TwilioQueue'
        'Set-TwilioQueue'
        'Remove-TwilioQueue'
        'Get-TwilioQueueMember'
        'Pop-TwilioQueueMember'
        'Send-TwilioMessage'
        'Get-TwilioMessage'
        'Set-TwilioMessage'
        'Remove-TwilioMessage'
        'Get-TwilioMessageMedia'
        'Save-TwilioMessageMedia'
        'Remove-TwilioMessageMedia'
        'Send-TwilioMessageFeedback'
        'Test-TwilioSignature'
        'Invoke-TwilioApi'
        'Get-TwilioAccount'
        'New-TwilioAccount'
        'Set-TwilioAccount'
        'Get-TwilioApplication'
        'New-TwilioApplication'
        'Set-TwilioApplication'
        'Remove-TwilioApplication'
        'Get-TwilioUsageRecord'
        'Get-TwilioUsageTrigger'
        'New-TwilioUsageTrigger'
        'Set-TwilioUsageTrigger'
        'Remove-TwilioUsageTrigger'
        'Get-TwilioBalance'
    )
    FunctionsToExport     = @()
    AliasesToExport       = @()
    VariablesToExport     = @()
    PrivateData           = @{
        PSData = @{
            Tags         = @('Twilio', 'SMS', 'Voice', 'Telephony', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/TwilioPS/TwilioPS'
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Connect-Twilio; calls, recordings, transcriptions, notifications, call events, conferences and participants, queues and members; messages, media and feedback; a local Twilio API emulator.'
        }
    }
}
