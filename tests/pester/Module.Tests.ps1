# The module folder as published: its assemblies carry code precompiled for the runtime pwsh runs on, so a cmdlet's
# first call does not wait for the JIT (bench/README.md, "Cold start"). The runtime takes only ReadyToRun images of its
# own major format and silently JIT-compiles everything else, so this checks the format, not just that images exist.
BeforeAll {
    $script:folder = Join-Path $PSScriptRoot '../../module/AtomCuration'
    # The ReadyToRun header's major and minor version, or $null for an assembly with no precompiled code.
    function script:Get-ReadyToRunVersion([string] $path) {
        $pe = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead($path))
        try {
            $directory = $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory
            if ($directory.Size -eq 0) { return $null }
            $reader = $pe.GetSectionData($directory.RelativeVirtualAddress).GetReader()
            if ($reader.ReadUInt32() -ne 0x00525452) { return $null } # 'RTR'
            [version]::new($reader.ReadUInt16(), $reader.ReadUInt16())
        }
        finally {
            $pe.Dispose()
        }
    }
    $script:runtimeFormat = Get-ReadyToRunVersion ([Linq.Enumerable].Assembly.Location)
}

Describe 'The published module' {
    It 'precompiles <_> in the ReadyToRun format of the runtime it runs on' -ForEach @(
        'AtomCuration.Core.dll', 'AtomCuration.PowerShell.dll', 'AtomCuration.Plotting.dll'
    ) {
        $runtimeFormat | Should -Not -BeNullOrEmpty -Because 'the runtime''s own System.Linq is precompiled'
        $format = Get-ReadyToRunVersion (Join-Path $folder $_)
        $format | Should -Not -BeNullOrEmpty -Because "$_ should carry precompiled code"
        $format.Major | Should -Be $runtimeFormat.Major
    }
}
