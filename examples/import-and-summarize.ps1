# Import the bundled Cu sample, summarise it by configuration type and export the
# vacancy cells to their own compressed extxyz file.
Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
$data = Join-Path $PSScriptRoot 'data/Cu_SNAP_sample.extxyz.gz'

Import-Structure $data | Group-Object ConfigType | ForEach-Object {
    $e = $_.Group.EnergyPerAtom | Measure-Object -Average -Minimum -Maximum
    [pscustomobject]@{
        ConfigType   = $_.Name
        Structures   = $_.Count
        Atoms        = ($_.Group | ForEach-Object { $_.AtomCount } | Measure-Object -Sum).Sum
        'E/atom min' = [math]::Round($e.Minimum, 4)
        'E/atom max' = [math]::Round($e.Maximum, 4)
    }
} | Format-Table -AutoSize

Import-Structure $data | Where-Object ConfigType -eq Vacancy |
    Export-Structure (Join-Path ([IO.Path]::GetTempPath()) 'Cu_vacancies.extxyz.gz') -PassThru |
    Format-Table
