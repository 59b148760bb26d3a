using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Storage;

/// <summary>
/// Options of a selection from a descriptor store (<see cref="StoreSelector"/>): the methods that work on chunked
/// reads — Random, KMeans (mini-batch), Fps, Cur on a per-structure store, LocalEnvironmentBank on a per-atom store
/// — and the memory they may use.
/// </summary>
public sealed record StoreSelectionOptions : IOptions
{
    /// <summary>The methods a store supports.</summary>
    public static IReadOnlyList<SelectionMethod> Supported { get; } =
        [SelectionMethod.Random, SelectionMethod.KMeans, SelectionMethod.Fps, SelectionMethod.Cur, SelectionMethod.LocalEnvironmentBank];

    /// <summary>Selection method (one of <see cref="Supported"/>).</summary>
    public SelectionMethod Method { get; init; } = SelectionMethod.KMeans;

    /// <summary>Number of structures to select (KMeans: the number of clusters; LocalEnvironmentBank without a threshold: the count its thresholds are scaled to reach).</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public int Count { get; init; } = SelectionOptions.DefaultCount;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; }

    /// <summary>KMeans: rows per mini-batch (Sculley's b).</summary>
    [OptionRange(1, 1 << 24)]
    public int BatchSize { get; init; } = 1024;

    /// <summary>KMeans: mini-batch steps (Sculley's t); scikit-learn's <c>max_iter</c> epochs are <c>max_iter·N/BatchSize</c> steps.</summary>
    [OptionRange(1, 1e9)]
    public int Steps { get; init; } = 100;

    /// <summary>Cur: number of leading singular vectors in the leverage score.</summary>
    [OptionRange(1, 100_000)]
    public int Components { get; init; } = 1;

    /// <summary>LocalEnvironmentBank: environment distance threshold of every element without an <see cref="ElementThresholds"/> entry; none given, the thresholds are scaled to select <see cref="Count"/>.</summary>
    [SameRangeAs(typeof(LocalEnvironmentBankOptions), nameof(LocalEnvironmentBankOptions.Threshold))]
    public double? Threshold { get; init; }

    /// <summary>LocalEnvironmentBank: per-element thresholds by chemical symbol, e.g. <c>@{ Pd = 0.2; H = 0.3 }</c>.</summary>
    [OptionConverter(typeof(Descriptors.ElementMapConverter)), OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public IReadOnlyDictionary<string, double>? ElementThresholds { get; init; }

    /// <summary>LocalEnvironmentBank: environment scaling (min–max over the store by default, as in memory).</summary>
    public EnvironmentScaling Scaling { get; init; } = EnvironmentScaling.MinMax;

    /// <summary>LocalEnvironmentBank: visit structures in a random order drawn from <see cref="Seed"/>.</summary>
    public bool Shuffle { get; init; }

    /// <summary>
    /// Memory (MiB) the selection may hold besides per-row bookkeeping: FPS and CUR keep the whole descriptor matrix
    /// in memory when it fits (one read instead of one per pick); KMeans draws its mini-batches in as many passes
    /// as this budget requires; LocalEnvironmentBank keeps the environments when they fit (else reads them again
    /// for each threshold tried, and a shuffled order in as many passes as the budget requires) besides its bank.
    /// </summary>
    [OptionRange(1, 1 << 20)]
    public int CacheMegabytes { get; init; } = 256;

    internal long CacheBytes => (long)CacheMegabytes << 20;

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (!Supported.Contains(Method))
            throw new ArgumentException($"A descriptor store supports -Method {string.Join(", ", Supported)}, not {Method}; " +
                                        "other methods need the pool in memory (pipe Import-Structure | Get-Descriptor instead).");
        if (Method != SelectionMethod.LocalEnvironmentBank && (Threshold is not null || ElementThresholds is not null || Shuffle))
            throw new ArgumentException($"Threshold, ElementThresholds and Shuffle apply to LocalEnvironmentBank, not {Method}.");
    }

    /// <summary>The in-memory bank's options these stand for: thresholds given select by them, else the count is fitted.</summary>
    internal LocalEnvironmentBankOptions Bank() => new()
    {
        Count = Count,
        Seed = Seed,
        Threshold = Threshold,
        ElementThresholds = ElementThresholds?.ToDictionary(e => Structures.Elements.FromSymbol(e.Key).Z, e => e.Value),
        Scaling = Scaling,
        Shuffle = Shuffle,
    };
}
