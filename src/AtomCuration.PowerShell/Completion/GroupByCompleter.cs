using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Completion;

/// <summary>
/// Tab completion for <c>-GroupBy</c>: the Info keys of the structures on the command line when they can be read
/// without running anything (<c>$pool | Measure-FitError -GroupBy &lt;Tab&gt;</c>, <c>-InputObject $pool</c>), most common
/// first, then the structure properties a key may name; otherwise the common Info keys and the properties
/// (<see cref="GroupKey.Candidates"/>).
/// </summary>
public sealed class GroupByCompleter : IArgumentCompleter
{
    /// <summary>Structures looked at for their keys (a pool's first ones carry its keys).</summary>
    private const int Sample = 1000;

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = wordToComplete.Trim('\'', '"');
        var structures = Structures(fakeBoundParameters?["InputObject"]) ?? Structures(PipedVariable(commandAst));
        return GroupKey.Candidates(structures?.Take(Sample).ToList())
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => new CompletionResult(Quoted(k), k, CompletionResultType.ParameterValue, k));
    }

    /// <summary>The value of <c>$variable</c> when the pipeline starts with it (<c>$pool | …</c>), else null.</summary>
    private static object? PipedVariable(CommandAst command)
    {
        if (command.Parent is not PipelineAst pipeline || pipeline.PipelineElements.Count < 2 || pipeline.PipelineElements[0] == command) return null;
        if (pipeline.PipelineElements[0] is not CommandExpressionAst { Expression: VariableExpressionAst variable }) return null;
        // Completion runs on the pipeline thread of a busy runspace: read the variable with a nested command there.
        try
        {
            using var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
            var found = ps.AddCommand("Get-Variable").AddParameter("Name", variable.VariablePath.UserPath).AddParameter("ValueOnly").Invoke();
            return found.Count == 1 ? found[0] : found;
        }
        catch (Exception e) when (e is RuntimeException or InvalidOperationException)
        {
            return null; // no such variable: no keys to offer from it
        }
    }

    private static IEnumerable<Structure>? Structures(object? value) => Unwrap(value) switch
    {
        Structure one => [one],
        IEnumerable many and not string => many.Cast<object?>().Select(Unwrap).OfType<Structure>(),
        _ => null,
    };

    private static object? Unwrap(object? value) => value is PSObject p ? p.BaseObject : value;

    private static string Quoted(string key) =>
        key.Any(c => char.IsWhiteSpace(c) || "'\"$`;,(){}@#|&<>".Contains(c)) ? "'" + key.Replace("'", "''", StringComparison.Ordinal) + "'" : key;
}
