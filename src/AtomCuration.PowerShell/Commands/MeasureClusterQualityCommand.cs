using System.Management.Automation;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Measures how well clusters group the structures in their original descriptor space, and their energy spread.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "ClusterQuality")]
[OutputType(typeof(ClusterQualityReport))]
public sealed class MeasureClusterQualityCommand : PSCmdlet
{
    private readonly List<Structure> _structures = [];

    /// <summary>Structures with a cluster id and a structure descriptor (Select-Configuration KMeans -IncludeRejected); normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Standardise descriptor columns before distances.</summary>
    [Parameter]
    public SwitchParameter Standardize { get; set; }

    /// <summary>Threads for the distance sums (default: all processors). Never changes the result.</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void ProcessRecord() => _structures.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_structures.Count == 0) return;
        try
        {
            WriteVerbose($"Measuring clusters of {_structures.Count} structures in their descriptor space{(Standardize ? " (standardised)" : "")}.");
            WriteObject(ClusterQualityReport.Measure(_structures, Standardize, ThrottleLimit));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotMeasureClusters", ErrorCategory.InvalidData, null));
        }
    }
}
