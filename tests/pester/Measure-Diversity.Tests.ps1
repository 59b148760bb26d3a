BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor -Preset LocalEnvironment
    $script:atomCount = ($pool | Measure-Object AtomCount -Sum).Sum
}

Describe 'Measure-Diversity' {
    It 'measures the entropy of a set' {
        $r = $pool | Measure-Diversity
        $r | Should -BeOfType ([AtomCuration.Selection.DiversityReport])
        $r.Environments | Should -Be $atomCount
        [double]::IsFinite($r.Entropy) | Should -BeTrue
        $r.ReferenceEnvironments | Should -Be 0
        [double]::IsNaN($r.MeanDistance) | Should -BeTrue
    }

    It 'gives the nearest-distance table against a reference' {
        $self = $pool | Measure-Diversity -Reference $pool
        $self.MaxDistance | Should -Be 0
        $few = $pool | Select-Object -First 3 | Measure-Diversity -Reference $pool
        $few.ReferenceEnvironments | Should -Be $atomCount
        $few.MeanDistance | Should -BeGreaterThan 0
        $few.MedianDistance | Should -BeLessOrEqual $few.MaxDistance
        $few.MeanDistance | Should -BeLessOrEqual $few.MaxDistance
    }

    It 'ranks an entropy selection at least as well covered as its first picks' {
        $sel = $pool | Select-Configuration Entropy -Count 6
        $six = $sel | Measure-Diversity -Reference $pool
        $two = $sel | Select-Object -First 2 | Measure-Diversity -Reference $pool
        $six.MeanDistance | Should -BeLessOrEqual $two.MeanDistance
    }

    It 'scales environments with -Scaling MinMax and takes estimator settings' {
        $r = $pool | Select-Object -First 5 | Measure-Diversity -Reference $pool -Scaling MinMax -Neighbours 2 -Bandwidth 1e-9
        $r.MaxDistance | Should -BeLessOrEqual ([math]::Sqrt(40))
        ($r | Format-List | Out-String) | Should -Match 'MedianDistance'
    }

    It 'names the Get-Descriptor call that is missing and rejects bad settings' {
        { Import-Structure $sample -Index 0 | Measure-Diversity -ErrorAction Stop } | Should -Throw '*Get-Descriptor -PerAtom*'
        { $pool | Measure-Diversity -Neighbours 0 -ErrorAction Stop } | Should -Throw "*parameter 'Neighbours'*minimum allowed range of 1*"
    }
}

Describe 'Measure-Diversity -SkipNonFinite (issue 18)' {
    BeforeAll { . (Join-Path $PSScriptRoot 'New-NonFiniteCopy.ps1') }

    It 'leaves out set and reference structures with non-finite environments, with one warning naming them' {
        $badSet = New-NonFiniteCopy $pool[1] -PerAtom -Column 0
        $badRef = New-NonFiniteCopy $pool[7] -PerAtom -Column 3
        $set = @($pool[0]) + $badSet + @($pool[2..4])
        $ref = @($pool[5..6]) + $badRef
        { $set | Measure-Diversity -Reference $ref -ErrorAction Stop } | Should -Throw '*non-finite*'
        $r = $set | Measure-Diversity -Reference $ref -SkipNonFinite -WarningVariable w -WarningAction SilentlyContinue
        @($w).Count | Should -Be 1
        "$w" | Should -BeLike "*2 structure(s)*$($badSet.Id)*$($badRef.Id)*"
        $r.Environments | Should -Be ((@($pool[0]) + @($pool[2..4]) | Measure-Object AtomCount -Sum).Sum)
        [double]::IsFinite($r.Entropy) | Should -BeTrue
        [double]::IsFinite($r.MeanDistance) | Should -BeTrue
    }
}
