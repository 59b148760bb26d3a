namespace AtomCuration.Plotting;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman and Fan 1996, definition 7; NumPy's default).</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (p ∈ [0, 1]) of <paramref name="values"/>; NaN for no values.</summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double h = (sorted.Length - 1) * Math.Clamp(p, 0, 1);
        int i = (int)Math.Floor(h);
        return i + 1 < sorted.Length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    /// <summary>Root mean square of <paramref name="errors"/>.</summary>
    public static double Rms(IEnumerable<double> errors)
    {
        double sum = 0;
        long n = 0;
        foreach (double e in errors) { sum += e * e; n++; }
        return n == 0 ? double.NaN : Math.Sqrt(sum / n);
    }
}
