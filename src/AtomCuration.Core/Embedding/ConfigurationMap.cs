using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Embedding;

/// <summary>Map methods offered by <see cref="ConfigurationMap"/>.</summary>
public enum MapMethod
{
    /// <summary>First two principal components.</summary>
    Pca,
    /// <summary>t-SNE (exact or Barnes–Hut).</summary>
    Tsne,
    /// <summary>Classical (Torgerson) MDS.</summary>
    ClassicalMds,
    /// <summary>Metric MDS by SMACOF.</summary>
    Smacof,
}

/// <summary>Options for <see cref="ConfigurationMap"/>.</summary>
public sealed record MapOptions : IOptions
{
    /// <summary>Embedding method.</summary>
    public MapMethod Method { get; init; } = MapMethod.Pca;

    /// <summary>Preprocessing of the descriptor matrix before mapping.</summary>
    public PreprocessOptions Preprocess { get; init; } = PreprocessOptions.None;

    /// <summary>For the MDS methods: null = Euclidean distances, otherwise kernel distances √(K_ii + K_jj − 2K_ij).</summary>
    public Kernel? Kernel { get; init; }

    /// <summary>t-SNE settings (perplexity, seed, …).</summary>
    public TsneOptions Tsne { get; init; } = new();

    /// <summary>SMACOF settings.</summary>
    public SmacofOptions Smacof { get; init; } = new();

    /// <inheritdoc />
    public void Validate()
    {
        Preprocess.Validate();
        Tsne.Validate();
        OptionRanges.Validate(Smacof);
        if (Kernel is not null) OptionRanges.Validate(Kernel);
    }
}

/// <summary>Two map coordinates for every structure (what Get-ConfigurationMap attaches as MapX, MapY).</summary>
/// <param name="X">First coordinate of each row.</param>
/// <param name="Y">Second coordinate of each row.</param>
public sealed record MapResult(double[] X, double[] Y);

/// <summary>Builds a 2-D map of a pool from its structure descriptors.</summary>
public static class ConfigurationMap
{
    /// <summary>Maps the pool's <see cref="Structure.Descriptor"/> rows.</summary>
    public static MapResult Compute(IReadOnlyList<Structure> pool, MapOptions options) =>
        Compute(DescriptorPool.FromStructures(pool), options);

    /// <summary>Maps the rows of a pool matrix.</summary>
    public static MapResult Compute(FeatureMatrix x, MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        AtomCuration.Selection.FiniteDescriptors.Require(x, row => $"Row {row}");
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var p = Preprocessing.Apply(x, options.Preprocess);
        int n = p.Rows;
        double[] xy = options.Method switch
        {
            MapMethod.Pca => Interleave(Pca.Fit(p, new PcaOptions { Components = 2 }).Transform(p)),
            MapMethod.Tsne => Tsne.Embed(p, options.Tsne),
            MapMethod.ClassicalMds => ClassicalMds.FromDistances(Distances(p, options.Kernel), n),
            MapMethod.Smacof => Smacof.FromDistances(Distances(p, options.Kernel), n, options.Smacof with { Dimensions = 2 }).Coordinates,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown map method."),
        };
        return new MapResult(Enumerable.Range(0, n).Select(i => xy[2 * i]).ToArray(), Enumerable.Range(0, n).Select(i => xy[2 * i + 1]).ToArray());
    }

    private static double[] Distances(FeatureMatrix x, Kernel? kernel) =>
        kernel is null ? ClassicalMds.Distances(x) : ClassicalMds.DistancesFromKernel(kernel.Matrix(x), x.Rows);

    private static double[] Interleave(FeatureMatrix m) => m.Values.ToArray();
}
