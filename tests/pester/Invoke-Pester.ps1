#Requires -Version 7.6
# Runs every *.Tests.ps1 here against the module built into module/AtomCuration
# (./test.sh publishes it first) and ends with "Pester: N passed, N failed" (then ", N skipped" if any).
$ErrorActionPreference = 'Stop'
# The Pester the repository pins (tools/restore-tools.sh restores it from NuGet), never one installed elsewhere.
$manifest = Join-Path $PSScriptRoot '../../.tools/packages/pester/5.9.1/tools/Pester.psd1'
if (-not (Test-Path $manifest)) {
    # -ErrorAction Continue: under 'Stop' this would end the script before the result line below.
    Write-Error "Pester 5.9.1 is not restored: run tools/restore-tools.sh (looked for $manifest)" -ErrorAction Continue
    'Pester: 0 passed, 1 failed'
    exit 1
}
Import-Module $manifest -Force
$config = New-PesterConfiguration
# The suite, and the example that shows users how to keep a recipe under test.
$config.Run.Path = @($PSScriptRoot, (Join-Path $PSScriptRoot '../../examples/recipe.Tests.ps1'))
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
$skipped = if ($result.SkippedCount -gt 0) { ", $($result.SkippedCount) skipped" } else { '' }
"Pester: $($result.PassedCount) passed, $($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount) failed$skipped"
exit ([int](($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount) -gt 0))
