#Requires -Version 7.6
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
$module = Join-Path $PSScriptRoot 'module/AtomCuration'

# Not named Invoke-Build: the InvokeBuild module's alias of that name would shadow it.
function Publish-AtomCurationModule {
    dotnet publish (Join-Path $PSScriptRoot 'src/AtomCuration.PowerShell') -c $Configuration -o $module --nologo
    if ($LASTEXITCODE) { throw "dotnet publish failed ($LASTEXITCODE)" }
}

Push-Location $PSScriptRoot
try {
    switch ($Task) {
        'Build' { Publish-AtomCurationModule }
        'Test' {
            Publish-AtomCurationModule
            dotnet test AtomCuration.sln -c $Configuration --nologo
            $xunit = $LASTEXITCODE
            # A fresh process: this session may hold an older build of the module, which Import-Module -Force cannot unload.
            dotnet pwsh -NoProfile -File (Join-Path $PSScriptRoot 'tests/pester/Invoke-Pester.ps1')
            if ($xunit -or $LASTEXITCODE) { throw 'tests failed' }
        }
        'Package' {
            Publish-AtomCurationModule
            $version = (Import-PowerShellDataFile (Join-Path $module 'AtomCuration.psd1')).ModuleVersion
            New-Item -ItemType Directory -Force out | Out-Null
            $zip = "out/AtomCuration-$version.zip"
            Compress-Archive -Path $module -DestinationPath $zip -Force
            Write-Host "Packaged $zip"
        }
    }
}
finally {
    Pop-Location
}
