using System.Globalization;
using AtomCuration.Embedding;
using AtomCuration.Selection;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>Turns Get-ConfigurationMap's parameters into Core's <see cref="MapOptions"/> (plain, testable without PowerShell).</summary>
public static class MapOptionsMapper
{
    /// <summary>
    /// Builds map options; arguments left null keep Core's defaults. <paramref name="seed"/> feeds t-SNE and,
    /// when given, a random SMACOF start (otherwise SMACOF starts from classical MDS). Throws
    /// <see cref="ArgumentException"/> naming the bad parameter and its valid range, or a parameter that the
    /// method does not use.
    /// </summary>
    public static MapOptions Map(MapMethod method, double? perplexity, int? seed, int? iterations, bool standardize,
        double? explainedVariance, int? components, KernelKind? kernel, double? gamma, int throttleLimit)
    {
        if (perplexity is double p && !(p >= 1 && p <= 1000)) throw new ArgumentException($"-Perplexity must be in [1, 1000]; got {Num(p)}.", nameof(perplexity));
        if (perplexity is not null && method != MapMethod.Tsne) throw new ArgumentException($"-Perplexity applies to Tsne only, not {method}.", nameof(perplexity));
        if (iterations is < 1) throw new ArgumentException($"-Iterations must be at least 1; got {iterations}.", nameof(iterations));
        if (iterations is not null && method is not (MapMethod.Tsne or MapMethod.Smacof))
            throw new ArgumentException($"-Iterations applies to Tsne and Smacof, not {method}.", nameof(iterations));
        if (explainedVariance is double ev && !(ev > 0 && ev <= 1))
            throw new ArgumentException($"-ExplainedVariance must be in (0, 1]; got {Num(ev)}.", nameof(explainedVariance));
        if (components is < 2) throw new ArgumentException($"-Components must be at least 2 (the map has two axes); got {components}.", nameof(components));
        if (explainedVariance is not null && components is not null)
            throw new ArgumentException("Give -ExplainedVariance or -Components, not both.", nameof(components));
        if (kernel is not null && method is not (MapMethod.ClassicalMds or MapMethod.Smacof))
            throw new ArgumentException($"-Kernel applies to ClassicalMds and Smacof, not {method}.", nameof(kernel));
        if (gamma is double g && !(g > 0 && double.IsFinite(g))) throw new ArgumentException($"-Gamma must be in (0, ∞); got {Num(g)}.", nameof(gamma));
        if (gamma is not null && kernel is null) throw new ArgumentException("-Gamma needs -Kernel.", nameof(gamma));
        var tsne = new TsneOptions();
        var smacof = new SmacofOptions();
        return new MapOptions
        {
            Method = method,
            Preprocess = new PreprocessOptions { Standardize = standardize, ExplainedVariance = explainedVariance, Components = components },
            Kernel = kernel is KernelKind k ? new Kernel(k, gamma ?? 1.0) : null,
            Tsne = tsne with
            {
                Perplexity = perplexity ?? tsne.Perplexity,
                Seed = seed ?? tsne.Seed,
                Iterations = method == MapMethod.Tsne ? iterations ?? tsne.Iterations : tsne.Iterations,
                Threads = throttleLimit,
            },
            Smacof = smacof with
            {
                Seed = seed,
                MaxIterations = method == MapMethod.Smacof ? iterations ?? smacof.MaxIterations : smacof.MaxIterations,
            },
        };
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
