BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample
}

Describe 'Get-Descriptor' {
    It 'says which species it inferred from the pool, with -Verbose' {
        $out = $pool | Select-Object -First 2 | Get-Descriptor -Preset AverageSoap -Verbose 4>&1
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain 'Species inferred from the 2 structures: Cu.'
    }

    It 'computes the 352-number seed fingerprint of the k-means study' {
        $s = $pool | Select-Object -First 2 | Get-Descriptor -Preset SeedFingerprint
        $s[0].Descriptor.Length | Should -Be 352
        $s[0].DescriptorLabels.Count | Should -Be 352
        $b = $pool | Select-Object -First 2 | Get-Descriptor -Kind BondLength, Grdf
        $b[1].Descriptor.Length | Should -Be 104
        $b[1].Descriptor[0] | Should -Be $s[1].Descriptor[248]
    }

    It 'warns, naming the structure, where CrystalNN needs its slab fallback' {
        $slab = Join-Path $TestDrive 'slab.xyz'
        Set-Content $slab -Value @('2', 'Lattice="2.55 0 0 0 2.55 0 0 0 20" Properties=species:S:1:pos:R:3 pbc="T T F"',
            'Cu 0 0 5', 'Cu 1.275 1.275 6.8')
        $r = Import-Structure $slab | Get-Descriptor -Preset SeedFingerprint -WarningVariable w -WarningAction SilentlyContinue
        $r.Descriptor.Length | Should -Be 352
        $w.Count | Should -BeGreaterThan 0
        "$($w[0])" | Should -Match 'slab\.xyz#0'
    }

    It 'attaches a labelled RDF to every structure, in input order' {
        $d = $pool | Get-Descriptor -Kind Rdf -Parameters @{ cutoff = 5 }
        $d.Count | Should -Be $pool.Count
        ($d.Id -join ',') | Should -Be ($pool.Id -join ',')
        foreach ($s in $d) {
            $s.Descriptor.Length | Should -Be 50
            $s.DescriptorLabels.Count | Should -Be 50
            $s.AtomDescriptors | Should -BeNullOrEmpty
        }
        $pool[0].Descriptor | Should -BeNullOrEmpty
    }

    It 'attaches per-atom rows with -PerAtom and from the LocalEnvironment preset' {
        $s = $pool | Select-Object -First 3 | Get-Descriptor -Preset LocalEnvironment
        $s[0].AtomDescriptors.Rows | Should -Be $s[0].AtomCount
        $s[0].AtomDescriptors.Columns | Should -Be 40
        $s[0].Descriptor.Length | Should -Be 40
        { $pool[0] | Get-Descriptor Rdf -PerAtom -ErrorAction Stop } | Should -Throw '*per-atom kind*'
        $a = $pool[0] | Get-Descriptor Acsf -Aggregate Stats
        $a.Descriptor.Length | Should -Be (4 * 40)
    }

    It 'computes SNAP bispectrum rows with LAMMPS keywords, per element radius and weight' {
        $ta = Join-Path $TestDrive 'ta.xyz'
        Set-Content $ta -Value @('2', 'Lattice="3.316 0 0 0 3.316 0 0 0 3.316" Properties=species:S:1:pos:R:3 pbc="T T T"',
            'Ta 0 0 0', 'Ta 1.7 1.6 1.65')
        $p = @{ twojmax = 6; rcutfac = 4.67637; rfac0 = 0.99363; rmin0 = 0; switchflag = $true; bzeroflag = $false
            quadraticflag = $false; radius = @{ Ta = 0.5 }; weight = @{ Ta = 1.0 } }
        $s = Import-Structure $ta | Get-Descriptor -Kind Bispectrum -PerAtom -Parameters $p
        $s.AtomDescriptors.Columns | Should -Be 30
        $s.AtomDescriptors.Rows | Should -Be 2
        $s.AtomDescriptors.Labels[0..5] -join ' ' | Should -Be 'B[0,0,0] B[1,0,1] B[1,1,2] B[2,0,2] B[2,1,3] B[2,2,2]'
        $s.Descriptor.Length | Should -Be 30
        $q = $pool[0] | Get-Descriptor -Kind Bispectrum -PerAtom -Parameters @{ twojmax = 4; quadraticflag = 1; radius = @{ Cu = 2.3 } }
        $q.AtomDescriptors.Columns | Should -Be (14 + 105)
        { $pool[0] | Get-Descriptor -Kind Bispectrum -Parameters @{ twojmax = 5.5 } } | Should -Throw '*twojmax*'
        { $pool[0] | Get-Descriptor -Kind Bispectrum -Parameters @{ radius = @{ Ta = 2 } } -ErrorAction Stop } | Should -Throw '*no value for Cu*'
    }

    It 'concatenates kinds and reads parameters from a YAML file' {
        $yaml = Join-Path $TestDrive 'fp.yml'
        Set-Content $yaml "kinds: [Rdf, Acsf]`nRdf:`n  cutoff: 4.0`n  scale: 2`n"
        $s = $pool[0] | Get-Descriptor -Parameters $yaml
        $s.Descriptor.Length | Should -Be (40 + 40)
        $s.DescriptorLabels[0] | Should -BeLike '*Cu-Cu*'
    }

    It 'pads Coulomb matrices to the largest structure of the input' {
        $s = $pool | Get-Descriptor CoulombMatrix -Parameters @{ permutation = 'Eigenspectrum' }
        $largest = ($pool | ForEach-Object { $_.AtomCount } | Measure-Object -Maximum).Maximum
        ($s | ForEach-Object { $_.Descriptor.Length } | Sort-Object -Unique) | Should -Be $largest
    }

    It 'reports each structure it cannot describe and goes on' {
        $out = $pool | Select-Object -First 4 | Get-Descriptor Rdf -Parameters @{ species = 'Ni' } -ErrorVariable bad -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $bad.Count | Should -Be 4
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $bad[0].Exception.Message | Should -BeLike '*Ni*'
    }

    It 'rejects a bad parameter before any work, naming it' {
        { $pool[0] | Get-Descriptor Rdf -Parameters @{ cutof = 5 } -ErrorAction Stop } | Should -Throw "*'cutof'*"
        { $pool[0] | Get-Descriptor Soap -Parameters @{ nmax = 0 } -ErrorAction Stop } | Should -Throw '*Soap.nmax*[[]1, 20]*'
        { $pool[0] | Get-Descriptor -Preset NoSuchPreset -ErrorAction Stop } | Should -Throw '*NoSuchPreset*'
    }

    It 'completes the keys of -Parameters on Tab: flat, per kind and nested (issue 15)' {
        function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
        Complete 'Get-Descriptor -Kind Soap -Parameters @{ n' | Should -Be @('NMax', 'Normalization')
        Complete 'Get-Descriptor -Kind Soap -Parameters @{ nmax = 8; n' | Should -Be @('Normalization')
        Complete 'Get-Descriptor Acsf, Rdf -Parameters @{ Rdf = @{ ' | Should -Be @('Cutoff', 'Partial', 'Scale', 'Spacing', 'Width')
        Complete 'Get-Descriptor -Parameters @{ Soap = @{ rcut = 5; weighting = @{ r' | Should -Be @('R0')
        Complete 'Get-Descriptor -Parameters @{ ki' | Should -Be @('Kinds')
        Complete 'Get-Descriptor -Parameters @{ Bisp' | Should -Be @('Bispectrum')
    }

    It 'takes -Parameters as a hashtable, an ordered hashtable or a relative YAML path alike' {
        $table = $pool[0] | Get-Descriptor Rdf -Parameters @{ cutoff = 4 }
        ($pool[0] | Get-Descriptor Rdf -Parameters ([ordered]@{ Cutoff = 4 })).Descriptor | Should -Be $table.Descriptor
        Set-Content (Join-Path $TestDrive 'rdf.yml') "cutoff: 4`n"
        Push-Location $TestDrive
        try { ($pool[0] | Get-Descriptor Rdf -Parameters rdf.yml).Descriptor | Should -Be $table.Descriptor }
        finally { Pop-Location }
        $e = { $pool[0] | Get-Descriptor Rdf -Parameters @{ cutof = 5 } -ErrorAction Stop } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'InvalidDescriptorParameter*'
        $e.Exception.Message | Should -BeLike "*'cutof'*cutoff*"
        $e.TargetObject['cutof'] | Should -Be 5
    }

    It 'completes kinds and presets on Tab' {
        $line = 'Get-Descriptor -Kind So'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'Soap'
        $line = 'Get-Descriptor -Preset Av'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'AverageSoap'
    }

    It 'takes the species of the whole pool for a mixed pool (Cu sample + Ag set) and describes every structure' {
        $ag = Import-Structure (Join-Path $PSScriptRoot '../data/Ag_polymlp_sample.extxyz.gz')
        $mixed = @($pool) + @($ag)
        $d = $mixed | Get-Descriptor -Preset AverageSoap -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 0
        $d.Count | Should -Be $mixed.Count
        $d[0].DescriptorLabels | Where-Object { $_ -like '*Cu-Ag*' } | Should -Not -BeNullOrEmpty
        ($d | ForEach-Object { $_.Descriptor.Length } | Select-Object -Unique).Count | Should -Be 1
    }

    It 'streams with -Species and reports a structure with an element outside them' {
        $ag = Import-Structure (Join-Path $PSScriptRoot '../data/Ag_polymlp_sample.extxyz.gz') -Index 0
        $d = @($pool[0], $ag) | Get-Descriptor -Preset AverageSoap -Species Cu -ErrorVariable err -ErrorAction SilentlyContinue
        $d.Count | Should -Be 1
        $err.Count | Should -Be 1
        $err[0].TargetObject.Id | Should -Be $ag.Id
        $both = @($pool[0], $ag) | Get-Descriptor -Preset AverageSoap -Species Cu, Ag
        $both.Count | Should -Be 2
    }
}
