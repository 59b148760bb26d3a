using System.Collections;
using System.Management.Automation;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Storage;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Selects a representative subset of the structures (k-means, FPS, local-environment bank, DPP, MaxVol, CUR, agglomerative, spectral, entropy, random), from the pipeline or from a descriptor store without loading it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Select, "Configuration", DefaultParameterSetName = CountSet)]
[OutputType(typeof(Structure), ParameterSetName = [CountSet, FractionSet, ThresholdSet, BudgetSet])]
[OutputType(typeof(DeltaScanPoint), ParameterSetName = [DeltaScanSet])]
[OutputType(typeof(Structure), typeof(StoreRow), ParameterSetName = [StoreSet])]
[OptionsRecord(typeof(SelectionSettings), typeof(RunContext), typeof(StoreSelectionOptions))]
public sealed class SelectConfigurationCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private const string CountSet = "Count";
    private const string FractionSet = "Fraction";
    private const string ThresholdSet = "Threshold";
    private const string DeltaScanSet = "DeltaScan";
    private const string BudgetSet = "Budget";
    private const string StoreSet = "Store";
    private readonly List<Structure> _pool = [];
    private int _seen;
    private SelectionPlan _plan = null!;
    private LocalEnvironmentBankStream? _stream;
    private readonly List<string> _skipped = [];

    /// <summary>Structures to choose from (carrying the descriptors the method reads).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CountSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = FractionSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ThresholdSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DeltaScanSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = BudgetSet)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Selection method (Tab completes); may be left out with -Preset.</summary>
    [Parameter(Position = 0)]
    public SelectionMethod Method { get; set; }

    /// <summary>
    /// A descriptor store (folder *.parquet written by Export-Descriptor) to select from without loading it: methods
    /// Random, KMeans (mini-batch), Fps and Cur on a per-structure store's raw descriptors, LocalEnvironmentBank on a
    /// per-atom store (Export-Descriptor -PerAtom). The picks are read back from their source files.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = StoreSet)]
    [ValidateNotNullOrEmpty]
    public string Store { get; set; } = "";

    /// <summary>With -Store: emit the picked store rows (id, source file and frame, descriptor) instead of reading the structures back.</summary>
    [Parameter(ParameterSetName = StoreSet)]
    public SwitchParameter NoFetch { get; set; }

    /// <summary>Number of structures to select (with -Store required, unless LocalEnvironmentBank is given -Threshold).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CountSet)]
    [Parameter(ParameterSetName = StoreSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; }

    /// <summary>Fraction of the pool to select, in (0, 1] (Spectral: of every cluster).</summary>
    [Parameter(Mandatory = true, ParameterSetName = FractionSet)]
    [ValidateRange(double.Epsilon, 1.0)]
    public double Fraction { get; set; }

    /// <summary>Environment distance threshold (LocalEnvironmentBank).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ThresholdSet)]
    [Parameter(ParameterSetName = StoreSet)]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double Threshold { get; set; }

    /// <summary>Labelling budget: select as many structures as fit in this total cost (N_atoms³ each unless -CostKey/-CostExponent say otherwise).</summary>
    [Parameter(Mandatory = true, ParameterSetName = BudgetSet)]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double Budget { get; set; }

    /// <summary>Info key holding each structure's labelling cost (e.g. measured core-hours), for -Budget.</summary>
    [Parameter(ParameterSetName = BudgetSet)]
    [ValidateNotNullOrEmpty]
    public string? CostKey { get; set; }

    /// <summary>Labelling cost = N_atoms to this power (default 3, DFT-like), for -Budget.</summary>
    [Parameter(ParameterSetName = BudgetSet)]
    [ValidateRange(0.0, 10.0)]
    public double CostExponent { get; set; }

    /// <summary>Never select two structures whose descriptors lie within this distance (see Find-NearDuplicate).</summary>
    [Parameter]
    [ValidateRange(0.0, double.MaxValue)]
    public double DuplicateTolerance { get; set; }

    /// <summary>
    /// Spectral only: instead of selecting, cluster with each hybrid-kernel weight δ given here and report the cluster
    /// count and the mean within-cluster standard deviation of energy per atom, to pick δ as paper 003 does.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = DeltaScanSet)]
    [ValidateNotNullOrEmpty]
    [ValidateRange(0.0, 1.0)]
    public double[] ScanDelta { get; set; } = [];

    /// <summary>Seed of every random choice (same seed, same selection on any thread count).</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>z-score every descriptor column before selecting.</summary>
    [Parameter]
    public SwitchParameter Standardize { get; set; }

    /// <summary>Project on the fewest principal components explaining this fraction of the variance, e.g. 0.98.</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, 1.0)]
    public double ExplainedVariance { get; set; }

    /// <summary>Project on this many principal components.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Components { get; set; }

    /// <summary>Weights of descriptor column blocks, e.g. @{ '0-243' = 1; '244-247' = 4 }.</summary>
    [Parameter]
    public Hashtable? BlockWeights { get; set; }

    /// <summary>A named selection preset (KMeansStudy: paper 000's k-means recipe).</summary>
    [Parameter]
    [ValidateSet(SelectionSettings.KMeansStudy)]
    public string? Preset { get; set; }

    /// <summary>Method-specific knobs, e.g. @{ restarts = 20; tolerance = 1e-6 } or @{ kernel = 'Rbf'; gamma = 0.5 }.</summary>
    [Parameter]
    public Mapping.SelectionKnobs? Options { get; set; }

    /// <summary>Also emit every structure not selected, with Selected = $false.</summary>
    [Parameter]
    public SwitchParameter IncludeRejected { get; set; }

    /// <summary>Leave out structures whose descriptors hold NaN or infinite values, with one warning listing them, instead of refusing the pool.</summary>
    [Parameter]
    public SwitchParameter SkipNonFinite { get; set; }

    /// <summary>Threads for the parallel inner loops (never changes the result).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (ParameterSetName == StoreSet) return;
        try
        {
            var settings = BoundOptions.Bind<SelectionSettings>(this, nameof(InputObject), nameof(ScanDelta),
                nameof(IncludeRejected), nameof(SkipNonFinite), nameof(ThrottleLimit));
            _plan = SelectionOptionsMapper.Map(settings);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidSelectionParameter", ErrorCategory.InvalidArgument, Options?.ToHashtable()));
        }
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) && SeedUse.IgnoredWarning(_plan.Options) is { } ignored) WriteWarning(ignored);
        _stream = LocalEnvironmentBankStream.TryCreate(_plan.Options, BoundOptions.Context(_stop.Token, ThrottleLimit));
        if (_stream is not null) WriteVerbose($"{Selector.MethodOf(_plan.Options)}: selecting while the structures stream in.");
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == StoreSet) return; // no pipeline input: PowerShell still calls this once
        if (DescriptorRequirement.Missing(InputObject, _seen, _plan.Options) is { } missing)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(missing), "DescriptorMissing",
                ErrorCategory.InvalidData, InputObject));
        // Every structure carries the same descriptor, so its labels are checked once, before any work.
        if (_seen++ == 0 && DescriptorRequirement.MissingBlocks(InputObject, _plan.Options) is { } blocks)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(blocks), "DescriptorMismatch",
                ErrorCategory.InvalidData, InputObject));
        if (SkipNonFinite && !FiniteDescriptors.IsFinite(InputObject, DescriptorRequirement.NeedsStructureDescriptor(_plan.Options),
                DescriptorRequirement.NeedsAtomDescriptors(_plan.Options)))
        {
            _skipped.Add(InputObject.Id);
            return;
        }
        if (_stream is null)
        {
            _pool.Add(InputObject);
            return;
        }
        Structure? offered = null;
        try
        {
            offered = _stream.Offer(InputObject, IncludeRejected);
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "SelectionFailed", ErrorCategory.InvalidData, InputObject));
        }
        if (offered is not null) WriteObject(offered);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == StoreSet)
        {
            SelectFromStore();
            return;
        }
        if (FiniteDescriptors.SkippedWarning(_skipped) is { } skipped) WriteWarning(skipped);
        if (_pool.Count == 0) return;
        if (ParameterSetName == CountSet && _plan.CountAbovePool(_pool.Count) is { } above) WriteWarning(above);
        var options = _plan.For(_pool.Count);
        if (ParameterSetName == DeltaScanSet)
        {
            ScanDeltas(options);
            return;
        }
        var progress = new ProgressRecord(3, "Select-Configuration",
            $"{Selector.MethodOf(options)}: choosing from {_pool.Count} structures");
        WriteVerbose(options is SpectralOptions ? $"Spectral: clustering {_pool.Count} structures."
            : $"{Selector.MethodOf(options)}: choosing {options.Count} of {_pool.Count} structures (seed {options.Seed}).");
        WriteProgress(progress);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SelectionResult result;
        try
        {
            result = ProgressRelay.Run(p => Selector.Select(_pool, options, BoundOptions.Context(_stop.Token, ThrottleLimit, p)), ProgressRelay.Showing(this, progress));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "SelectionFailed", ErrorCategory.InvalidArgument, options));
            return;
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose($"{result.Method}: selected {result.SelectedIndices.Count} structures in {clock.Elapsed.TotalSeconds:F1} s.");
        foreach (var w in result.Warnings) WriteWarning(w);
        foreach (var s in SelectionOutput.Attach(_pool, result, IncludeRejected)) WriteObject(ViewTypes.Tag(s, ViewTypes.Selection));
    }

    /// <summary>The parameters a selection from a store takes besides -Store and -NoFetch; the others need the pool in memory.</summary>
    private static readonly HashSet<string> StoreParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(Method), nameof(Count), nameof(Threshold), nameof(Seed), nameof(Options), nameof(ThrottleLimit),
    };

    private void SelectFromStore()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Store);
        StoreSelectionOptions options;
        DescriptorStore store;
        try
        {
            if (BoundOptions.Of(this, nameof(Store), nameof(NoFetch)).Keys.FirstOrDefault(k => !StoreParameters.Contains(k)) is { } other)
                throw new ArgumentException($"-{other} needs the pool in memory; with -Store give only -Method, -Count, -Threshold, -Seed, -Options and -ThrottleLimit.");
            bool count = MyInvocation.BoundParameters.ContainsKey(nameof(Count)), threshold = MyInvocation.BoundParameters.ContainsKey(nameof(Threshold));
            if (count && threshold) throw new ArgumentException("Give -Count or -Threshold, not both.");
            if (!count && !threshold && Options?.ElementThresholds is null)
                throw new ArgumentException("With -Store give -Count (or, for LocalEnvironmentBank, -Threshold or an elementThresholds option).");
            var values = BoundOptions.Of(this, nameof(Store), nameof(NoFetch), nameof(Options), nameof(ThrottleLimit));
            if (Options is not null)
                foreach (System.Collections.DictionaryEntry e in Options.ToHashtable()) values[e.Key.ToString()!] = BoundOptions.Plain(e.Value);
            options = OptionsBinder.Bind<StoreSelectionOptions>(values, context: MyInvocation.MyCommand.Name, style: KeyStyle.Parameter);
            options.Validate();
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidSelectionParameter", ErrorCategory.InvalidArgument, Options));
            return;
        }
        try
        {
            store = DescriptorStore.Open(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "StoreUnreadable", ErrorCategory.ReadError, path));
            return;
        }
        var progress = new ProgressRecord(3, "Select-Configuration", $"{options.Method}: choosing from the {store.Structures} structures of {path}");
        WriteProgress(progress);
        var context = BoundOptions.Context(_stop.Token, ThrottleLimit);
        SelectionResult result;
        IReadOnlyList<StoreRow> rows;
        try
        {
            result = ProgressRelay.Run(p => StoreSelector.Select(store, options, BoundOptions.Context(_stop.Token, ThrottleLimit, p)), ProgressRelay.Showing(this, progress));
            rows = StoreSelector.Rows(store, result, _stop.Token);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException)
        {
            ThrowTerminatingError(new ErrorRecord(e, e is StoreLayoutException ? "StoreLayoutMismatch" : "SelectionFailed", ErrorCategory.InvalidData, path));
            return;
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        foreach (var w in result.Warnings) WriteWarning(w);
        if (NoFetch)
        {
            WriteObject(rows, enumerateCollection: true);
            return;
        }
        foreach (var pick in StoreSelector.Fetch(rows, store.Labels, null, context))
            if (pick.Structure is { } s) WriteObject(ViewTypes.Tag(s, ViewTypes.Selection));
            else WriteError(new ErrorRecord(pick.Error, "StoreSourceUnreachable", ErrorCategory.ObjectNotFound, pick.Row));
    }

    private void ScanDeltas(SelectionOptions options)
    {
        if (options is not SpectralOptions spectral)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-ScanDelta applies to -Method Spectral, not {Selector.MethodOf(options)}."),
                "ScanDeltaNeedsSpectral", ErrorCategory.InvalidArgument, Method));
            return;
        }
        IReadOnlyList<DeltaScanPoint> points;
        try
        {
            points = Spectral.ScanDelta(_pool, spectral, ScanDelta, BoundOptions.Context(_stop.Token, ThrottleLimit));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ScanDeltaFailed", ErrorCategory.InvalidData, null));
            return;
        }
        WriteObject(points, enumerateCollection: true);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
