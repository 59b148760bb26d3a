
namespace AtomCuration.Selection;

/// <summary>
/// Select-Configuration's options before the pool size is known: <see cref="Fraction"/>, when given,
/// becomes the count only once the input has been collected (<see cref="For"/>).
/// </summary>
/// <param name="Options">The method's options record, Count set from -Count (or unused).</param>
/// <param name="Fraction">-Fraction, or null.</param>
/// <param name="StudyRestarts">The k-means study preset's n_init = k − round(k/2) follows the final count.</param>
public sealed record SelectionPlan(SelectionOptions Options, double? Fraction, bool StudyRestarts = false)
{
    /// <summary>The warning when -Count asks for more structures than the pool of <paramref name="poolSize"/> holds (all are selected), else null.</summary>
    public string? CountAbovePool(int poolSize) =>
        Fraction is null && Options is not SpectralOptions and not LocalEnvironmentBankOptions { FitsCount: false } && Options.Count > poolSize
            ? $"-Count {Options.Count} is more than the {poolSize} structures in the pool: all {poolSize} are selected."
            : null;

    /// <summary>The options for a pool of <paramref name="poolSize"/> structures: the count is capped at the pool, and a fraction becomes round(f·N) (at least 1); Spectral takes the fraction per cluster instead.</summary>
    public SelectionOptions For(int poolSize)
    {
        if (Options is SpectralOptions) return Options;
        int count = Fraction is double f ? Math.Max(1, (int)Math.Round(f * poolSize, MidpointRounding.AwayFromZero)) : Options.Count;
        count = Math.Max(1, Math.Min(count, poolSize));
        var sized = Options with { Count = count };
        return StudyRestarts && sized is KMeansOptions k ? k with { Restarts = KMeansOptions.Study(count).Restarts } : sized;
    }
}
