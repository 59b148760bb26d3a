using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Storage;

/// <summary>
/// Options of a selection from a descriptor store (<see cref="StoreSelector"/>): the methods that work on chunked
/// reads — Random, KMeans (mini-batch), Fps, Cur — and the memory they may use.
/// </summary>
public sealed record StoreSelectionOptions : IOptions
{
    /// <summary>The methods a store supports.</summary>
    public static IReadOnlyList<SelectionMethod> Supported { get; } =
        [SelectionMethod.Random, SelectionMethod.KMeans, SelectionMethod.Fps, SelectionMethod.Cur];

    /// <summary>Selection method (one of <see cref="Supported"/>).</summary>
    public SelectionMethod Method { get; init; } = SelectionMethod.KMeans;

    /// <summary>Number of rows to select (KMeans: the number of clusters).</summary>
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

    /// <summary>
    /// Memory (MiB) the selection may hold besides per-row bookkeeping: FPS and CUR keep the whole descriptor matrix
    /// in memory when it fits (one read instead of one per pick); KMeans draws its mini-batches in as many passes
    /// as this budget requires.
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
    }
}
