using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Push-style form of <see cref="DescriptorCalculator.TryAttach"/> for a cmdlet that receives one
/// structure per <c>ProcessRecord</c>: <see cref="Push"/> buffers structures and, once a batch of
/// the context's ThrottleLimit × 8 is full, describes it in parallel and returns the outcomes in input
/// order; <see cref="Complete"/> (in <c>EndProcessing</c>) flushes the rest. A stream cannot look ahead
/// at the elements still to come, so when the columns depend on the species they must be given
/// (<see cref="DescriptorOptions.Species"/>); a caller without them collects the pool and uses
/// <see cref="DescriptorCalculator.TryAttachAll"/>, which takes the species of every structure.
/// </summary>
public sealed class DescriptorStream
{
    private readonly List<Structure> _batch = [];
    private readonly int _batchSize;
    private readonly RunContext _context;
    private readonly DescriptorOptions _options;
    private CompositeDescriptor? _composite;

    /// <summary>A stream for <paramref name="options"/>; the context's cancellation is observed between structures.</summary>
    /// <exception cref="DescriptorParameterException">The columns depend on the species and the options name none.</exception>
    public DescriptorStream(DescriptorOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (DescriptorCalculator.NeedsSpecies(options)) throw new DescriptorParameterException("species", SpeciesNeeded);
        _options = options;
        _context = context ?? RunContext.Default;
        _batchSize = _context.ThrottleLimit * 8;
        if (options.Species is { Count: > 0 } species) _composite = new CompositeDescriptor(options, SpeciesSet.FromSymbols(species));
    }

    /// <summary>Why a stream needs its species, in words a user can act on.</summary>
    public const string SpeciesNeeded =
        "Describing structures as they stream needs the species up front (the columns depend on them, and a later " +
        "structure may bring an element the first one lacks): give -Species (e.g. -Species Cu, Ta) or 'species' in the parameters.";

    /// <summary>The bound fingerprint (for species-independent blocks, once the first structure has come).</summary>
    public CompositeDescriptor? Composite => _composite;

    /// <summary>Adds a structure; returns the outcomes of a completed batch (often none).</summary>
    public IReadOnlyList<DescriptorOutcome> Push(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        _composite ??= new CompositeDescriptor(_options, SpeciesSet.FromStructure(structure)); // no column depends on it
        _batch.Add(structure);
        return _batch.Count >= _batchSize ? Flush() : [];
    }

    /// <summary>Describes whatever is still buffered.</summary>
    public IReadOnlyList<DescriptorOutcome> Complete() => _batch.Count == 0 ? [] : Flush();

    private List<DescriptorOutcome> Flush()
    {
        var composite = _composite!;
        var outcomes = OrderedParallel.Map(_batch, s => DescriptorCalculator.Describe(composite, s), _context.ThrottleLimit, _context.Cancellation).ToList();
        _batch.Clear();
        return outcomes;
    }
}
