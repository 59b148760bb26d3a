BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
}

Describe 'New-EntropyConfiguration' {
    It 'generates the paper''s W configurations, the same for the same seed on any thread count' {
        $a = New-EntropyConfiguration -Count 2 -Seed 3 -Steps 60 -ThrottleLimit 1
        $b = New-EntropyConfiguration -Count 2 -Seed 3 -Steps 60 -ThrottleLimit 2
        $a.Count | Should -Be 2
        $a[0].AtomCount | Should -Be 39
        $a[0].Formula | Should -Be 'W39'
        [math]::Round($a[0].Volume, 3) | Should -Be ([math]::Round(9.54 * 9.54 * 14.31, 3))
        $a[0].Info['config_type'] | Should -Be 'entropy_biased'
        $a[0].Info['entropy'] | Should -BeGreaterThan 0
        ($a[1].Positions | ForEach-Object { $_.ToString() }) -join ';' | Should -Be (($b[1].Positions | ForEach-Object { $_.ToString() }) -join ';')
        $c = New-EntropyConfiguration -Count 1 -Seed 4 -Steps 60
        ($c.Positions[0].ToString()) | Should -Not -Be ($a[0].Positions[0].ToString())
    }

    It 'takes seeds from the pipeline and gives an unbiased set with -EntropyWeight 0' {
        $s = [pscustomobject]@{ Seed = 1 }, [pscustomobject]@{ Seed = 2 } | New-EntropyConfiguration -Steps 30 -EntropyWeight 0 -AtomCount 10 -CellLength 8, 8, 8
        $s.Count | Should -Be 2
        $s[0].Info['seed'] | Should -Be 1
        $s[1].Info['seed'] | Should -Be 2
        $s[0].Info['config_type'] | Should -Be 'entropy_unbiased'
        $said = (New-EntropyConfiguration -Count 1 -Seed 3 -Steps 30 -EntropyWeight 0 -AtomCount 10 -CellLength 8, 8, 8 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $said | Should -Match '^Configuration 1 of 1 \(.+\): descriptor entropy .*, repulsive energy .* eV'
    }

    It 'writes POSCARs that read back, one folder per configuration' {
        $i = 0
        New-EntropyConfiguration -Count 2 -Seed 1 -Steps 30 -AtomCount 12 -CellLength 7, 7, 9 | ForEach-Object {
            $dir = New-Item -ItemType Directory -Force (Join-Path $TestDrive ('{0:D4}' -f $i++))
            $_ | Export-Structure (Join-Path $dir 'POSCAR') -Format Poscar
        }
        $back = Import-Structure (Join-Path $TestDrive '0001/POSCAR') -Format Poscar
        $back.AtomCount | Should -Be 12
    }

    It 'maximises the entropy of ACSF descriptors with -Descriptor Acsf' {
        $acsf = @{ cutoff = 4.5; g2Eta = 0.5; g2Rs = 2.6, 3.2, 3.8; g4Eta = 0.02; g4Zeta = 1, 2, 4; g4Lambda = -1, 1 }
        $s = New-EntropyConfiguration -Count 1 -Seed 2 -Steps 30 -Descriptor Acsf -DescriptorParameters $acsf -Components 6
        $s.AtomCount | Should -Be 39
        [double]::IsFinite($s.Info['entropy']) | Should -BeTrue
        { New-EntropyConfiguration -Descriptor Acsf -DescriptorParameters $acsf -Components 10 -ErrorAction Stop } | Should -Throw '*9 columns*'
        { New-EntropyConfiguration -Descriptor Acsf -DescriptorParameters @{ form = 'Modified'; thetaS = 10 } -ErrorAction Stop } | Should -Throw '*thetaS*'
        { New-EntropyConfiguration -Descriptor Soap } | Should -Throw
    }

    It 'refuses bad settings before any work, naming them' {
        { New-EntropyConfiguration -Components 40 -ErrorAction Stop } | Should -Throw '*Components*'
        { New-EntropyConfiguration -DescriptorParameters @{ radius = @{ Ta = 0.5 } } -ErrorAction Stop } | Should -Throw '*no value for W*'
        { New-EntropyConfiguration -CellLength 1, 2 } | Should -Throw
    }

    It 'completes -DescriptorParameters keys on Tab (issue 15)' {
        $line = 'New-EntropyConfiguration -DescriptorParameters @{ twojmax = 4; r'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Radius', 'RCutFac', 'RFac0', 'RMin0')
        $line = 'New-EntropyConfiguration -Descriptor Acsf -DescriptorParameters @{ g2'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('G2', 'G2Eta', 'G2Rs')
    }

    It 'runs the documented examples' {
        $biased = New-EntropyConfiguration -Count 2 -Seed 1 -Steps 40
        $unbiased = New-EntropyConfiguration -Count 2 -Seed 2 -Steps 40 -EntropyWeight 0 -FinalTemperature 10000
        ($biased | ForEach-Object { $_.Info['entropy'] } | Measure-Object -Average).Average | Should -BeGreaterThan 0
        ($unbiased | ForEach-Object { $_.Info['entropy'] } | Measure-Object -Average).Average | Should -BeGreaterThan 0
        Push-Location $TestDrive
        try {
            $i = 0
            $biased | ForEach-Object {
                $dir = New-Item -ItemType Directory -Force ("entropy/{0:D4}" -f $i++)
                $_ | Export-Structure (Join-Path $dir POSCAR) -Format Poscar
            }
            Test-Path 'entropy/0001/POSCAR' | Should -BeTrue
        } finally { Pop-Location }
        $out = & (Join-Path $PSScriptRoot '../../examples/entropy-generation.ps1') -Count 2 -Steps 40 -OutDir (Join-Path $TestDrive 'sets')
        ($out -join "`n") | Should -Match 'mean entropy: biased'
        ($out -join "`n") | Should -Match 'train unbiased test biased'
        Test-Path (Join-Path $TestDrive 'sets/biased/0001/POSCAR') | Should -BeTrue
        ($out -join "`n") | Should -Match 'histograms written'
        (Get-Item (Join-Path $TestDrive 'sets/b000-histograms.png')).Length | Should -BeGreaterThan 1000
    }
}
