using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Push-style form of <see cref="DescriptorCalculator.TryAttach"/> for a cmdlet that receives one
/// structure per <c>ProcessRecord</c>: <see cref="Push"/> buffers structures and, once a batch of
/// ThrottleLimit × 8 is full, describes it in parallel and returns the outcomes in input order;
/// <see cref="Complete"/> (in <c>EndProcessing</c>) flushes the rest. The species set is fixed
/// by the options or by the first structure pushed.
/// </summary>
public sealed class DescriptorStream
{
    private readonly DescriptorOptions _options;
    private readonly List<Structure> _batch = [];
    private readonly int _batchSize;
    private CompositeDescriptor? _composite;

    /// <summary>A stream for <paramref name="options"/>; <paramref name="cancellation"/> is observed between structures.</summary>
    public DescriptorStream(DescriptorOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Cancellation = cancellation;
        int threads = options.ThrottleLimit > 0 ? options.ThrottleLimit : Environment.ProcessorCount;
        _batchSize = threads * 8;
    }

    /// <summary>The token passed at construction.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The bound fingerprint, once the first structure has fixed the species.</summary>
    public CompositeDescriptor? Composite => _composite;

    /// <summary>Adds a structure; returns the outcomes of a completed batch (often none).</summary>
    public IReadOnlyList<DescriptorOutcome> Push(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        _composite ??= new CompositeDescriptor(_options,
            _options.Species is { Count: > 0 } sp ? SpeciesSet.FromSymbols(sp) : SpeciesSet.FromStructure(structure));
        _batch.Add(structure);
        return _batch.Count >= _batchSize ? Flush() : [];
    }

    /// <summary>Describes whatever is still buffered.</summary>
    public IReadOnlyList<DescriptorOutcome> Complete() => _batch.Count == 0 ? [] : Flush();

    private List<DescriptorOutcome> Flush()
    {
        var composite = _composite!;
        var outcomes = OrderedParallel.Map(_batch, s => DescriptorCalculator.Describe(composite, s), _options.ThrottleLimit, Cancellation).ToList();
        _batch.Clear();
        return outcomes;
    }
}
