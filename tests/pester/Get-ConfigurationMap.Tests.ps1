BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:rdf = Import-Structure $sample | Get-Descriptor Rdf -Parameters @{ cutoff = 5 }
}

Describe 'Get-ConfigurationMap' {
    It 'attaches MapX and MapY to every structure, in input order' {
        foreach ($m in 'Pca', 'ClassicalMds', 'Smacof') {
            $map = $rdf | Get-ConfigurationMap -Method $m
            $map.Count | Should -Be $rdf.Count
            ($map.Id -join ',') | Should -Be ($rdf.Id -join ',')
            $map | Where-Object { $null -eq $_.MapX -or $null -eq $_.MapY } | Should -BeNullOrEmpty
        }
    }

    It 'is PCA by default and classical MDS agrees with it up to sign' {
        $pca = $rdf | Get-ConfigurationMap
        $mds = $rdf | Get-ConfigurationMap ClassicalMds
        [math]::Abs($pca[0].MapX) | Should -BeGreaterThan 0
        [math]::Abs([math]::Abs($pca[3].MapX) - [math]::Abs($mds[3].MapX)) | Should -BeLessThan 1e-8
    }

    It 'runs t-SNE reproducibly' {
        $a = $rdf | Get-ConfigurationMap -Method Tsne -Perplexity 10 -Seed 1 -Standardize -Iterations 300
        $b = $rdf | Get-ConfigurationMap -Method Tsne -Perplexity 10 -Seed 1 -Standardize -Iterations 300
        ($a.MapX -join ',') | Should -Be ($b.MapX -join ',')
    }

    It 'feeds Export-Csv directly' {
        $csv = Join-Path $TestDrive 'map.csv'
        $rdf | Get-ConfigurationMap Smacof -Kernel Rbf -Gamma 0.5 | Select-Object Id, ConfigType, MapX, MapY | Export-Csv $csv
        (Import-Csv $csv).Count | Should -Be $rdf.Count
    }

    It 'rejects settings the method does not take and names a missing descriptor' {
        { $rdf | Get-ConfigurationMap Pca -Perplexity 5 -ErrorAction Stop } | Should -Throw '*-Perplexity*'
        { $rdf | Get-ConfigurationMap Tsne -Kernel Rbf -ErrorAction Stop } | Should -Throw '*-Kernel*'
        { Import-Structure $sample -Index 0 | Get-ConfigurationMap -ErrorAction Stop } | Should -Throw '*Get-Descriptor*'
    }
}

Describe 'Get-ConfigurationMap refuses and warns as scikit-learn would (issue 15)' {
    BeforeAll { . (Join-Path $PSScriptRoot 'New-NonFiniteCopy.ps1') }

    It 'refuses a t-SNE perplexity not below the number of structures, suggesting one' {
        $e = { $rdf[0..11] | Get-ConfigurationMap Tsne -Perplexity 12 -ErrorAction Stop } | Should -Throw -PassThru
        $e.Exception.Message | Should -BeLike '*Perplexity 12 must be less than the number of structures (12)*try 3*'
        ($rdf[0..11] | Get-ConfigurationMap Tsne -Perplexity 3 -Iterations 50).Count | Should -Be 12
    }

    It 'lowers the default perplexity for a small pool, with a warning' {
        $map = $rdf[0..11] | Get-ConfigurationMap Tsne -Iterations 50 -WarningVariable w -WarningAction SilentlyContinue
        $map.Count | Should -Be 12
        "$w" | Should -BeLike "*default perplexity 30 is not below the 12 structures*using 3*"
    }

    It 'says a seed has no effect on PCA and classical MDS' {
        $null = $rdf | Get-ConfigurationMap Pca -Seed 4 -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -BeLike '*-Seed has no effect: Pca*'
    }

    It 'leaves out non-finite structures under -SkipNonFinite with one warning' {
        $bad = New-NonFiniteCopy $rdf[5] -Column 0
        $pool = @($rdf[0..4]) + $bad + @($rdf[6..9])
        { $pool | Get-ConfigurationMap -ErrorAction Stop } | Should -Throw "*$($bad.Id)*"
        $map = $pool | Get-ConfigurationMap -SkipNonFinite -WarningVariable w -WarningAction SilentlyContinue
        $map.Count | Should -Be 9
        "$w" | Should -BeLike "*$($bad.Id)*"
    }
}
