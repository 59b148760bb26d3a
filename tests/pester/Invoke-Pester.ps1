#Requires -Version 7.4
# Runs every *.Tests.ps1 here against the module built into module/AtomCuration
# (./test.sh publishes it first) and ends with "Pester: N passed, N failed".
$ErrorActionPreference = 'Stop'
$pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.2.0' | Sort-Object Version -Descending | Select-Object -First 1
# 5.2: New-PesterConfiguration (5.0 and 5.1 lack it); BeforeDiscovery and Describe -ForEach need 5.1.
if (-not $pester) {
    # -ErrorAction Continue: under 'Stop' this would end the script before the result line below.
    Write-Error 'Pester 5.2 or later is required: Install-Module Pester -MinimumVersion 5.2 -Scope CurrentUser' -ErrorAction Continue
    'Pester: 0 passed, 1 failed'
    exit 1
}
Import-Module -ModuleInfo $pester
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
"Pester: $($result.PassedCount) passed, $($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount) failed"
exit ([int](($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount) -gt 0))
