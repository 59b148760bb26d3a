namespace AtomCuration.Statistics;

/// <summary>
/// Order statistics and moments: quantiles by linear interpolation between order statistics
/// (NumPy's default <c>percentile(method='linear')</c>, Hyndman &amp; Fan 1996 definition 7,
/// doi:10.1080/00031305.1996.10473566), mean and sample standard deviation (n − 1).
/// </summary>
public static class Descriptive
{
    /// <summary>The q-quantile (0 ≤ q ≤ 1) of <paramref name="values"/>: with the values sorted
    /// x₀ ≤ … ≤ x_{n−1} and h = q(n − 1), x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).</summary>
    public static double Quantile(ReadOnlySpan<double> values, double q)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileSorted(sorted, q);
    }

    /// <summary>As <see cref="Quantile"/> for values already sorted ascending.</summary>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies in [0, 1].");
        if (sorted.Length == 0) return double.NaN;
        double h = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        double g = h - lo;
        // NumPy's _lerp: a + (b − a)g, turned around for g ≥ ½ so that g = 1 returns b exactly.
        double a = sorted[lo], b = sorted[lo + 1], d = b - a;
        return g >= 0.5 ? b - d * (1 - g) : a + d * g;
    }

    /// <summary>The median (the ½-quantile).</summary>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    /// <summary>Interquartile range Q(¾) − Q(¼).</summary>
    public static double InterquartileRange(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileSorted(sorted, 0.75) - QuantileSorted(sorted, 0.25);
    }

    /// <summary>Arithmetic mean (NaN for no values).</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return double.NaN;
        double s = 0;
        foreach (var v in values) s += v;
        return s / values.Length;
    }

    /// <summary>Sample standard deviation √(Σ(x − x̄)²/(n − 1)) (NaN for fewer than two values).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return double.NaN;
        double m = Mean(values), s = 0;
        foreach (var v in values) s += (v - m) * (v - m);
        return Math.Sqrt(s / (values.Length - 1));
    }
}
