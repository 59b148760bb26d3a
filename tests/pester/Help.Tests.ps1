# Get-Help shows the MAML help generated from docs/cmdlets/*.md
# (module/AtomCuration/en-US/AtomCuration.PowerShell.dll-Help.xml), not the syntax-only help
# PowerShell makes up when a cmdlet has none.
BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1'
    $cmdlets = (Import-PowerShellDataFile $manifest).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/AtomCuration/AtomCuration.psd1') -Force
}

Describe 'Get-Help <_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module AtomCuration
        $help = Get-Help $name -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $declared = $command.Parameters.Values | Where-Object Name -notin $common
    }

    It 'reads the module''s help file' {
        Split-Path -Leaf $command.HelpFile | Should -Be 'AtomCuration.PowerShell.dll-Help.xml'
        $help.examples | Should -Not -BeNullOrEmpty
    }

    It 'has a synopsis that is not the generated syntax line' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$name*"
    }

    It 'has a description' {
        ($help.description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter with how it binds' {
        foreach ($p in $declared) {
            $entry = $help.parameters.parameter | Where-Object name -eq $p.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($p.Name) should be in the help"
            ($entry.description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty -Because "-$($p.Name) should be described"
            # Not $p.ParameterSets.Count: on a dictionary PowerShell reads a key first, and Select-Configuration has a set named Count.
            $sets = @($p.ParameterSets.Values)
            $mandatory = @($sets | Where-Object IsMandatory).Count -eq $sets.Count
            $entry.required | Should -Be $mandatory.ToString().ToLowerInvariant() -Because "-$($p.Name) Required?"
        }
    }

    It 'shows one syntax line per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has examples with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($e in $examples) { $e.code | Should -Not -BeNullOrEmpty }
    }

    It 'renders as text with the examples' {
        $text = Get-Help $name -Full | Out-String -Width 1000
        $text | Should -Match '-+ Example 1 -+'
        $synopsis = $help.Synopsis.Trim()
        $text | Should -Match ([regex]::Escape($synopsis.Substring(0, [Math]::Min(40, $synopsis.Length))))
        $text | Should -Not -Match 'Get-Help cannot find the Help files'
    }
}

Describe 'about_ topics (issue 15)' {
    It 'Get-Help <_> shows the topic' -ForEach @('about_AtomCuration', 'about_AtomCuration_Units', 'about_AtomCuration_Presets', 'about_AtomCuration_Recipes') {
        $text = Get-Help $_ | Out-String
        $text | Should -Match "TOPIC\s+$_"
    }

    It 'explains units and the sign of stress, and lists the presets' {
        (Get-Help about_AtomCuration_Units | Out-String) | Should -Match 'positive is tensile'
        (Get-Help about_AtomCuration_Presets | Out-String) | Should -Match 'SeedFingerprint'
        (Get-Help about_AtomCuration | Out-String) | Should -Match 'Select-Configuration'
    }
}

Describe 'Parameter defaults in help (issue 15)' {
    It 'shows Core''s defaults for <Cmdlet> -<Parameter>' -ForEach @(
        @{ Cmdlet = 'Invoke-EamFit'; Parameter = 'Cutoff'; Default = '5.5' }
        @{ Cmdlet = 'Invoke-EamFit'; Parameter = 'MaxIterations'; Default = '100' }
        @{ Cmdlet = 'Get-ConfigurationMap'; Parameter = 'Perplexity'; Default = '30' }
        @{ Cmdlet = 'Export-EamPotential'; Parameter = 'RCount'; Default = '10000' }
        @{ Cmdlet = 'Select-Configuration'; Parameter = 'SkipNonFinite'; Default = 'False' }
        @{ Cmdlet = 'Invoke-EamFit'; Parameter = 'Budget'; Default = '20' }
    ) {
        (Get-Help $Cmdlet -Parameter $Parameter).defaultValue | Should -Be $Default
        (Get-Help $Cmdlet -Parameter $Parameter | Out-String) | Should -Match "Default value\s+$([regex]::Escape($Default))"
    }

    It 'shows no default for <Cmdlet> -<Parameter>, required in <Where> (as PowerShell''s own help does)' -ForEach @(
        @{ Cmdlet = 'Select-Configuration'; Parameter = 'Count'; Where = 'every set but -Store, where -Threshold may stand in'; Required = 'false' }
        @{ Cmdlet = 'Invoke-ActiveLearning'; Parameter = 'TargetEnergyRmse'; Where = 'every parameter set'; Required = 'true' }
    ) {
        $help = Get-Help $Cmdlet -Parameter $Parameter
        $help.required | Should -Be $Required
        $help.defaultValue | Should -Be 'None'
    }

    It 'shows the count a recipe selects when it gives none (SelectionOptions.DefaultCount)' {
        $text = Get-Help about_AtomCuration_Recipes | Out-String
        $text | Should -Match "count\s+Type: whole number\. Default: $([AtomCuration.Selection.SelectionOptions]::DefaultCount)\."
    }
}
