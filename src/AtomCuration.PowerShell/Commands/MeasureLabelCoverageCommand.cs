using System.Management.Automation;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Compares a selection's energy-per-atom and force-magnitude distributions with its pool's.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "LabelCoverage")]
[OutputType(typeof(LabelCoverage))]
public sealed class MeasureLabelCoverageCommand : PSCmdlet
{
    private readonly List<Structure> _selection = [];

    /// <summary>The selection; normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>The pool the selection came from.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public Structure[] Reference { get; set; } = [];

    /// <inheritdoc />
    protected override void ProcessRecord() => _selection.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_selection.Count == 0) return;
        try
        {
            WriteVerbose($"Comparing the labels of {_selection.Count} selected structures with those of {Reference.Length} reference structures.");
            foreach (var c in LabelCoverage.Measure(_selection, Reference)) WriteObject(c);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotMeasureCoverage", ErrorCategory.InvalidData, null));
        }
    }
}
