using System.Management.Automation;
using AtomCuration.Fitting;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Compares a potential's energies, forces and stresses with the labels of the structures piped in.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "FitError", DefaultParameterSetName = SummarySet)]
[OutputType(typeof(FitErrorSummary), ParameterSetName = [SummarySet])]
[OutputType(typeof(StructureFitError), ParameterSetName = [PerStructureSet])]
public sealed class MeasureFitErrorCommand : PSCmdlet
{
    private const string SummarySet = "Summary";
    private const string PerStructureSet = "PerStructure";
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Structure> _structures = [];
    private EamPotential _potential = null!;
    private EamFitResult? _fit;

    /// <summary>Labelled structures.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>The potential: an EamPotential, an EamFitResult (then the records also say how much lies outside its training range), or the path of a setfl/funcfl/eam.fs file.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public object Potential { get; set; } = null!;

    /// <summary>Info key to group by (e.g. config_type): one summary per value, then the overall one.</summary>
    [Parameter(ParameterSetName = SummarySet)]
    [ValidateNotNullOrEmpty]
    public string? GroupBy { get; set; }

    /// <summary>How many worst structures each summary names.</summary>
    [Parameter(ParameterSetName = SummarySet)]
    [ValidateRange(0, 1000)]
    public int Worst { get; set; } = 5;

    /// <summary>One record per structure (reference and predicted energy per atom, force RMSE, max force error) for a parity plot.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PerStructureSet)]
    public SwitchParameter PerStructure { get; set; }

    /// <summary>Threads evaluating the potential (default: all cores).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            object value = Potential is PSObject o ? o.BaseObject : Potential;
            _fit = value as EamFitResult;
            _potential = PotentialResolver.Resolve(value, p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "NotAPotential", ErrorCategory.InvalidArgument, Potential));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => _structures.Add(InputObject);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        FitErrorReport report;
        try
        {
            report = _fit is null
                ? FitErrorAnalysis.Analyze(_structures, _potential, GroupBy, Worst, ThrottleLimit, _stop.Token)
                : FitErrorAnalysis.Analyze(_structures, _fit, GroupBy, Worst, ThrottleLimit, _stop.Token);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotMeasure", ErrorCategory.InvalidData, null));
            return;
        }
        if (PerStructure)
            WriteObject(report.PerStructure, enumerateCollection: true);
        else
        {
            WriteObject(report.Groups, enumerateCollection: true);
            WriteObject(report.Overall);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();
}
