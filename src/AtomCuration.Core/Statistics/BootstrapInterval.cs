namespace AtomCuration.Statistics;

/// <summary>A confidence interval.</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public readonly record struct ConfidenceInterval(double Low, double High)
{
    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"[{Low:G6}, {High:G6}]");
}

/// <summary>
/// Percentile bootstrap confidence interval of a statistic: B resamples of the data drawn with
/// replacement (indices from a seeded <see cref="Random"/>, so the same seed gives the same interval),
/// the statistic of each, and the (1 − level)/2 and (1 + level)/2 quantiles of those B values
/// (NumPy's linear quantile, as <c>scipy.stats.bootstrap(method='percentile')</c> takes them).
/// Efron, Ann. Statist. 7, 1 (1979), doi:10.1214/aos/1176344552; Efron &amp; Tibshirani,
/// An Introduction to the Bootstrap (1993), ch. 13.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>The interval of <paramref name="statistic"/> over <paramref name="data"/>.</summary>
    /// <param name="data">The sample.</param>
    /// <param name="statistic">Maps a resample to a number (called with a reused buffer).</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <param name="resamples">B.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    public static ConfidenceInterval Percentile(ReadOnlySpan<double> data, Func<double[], double> statistic, int seed,
        int resamples = 9999, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level lies in (0, 1).");
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "Need at least one resample.");
        int n = data.Length;
        if (n == 0) return new ConfidenceInterval(double.NaN, double.NaN);
        var rng = new Random(seed);
        var buffer = new double[n];
        var stats = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++) buffer[i] = data[rng.Next(n)];
            stats[b] = statistic(buffer);
        }
        Array.Sort(stats);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(Descriptive.QuantileSorted(stats, alpha), Descriptive.QuantileSorted(stats, 1 - alpha));
    }

    /// <summary>The interval of the median.</summary>
    public static ConfidenceInterval Median(ReadOnlySpan<double> data, int seed, int resamples = 9999, double level = 0.95) =>
        Percentile(data, b => Descriptive.Median(b), seed, resamples, level);
}
