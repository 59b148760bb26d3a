using AtomCuration.Embedding;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>A weight applied to a contiguous block of descriptor columns (composite fingerprints).</summary>
/// <param name="First">First column (inclusive).</param>
/// <param name="Last">Last column (inclusive).</param>
/// <param name="Weight">Factor applied to the block (after standardisation).</param>
public sealed record ColumnBlock(int First, int Last, double Weight);

/// <summary>
/// Preprocessing shared by the descriptor-space selectors, applied in this order:
/// z-score per column, block weights, PCA projection.
/// </summary>
public sealed record PreprocessOptions : IOptions
{
    /// <summary>Subtract each column's mean and divide by its population standard deviation (columns with zero spread are only centred).</summary>
    public bool Standardize { get; init; }

    /// <summary>Weights for column blocks (composite fingerprints); columns not covered keep weight 1.</summary>
    public IReadOnlyList<ColumnBlock> BlockWeights { get; init; } = [];

    /// <summary>Keep the fewest principal components whose cumulative explained-variance ratio exceeds this (scikit-learn's rule); null = no PCA unless <see cref="Components"/>.</summary>
    [SameRangeAs(typeof(PcaOptions), nameof(PcaOptions.ExplainedVariance))]
    public double? ExplainedVariance { get; init; }

    /// <summary>Keep this many principal components; null = no PCA unless <see cref="ExplainedVariance"/>.</summary>
    [SameRangeAs(typeof(PcaOptions), nameof(PcaOptions.Components))]
    public int? Components { get; init; }

    /// <summary>No preprocessing.</summary>
    public static PreprocessOptions None { get; } = new();

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (ExplainedVariance is not null && Components is not null)
            throw new ArgumentException("Give ExplainedVariance or Components, not both.", nameof(Components));
        foreach (var b in BlockWeights)
            if (!(b.First >= 0 && b.Last >= b.First && b.Weight >= 0 && double.IsFinite(b.Weight)))
                throw new ArgumentException($"BlockWeights: block {b.First}–{b.Last} with weight {b.Weight} is not a column range with a finite weight ≥ 0.", nameof(BlockWeights));
    }
}

/// <summary>Applies <see cref="PreprocessOptions"/> to a pool matrix.</summary>
public static class Preprocessing
{
    /// <summary>Returns the preprocessed copy of <paramref name="x"/> (the input is not modified).</summary>
    public static FeatureMatrix Apply(FeatureMatrix x, PreprocessOptions? options)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (options is null) return x;
        options.Validate();
        var v = x.Values.ToArray();
        int n = x.Rows, d = x.Columns;
        if (options.Standardize) Standardize(v, n, d);
        foreach (var b in options.BlockWeights)
        {
            if (b.First < 0 || b.Last >= d || b.First > b.Last)
                throw new ArgumentException($"Block {b.First}–{b.Last} is outside the {d} descriptor columns.");
            for (int i = 0; i < n; i++)
                for (int c = b.First; c <= b.Last; c++) v[i * d + c] *= b.Weight;
        }
        var m = new FeatureMatrix(n, x.Labels, v);
        if (options.ExplainedVariance is null && options.Components is null) return m;
        var pca = Pca.Fit(m, new PcaOptions { ExplainedVariance = options.ExplainedVariance, Components = options.Components });
        return pca.Transform(m);
    }

    /// <summary>In-place z-score of the columns of an n × d row-major array (population standard deviation).</summary>
    public static void Standardize(double[] v, int n, int d)
    {
        var mean = new double[d];
        var sq = new double[d];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) mean[c] += v[i * d + c];
        for (int c = 0; c < d; c++) mean[c] /= n;
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++)
            {
                double t = v[i * d + c] - mean[c];
                sq[c] += t * t;
            }
        for (int c = 0; c < d; c++)
        {
            double sd = Math.Sqrt(sq[c] / n);
            sq[c] = sd > 0 ? 1 / sd : 1;
        }
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++) v[i * d + c] = (v[i * d + c] - mean[c]) * sq[c];
    }
}
