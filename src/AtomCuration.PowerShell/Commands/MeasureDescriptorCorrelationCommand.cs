using System.Management.Automation;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Studies;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Rank-correlates descriptor distance with energy and force differences over pairs of the structures piped in.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "DescriptorCorrelation")]
[OutputType(typeof(DescriptorCorrelation))]
public sealed class MeasureDescriptorCorrelationCommand : PSCmdlet
{
    private readonly List<Structure> _structures = [];

    /// <summary>Labelled structures with structure descriptors; normally from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Most pairs per group (default 5000); all pairs when there are fewer.</summary>
    [Parameter]
    [ValidateRange(3, int.MaxValue)]
    public int Pairs { get; set; } = 5000;

    /// <summary>Seed of the pair sample.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Standardise descriptor columns before distances.</summary>
    [Parameter]
    public SwitchParameter Standardize { get; set; }

    /// <summary>Info key: also correlate within each group.</summary>
    [Parameter]
    public string? GroupBy { get; set; }

    /// <summary>Compare structures by a kernel of their per-atom environments instead of descriptor distance: Average or Rematch (distance √(2 − 2K)).</summary>
    [Parameter]
    public AtomKernelKind? AtomKernel { get; set; }

    /// <summary>α of the REMatch kernel (with -AtomKernel Rematch).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double RematchAlpha { get; set; } = 0.1;

    /// <inheritdoc />
    protected override void ProcessRecord() => _structures.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_structures.Count == 0) return;
        List<DescriptorCorrelation> rows;
        try
        {
            rows = DescriptorLabelCorrelation.Measure(_structures,
                new DescriptorCorrelationOptions { Pairs = Pairs, Seed = Seed, Standardize = Standardize, GroupBy = GroupBy, AtomKernel = AtomKernel, RematchAlpha = RematchAlpha });
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotCorrelate", ErrorCategory.InvalidData, null));
            return;
        }
        WriteVerbose($"Correlated descriptor distance with label differences over {_structures.Count} structures: {rows.Count} row(s), up to {Pairs} pairs each (seed {Seed}).");
        foreach (var r in rows) WriteObject(r);
    }
}
