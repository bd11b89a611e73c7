# The module's root: loads TwilioPS.dll and exports its cmdlets.
# On PowerShell 7 the assembly and its dependencies load in the module's own AssemblyLoadContext
# (TwilioPS.Isolation.dll), so another module's version of Microsoft.Extensions.*, Polly or
# System.Text.Json in the same session neither breaks TwilioPS nor is broken by it. Windows PowerShell
# 5.1 has no load contexts; there TwilioPS.dll's initializer resolves its dependencies from this folder.
# Paths are built as strings rather than with Join-Path: that cmdlet alone would load Microsoft.PowerShell.Management
# into every session that imports TwilioPS (about 20 ms of the import).
# Fewer statements is a faster import: PowerShell binds each method call the first time it runs it.
if ($PSEdition -eq 'Core') {
    $loadContext = [System.Reflection.Assembly]::LoadFrom("$PSScriptRoot/TwilioPS.Isolation.dll").GetType('TwilioPS.Isolation.ModuleLoadContext', $true)
    $reimport = $loadContext::IsModuleLoaded($PSScriptRoot)
    $moduleAssembly = $loadContext::LoadModule($PSScriptRoot)
}
else {
    $reimport = $true
    $moduleAssembly = [System.Reflection.Assembly]::LoadFrom("$PSScriptRoot/TwilioPS.dll")
}
# Import-Module -Force removes this script module but leaves the cmdlets' module (the same assembly)
# in the session's module table, and importing an assembly that is already there adds no commands here:
# remove it first, so a forced re-import exports every cmdlet again. The first import in a process
# cannot meet one, and skips the pipeline (about 20 ms of the import).
if ($reimport) {
    Get-Module -All | Where-Object { $_.ImplementingAssembly -eq $moduleAssembly } | Remove-Module -Force
}
Import-Module -Assembly $moduleAssembly
Export-ModuleMember -Cmdlet *
