using System.Management.Automation;
using AtomCuration.Fitting;
using AtomCuration.Plotting;
using AtomCuration.Plotting.Report;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Writes one self-contained HTML report: pool summary, interactive map with selection, learning curves, energy/force/stress parity plots and per-group errors.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "CurationReport", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCurationReportCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<PSObject> _items = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Structures (with map coordinates, selection tags), Measure-FitError -PerStructure and -PerAtom records, selection-study rows.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>Output file (.html).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Output file, taken literally (no wildcards: '[' and ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>Title of the page.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "AtomCuration report";

    /// <summary>Property or Info key naming each structure's group (default config_type).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.GroupByCompleter))]
    public string GroupBy { get; set; } = "config_type";

    /// <summary>A potential (EamPotential, EamFitResult or file) whose predictions give the energy, force and stress parity plots and the error tables.</summary>
    [Parameter]
    public object? Potential { get; set; }

    /// <summary>Selection-study rows (trial records or summaries) for the learning curves, besides any piped in.</summary>
    [Parameter]
    public PSObject[]? Study { get; set; }

    /// <summary>Test energy RMSE of the fit to all the data (meV/atom), drawn on the energy learning curve.</summary>
    [Parameter]
    public double? ReferenceEnergyRmse { get; set; }

    /// <summary>Test force RMSE of the fit to all the data (meV/Å), drawn on the force learning curve.</summary>
    [Parameter]
    public double? ReferenceForceRmse { get; set; }

    /// <summary>Above this many map points the map opens in density mode (default 20000).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int DensityAbove { get; set; } = 20_000;

    /// <summary>Threads evaluating the potential (default: all cores).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>Refuse to overwrite an existing file (error FileExists).</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Emit the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is not null) _items.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string file = PathResolver.ResolveExportTarget(this, Path, LiteralPath);
        ReportContent content;
        try
        {
            content = Build();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotReport", ErrorCategory.InvalidData, null));
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (PathResolver.Clobbers(file, NoClobber) is { } exists)
        {
            WriteError(exists);
            return;
        }
        if (!ShouldProcess(file, "Write curation report")) return;
        try
        {
            CurationReport.Write(content, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(e, "CannotWriteReport", ErrorCategory.WriteError, file));
            return;
        }
        WriteVerbose($"Wrote the report to {file}.");
        if (PassThru) WriteObject(new FileInfo(file));
    }

    private ReportContent Build()
    {
        var structureItems = _items.Where(i => i.BaseObject is Structure).ToList();
        var structures = structureItems.Select(i => (Structure)i.BaseObject).ToList();
        if (structures.Count == 0) throw new ArgumentException("Pipe the structures to report on (Import-Structure …, Get-ConfigurationMap …).");
        var fitRows = _items.Where(i => i.BaseObject is not Structure && PlotInput.Has(i, "Id") && PlotInput.Has(i, nameof(StructureFitError.PredictedEnergyEvPerAtom)))
            .GroupBy(i => PlotInput.Text(i, "Id")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var study = _items.Where(i => i.BaseObject is not Structure && PlotInput.Has(i, "Method") && PlotInput.Has(i, "Count"))
            .Concat(Study ?? []).ToList();

        var groupOf = new Dictionary<Structure, string?>(ReferenceEqualityComparer.Instance);
        var groupOfId = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int k = 0; k < structures.Count; k++)
        {
            string? g = PlotInput.Text(structureItems[k], GroupBy);
            groupOf[structures[k]] = g;
            groupOfId.TryAdd(structures[k].Id, g);
        }

        IReadOnlyList<StructureFitError>? predicted = null;
        IReadOnlyList<ParityPoint> forceParity, stressParity = [];
        if (Potential is not null)
        {
            var potential = PotentialResolver.Resolve(Potential is PSObject o ? o.BaseObject : Potential,
                p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
            var report = FitErrorAnalysis.Analyze(structures, potential, null, 0, ThrottleLimit, _stop.Token);
            predicted = report.PerStructure;
            forceParity = PlotData.Parity(report, ParityQuantity.Force, s => groupOf[s]);
            stressParity = PlotData.Parity(report, ParityQuantity.Stress, s => groupOf[s]);
        }
        else
        {
            // Measure-FitError -PerAtom rows, grouped like the structure they belong to.
            forceParity = PlotInput.ForceParity(_items.Where(i => i.BaseObject is not Structure && PlotInput.IsAtomForceRow(i)),
                row => PlotInput.Text(row, "Id") is { } id && groupOfId.TryGetValue(id, out var g) ? g : PlotInput.Text(row, "Group"));
        }

        var rows = new List<ReportStructure>(structures.Count);
        for (int k = 0; k < structures.Count; k++)
        {
            var s = structures[k];
            double? prediction = null, force = null;
            if (predicted is not null)
            {
                prediction = predicted[k].PredictedEnergyEvPerAtom;
                force = predicted[k].ForceRmseMevPerAngstrom;
            }
            else if (fitRows.TryGetValue(s.Id, out var row))
            {
                prediction = PlotInput.Number(row, nameof(StructureFitError.PredictedEnergyEvPerAtom));
                force = PlotInput.Number(row, nameof(StructureFitError.ForceRmseMevPerAngstrom));
            }
            bool selected = s.Selected ?? s.SelectionRank is not null;
            rows.Add(new ReportStructure(s.Id, groupOf[s], s.Formula, s.AtomCount, s.EnergyPerAtom,
                s.MapX, s.MapY, s.ClusterId, selected, prediction, force));
        }
        (IReadOnlyList<CurvePoint> Points, CurveAxis Axis) Curve(string quantity) =>
            study.Count > 0 && study.All(i => PlotInput.Has(i, $"Test{quantity}Rmse") || PlotInput.Has(i, $"Median{quantity}Rmse"))
                ? PlotInput.LearningCurve(study, quantity) : ([], CurveAxis.Count);
        var energyCurve = Curve("Energy");
        var forceCurve = Curve("Force");
        return new ReportContent
        {
            Title = Title,
            Structures = rows,
            EnergyCurve = energyCurve.Points,
            ForceCurve = forceCurve.Points,
            CurveAxis = energyCurve.Points.Count > 0 ? energyCurve.Axis : forceCurve.Axis,
            ReferenceEnergyRmse = ReferenceEnergyRmse,
            ReferenceForceRmse = ReferenceForceRmse,
            ForceParity = forceParity,
            StressParity = stressParity,
            DensityAbove = DensityAbove,
        };
    }
}
