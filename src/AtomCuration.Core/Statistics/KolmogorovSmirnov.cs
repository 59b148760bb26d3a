namespace AtomCuration.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov distance D = sup |F₁(t) − F₂(t)| of the empirical CDFs and its
/// exact two-sided p-value P(D′ ≥ D) under the null, as <c>scipy.stats.ks_2samp(method='exact')</c>
/// (SciPy's 'auto' for samples of at most 10,000 values).
/// <para>The p-value counts lattice paths: the pooled ordering is a path from (0, 0) to (n₁, n₂), every
/// path equally likely; with g = gcd(n₁, n₂) and h = round(D·n₁n₂/g), a path stays inside when every
/// point (i, j) has |i·n₂/g − j·n₁/g| &lt; h, and p = 1 − P(inside). P(inside) is propagated as a
/// probability (a step to (i+1, j) has chance (n₁−i)/(n₁+n₂−i−j)), so nothing overflows.
/// Hodges, Ark. Mat. 3, 469 (1958), doi:10.1007/BF02589501.</para>
/// <para>Beyond 10,000 values in either sample (where SciPy's 'auto' also leaves the exact form) the p-value is
/// Kolmogorov's limit Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} with λ = D√(n₁n₂/(n₁+n₂)) (Kolmogorov 1933;
/// SciPy instead evaluates the one-sample finite-n distribution at round(n₁n₂/(n₁+n₂)), which differs
/// from the limit by O(1/√n)).</para>
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>D and its exact two-sided p-value.</summary>
    public static TestResult TwoSample(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n1 = x.Length, n2 = y.Length;
        if (n1 == 0 || n2 == 0) throw new ArgumentException("Both samples need at least one value.");
        double d = Distance(x, y);
        if (Math.Max(n1, n2) > 10_000) return new TestResult(d, LimitP(d * Math.Sqrt((double)n1 * n2 / (n1 + n2))), TestMethod.Asymptotic);
        return new TestResult(d, ExactP(n1, n2, d), TestMethod.Exact);
    }

    /// <summary>Kolmogorov's Q(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²} (1 for λ ≤ 0.2, where the series is 1 to double precision).</summary>
    internal static double LimitP(double lambda)
    {
        if (lambda < 0.2) return 1;
        double sum = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }

    /// <summary>sup |F₁ − F₂| over the pooled values.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var a = x.ToArray();
        var b = y.ToArray();
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length || j < b.Length)
        {
            double t = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] <= t) i++;
            while (j < b.Length && b[j] <= t) j++;
            d = Math.Max(d, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return d;
    }

    /// <summary>P(D′ ≥ d) for samples of n₁ and n₂ values.</summary>
    internal static double ExactP(int n1, int n2, double d)
    {
        long g = Gcd(n1, n2);
        long n1g = n1 / g, n2g = n2 / g;
        long lcm = n1g * n2;
        long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        if (h == 0) return 1;
        // P(reach (i, j) with every point so far inside), row by row in i.
        var row = new double[n2 + 1];
        for (int i = 0; i <= n1; i++)
        {
            for (int j = 0; j <= n2; j++)
            {
                double p;
                if (i == 0 && j == 0) p = 1;
                else
                {
                    p = 0;
                    if (i > 0) p += row[j] * (n1 - (i - 1)) / (double)(n1 + n2 - (i - 1) - j);          // from (i−1, j), row still holds i−1
                    if (j > 0) p += row[j - 1] * (n2 - (j - 1)) / (double)(n1 + n2 - i - (j - 1));       // from (i, j−1), already row i
                }
                if (Math.Abs(i * n2g - j * n1g) >= h) p = 0;
                row[j] = p;
            }
        }
        return Math.Clamp(1 - row[n2], 0, 1);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
