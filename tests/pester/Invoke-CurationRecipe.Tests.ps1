BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:recipe = Join-Path $PSScriptRoot '../../examples/cu-quick.yml'
    $script:first = Invoke-CurationRecipe $recipe -OutputPath (Join-Path $TestDrive 'first') -ThrottleLimit 2
}

Describe 'Invoke-CurationRecipe' {
    It 'emits a typed report: pool summary, selection, fit and errors' {
        $first | Should -BeOfType ([AtomCuration.Recipes.RecipeReport])
        $first.Pool.Count | Should -Be 59
        $first.SkippedFrames | Should -Be 0
        ($first.Summary | Where-Object Group -eq 'all').Atoms | Should -Be 6202
        ($first.Summary | Where-Object Group -eq 'Vacancy').Structures | Should -Be 8
        $first.Training.Count | Should -Be 8
        @($first.SelectedIndices | Select-Object -Unique).Count | Should -Be 8
        $first.Fit | Should -BeOfType ([AtomCuration.Potentials.Eam.EamFitResult])
        $first.PoolErrors.Overall.EnergyRmse | Should -BeLessThan 20
        $first.Timings['total'] | Should -BeGreaterThan 0
    }

    It 'writes a provenance file with inputs, software, options, seeds, threads and timings' {
        $first.ProvenancePath | Should -Be (Join-Path $TestDrive 'first/provenance.json')
        $p = Get-Content $first.ProvenancePath -Raw | ConvertFrom-Json
        $pool = Resolve-Path (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz')
        $p.inputs[0].sha256 | Should -Be (Get-FileHash $pool -Algorithm SHA256).Hash.ToLowerInvariant()
        $p.inputs[0].bytes | Should -Be (Get-Item $pool).Length
        $p.software.version | Should -Be (Get-Module AtomCuration).Version.ToString()
        $p.software.commit | Should -Match '^([0-9a-f]{40}|unknown)$'
        $p.software.powershell | Should -Be $PSVersionTable.PSVersion.ToString()
        $p.threads | Should -Be 2
        $p.seeds.fit | Should -Be 1
        $p.recipe.fit.smoothness | Should -Be 1e-7 -Because 'defaults are written out'
        $p.resolved.select.method | Should -Be 'Fps'
        $p.timingsSeconds.fit | Should -BeGreaterThan 0
    }

    It 'repeats the run from its provenance file bit for bit' {
        $again = Invoke-CurationRecipe $first.ProvenancePath -OutputPath (Join-Path $TestDrive 'again') -ThrottleLimit 1
        $again.SelectedIndices | Should -Be $first.SelectedIndices
        $again.Fit.Parameters | Should -Be $first.Fit.Parameters
        (Get-FileHash (Join-Path $TestDrive 'again/potential.eam.alloy')).Hash | Should -Be (Get-FileHash (Join-Path $TestDrive 'first/potential.eam.alloy')).Hash
    }

    It 'refuses an unknown key naming it and the valid ones' {
        $bad = Join-Path $TestDrive 'bad.yml'
        Set-Content $bad "pool: x.xyz`nfit: { cutof: 5 }"
        { Invoke-CurationRecipe $bad -ErrorAction Stop } | Should -Throw "*fit: unknown key 'cutof'; valid keys: form, finnisSinclair, crossPair, cutoff*"
    }

    It 'takes recipe files from Get-ChildItem and shows the report view' {
        $pool = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz')).Path
        Set-Content (Join-Path $TestDrive 'random.yml') "pool: '$pool'`nselect: { method: Random, count: 3, seed: 2 }"
        $r = Get-ChildItem $TestDrive -Filter random.yml | Invoke-CurationRecipe
        $r.Training.Count | Should -Be 3
        $r.Fit | Should -BeNullOrEmpty
        $r.ProvenancePath | Should -BeNullOrEmpty -Because 'the recipe has no output folder'
        $r.Provenance | Should -Match '"sha256"'
        ($r | Out-String) | Should -Match 'Pool E RMSE'
    }
}

Describe 'about_AtomCuration_Recipes' {
    It 'documents every section with types, defaults and ranges' {
        $text = Get-Help about_AtomCuration_Recipes | Out-String
        $text | Should -Match 'SECTION FIT'
        $text | Should -Match 'cutoff'
        $text | Should -Match 'Range: \(0, ∞\)'
        $text | Should -Match 'blockWeights'
    }
}
