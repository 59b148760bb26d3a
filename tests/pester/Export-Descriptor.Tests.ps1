BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:described = Import-Structure $sample -Index ':6' | Get-Descriptor Rdf -Parameters @{ cutoff = 3 }
}

Describe 'Export-Descriptor' {
    It 'writes a CSV with an id column and one column per label' {
        $csv = Join-Path $TestDrive 'rdf.csv'
        $described | Export-Descriptor $csv
        $rows = Import-Csv $csv
        $rows.Count | Should -Be 6
        $rows[0].id | Should -Be $described[0].Id
        ($rows[0].PSObject.Properties.Name | Select-Object -Skip 1) | Should -Be $described[0].DescriptorLabels
        [double]::Parse($rows[2].($described[2].DescriptorLabels[29]), [cultureinfo]::InvariantCulture) |
            Should -Be $described[2].Descriptor[29]
    }

    It 'writes .npy with a JSON sidecar of labels and ids' {
        $npy = Join-Path $TestDrive 'rdf.npy'
        $described | Export-Descriptor $npy
        $bytes = [IO.File]::ReadAllBytes($npy)
        $bytes[0] | Should -Be 0x93
        [Text.Encoding]::ASCII.GetString($bytes, 1, 5) | Should -Be 'NUMPY'
        $bytes.Length % 8 | Should -Be 0
        $side = Get-Content (Join-Path $TestDrive 'rdf.json') -Raw | ConvertFrom-Json
        $side.ids.Count | Should -Be 6
        $side.labels.Count | Should -Be 30
    }

    It 'passes structures through with -PassThru and honours -WhatIf' {
        $p = $described | Export-Descriptor (Join-Path $TestDrive 'p.csv') -PassThru
        $p.Count | Should -Be 6
        $described | Export-Descriptor (Join-Path $TestDrive 'w.csv') -WhatIf
        Test-Path (Join-Path $TestDrive 'w.csv') | Should -BeFalse
    }

    It 'reports a structure without a descriptor and writes the others' {
        $csv = Join-Path $TestDrive 'mixed.csv'
        $bare = Import-Structure $sample -Index 0
        @($described[0], $bare, $described[1]) | Export-Descriptor $csv -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -BeLike '*Get-Descriptor*'
        (Import-Csv $csv).Count | Should -Be 2
    }

    It 'warns and writes no file when it receives nothing' {
        $out = Join-Path $TestDrive 'nothing.npy'
        Import-Structure $sample -Index 500 -ErrorAction SilentlyContinue | Get-Descriptor Rdf | Export-Descriptor $out -WarningVariable w 3>$null
        $out | Should -Not -Exist
        "$w" | Should -Be 'Export-Descriptor received no structures with a descriptor; no file was written.'
    }

    It 'refuses other extensions' {
        { $described | Export-Descriptor (Join-Path $TestDrive 'x.txt') -ErrorAction Stop } | Should -Throw '*use .npy, .csv or .parquet*'
    }
}
