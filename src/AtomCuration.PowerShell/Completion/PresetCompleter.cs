using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AtomCuration.Descriptors;

namespace AtomCuration.PowerShell.Completion;

/// <summary>Tab completion for <c>Get-Descriptor -Preset</c>: the names of the registered presets.</summary>
public sealed class PresetCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        DescriptorPresets.All
            .Where(p => p.Name.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(p => new CompletionResult(p.Name, p.Name, CompletionResultType.ParameterValue, p.Description));
}
