using System.Globalization;
using System.Management.Automation;
using AtomCuration.Fitting;
using AtomCuration.Plotting;
using AtomCuration.PowerShell.Mapping;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>The figures Export-CurationPlot draws.</summary>
public enum CurationPlotKind
{
    /// <summary>Predicted against reference (energy, force components, stress), coloured by group, RMSE in the legend.</summary>
    Parity,
    /// <summary>Test error against training-set size per method: median with IQR band, log size axis.</summary>
    LearningCurve,
    /// <summary>Map coordinates coloured by cluster, group, energy or selection, selection on top.</summary>
    Map,
    /// <summary>Histograms (or, with -Style Violin, kernel-density violins) of one quantity for several sets side by side.</summary>
    Distribution,
    /// <summary>PCA cumulative explained variance.</summary>
    Variance,
    /// <summary>Environment-bank size against the threshold.</summary>
    BankScan,
    /// <summary>Cluster count and ⟨σ⟩_E against δ.</summary>
    DeltaScan,
    /// <summary>Fitted φ, ρ, F over histograms of the training data's pair distances and densities.</summary>
    EamFunctions,
    /// <summary>A fit's loss against accepted steps.</summary>
    LossHistory,
}

/// <summary>
/// <para type="synopsis">Draws a figure (parity, learning curve, map, distribution, scans, EAM functions, loss history) from what the pipeline emits and writes it as PNG or SVG.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "CurationPlot", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(FileInfo))]
public sealed class ExportCurationPlotCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<PSObject> _items = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>What to plot: structures, Measure-FitError -PerStructure or -PerAtom records, study rows, δ-scan points, a fit result.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public PSObject InputObject { get; set; } = null!;

    /// <summary>The figure (Tab completes).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public CurationPlotKind Kind { get; set; }

    /// <summary>Output file: .png or .svg.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Output file, taken literally (no wildcards: '[' and ']' are part of the name).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>Width in pixels (default 800; EamFunctions 1500).</summary>
    [Parameter]
    [ValidateRange(200, 20000)]
    public int Width { get; set; }

    /// <summary>Height in pixels (default 600; EamFunctions 900).</summary>
    [Parameter]
    [ValidateRange(200, 20000)]
    public int Height { get; set; }

    /// <summary>Title above the figure.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Parity: Energy (default), Force or Stress; LearningCurve: Energy (default) or Force.</summary>
    [Parameter]
    public ParityQuantity Quantity { get; set; } = ParityQuantity.Energy;

    /// <summary>Map colouring: Cluster, Group, Energy or Selected (default: Cluster when clusters are known, else Group with -GroupBy, else Selected, else Energy).</summary>
    [Parameter]
    public MapColoring? ColorBy { get; set; }

    /// <summary>Property or Info key naming each item's group or set (Parity, Map, Distribution), e.g. config_type, Selected, or a property added with Add-Member.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.GroupByCompleter))]
    public string? GroupBy { get; set; }

    /// <summary>Distribution: EnergyPerAtom (default), ForceMagnitude, NearestDistance, Descriptor (with -Column), or any numeric property of the input.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Property { get; set; } = nameof(StructureQuantity.EnergyPerAtom);

    /// <summary>Distribution of a descriptor column: its index (0-based) or label.</summary>
    [Parameter]
    public string? Column { get; set; }

    /// <summary>Distribution: histogram bins (default 40).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int Bins { get; set; } = 40;

    /// <summary>Distribution: Histogram (default; probability density on shared bins) or Violin (Gaussian kernel density per set, Silverman bandwidth, median and IQR).</summary>
    [Parameter]
    public DistributionStyle Style { get; set; } = DistributionStyle.Histogram;

    /// <summary>LearningCurve: the error of the fit to all the data, drawn as a dashed line.</summary>
    [Parameter]
    public double? Reference { get; set; }

    /// <summary>Parity from structures (forces, stresses) and EamFunctions: an EamPotential, an EamFitResult or a potential file.</summary>
    [Parameter]
    public object? Potential { get; set; }

    /// <summary>BankScan from structures with per-atom descriptors: the thresholds to run the bank at.</summary>
    [Parameter]
    public double[]? Threshold { get; set; }

    /// <summary>Threads evaluating potentials and banks (default: all cores).</summary>
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
    protected override void EndProcessing()
    {
        string file = PathResolver.ResolveExportTarget(this, Path, LiteralPath);
        Figure figure;
        try
        {
            FigureFile.FormatOf(file);
            figure = Build();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "CannotPlot", ErrorCategory.InvalidData, Kind));
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
        if (!ShouldProcess(file, $"Write {Kind} plot")) return;
        bool wide = Kind == CurationPlotKind.EamFunctions;
        int w = Width > 0 ? Width : wide ? 1500 : PlotStyle.DefaultWidth, h = Height > 0 ? Height : wide ? 900 : PlotStyle.DefaultHeight;
        try
        {
            FigureFile.Save(figure, file, w, h);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(e, "CannotWritePlot", ErrorCategory.WriteError, file));
            return;
        }
        WriteVerbose($"Wrote the plot to {file}.");
        if (PassThru) WriteObject(new FileInfo(file));
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    private List<Structure> Structures() => _items.Select(i => i.BaseObject).OfType<Structure>().ToList();

    private string? GroupOf(PSObject item) => GroupBy is null ? null : PlotInput.Text(item, GroupBy) ?? "(none)";

    private EamPotential ResolvePotential() => PotentialResolver.Resolve(Potential is PSObject o ? o.BaseObject : Potential,
        p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));

    private Figure LearningCurve()
    {
        var (points, axis) = PlotInput.LearningCurve(_items, Quantity.ToString());
        return LearningCurvePlot.Create(points, Quantity == ParityQuantity.Force ? "Test force RMSE (meV/Å)" : "Test energy RMSE (meV/atom)", Reference, Title, axis);
    }

    private Figure Build()
    {
        if (_items.Count == 0) throw new ArgumentException($"Nothing arrived on the pipeline to draw a {Kind} plot from.");
        return Kind switch
        {
            CurationPlotKind.Parity => Parity(),
            CurationPlotKind.LearningCurve => LearningCurve(),
            CurationPlotKind.Map => Map(),
            CurationPlotKind.Distribution => Distribution(),
            CurationPlotKind.Variance => ScanPlots.Variance(Structures() is { Count: > 1 } pool
                ? PlotData.ExplainedVarianceRatio(pool)
                : throw new ArgumentException("Variance needs at least two structures with descriptors (from Get-Descriptor)."), Title),
            CurationPlotKind.BankScan => BankScan(),
            CurationPlotKind.DeltaScan => ScanPlots.DeltaScan(_items.Select(i => new DeltaPoint(
                PlotInput.Number(i, "Delta") ?? throw new ArgumentException("DeltaScan rows need Delta, Clusters and MeanEnergyStd (Select-Configuration -ScanDelta)."),
                (int)(PlotInput.Number(i, "Clusters") ?? 0), PlotInput.Number(i, "MeanEnergyStd") ?? double.NaN)).ToList(), Title),
            CurationPlotKind.EamFunctions => EamFunctions(),
            CurationPlotKind.LossHistory => ScanPlots.LossHistory(
                _items.Select(i => PlotInput.Property(i, "LossHistory")).OfType<IEnumerable<double>>().FirstOrDefault()?.ToList()
                ?? throw new ArgumentException("LossHistory takes a fit result (Invoke-EamFit) or an object with a LossHistory property."), Title),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
        };
    }

    private Figure Parity()
    {
        if (Potential is not null)
        {
            var structures = Structures();
            if (structures.Count == 0) throw new ArgumentException("With -Potential, pipe the labelled structures.");
            var potential = ResolvePotential();
            var groups = new Dictionary<Structure, string?>(ReferenceEqualityComparer.Instance);
            foreach (var i in _items)
                if (i.BaseObject is Structure s) groups[s] = GroupOf(i);
            return ParityPlot.Create(PlotData.Parity(structures, potential, Quantity, s => groups[s], ThrottleLimit, _stop.Token), Quantity, Title);
        }
        if (Quantity == ParityQuantity.Force && _items.All(PlotInput.IsAtomForceRow))
            return ParityPlot.Create(PlotInput.ForceParity(_items, i => GroupBy is null ? PlotInput.Text(i, "Group") : GroupOf(i)), ParityQuantity.Force, Title);
        if (Quantity != ParityQuantity.Energy)
            throw new ArgumentException($"A {Quantity} parity plot needs the components: pipe Measure-FitError -PerAtom rows (forces), or the structures with -Potential.");
        var points = _items.Select(i => new ParityPoint(
            PlotInput.Number(i, nameof(StructureFitError.ReferenceEnergyEvPerAtom)) ?? throw new ArgumentException(
                $"Parity rows need {nameof(StructureFitError.ReferenceEnergyEvPerAtom)} and {nameof(StructureFitError.PredictedEnergyEvPerAtom)} (Measure-FitError -PerStructure), or pipe structures with -Potential."),
            PlotInput.Number(i, nameof(StructureFitError.PredictedEnergyEvPerAtom)) ?? double.NaN,
            GroupBy is null ? PlotInput.Text(i, "Group") : GroupOf(i))).ToList();
        return ParityPlot.Create(points, ParityQuantity.Energy, Title);
    }

    private Figure Map()
    {
        var points = new List<MapPoint>();
        foreach (var i in _items)
        {
            double? x = PlotInput.Number(i, "MapX"), y = PlotInput.Number(i, "MapY");
            if (x is null || y is null)
                throw new ArgumentException("Map points need MapX and MapY: pipe the output of Get-ConfigurationMap.");
            int? cluster = PlotInput.Number(i, "ClusterId") is { } c ? (int)c : null;
            double? e = PlotInput.Number(i, "EnergyPerAtom");
            bool selected = PlotInput.Property(i, "Selected") is true || (PlotInput.Property(i, "Selected") is null && PlotInput.Has(i, "SelectionRank"));
            points.Add(new MapPoint(x.Value, y.Value, GroupBy is null ? null : GroupOf(i), cluster, e, selected));
        }
        var coloring = ColorBy ?? (points.Any(p => p.Cluster is not null) ? MapColoring.Cluster
            : GroupBy is not null ? MapColoring.Group
            : points.Any(p => p.Selected) ? MapColoring.Selected : MapColoring.Energy);
        if (coloring == MapColoring.Group && GroupBy is null)
            throw new ArgumentException("-ColorBy Group needs -GroupBy naming the property or Info key (e.g. config_type).");
        return MapPlot.Create(points, coloring, "arb. units", Title);
    }

    private Figure Distribution()
    {
        var structures = _items.All(i => i.BaseObject is Structure);
        if (Enum.TryParse<StructureQuantity>(Property, ignoreCase: true, out var q) && structures
            || Property.Equals("Descriptor", StringComparison.OrdinalIgnoreCase))
        {
            if (!structures) throw new ArgumentException($"-Property {Property} takes structures.");
            if (Property.Equals("Descriptor", StringComparison.OrdinalIgnoreCase)) q = StructureQuantity.DescriptorColumn;
            int column = 0;
            string? columnName = null;
            if (q == StructureQuantity.DescriptorColumn)
            {
                var first = (Structure)_items[0].BaseObject;
                if (Column is null) throw new ArgumentException("-Property Descriptor needs -Column (index or label).");
                if (int.TryParse(Column, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k)) column = k;
                else
                {
                    column = first.DescriptorLabels?.ToList().IndexOf(Column) ?? -1;
                    if (column < 0) throw new ArgumentException($"No descriptor column is labelled '{Column}'.");
                }
                columnName = first.DescriptorLabels is { } labels && column < labels.Count ? labels[column] : $"column {column}";
            }
            var sets = _items.GroupBy(i => GroupOf(i) ?? "all").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ValueSet(g.Key, g.SelectMany(i => PlotData.Values((Structure)i.BaseObject, q, column)).ToArray())).ToList();
            var (label, unit) = PlotData.Describe(q, columnName);
            return DrawDistribution(sets, label, unit);
        }
        var generic = _items.GroupBy(i => GroupOf(i) ?? "all").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ValueSet(g.Key, g.Select(i => PlotInput.Number(i, Property) ?? double.NaN).ToArray())).ToList();
        if (generic.All(s => s.Values.All(double.IsNaN)))
            throw new ArgumentException($"No input has a numeric '{Property}'.");
        return DrawDistribution(generic, Property, null);
    }

    private Figure DrawDistribution(IReadOnlyList<ValueSet> sets, string label, string? unit) => Style == DistributionStyle.Violin
        ? ViolinPlot.Create(sets, label, Title)
        : DistributionPlot.Create(sets, label, Bins, Title, unit);

    private Figure BankScan()
    {
        var structures = Structures();
        if (structures.Count > 0)
        {
            if (Threshold is not { Length: > 0 }) throw new ArgumentException("BankScan from structures needs -Threshold (one or more values).");
            return ScanPlots.BankScan(PlotData.BankScan(structures, Threshold, ThrottleLimit, _stop.Token), Title);
        }
        return ScanPlots.BankScan(_items.Select(i => new BankScanPoint(
            PlotInput.Number(i, "Threshold") ?? throw new ArgumentException("BankScan rows need Threshold and Environments (or pipe structures with per-atom descriptors and give -Threshold)."),
            (int)(PlotInput.Number(i, "Environments") ?? 0),
            PlotInput.Number(i, "Structures") is { } n ? (int)n : null)).ToList(), Title);
    }

    private Figure EamFunctions()
    {
        EamPotential potential;
        var structures = Structures();
        if (Potential is not null) potential = ResolvePotential();
        else if (_items.Select(i => i.BaseObject).FirstOrDefault(o => o is EamFitResult or EamPotential) is { } p) potential = PotentialResolver.Resolve(p, x => x);
        else throw new ArgumentException("EamFunctions needs a potential: pipe Invoke-EamFit's result, or give -Potential (with the training structures piped for the histograms).");
        var coverage = structures.Count > 0 ? PlotData.Coverage(structures, potential, ThrottleLimit, _stop.Token) : null;
        return EamFunctionsPlot.Create(potential, coverage, Title);
    }
}
