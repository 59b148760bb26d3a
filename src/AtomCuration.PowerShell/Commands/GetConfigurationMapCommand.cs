using System.Management.Automation;
using AtomCuration.Embedding;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Places every structure on a 2-D map of its descriptors (PCA, t-SNE, classical MDS, SMACOF) and attaches MapX, MapY.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConfigurationMap")]
[OutputType(typeof(Structure))]
[OptionsRecord(typeof(MapSettings), typeof(RunContext))]
public sealed class GetConfigurationMapCommand : PSCmdlet, IDisposable
{
    private readonly List<Structure> _pool = [];
    private readonly CancellationTokenSource _stop = new();
    private MapSettings _settings = null!;
    private string? _seedIgnored;

    /// <summary>Structures carrying a descriptor (from Get-Descriptor).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public Structure InputObject { get; set; } = null!;

    /// <summary>Map method (Tab completes): Pca, Tsne, ClassicalMds or Smacof.</summary>
    [Parameter(Position = 0)]
    public MapMethod Method { get; set; } = MapMethod.Pca;

    /// <summary>t-SNE perplexity (default 30).</summary>
    [Parameter]
    [ValidateRange(1.0, 1000.0)]
    public double Perplexity { get; set; }

    /// <summary>Seed: t-SNE's symmetry breaking; for SMACOF a random start instead of the classical-MDS one.</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>t-SNE gradient iterations (default 1000) or SMACOF's maximum (default 300).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Iterations { get; set; }

    /// <summary>z-score every descriptor column first.</summary>
    [Parameter]
    public SwitchParameter Standardize { get; set; }

    /// <summary>Project on the principal components explaining this fraction of the variance first.</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, 1.0)]
    public double ExplainedVariance { get; set; }

    /// <summary>Project on this many principal components first.</summary>
    [Parameter]
    [ValidateRange(2, int.MaxValue)]
    public int Components { get; set; }

    /// <summary>For the MDS methods: distances induced by this kernel instead of Euclidean ones.</summary>
    [Parameter]
    public KernelKind Kernel { get; set; }

    /// <summary>Kernel width γ (RBF, Laplacian; default 1).</summary>
    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    public double Gamma { get; set; }

    /// <summary>Leave out structures whose descriptors hold NaN or infinite values, with one warning listing them, instead of refusing the pool.</summary>
    [Parameter]
    public SwitchParameter SkipNonFinite { get; set; }

    /// <summary>Threads for t-SNE (never changes the result).</summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _settings = BoundOptions.Bind<MapSettings>(this, nameof(InputObject), nameof(SkipNonFinite), nameof(ThrottleLimit));
            _ = _settings.ToOptions(); // refuses contradictory settings before any input is read
            _seedIgnored = _settings.SeedIgnoredWarning;
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidMapParameter", ErrorCategory.InvalidArgument, null));
        }
        if (_seedIgnored is not null) WriteWarning(_seedIgnored);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (DescriptorRequirement.Missing(InputObject, _pool.Count, structureDescriptor: true, atomDescriptors: false,
                "Get-ConfigurationMap") is { } missing)
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(missing), "DescriptorMissing",
                ErrorCategory.InvalidData, InputObject));
        _pool.Add(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (SkipNonFinite)
        {
            var (kept, skipped) = FiniteDescriptors.Exclude(_pool, structureDescriptor: true, atomDescriptors: false);
            if (FiniteDescriptors.SkippedWarning(skipped) is { } warning) WriteWarning(warning);
            _pool.Clear();
            _pool.AddRange(kept);
        }
        if (_pool.Count == 0) return;
        var options = _settings.ToOptions(_pool.Count, out var lowered);
        if (lowered is not null) WriteWarning(lowered);
        WriteVerbose($"{Method}: mapping {_pool.Count} structures with {_pool[0].Descriptor!.Value.Length} descriptor columns.");
        var progress = new ProgressRecord(4, "Get-ConfigurationMap", $"{Method}: mapping {_pool.Count} structures");
        WriteProgress(progress);
        IReadOnlyList<Structure> mapped;
        try
        {
            mapped = ProgressRelay.Run(p => MapAttachment.Attach(_pool, options, BoundOptions.Context(_stop.Token, ThrottleLimit, p)),
                ProgressRelay.Showing(this, progress));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "MapFailed", ErrorCategory.InvalidData, null));
            return;
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose($"{Method}: map done.");
        foreach (var s in mapped) WriteObject(ViewTypes.Tag(s, ViewTypes.Map));
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
