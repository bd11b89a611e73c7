# The module's root: loads TwilioPS.dll and exports its cmdlets.
# On PowerShell 7 the assembly and its dependencies load in the module's own AssemblyLoadContext
# (TwilioPS.Isolation.dll), so another module's version of Microsoft.Extensions.*, Polly or
# System.Text.Json in the same session neither breaks TwilioPS nor is broken by it. Windows PowerShell
# 5.1 has no load contexts; there TwilioPS.dll's initializer resolves its dependencies from this folder.
# Paths through .NET rather than Join-Path: that cmdlet alone would load Microsoft.PowerShell.Management
# into every session that imports TwilioPS (about 20 ms of the import).
if ($PSEdition -eq 'Core') {
    $isolation = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'TwilioPS.Isolation.dll'))
    $moduleAssembly = $isolation.GetType('TwilioPS.Isolation.ModuleLoadContext', $true)::LoadModule($PSScriptRoot)
}
else {
    $moduleAssembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'TwilioPS.dll'))
}
# Import-Module -Force removes this script module but leaves the cmdlets' module (the same assembly)
# in the session's module table, and importing an assembly that is already there adds no commands here:
# remove it first, so a forced re-import exports every cmdlet again.
Get-Module -All | Where-Object { $_.ImplementingAssembly -eq $moduleAssembly } | Remove-Module -Force
Import-Module -Assembly $moduleAssembly
Export-ModuleMember -Cmdlet *
