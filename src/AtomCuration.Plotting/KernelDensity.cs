namespace AtomCuration.Plotting;

/// <summary>
/// Gaussian kernel density estimate f̂(x) = 1/(n·h) Σ φ((x − x_i)/h) with Silverman's rule-of-thumb bandwidth
/// h = 0.9·min(σ̂, IQR/1.34)·n^(−1/5) (Silverman 1986, <i>Density Estimation for Statistics and Data Analysis</i>,
/// Chapman &amp; Hall, eq. 3.31, DOI 10.1201/9781315140919; R's bw.nrd0). σ̂ is the sample standard deviation
/// (n − 1), the IQR uses <see cref="Quantiles"/> (linear interpolation).
/// </summary>
public static class KernelDensity
{
    private static readonly double InvSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>Silverman's bandwidth of <paramref name="values"/>; when the smaller spread is zero, σ̂, else |x₁|, else 1 (as bw.nrd0).</summary>
    public static double SilvermanBandwidth(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n == 0) throw new ArgumentException("A bandwidth needs at least one value.");
        double mean = 0;
        for (int i = 0; i < n; i++) mean += values[i];
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
        double sd = n > 1 ? Math.Sqrt(ss / (n - 1)) : 0;
        double iqr = (Quantiles.Of(values, 0.75) - Quantiles.Of(values, 0.25)) / 1.34;
        // The smaller spread guards against a heavy tail or a second mode inflating σ̂; when it is zero fall back as bw.nrd0 does.
        double spread = Math.Min(sd, iqr);
        if (!(spread > 0)) spread = sd > 0 ? sd : Math.Abs(values[0]) > 0 ? Math.Abs(values[0]) : 1;
        return 0.9 * spread * Math.Pow(n, -0.2);
    }

    /// <summary>f̂ at each of <paramref name="at"/> with bandwidth <paramref name="h"/> (1/unit of the values).</summary>
    public static double[] Evaluate(IReadOnlyList<double> values, double h, ReadOnlySpan<double> at)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(h > 0)) throw new ArgumentOutOfRangeException(nameof(h), h, "The bandwidth must be positive.");
        var sample = values as double[] ?? values.ToArray();
        var density = new double[at.Length];
        double norm = InvSqrt2Pi / (sample.Length * h), inv = 1 / h;
        for (int k = 0; k < at.Length; k++)
        {
            double x = at[k], sum = 0;
            foreach (double v in sample)
            {
                double u = (x - v) * inv;
                // Beyond 8 h a Gaussian kernel adds less than 1e-14 of its peak.
                if (u is > -8 and < 8) sum += Math.Exp(-0.5 * u * u);
            }
            density[k] = sum * norm;
        }
        return density;
    }
}
