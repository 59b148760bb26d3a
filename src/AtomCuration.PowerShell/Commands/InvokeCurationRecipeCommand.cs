using System.Collections;
using System.Management.Automation;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Recipes;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Runs a curation recipe (YAML, or the provenance.json of an earlier run) and emits its report: pool summary, selection, fit, errors.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "CurationRecipe")]
[OutputType(typeof(RecipeReport))]
[OptionsRecord(typeof(RunContext))]
public sealed class InvokeCurationRecipeCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The recipe file: YAML (docs/concepts/recipes.md), or a provenance.json written by an earlier run.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Folder for the outputs instead of the recipe's <c>output</c> (training.extxyz, potential.eam.alloy, provenance.json).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputPath { get; set; }

    /// <summary>Threads for every stage (default: all cores); never changes a result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        Recipe recipe;
        try
        {
            recipe = RecipeFile.Load(file);
        }
        catch (RecipeException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidRecipe", ErrorCategory.InvalidData, file));
            return;
        }
        if (OutputPath is not null) recipe = recipe with { Output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath) };
        var progress = new ProgressRecord(5, "Invoke-CurationRecipe", recipe.Name);
        var text = new StringWriter();
        var log = TextWriter.Synchronized(text);
        RecipeReport report;
        try
        {
            // The stages report from worker threads; the relay shows their progress from this one.
            report = ProgressRelay.Run(p => RecipeRunner.Run(recipe, log, BoundOptions.Context(_stop.Token, ThrottleLimit, p), PowerShellVersion()),
                ProgressRelay.Showing(this, progress));
        }
        catch (Exception e) when (e is RecipeException or StructureFormatException or ArgumentException or InvalidOperationException or IOException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "RecipeFailed", ErrorCategory.InvalidData, file));
            return;
        }
        finally
        {
            foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) WriteVerbose(line.TrimEnd('\r'));
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        foreach (var error in report.Errors)
            WriteError(new ErrorRecord(new InvalidDataException(error), "StructureFrameSkipped", ErrorCategory.InvalidData, file));
        WriteObject(report);
    }

    private string? PowerShellVersion() =>
        SessionState.PSVariable.GetValue("PSVersionTable") is IDictionary table ? table["PSVersion"]?.ToString() : null;

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
