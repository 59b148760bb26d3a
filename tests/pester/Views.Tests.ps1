# What a user sees by default: the views in module/AtomCuration/AtomCuration.format.ps1xml.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample
}

Describe 'Structure views' {
    It 'keeps the distinctive end of an id (the frame number) in a narrow table' {
        $text = $pool | Select-Object -First 12 | Format-Table | Out-String -Width 80
        $text | Should -Match 'gz#11 '
        $text | Should -Match 'E/atom \(eV\)'
    }

    It 'shows a curated list with units and no empty sections' {
        $text = $pool[3] | Format-List | Out-String -Width 200
        $text | Should -Match 'Energy \(eV\)\s+: -?\d+\.\d{6} \(-?\d+\.\d{6} eV/atom\)'
        $text | Should -Match 'Stress \(GPa\)\s+: xx '
        $text | Should -Match 'Cell a b c \(Å\)'
        $text | Should -Not -Match 'PositionSpan|Voigt|IsFinite|Descriptor|Selection|Map'
    }

    It 'lists only curated members in Get-Member (no compiler-generated clone method)' {
        $names = (Import-Structure $sample -Index 0 | Get-Member).Name
        $names | Should -Contain 'AtomCount'
        $names | Should -Not -Contain '<Clone>$'
        @($names | Where-Object { $_.StartsWith('<') }) | Should -HaveCount 0
        $names | Should -Not -Contain 'PositionSpan'
        # A structure's extra per-atom columns (AtomProperty) and its elements (Element) too.
        $file = Join-Path $TestDrive 'tagged.extxyz'
        Set-Content $file "2`nLattice=""4 0 0 0 4 0 0 0 4"" Properties=species:S:1:pos:R:3:tags:I:1 pbc=""T T T""`nCu 0 0 0 1`nCu 2 2 2 2"
        $property = (Import-Structure $file).AtomProperties | Where-Object Name -eq 'tags'
        $property.Values | Should -Be @(1, 2)
        $element = [AtomCuration.Structures.Elements]::FromSymbol('Cu')
        foreach ($item in $property, $element) {
            $names = ($item | Get-Member).Name
            @($names | Where-Object { $_.StartsWith('<') }) | Should -HaveCount 0 -Because "$($item.GetType().Name) lists no compiler-generated member"
        }
        ($element | Get-Member -MemberType Property).Name | Should -Be @('CovalentRadius', 'Mass', 'Symbol', 'Z')
    }

    It 'shows rank, selected and cluster by default after Select-Configuration' {
        $picked = $pool | Get-Descriptor -Preset AverageSoap | Select-Configuration -Method KMeans -Count 3 -Seed 1
        $picked[0].PSObject.TypeNames[0] | Should -Be 'AtomCuration.Structures.Structure#Selection'
        $picked[0] | Should -BeOfType ([AtomCuration.Structures.Structure])
        ($picked | Out-String -Width 120) | Should -Match 'Rank\s+Selected\s+Cluster'
    }

    It 'shows the map coordinates by default after Get-ConfigurationMap' {
        $map = $pool | Select-Object -First 10 | Get-Descriptor -Kind Rdf | Get-ConfigurationMap -Method Pca
        ($map | Out-String -Width 120) | Should -Match 'MapX\s+MapY'
    }
}

Describe 'Fit error views' {
    BeforeAll {
        $script:fit = $pool | Select-Object -First 10 | Invoke-EamFit -Cutoff 5 -MaxIterations 5 -Seed 1
    }

    It 'fits the summary table in 80 columns without wrapped headers' {
        $lines = ($pool | Measure-FitError -Potential $fit -GroupBy config_type | Out-String -Width 80) -split "`n"
        ($lines | Where-Object { $_ -match 'E RMSE meV/atom\s+F RMSE meV/Å\s+σ RMSE GPa' }).Count | Should -Be 1
        ($lines | Measure-Object -Maximum Length).Maximum | Should -BeLessOrEqual 80
        ($pool | Measure-FitError -Potential $fit | Format-Table -View Detailed | Out-String -Width 120) | Should -Match 'E MAE meV/atom'
    }

    It 'shows the EAM kind unclipped' {
        ($fit | Export-EamPotential (Join-Path $TestDrive 'p.eam.alloy') -PassThru | Out-Null)
        (Import-EamPotential (Join-Path $TestDrive 'p.eam.alloy') | Out-String) | Should -Match 'eam/alloy'
    }
}

Describe 'One id rule for every table (issue 15)' {
    It 'cuts every Id column with ViewText.IdTail, keeping the end' {
        $format = Get-Content -Raw (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.format.ps1xml')
        $format | Should -Not -Match 'Substring\(' -Because 'the id rule is written once, in ViewText.IdTail'
        ([regex]::Matches($format, 'IdTail\(\$_\.Id, \$Host, \d+\)')).Count | Should -BeGreaterOrEqual 6
        [AtomCuration.PowerShell.ViewText]::IdTail('runs/a/b/c/d/e/f/g/h/i/j/k/OUTCAR#3', $null, 110) | Should -Be '…/i/j/k/OUTCAR#3'
        [AtomCuration.PowerShell.ViewText]::IdTail('short#1', $null, 62) | Should -Be 'short#1'
    }
}

Describe 'Structures across a process boundary (issue 15)' {
    It 'are not rehydrated from Import-Clixml: cmdlets refuse them, as docs/concepts/data-model.md says' {
        $file = Join-Path $TestDrive 'pool.clixml'
        $pool | Select-Object -First 2 | Export-Clixml $file
        $back = Import-Clixml $file
        $back[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.AtomCuration.Structures.Structure'
        $back[0].Id | Should -Be $pool[0].Id
        { $back | Export-Structure (Join-Path $TestDrive 'x.extxyz') -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound*'
        Test-Path (Join-Path $TestDrive 'x.extxyz') | Should -BeFalse
        (Get-Content -Raw (Join-Path $PSScriptRoot '../../docs/concepts/data-model.md')) | Should -Match 'not rehydrated'
    }

    It 'cross it losslessly as a file, the documented way' {
        $file = Join-Path $TestDrive 'job.extxyz'
        $pool | Select-Object -First 2 | Export-Structure $file
        $back = Import-Structure $file
        $back[1].Positions[3].X | Should -Be $pool[1].Positions[3].X
        $back[1].Energy | Should -Be $pool[1].Energy
    }
}
