using AtomCuration.Options;
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
[OutputType(typeof(AtomForceError), ParameterSetName = [PerAtomSet])]
[OptionsRecord(typeof(RunContext))]
public sealed class MeasureFitErrorCommand : PSCmdlet, IDisposable
{
    private const string SummarySet = "Summary";
    private const string PerStructureSet = "PerStructure";
    private const string PerAtomSet = "PerAtom";
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

    /// <summary>Info key or structure property to group by, any case (config_type, ConfigType, Formula): one summary per value, then the overall one.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.GroupByCompleter))]
    public string? GroupBy { get; set; }

    /// <summary>Fit per-element energy offsets (least squares) and remove them before comparing energies; the summaries say so and give them.</summary>
    [Parameter]
    public SwitchParameter FitEnergyOffset { get; set; }

    /// <summary>How many worst structures each summary names.</summary>
    [Parameter(ParameterSetName = SummarySet)]
    [ValidateRange(0, 1000)]
    public int Worst { get; set; } = 5;

    /// <summary>One record per structure (reference and predicted energy per atom, force RMSE, max force error) for a parity plot.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PerStructureSet)]
    public SwitchParameter PerStructure { get; set; }

    /// <summary>One record per labelled atom (reference and predicted force components, eV/Å) for a force parity plot.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PerAtomSet)]
    public SwitchParameter PerAtom { get; set; }

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

    /// <summary>Collects the structures; one with overlapping atoms is reported by id and left out.</summary>
    protected override void ProcessRecord()
    {
        if (OverlappingAtoms.Problem(InputObject) is { } problem)
            WriteError(new ErrorRecord(new ArgumentException(problem), "OverlappingAtoms", ErrorCategory.InvalidData, InputObject));
        else _structures.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (GroupBy is not null && GroupKey.Parse(GroupBy).Unmatched(_structures) is { } unmatched) WriteWarning(unmatched);
        FitErrorReport report;
        try
        {
            report = _fit is null
                ? FitErrorAnalysis.Analyze(_structures, _potential, GroupBy, Worst, ThrottleLimit, _stop.Token, FitEnergyOffset)
                : FitErrorAnalysis.Analyze(_structures, _fit, GroupBy, Worst, ThrottleLimit, _stop.Token, FitEnergyOffset);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotMeasure", ErrorCategory.InvalidData, null));
            return;
        }
        foreach (var failure in report.Failures)
            WriteError(new ErrorRecord(new ArgumentException(failure.Problem), "StructureNotEvaluated", ErrorCategory.InvalidData, failure.Structure));
        if (report.EnergyOffsets is { } offsets)
            WriteVerbose("Per-element energy offsets removed before comparing (eV/atom): " +
                         string.Join(", ", offsets.Select(o => $"{o.Key} {o.Value:F6}")));
        if (PerStructure)
            WriteObject(report.PerStructure, enumerateCollection: true);
        else if (PerAtom)
            foreach (var atom in FitErrorAnalysis.AtomForces(report)) WriteObject(atom);
        else
        {
            WriteObject(report.Groups, enumerateCollection: true);
            WriteObject(report.Overall);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
