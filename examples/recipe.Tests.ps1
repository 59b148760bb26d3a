# How to keep a recipe under test: run it with Invoke-CurationRecipe and assert on the report.
#   Invoke-Pester examples/recipe.Tests.ps1        (after Import-Module AtomCuration)
# The report is typed (AtomCuration.Recipes.RecipeReport), so every assertion reads a property.
BeforeAll {
    if (-not (Get-Module AtomCuration)) {
        Import-Module (Join-Path $PSScriptRoot '../module/AtomCuration/AtomCuration.psd1')
    }
    $script:run = Invoke-CurationRecipe (Join-Path $PSScriptRoot 'cu-quick.yml') -OutputPath (Join-Path $TestDrive 'out')
}

Describe 'the quick Cu recipe' {
    It 'reads the whole pool without a bad frame' {
        $run.Pool.Count | Should -Be 59
        $run.SkippedFrames | Should -Be 0
    }

    It 'selects 8 distinct structures covering more than one config_type' {
        @($run.Training.Id | Select-Object -Unique).Count | Should -Be 8
        @($run.Training.ConfigType | Select-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'fits a potential that describes the whole pool within 20 meV/atom' {
        $run.Fit.StopReason | Should -Not -Be 'Cancelled'
        $run.PoolErrors.Overall.EnergyRmse | Should -BeLessThan 20
    }

    It 'can be repeated from its provenance file' {
        $again = Invoke-CurationRecipe $run.ProvenancePath -OutputPath (Join-Path $TestDrive 'again')
        (Get-FileHash (Join-Path $TestDrive 'again/potential.eam.alloy')).Hash |
            Should -Be (Get-FileHash (Join-Path $TestDrive 'out/potential.eam.alloy')).Hash
    }
}
