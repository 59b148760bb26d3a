using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// What the blocks of one fingerprint share while describing one structure: the warnings they
/// raise (fallbacks, each naming the structure) and intermediate results several blocks need
/// (the seed blocks CrystalNN and BondLength share one Voronoi tessellation). One per structure;
/// not shared between threads.
/// </summary>
public sealed class DescriptorContext
{
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);

    /// <summary>A context for describing <paramref name="structure"/>.</summary>
    public DescriptorContext(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        Structure = structure;
    }

    /// <summary>The structure being described.</summary>
    public Structure Structure { get; }

    /// <summary>Fallbacks taken so far, in the order raised.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The result stored under <paramref name="key"/>, computed by <paramref name="compute"/> the first time it is asked for.</summary>
    public T Share<T>(string key, Func<Structure, T> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_shared.TryGetValue(key, out var found)) return (T)found;
        var value = compute(Structure);
        _shared[key] = value;
        return value;
    }
}
