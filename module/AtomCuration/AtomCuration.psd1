@{
    RootModule           = 'AtomCuration.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f0c2f4e-8a3d-4c55-9a57-0d1c6e7b3a21'
    Author               = 'AtomCuration contributors'
    CompanyName          = 'AtomCuration contributors'
    Copyright            = '(c) 2026 AtomCuration contributors. MIT License.'
    Description          = 'Curate training data for interatomic potentials: import DFT-labelled structures, fingerprint them, select a representative subset, fit an EAM potential and measure its error on the whole pool.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.6'
    FormatsToProcess     = @('AtomCuration.format.ps1xml')
    CmdletsToExport      = @(
        'Import-Structure'
        'Export-Structure'
        'Import-EamPotential'
        'Export-EamPotential'
        'Invoke-EamFit'
        'Measure-FitError'
        'Invoke-EamCalculation'
        'Invoke-SelectionStudy'
        'Measure-SelectionStudy'
        'Import-SelectionStudy'
        'Measure-DescriptorCorrelation'
        'Measure-ClusterQuality'
        'Measure-LabelCoverage'
        'Find-NearDuplicate'
        'Measure-ThresholdScan'
        'Measure-TrainTestDistance'
        'Export-CurationPlot'
        'Export-CurationReport'
        'Get-Descriptor'
        'Export-Descriptor'
        'Select-Configuration'
        'Get-ConfigurationMap'
        'Measure-Diversity'
        'Invoke-CurationRecipe'
        'New-EntropyConfiguration'
        'Invoke-ActiveLearning'
        'Submit-CurationArrayJob'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('materials', 'DFT', 'interatomic-potentials', 'EAM', 'machine-learning', 'extxyz', 'VASP', 'LAMMPS')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
