#!/usr/bin/env bash
# Restores the pinned PowerShell (.config/dotnet-tools.json, a local .NET tool) and Pester 5.9.1
# (NuGet package; its tools/ folder is the module) into .tools/ (ignored). Needs only the .NET SDK.
# Afterwards: `dotnet pwsh` runs PowerShell 7.6.10; tests/pester/Invoke-Pester.ps1 imports that Pester.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet restore tools/Pester/Pester.Restore.csproj --packages .tools/packages --nologo >/dev/null
test -f .tools/packages/pester/5.9.1/tools/Pester.psd1
