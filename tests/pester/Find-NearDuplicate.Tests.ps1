BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample -Index '::4' | Get-Descriptor -Preset AverageSoap
}

Describe 'Find-NearDuplicate' {
    It 'finds every structure piped twice as a group of two and nothing else' {
        $groups = $pool + $pool | Find-NearDuplicate
        $groups | Should -HaveCount $pool.Count
        $groups[0] | Should -BeOfType ([AtomCuration.Selection.NearDuplicateGroup])
        $groups | ForEach-Object { $_.Count | Should -Be 2; $_.MaxDistance | Should -Be 0 }
        $groups[0].Members | Should -Be @(0, $pool.Count)
        $groups[0].Representative | Should -Be $pool[0].Id
        ($groups | Format-Table | Out-String) | Should -Match 'Representative'
        $pool | Find-NearDuplicate | Should -BeNullOrEmpty
    }

    It 'says what it searched and found, with -Verbose' {
        $said = ($pool + $pool | Find-NearDuplicate -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $said | Should -Match "Searched $(2 * $pool.Count) structures at tolerance .*: $($pool.Count) group\(s\) holding $(2 * $pool.Count) structures"
    }

    It 'keeps one structure per group when selecting with -DuplicateTolerance, and warns' {
        $twice = $pool + $pool
        $picked = $twice | Select-Configuration Fps -Count $pool.Count -DuplicateTolerance 0 -WarningVariable warned -WarningAction SilentlyContinue
        $picked | Should -HaveCount $pool.Count
        ($picked.Id | Sort-Object -Unique) | Should -HaveCount $pool.Count
        ($warned -join ' ') | Should -Match 'near-duplicate'
        $plain = $twice | Select-Configuration Random -Count $pool.Count -Seed 1
        ($plain.Id | Sort-Object -Unique).Count | Should -BeLessThan $pool.Count
    }

    It 'refuses structures without a descriptor' {
        { Import-Structure (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz') -Index 0 | Find-NearDuplicate -ErrorAction Stop } |
            Should -Throw -ErrorId 'DescriptorMissing,AtomCuration.PowerShell.Commands.FindNearDuplicateCommand'
    }
}
