#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages AtomCuration.
.DESCRIPTION
    Build   : publishes the cmdlet assembly and its dependencies into module/AtomCuration,
              so that Import-Module ./module/AtomCuration works.
    Test    : Build, then every test: xunit (Core and cmdlet metadata) and Pester
              (what ./test.sh runs in CI, for machines with PowerShell).
    Package : Build, then zips module/AtomCuration into out/AtomCuration-<version>.zip.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$module = Join-Path $PSScriptRoot 'module/AtomCuration'

function Invoke-Build {
    dotnet publish src/AtomCuration.PowerShell -c $Configuration -o $module --nologo
    if ($LASTEXITCODE) { throw "dotnet publish failed ($LASTEXITCODE)" }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Build
        dotnet test AtomCuration.sln -c $Configuration --nologo
        $xunit = $LASTEXITCODE
        & (Join-Path $PSScriptRoot 'tests/pester/Invoke-Pester.ps1')
        if ($xunit -or $LASTEXITCODE) { throw 'tests failed' }
    }
    'Package' {
        Invoke-Build
        $version = (Import-PowerShellDataFile (Join-Path $module 'AtomCuration.psd1')).ModuleVersion
        New-Item -ItemType Directory -Force out | Out-Null
        $zip = "out/AtomCuration-$version.zip"
        Compress-Archive -Path $module -DestinationPath $zip -Force
        Write-Host "Packaged $zip"
    }
}
