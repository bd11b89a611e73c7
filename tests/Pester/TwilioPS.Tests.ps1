# The module as a user installs it: manifest, exported commands, what ships, help.

BeforeDiscovery {
    $discoveryManifest = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'TwilioPS', 'TwilioPS.psd1')
    $exportedCmdlets = @()
    if (Test-Path -LiteralPath $discoveryManifest) {
        $exportedCmdlets = @((Import-PowerShellDataFile -Path $discoveryManifest).CmdletsToExport | ForEach-Object { @{ Cmdlet = $_ } })
    }
}

Describe 'TwilioPS module' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestSetup.ps1')
        $manifestData = Import-PowerShellDataFile -Path $ManifestPath
    }

    Context 'Manifest' {
        BeforeAll {
            $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
        }

        It 'passes Test-ModuleManifest' {
            $manifest | Should -Not -BeNullOrEmpty
            $manifest.Name | Should -Be 'TwilioPS'
            $manifest.RootModule | Should -Be 'TwilioPS.psm1'
            Join-Path $ModuleDirectory 'TwilioPS.dll' | Should -Exist
        }

        It 'loads the cmdlets in the module''s own load context on PowerShell 7' -Skip:($PSEdition -ne 'Core') {
            $assembly = (Get-Command Get-TwilioCall).ImplementingType.Assembly
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -BeLike 'TwilioPS (*'
        }

        It 'lists in CmdletsToExport exactly the commands the module exports' {
            $listed = @($manifestData.CmdletsToExport | Sort-Object)
            $exported = @(Get-Command -Module TwilioPS | ForEach-Object { $_.Name } | Sort-Object)
            $listed | Should -Not -BeNullOrEmpty
            $exported | Should -Be $listed
        }

        It 'exports only cmdlets (no functions, aliases or variables)' {
            @(Get-Command -Module TwilioPS | Where-Object { $_.CommandType -ne 'Cmdlet' }) | Should -HaveCount 0
            @($manifestData.FunctionsToExport) | Should -HaveCount 0
            @($manifestData.AliasesToExport) | Should -HaveCount 0
            @($manifestData.VariablesToExport) | Should -HaveCount 0
        }

        It 'is compatible with Desktop and Core' {
            @($manifest.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        }

        It 'requires PowerShell 5.1' {
            $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        }

        It 'has the same version as TwilioPS.dll' {
            $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModuleDirectory 'TwilioPS.dll'))
            $manifest.Version.ToString(3) | Should -Be $assembly.Version.ToString(3)
        }

        It 'does not ship System.Management.Automation.dll' {
            @(Get-ChildItem -LiteralPath $ModuleDirectory -Recurse -File -Filter 'System.Management.Automation.dll') | Should -HaveCount 0
        }

        It 'has the format file it declares' {
            foreach ($format in @($manifestData.FormatsToProcess)) {
                Join-Path $ModuleDirectory $format | Should -Exist
            }
        }
    }

    Context 'Help' {
        It 'Get-Help New-TwilioCall -Examples shows examples' {
            $help = Get-Help -Name New-TwilioCall -Examples
            $help.examples | Should -Not -BeNullOrEmpty
            $examples = @($help.examples.example)
            $examples.Count | Should -BeGreaterThan 0
            ($examples[0].code | Out-String) | Should -Match 'New-TwilioCall'
            ($help | Out-String) | Should -Match 'New-TwilioCall'
        }

        It 'ships the about_TwilioPS topic' {
            Join-Path (Join-Path $ModuleDirectory 'en-US') 'about_TwilioPS.help.txt' | Should -Exist
        }

        It '<Cmdlet> has compiled help with a description and an example' -ForEach $exportedCmdlets {
            $help = Get-Help -Name $Cmdlet -Full
            ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "$Cmdlet needs a description in docs/help"
            $help.examples | Should -Not -BeNullOrEmpty -Because "$Cmdlet needs at least one example in docs/help"
            @($help.examples.example).Count | Should -BeGreaterThan 0
        }
    }
}
