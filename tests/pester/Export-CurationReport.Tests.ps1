BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
    $script:sample = Join-Path $PSScriptRoot '../../examples/data/Cu_SNAP_sample.extxyz.gz'
    $script:pool = Import-Structure $sample | Get-Descriptor Rdf -Parameters @{ cutoff = 5 }
    $script:map = $pool | Select-Configuration -Method KMeans -Count 8 -Seed 1 -IncludeRejected | Get-ConfigurationMap -Method Pca -Standardize
    $script:fit = $map | Where-Object Selected | Invoke-EamFit -Cutoff 5 -MaxIterations 10 -Seed 1
    $script:study = foreach ($m in 'Random', 'Fps') { foreach ($c in 6, 12, 24) { foreach ($t in 1..3) {
        [pscustomobject]@{ Method = $m; Count = $c; Trial = $t; TestEnergyRmse = 20.0 / $c + $t; TestForceRmse = 200.0 / $c + 2 * $t } } } }
    $script:report = Join-Path $TestDrive 'report.html'
    $map | Export-CurationReport -Path $report -Potential $fit -Study $study -ReferenceEnergyRmse 1.5 -Title 'Cu sample'

    # Headless Chromium (Debian's chromium). Returns the DOM after the page's scripts ran and the console lines it logged.
    $script:chromium = (Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
    function script:Invoke-Chromium([string] $Url, [string[]] $Extra) {
        $profile = Join-Path $TestDrive ("chromium-" + [guid]::NewGuid())
        $errFile = Join-Path $TestDrive 'chromium.err'
        $flags = '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', "--user-data-dir=$profile",
            '--enable-logging=stderr', '--v=0', '--virtual-time-budget=20000',
            '--host-resolver-rules=MAP * ~NOTFOUND'   # no network: the report must not need it
        $dom = & $chromium @flags @Extra $Url 2>$errFile
        [pscustomobject]@{ Dom = ($dom -join "`n"); Console = @(Get-Content $errFile | Where-Object { $_ -match 'CONSOLE' }) }
    }
    function script:Skip-WithoutChromium {
        if ($chromium) { return $false }
        if ($env:ATOMCURATION_REQUIRE_ORACLES -eq '1') { throw 'chromium is required (ATOMCURATION_REQUIRE_ORACLES=1): apt-get install -y chromium' }
        Set-ItResult -Skipped -Because 'chromium is not installed (apt-get install -y chromium); the browser check did not run'
        return $true
    }
    function script:Read-ReportData([string] $Path) {
        [regex]::Match((Get-Content $Path -Raw), '<script type="application/json" id="report-data">(.*?)</script>', 'Singleline').Groups[1].Value | ConvertFrom-Json
    }
    function script:Read-Status([string] $Dom) {
        $tag = [regex]::Match($Dom, '<div id="status"[^>]*>').Value
        $attrs = @{}
        foreach ($m in [regex]::Matches($tag, '(data-[a-z-]+)="([^"]*)"')) { $attrs[$m.Groups[1].Value] = $m.Groups[2].Value }
        $attrs
    }
}

Describe 'Export-CurationReport' {
    It 'writes one self-contained HTML file: no external resource, the library and its licence embedded' {
        $html = Get-Content $report -Raw
        $html | Should -Match '^<!DOCTYPE html>'
        # The page itself, without the library's code (whose strings name web addresses it never loads here)
        $page = [regex]::Replace($html, '<script>\s*/\*\*\s*\* plotly\.js.*?</script>', '', 'Singleline')
        $page.Length | Should -BeLessThan ($html.Length - 4000000)
        $page | Should -Not -Match '<script[^>]+src='
        $page | Should -Not -Match '<link[^>]+href='
        $page | Should -Not -Match '(src|href)="https?:'
        $page | Should -Not -Match 'url\(https?:'
        $html | Should -Match 'plotly\.js v4\.1\.2'
        $html | Should -Match 'Permission is hereby granted, free of charge'
        $json = [regex]::Match($html, '<script type="application/json" id="report-data">(.*?)</script>', 'Singleline').Groups[1].Value | ConvertFrom-Json
        $json.ids.Count | Should -Be 59
        @($json.selected | Where-Object { $_ -eq 1 }).Count | Should -Be 8
        $json.energyCurve.Count | Should -Be 6
        ($json.energyCurve | Where-Object { $_.method -eq 'Fps' -and $_.count -eq 6 }).median | Should -BeGreaterThan (20.0 / 6 + 1.9)
    }

    It 'has the pool summary and per-group error tables' {
        $html = Get-Content $report -Raw
        $html | Should -Match '<th>Structures</th><td>59</td>'
        $html | Should -Match '<tr><td>AIMD</td><td>24</td>'
        $errors = $map | Measure-FitError -Potential $fit -GroupBy config_type
        $aimd = ($errors | Where-Object Group -eq 'AIMD').EnergyRmse.ToString('0.00', [cultureinfo]::InvariantCulture)
        $html | Should -Match "<tr><td>AIMD</td><td>24</td><td>$aimd</td>"
        $all = $errors[-1]
        $html | Should -Match ('<tr class="total"><td>all</td><td>59</td><td>{0}</td><td>{1}</td><td>{2}</td>' -f
            $all.EnergyRmse.ToString('0.00', [cultureinfo]::InvariantCulture), $all.EnergyMae.ToString('0.00', [cultureinfo]::InvariantCulture),
            $all.ForceRmse.ToString('0.0', [cultureinfo]::InvariantCulture))
    }

    It 'takes Measure-FitError -PerStructure and -PerAtom rows instead of a potential (the same plots but stress), and is the same file for the same input' {
        $a = Join-Path $TestDrive 'a.html'; $b = Join-Path $TestDrive 'b.html'; $c = Join-Path $TestDrive 'c.html'
        @($map) + @($map | Measure-FitError -Potential $fit -PerStructure) + @($map | Measure-FitError -Potential $fit -PerAtom) |
            Export-CurationReport -Path $a
        $map | Export-CurationReport -Path $b -Potential $fit
        $map | Export-CurationReport -Path $c -Potential $fit
        (Get-FileHash $b).Hash | Should -Be (Get-FileHash $c).Hash
        $ja = Read-ReportData $a; $jb = Read-ReportData $b
        (Get-Content $a -Raw) | Should -Match '<section id="errors-section">'
        ($ja.predicted | ConvertTo-Json -Compress) | Should -Be ($jb.predicted | ConvertTo-Json -Compress)
        ($ja.forceParity | ConvertTo-Json -Depth 4 -Compress) | Should -Be ($jb.forceParity | ConvertTo-Json -Depth 4 -Compress)
        $ja.stressParity | Should -BeNullOrEmpty   # per-atom rows carry no stress
    }

    It 'has force-component and stress parity plots coloured by group with each group''s RMSE, subsampled above -DensityAbove' {
        $html = Get-Content $report -Raw
        $html | Should -Match '<div id="parity-force" class="plot"></div><div id="parity-stress" class="plot"></div>'
        $json = Read-ReportData $report
        $atoms = ($map | Measure-Object -Property AtomCount -Sum).Sum
        $errors = $map | Measure-FitError -Potential $fit -GroupBy config_type
        $f = $json.forceParity
        $f.total | Should -Be (3 * $atoms)
        $f.shown | Should -Be (3 * $atoms)
        $f.unit | Should -Be 'eV/Å'
        $f.rmse | Should -BeGreaterThan 0
        [math]::Abs($f.rmse - $errors[-1].ForceRmse) | Should -BeLessThan 1e-3
        foreach ($g in $errors | Where-Object Group) {
            $row = $f.groups | Where-Object name -eq $g.Group
            $row.color | Should -Be ([array]::IndexOf(@($json.groups), $g.Group))
            [math]::Abs($row.rmse - $g.ForceRmse) | Should -BeLessThan 1e-3
            $row.x.Count | Should -Be $row.n
        }
        $st = $json.stressParity
        $st.total | Should -Be (6 * $map.Count)
        $st.rmseUnit | Should -Be 'GPa'
        [math]::Abs($st.rmse - $errors[-1].StressRmse) | Should -BeLessThan 1e-3
        $html | Should -Not -Match 'class="note subsample"'

        $dense = Join-Path $TestDrive 'subsampled.html'
        $map | Export-CurationReport -Path $dense -Potential $fit -DensityAbove 1000
        $d = (Read-ReportData $dense).forceParity
        $d.total | Should -Be $f.total
        $d.shown | Should -BeLessOrEqual 1000
        $d.shown | Should -BeGreaterThan 900
        $d.rmse | Should -Be $f.rmse                  # over all components, not the drawn ones
        ($d.groups.n -join ',') | Should -Be ($f.groups.n -join ',')
        (Get-Content $dense -Raw) | Should -Match ('<p class="note subsample">Force parity: {0:N0} of {1:N0} force components drawn \(one in every \d+, as the map turns to a density view above 1,000 points\); the RMSEs in the legend are over all of them\.</p>' -f $d.shown, $d.total)
    }

    It 'loads in headless Chromium without console errors, draws every point and lists a cluster''s ids' {
        if (Skip-WithoutChromium) { return }
        $cluster = ($map | Group-Object ClusterId | Sort-Object Count -Descending | Select-Object -First 1)
        $r = Invoke-Chromium ("file://$report#cluster=" + $cluster.Name) '--dump-dom'
        $status = Read-Status $r.Dom
        $status['data-ready'] | Should -Be 'true'
        $status['data-errors'] | Should -Be '0'
        $status['data-map-points'] | Should -Be '59'
        $status['data-plots'] | Should -Be '6'   # map, two learning curves, energy, force and stress parity
        $status['data-parity-force-points'] | Should -Be ([string](3 * ($map | Measure-Object -Property AtomCount -Sum).Sum))
        $status['data-selected'] | Should -Be ([string]$cluster.Count)
        $ids = [regex]::Match($r.Dom, '<textarea id="selection-ids"[^>]*>(.*?)</textarea>', 'Singleline').Groups[1].Value -split "`n" | Where-Object { $_ }
        ($ids | Sort-Object) | Should -Be ($cluster.Group.Id | Sort-Object)
        @($r.Console | Where-Object { $_ -match 'ERROR:CONSOLE|Uncaught' -and $_ -match 'report\.html' }) | Should -BeNullOrEmpty
    }

    It 'selects a box region and switches to density mode for many points; a screenshot is taken' {
        if (Skip-WithoutChromium) { return }
        $dense = Join-Path $TestDrive 'dense.html'
        $map | Export-CurationReport -Path $dense -DensityAbove 10
        $x = $map.MapX | Sort-Object; $y = $map.MapY | Sort-Object
        $inside = @($map | Where-Object { $_.MapX -ge 0 -and $_.MapY -ge $y[0] -and $_.MapY -le $y[-1] }).Count
        $r = Invoke-Chromium ("file://$dense#box=0,$($x[-1] + 1),$($y[0] - 1),$($y[-1] + 1)") '--dump-dom'
        $status = Read-Status $r.Dom
        $status['data-ready'] | Should -Be 'true'
        $status['data-errors'] | Should -Be '0'
        $status['data-map-mode'] | Should -Be 'density'
        $status['data-map-points'] | Should -Be '59'
        $status['data-selected'] | Should -Be ([string]$inside)
        $shot = Join-Path $TestDrive 'shot.png'
        Invoke-Chromium "file://$report" "--screenshot=$shot", '--window-size=1400,2600', '--hide-scrollbars' | Out-Null
        $bytes = [IO.File]::ReadAllBytes($shot)
        $bytes[1..3] | Should -Be 0x50, 0x4E, 0x47
        $bytes.Length | Should -BeGreaterThan 50000
        $out = $env:ATOMCURATION_SCREENSHOT_DIR
        if ($out) { Copy-Item $shot (Join-Path $out 'report.png') }
    }

    It 'needs structures' {
        { $study | Export-CurationReport -Path (Join-Path $TestDrive 'x.html') -ErrorAction Stop } | Should -Throw '*structures*'
    }
}
