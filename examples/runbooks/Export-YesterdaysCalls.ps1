#Requires -Modules TwilioPS

<#
.SYNOPSIS
    Exports yesterday's calls to a CSV file and their recordings to audio files in a folder.

.DESCRIPTION
    An Azure Automation runbook (PowerShell 7.2+ or 5.1) for a daily schedule shortly after midnight
    UTC. It writes calls-<date>.csv (one row per call that started that UTC day) and
    recordings-<date>/<RecordingSid>.<format> (each completed recording of those calls) under -Path,
    then writes one object saying what it exported.

    Where the files go:
      - A mounted Azure Files share: on a Hybrid Runbook Worker, give -Path the share's mount point or
        UNC path (\\account.file.core.windows.net\share\twilio); the files land there directly.
      - Blob storage: give -StorageAccountName and -ContainerName and the files are also uploaded with
        Az.Storage's Set-AzStorageBlobContent, signed in as the Automation account's managed identity
        (which needs 'Storage Blob Data Contributor' on the container). When Az.Storage is not imported
        in the Automation account, the upload is skipped and the result says so.
    In an Azure sandbox -Path defaults to the job's temporary folder, which is gone when the job ends:
    use the share or the upload there.

    Automation assets:
      Credential 'Twilio' (-CredentialName): user name the account SID (AC...) and password its auth
        token; or user name an API key SID (SK...) and password the key's secret, with -AccountSid.

    A failure to connect, list the calls or write the CSV fails the job; a recording that cannot be
    listed or downloaded is reported as an error and the others are still saved.

.PARAMETER Path
    The folder the files are written to (created if missing).

.PARAMETER Day
    The UTC day to export; yesterday by default. Give a date to export a day a failed job missed.

.PARAMETER Format
    The recordings' audio format: mp3 (smaller) or wav (as recorded).

.PARAMETER CredentialName
    The Automation credential holding the Twilio account SID (or API key SID) and secret.

.PARAMETER AccountSid
    The account an API key credential belongs to; not needed with an auth token.

.PARAMETER StorageAccountName
    Optional: a storage account to upload the files to (with -ContainerName).

.PARAMETER ContainerName
    Optional: the blob container the files are uploaded to, under <date>/.

.PARAMETER BaseUri
    The API root: Twilio's by default; the local emulator or a proxy for testing.

.OUTPUTS
    PSCustomObject with Day, Calls, CsvPath, Recordings, RecordingFolder, RecordingFailures and Uploaded.

.EXAMPLE
    Start-AzAutomationRunbook -ResourceGroupName rg -AutomationAccountName aa -Name Export-YesterdaysCalls -RunOn HybridWorkers `
        -Parameters @{ Path = '\\contoso.file.core.windows.net\twilio\calls' }
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path ([IO.Path]::GetTempPath()) 'twilio-calls'),
    [datetime] $Day = [DateTime]::UtcNow.Date.AddDays(-1),
    [ValidateSet('mp3', 'wav')]
    [string] $Format = 'mp3',
    [string] $CredentialName = 'Twilio',
    [string] $AccountSid,
    [string] $StorageAccountName,
    [string] $ContainerName,
    [uri] $BaseUri = 'https://api.twilio.com'
)

$ErrorActionPreference = 'Stop'
$dayText = $Day.ToString('yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture)

# Automation imports each runbook on its own, so each carries this connection block rather than sharing it.
$credential = Get-AutomationPSCredential -Name $CredentialName
$connect = @{ Credential = $credential; BaseUri = $BaseUri; PassThru = $true }
if ($AccountSid) { $connect.AccountSid = $AccountSid }
try {
    $connection = Connect-Twilio @connect -ErrorAction Stop
}
catch {
    throw "Could not connect to Twilio with the Automation credential '$CredentialName': $($_.Exception.Message)"
}

$null = New-Item -ItemType Directory -Path $Path -Force
$calls = @(Get-TwilioCall -StartTime $Day -All -Connection $connection -ErrorAction Stop)
Write-Verbose "$($calls.Count) calls started on $dayText."

$csvPath = Join-Path $Path "calls-$dayText.csv"
$columns = 'Sid', 'ParentCallSid', 'Direction', 'From', 'To', 'Status', 'StartTime', 'EndTime', 'Duration', 'Price', 'PriceUnit', 'AnsweredBy', 'PhoneNumberSid'
if ($calls.Count -gt 0) {
    $calls | Select-Object -Property $columns | Export-Csv -Path $csvPath -NoTypeInformation -Encoding UTF8 -ErrorAction Stop
}
else {
    # A quiet day still gets its file (the header alone), so whatever collects the files finds every day.
    Set-Content -Path $csvPath -Value ((($columns | ForEach-Object { '"' + $_ + '"' })) -join ',') -Encoding UTF8 -ErrorAction Stop
}
$written = @($csvPath)

# One call's recordings failing to list or download must not cost the rest of the day's.
$recordingFolder = Join-Path $Path "recordings-$dayText"
$recordingErrors = @()
$recordings = @($calls | Get-TwilioRecording -Connection $connection -ErrorAction Continue -ErrorVariable +recordingErrors |
        Where-Object Status -eq 'completed')
$saved = @()
if ($recordings.Count -gt 0) {
    $null = New-Item -ItemType Directory -Path $recordingFolder -Force
    $saved = @($recordings |
            Save-TwilioRecording -Path "$recordingFolder/" -Format $Format -Force -PassThru -Connection $connection -ErrorAction Continue -ErrorVariable +recordingErrors)
    $written += $saved.FullName
}
Write-Verbose "$($saved.Count) of $($recordings.Count) recordings saved to $recordingFolder."

$uploaded = 'Not requested'
if ($StorageAccountName -and $ContainerName) {
    if (-not (Get-Module -ListAvailable -Name Az.Storage)) {
        $uploaded = 'Skipped: Az.Storage is not available'
        Write-Verbose 'Az.Storage is not imported in this Automation account: the upload is skipped.'
    }
    else {
        $null = Connect-AzAccount -Identity -ErrorAction Stop
        $storage = New-AzStorageContext -StorageAccountName $StorageAccountName -UseConnectedAccount -ErrorAction Stop
        foreach ($file in $written) {
            $blob = "$dayText/" + (Split-Path -Path $file -Leaf)
            $null = Set-AzStorageBlobContent -File $file -Container $ContainerName -Blob $blob -Context $storage -Force -ErrorAction Stop
        }
        $uploaded = "$($written.Count) files to $StorageAccountName/$ContainerName/$dayText"
    }
}

Write-Output ([pscustomobject]@{
        Day               = $dayText
        Calls             = $calls.Count
        CsvPath           = $csvPath
        Recordings        = $saved.Count
        RecordingFolder   = $recordingFolder
        RecordingFailures = $recordingErrors.Count
        Uploaded          = $uploaded
    })
