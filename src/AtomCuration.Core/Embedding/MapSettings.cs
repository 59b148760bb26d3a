using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Embedding;

/// <summary>
/// Get-ConfigurationMap's settings as a user gives them, bound by <see cref="OptionsBinder"/>; <see cref="ToOptions()"/>
/// translates them into <see cref="MapOptions"/>. Null means "not given": Core's default stands.
/// </summary>
public sealed record MapSettings : IOptions
{
    /// <summary>Map method.</summary>
    public MapMethod Method { get; init; } = MapMethod.Pca;

    /// <summary>t-SNE perplexity (Tsne only).</summary>
    [SameRangeAs(typeof(TsneOptions), nameof(TsneOptions.Perplexity))]
    public double? Perplexity { get; init; }

    /// <summary>t-SNE's seed; for SMACOF a random start instead of the classical-MDS one.</summary>
    public int? Seed { get; init; }

    /// <summary>t-SNE gradient iterations or SMACOF's maximum (Tsne and Smacof only).</summary>
    [SameRangeAs(typeof(TsneOptions), nameof(TsneOptions.Iterations))]
    public int? Iterations { get; init; }

    /// <summary>z-score every descriptor column first.</summary>
    public bool Standardize { get; init; }

    /// <summary>Project on the principal components explaining this fraction of the variance first.</summary>
    [SameRangeAs(typeof(PreprocessOptions), nameof(PreprocessOptions.ExplainedVariance))]
    public double? ExplainedVariance { get; init; }

    /// <summary>Project on this many principal components first (the map has two axes, so at least 2).</summary>
    [OptionRange(2, double.PositiveInfinity)]
    public int? Components { get; init; }

    /// <summary>For the MDS methods: distances induced by this kernel instead of Euclidean ones.</summary>
    public KernelKind? Kernel { get; init; }

    /// <summary>Kernel width γ (needs <see cref="Kernel"/>; default 1).</summary>
    [SameRangeAs(typeof(Kernel), nameof(Selection.Kernel.Gamma))]
    public double? Gamma { get; init; }

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (Perplexity is not null && Method != MapMethod.Tsne) throw new ArgumentException($"Perplexity applies to Tsne only, not {Method}.", nameof(Perplexity));
        if (Iterations is not null && Method is not (MapMethod.Tsne or MapMethod.Smacof))
            throw new ArgumentException($"Iterations applies to Tsne and Smacof, not {Method}.", nameof(Iterations));
        if (ExplainedVariance is not null && Components is not null)
            throw new ArgumentException("Give ExplainedVariance or Components, not both.", nameof(Components));
        if (Kernel is not null && Method is not (MapMethod.ClassicalMds or MapMethod.Smacof))
            throw new ArgumentException($"Kernel applies to ClassicalMds and Smacof, not {Method}.", nameof(Kernel));
        if (Gamma is not null && Kernel is null) throw new ArgumentException("Gamma needs Kernel.", nameof(Gamma));
    }

    /// <summary>The warning for a seed given to a deterministic map (PCA, classical MDS), or null.</summary>
    public string? SeedIgnoredWarning => Seed is not null && Method is MapMethod.Pca or MapMethod.ClassicalMds
        ? $"-Seed has no effect: {Method} is deterministic (the same map for every seed)."
        : null;

    /// <summary>
    /// The map options for a pool of <paramref name="poolSize"/> structures. t-SNE's perplexity must be below the pool
    /// size: a perplexity the user gave is left as given (t-SNE refuses it, naming a value that works), but the default
    /// one (30) is lowered to ≈ N/3 for a small pool, with <paramref name="warning"/> saying so.
    /// </summary>
    public MapOptions ToOptions(int poolSize, out string? warning)
    {
        var options = ToOptions();
        warning = null;
        if (Method != MapMethod.Tsne || Perplexity is not null || options.Tsne.Perplexity < poolSize) return options;
        double fitted = Math.Max(1, Math.Floor((poolSize - 1) / 3.0));
        warning = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"t-SNE's default perplexity {options.Tsne.Perplexity} is not below the {poolSize} structures mapped: using {fitted} (≈ N/3).");
        return options with { Tsne = options.Tsne with { Perplexity = fitted } };
    }

    /// <summary>The map options these settings stand for.</summary>
    public MapOptions ToOptions()
    {
        Validate();
        var tsne = new TsneOptions();
        var smacof = new SmacofOptions();
        return new MapOptions
        {
            Method = Method,
            Preprocess = new PreprocessOptions { Standardize = Standardize, ExplainedVariance = ExplainedVariance, Components = Components },
            Kernel = Kernel is KernelKind k ? new Kernel(k, Gamma ?? 1.0) : null,
            Tsne = tsne with
            {
                Perplexity = Perplexity ?? tsne.Perplexity,
                Seed = Seed ?? tsne.Seed,
                Iterations = Method == MapMethod.Tsne ? Iterations ?? tsne.Iterations : tsne.Iterations,
            },
            Smacof = smacof with
            {
                Seed = Seed,
                MaxIterations = Method == MapMethod.Smacof ? Iterations ?? smacof.MaxIterations : smacof.MaxIterations,
            },
        };
    }
}
