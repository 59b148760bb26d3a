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
