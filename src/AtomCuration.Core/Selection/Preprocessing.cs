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
/// A weight applied to the block of descriptor columns from the one labelled <paramref name="First"/> to the one labelled
/// <paramref name="Last"/> (inclusive): a preset written against a descriptor's labels finds its blocks in any column order
/// and refuses a descriptor that lacks them, instead of weighting whatever columns sit at fixed indices.
/// </summary>
/// <param name="First">Label of the first column.</param>
/// <param name="Last">Label of the last column.</param>
/// <param name="Weight">Factor applied to the block (after standardisation).</param>
public sealed record LabelBlock(string First, string Last, double Weight);

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

    /// <summary>Weights for column blocks named by their first and last descriptor label (presets); columns not covered keep weight 1.</summary>
    public IReadOnlyList<LabelBlock> LabelBlockWeights { get; init; } = [];

    /// <summary>The descriptor <see cref="LabelBlockWeights"/> were written for and how to compute it, named when a pool lacks its labels.</summary>
    public string? LabelBlocksDescriptor { get; init; }

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
        foreach (var b in LabelBlockWeights)
            if (!(b.Weight >= 0 && double.IsFinite(b.Weight)))
                throw new ArgumentException($"LabelBlockWeights: block '{b.First}'…'{b.Last}' has weight {b.Weight}, not a finite weight ≥ 0.", nameof(LabelBlockWeights));
    }

    /// <summary>
    /// The column blocks of <see cref="LabelBlockWeights"/> in a descriptor with these <paramref name="labels"/>, or the
    /// message saying which descriptor they need when a label is missing (<see cref="LabelBlocksDescriptor"/>).
    /// </summary>
    public (IReadOnlyList<ColumnBlock> Blocks, string? Problem) ResolveLabelBlocks(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var blocks = new List<ColumnBlock>(LabelBlockWeights.Count);
        if (LabelBlockWeights.Count == 0) return (blocks, null);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < labels.Count; c++) index.TryAdd(labels[c], c);
        foreach (var b in LabelBlockWeights)
        {
            if (index.TryGetValue(b.First, out int first) && index.TryGetValue(b.Last, out int last) && last >= first)
            {
                blocks.Add(new ColumnBlock(first, last, b.Weight));
                continue;
            }
            string what = LabelBlocksDescriptor ?? "a descriptor with these labels";
            string has = labels.Count == 0 ? "no columns" : $"{labels.Count} columns, '{labels[0]}' … '{labels[^1]}'";
            return (blocks, $"The block weights need {what}: no column block labelled '{b.First}' … '{b.Last}' in this descriptor ({has}).");
        }
        return (blocks, null);
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
        var (labelled, problem) = options.ResolveLabelBlocks(x.Labels);
        if (problem is not null) throw new ArgumentException(problem);
        foreach (var b in options.BlockWeights.Concat(labelled))
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
