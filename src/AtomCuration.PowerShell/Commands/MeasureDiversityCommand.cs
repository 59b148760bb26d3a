using System.Management.Automation;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Storage;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Measures how diverse a set of structures is: the entropy of its atomic environments and, against a reference set (in memory, or a per-atom descriptor store read in blocks), the distance from each reference environment to the nearest one in the set.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "Diversity", DefaultParameterSetName = ReferenceSet)]
[OutputType(typeof(DiversityReport))]
[OptionsRecord(typeof(EntropyOptions), typeof(RunContext))]
public sealed class MeasureDiversityCommand : PSCmdlet, IDisposable
{
    private const string ReferenceSet = "Reference";
    private const string StoreSet = "Store";
    private readonly List<Structure> _set = [];
    private DescriptorStore? _store;
    private readonly CancellationTokenSource _stop = new();
    private EntropyOptions _options = null!;

    /// <summary>The set to measure (structures carrying per-atom descriptors).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Reference structures (e.g. the whole pool): adds the nearest-distance table.</summary>
    [Parameter(Position = 0, ParameterSetName = ReferenceSet)]
    public Structure[]? Reference { get; set; }

    /// <summary>
    /// A per-atom descriptor store (Export-Descriptor -PerAtom) as the reference, read block by block instead of held in
    /// memory: for a pool larger than memory. The report equals the one against the same structures given to -Reference.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = StoreSet)]
    [ValidateNotNullOrEmpty]
    public string Store { get; set; } = "";

    /// <summary>Use the k-th nearest neighbour distance in the entropy estimator (default 1).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int Neighbours { get; set; }

    /// <summary>Floor on neighbour distances, keeping duplicates finite (default 1e-12).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double Bandwidth { get; set; }

    /// <summary>Environment scaling before measuring: None (default) or MinMax over the set and reference together.</summary>
    [Parameter]
    public EnvironmentScaling Scaling { get; set; } = EnvironmentScaling.None;

    /// <summary>Leave out structures (of the set and of -Reference) whose per-atom descriptors hold NaN or infinite values, with one warning listing them, instead of refusing.</summary>
    [Parameter]
    public SwitchParameter SkipNonFinite { get; set; }

    /// <summary>Threads for the distance table (never changes the result).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _options = BoundOptions.Bind<EntropyOptions>(this, nameof(InputObject), nameof(Reference), nameof(Store), nameof(Scaling),
                nameof(SkipNonFinite), nameof(ThrottleLimit));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidDiversityParameter", ErrorCategory.InvalidArgument, null));
        }
        if (ParameterSetName == StoreSet) OpenStore();
        for (int i = 0; i < (Reference?.Length ?? 0); i++) Require(Reference![i], i, "-Reference ");
    }

    private void OpenStore()
    {
        string path = GetUnresolvedProviderPathFromPSPath(Store);
        try
        {
            _store = DescriptorStore.Open(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "StoreUnreadable", ErrorCategory.ReadError, path));
        }
        if (_store!.Layout != StoreLayout.Atom)
            ThrowTerminatingError(new ErrorRecord(new StoreLayoutException(
                    $"Store '{path}' holds one row per structure; Measure-Diversity -Store reads per-atom descriptors: write the store with " +
                    "'Get-Descriptor -PerAtom … | Export-Descriptor <store>.parquet -PerAtom'."),
                "StoreLayoutMismatch", ErrorCategory.InvalidData, path));
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        Require(InputObject, _set.Count, "");
        _set.Add(InputObject);
    }

    private void Require(Structure s, int index, string where)
    {
        if (DescriptorRequirement.Missing(s, index, structureDescriptor: false, atomDescriptors: true, "Measure-Diversity") is { } missing)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(where + missing), "DescriptorMissing",
                ErrorCategory.InvalidData, s));
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var reference = Reference;
        if (SkipNonFinite)
        {
            var (kept, skipped) = FiniteDescriptors.Exclude(_set.Concat(Reference ?? []), structureDescriptor: false, atomDescriptors: true);
            if (FiniteDescriptors.SkippedWarning(skipped) is { } warning) WriteWarning(warning);
            var keep = kept.ToHashSet(ReferenceEqualityComparer.Instance);
            _set.RemoveAll(s => !keep.Contains(s));
            reference = Reference?.Where(keep.Contains).ToArray();
        }
        if (_set.Count == 0) return;
        string against = _store is null ? $"{reference?.Length ?? 0} reference structures" : $"the {_store.Structures} structures ({_store.Rows} environments) of {_store.Path}";
        WriteVerbose($"Measuring {_set.Count} structures ({_set.Sum(s => s.AtomCount)} environments) against {against}.");
        var progress = new ProgressRecord(5, "Measure-Diversity", $"{_set.Count} structures, against {against}");
        WriteProgress(progress);
        DiversityReport report;
        var storeSkipped = new List<string>();
        try
        {
            report = ProgressRelay.Run(p =>
            {
                var context = BoundOptions.Context(_stop.Token, ThrottleLimit, p);
                return _store is null
                    ? DiversityMeasurement.Measure(_set, reference, _options, Scaling, context)
                    : StoreDiversity.Measure(_set, _store, _options, Scaling, context, SkipNonFinite ? storeSkipped : null);
            }, ProgressRelay.Showing(this, progress));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException)
        {
            ThrowTerminatingError(new ErrorRecord(e, e is StoreLayoutException ? "StoreLayoutMismatch" : "DiversityFailed", ErrorCategory.InvalidData, null));
            return;
        }
        if (FiniteDescriptors.SkippedWarning(storeSkipped) is { } left) WriteWarning(left);
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteObject(report);
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
