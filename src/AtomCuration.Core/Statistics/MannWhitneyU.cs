namespace AtomCuration.Statistics;

/// <summary>
/// The Mann–Whitney U rank test of two independent samples, with SciPy's
/// <c>scipy.stats.mannwhitneyu</c> semantics (SciPy ≥ 1.7).
/// <para>With R₁ the rank sum of x in the pooled sample (average ranks for ties),
/// U₁ = R₁ − n₁(n₁+1)/2 and U₂ = n₁n₂ − U₁. The reported statistic is U₁. The p-value uses
/// U = U₁ for <see cref="Alternative.Greater"/>, U = U₂ for <see cref="Alternative.Less"/> and
/// U = max(U₁, U₂) (then doubled) for two-sided, always as the survival function P(U′ ≥ U).</para>
/// <para><b>Exact:</b> P(U′ ≥ U) = Σ_{k ≤ n₁n₂ − ⌊U⌋} f(n₁, n₂, k)/C(n₁+n₂, n₁), where f counts
/// the arrangements with statistic k, f(m, n, k) = f(m−1, n, k−n) + f(m, n−1, k)
/// (Andreas Löffler, "Über eine Partition der nat. Zahlen und ihre Anwendung beim U-Test",
/// Wiss. Z. Univ. Halle 32, 87 (1983)). Ties are ignored in this form (as SciPy does).</para>
/// <para><b>Asymptotic:</b> z = (U − n₁n₂/2 − ½c)/σ with σ² = n₁n₂/12 · [(n+1) − Σ(t³−t)/(n(n−1))]
/// (tie-corrected), c = 1 with the continuity correction, p = P(Z &gt; z).</para>
/// <para><b>Auto:</b> exact when both samples have at most 8 values and the pooled sample has no
/// ties; asymptotic otherwise. Mann &amp; Whitney, Ann. Math. Stat. 18, 50 (1947),
/// doi:10.1214/aoms/1177730491.</para>
/// </summary>
public static class MannWhitneyU
{
    /// <summary>Runs the test.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample.</param>
    /// <param name="alternative">Greater: x tends to be larger than y.</param>
    /// <param name="method">Exact, asymptotic or SciPy's automatic choice.</param>
    /// <param name="continuity">Continuity correction of the asymptotic form (SciPy's default true).</param>
    public static TestResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided,
        TestMethod method = TestMethod.Auto, bool continuity = true)
    {
        int n1 = x.Length, n2 = y.Length;
        if (n1 == 0 || n2 == 0) throw new ArgumentException("Both samples need at least one value.");
        var pooled = new double[n1 + n2];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(n1));
        var ranks = Ranking.AverageRanks(pooled, out var ties);
        if (method == TestMethod.Auto)
            method = (n1 > 8 && n2 > 8) || ties.Count > 0 ? TestMethod.Asymptotic : TestMethod.Exact;
        double r1 = 0;
        for (int i = 0; i < n1; i++) r1 += ranks[i];
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double u2 = (double)n1 * n2 - u1;
        double u = alternative switch
        {
            Alternative.Greater => u1,
            Alternative.Less => u2,
            _ => Math.Max(u1, u2),
        };
        double p = method == TestMethod.Exact
            ? ExactSf((long)Math.Floor(u), n1, n2)
            : AsymptoticSf(u, n1, n2, Ranking.TieTerm(ties), continuity);
        if (alternative == Alternative.TwoSided) p *= 2;
        return new TestResult(u1, Math.Clamp(p, 0, 1), method);
    }

    private static double AsymptoticSf(double u, int n1, int n2, double tieTerm, bool continuity)
    {
        double n = n1 + n2;
        double mu = n1 * (double)n2 / 2;
        double s = Math.Sqrt(n1 * (double)n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double numerator = u - mu;
        if (continuity) numerator -= 0.5;
        return Distributions.NormalSf(numerator / s);
    }

    /// <summary>P(U′ ≥ u) under the null: the CDF at n₁n₂ − u by symmetry.</summary>
    internal static double ExactSf(long u, int n1, int n2)
    {
        long k = (long)n1 * n2 - u;
        if (k < 0) return 0;
        var pmf = ExactCounts(n1, n2, (int)k);
        double total = MathNet.Numerics.SpecialFunctions.Binomial(n1 + n2, n1);
        double cdf = 0;
        for (int i = 0; i <= k; i++) cdf += pmf[i] / total;
        return cdf;
    }

    /// <summary>f(n₁, n₂, k) for k = 0 … <paramref name="kMax"/>: rows f(i, j, ·) for fixed i over j, built up in i.</summary>
    private static double[] ExactCounts(int m, int n, int kMax)
    {
        int len = kMax + 1;
        // row[j] holds f(i, j, 0..kMax) for the current i.
        var row = new double[n + 1][];
        for (int j = 0; j <= n; j++)
        {
            row[j] = new double[len];
            row[j][0] = 1; // f(0, j, k) = [k = 0]
        }
        for (int i = 1; i <= m; i++)
        {
            var next = new double[n + 1][];
            next[0] = new double[len];
            next[0][0] = 1; // f(i, 0, k) = [k = 0]
            for (int j = 1; j <= n; j++)
            {
                var f = new double[len];
                var left = row[j];      // f(i−1, j, ·) shifted by j
                var down = next[j - 1]; // f(i, j−1, ·)
                for (int k = 0; k < len; k++) f[k] = down[k] + (k >= j ? left[k - j] : 0);
                next[j] = f;
            }
            row = next;
        }
        return row[n];
    }
}
