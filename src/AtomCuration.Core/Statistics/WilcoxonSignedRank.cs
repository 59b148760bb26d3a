namespace AtomCuration.Statistics;

/// <summary>How the Wilcoxon signed-rank test treats zero differences (SciPy's <c>zero_method</c>).</summary>
public enum ZeroMethod
{
    /// <summary>Drop zero differences (Wilcoxon 1945).</summary>
    Wilcox,

    /// <summary>Rank zeros with the rest, then drop their ranks (Pratt 1959).</summary>
    Pratt,

    /// <summary>Rank zeros with the rest and split their rank sum between the positive and negative sums.</summary>
    ZSplit,
}

/// <summary>
/// The Wilcoxon signed-rank test of paired samples (d = x − y), with the semantics of SciPy 1.10's
/// <c>scipy.stats.wilcoxon(x, y, zero_method, correction, alternative, method)</c>.
/// <para>Ranks r of |d| (average ranks); R₊ = Σ_{d&gt;0} r, R₋ = Σ_{d&lt;0} r (zsplit adds half the zeros'
/// rank sum to each). The statistic is min(R₊, R₋) two-sided, R₊ one-sided.</para>
/// <para><b>Exact</b> (Auto with n ≤ 50 and no zero differences): the null distribution of R₊ is
/// that of Σ_{k=1}^{n} k·B_k with independent fair B_k, built by convolution; p sums it beyond ⌊R₊⌋
/// (two-sided: twice the smaller tail, 1 at the centre).</para>
/// <para><b>Asymptotic:</b> μ = n(n+1)/4, σ² = [n(n+1)(2n+1) − ½Σ t(t²−1)]/24 (Pratt also removes the
/// zeros' share), z = (T − μ − c)/σ with c = ½ sign(T − μ) (two-sided), −½ (less), ½ (greater) when
/// <c>correction</c>, else 0. Wilcoxon, Biometrics Bulletin 1, 80 (1945), doi:10.2307/3001968;
/// Pratt, JASA 54, 655 (1959), doi:10.1080/01621459.1959.10501526.</para>
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Runs the test on paired samples.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample (same length).</param>
    /// <param name="alternative">Greater: x − y tends to be positive.</param>
    /// <param name="method">Exact, asymptotic or SciPy's automatic choice.</param>
    /// <param name="zeroMethod">Treatment of zero differences.</param>
    /// <param name="correction">Continuity correction of the asymptotic form (SciPy's default false).</param>
    public static TestResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided,
        TestMethod method = TestMethod.Auto, ZeroMethod zeroMethod = ZeroMethod.Wilcox, bool correction = false)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Paired samples need equal lengths; got {x.Length} and {y.Length}.");
        var d = new double[x.Length];
        for (int i = 0; i < d.Length; i++) d[i] = x[i] - y[i];
        return Test(d, alternative, method, zeroMethod, correction);
    }

    /// <summary>Runs the test on differences.</summary>
    public static TestResult Test(ReadOnlySpan<double> differences, Alternative alternative = Alternative.TwoSided,
        TestMethod method = TestMethod.Auto, ZeroMethod zeroMethod = ZeroMethod.Wilcox, bool correction = false)
    {
        var d = differences.ToArray();
        if (d.Length == 0) return new TestResult(double.NaN, double.NaN, method);
        if (method == TestMethod.Auto) method = d.Length <= 50 ? TestMethod.Exact : TestMethod.Asymptotic;
        int zeros = d.Count(v => v == 0);
        if (zeros > 0 && method == TestMethod.Exact) method = TestMethod.Asymptotic;
        if (method == TestMethod.Asymptotic)
        {
            if (zeroMethod is ZeroMethod.Wilcox or ZeroMethod.Pratt && zeros == d.Length)
                throw new ArgumentException("zero_method Wilcox and Pratt do not work when every difference is zero.");
            if (zeroMethod == ZeroMethod.Wilcox) d = d.Where(v => v != 0).ToArray();
        }
        int count = d.Length;
        var abs = d.Select(Math.Abs).ToArray();
        var r = Ranking.AverageRanks(abs);
        double rPlus = 0, rMinus = 0, rZero = 0;
        for (int i = 0; i < count; i++)
        {
            if (d[i] > 0) rPlus += r[i];
            else if (d[i] < 0) rMinus += r[i];
            else rZero += r[i];
        }
        if (zeroMethod == ZeroMethod.ZSplit)
        {
            rPlus += rZero / 2;
            rMinus += rZero / 2;
        }
        double t = alternative == Alternative.TwoSided ? Math.Min(rPlus, rMinus) : rPlus;
        double p;
        if (method == TestMethod.Asymptotic)
        {
            double n = count;
            double mn = n * (n + 1) * 0.25;
            double se = n * (n + 1) * (2 * n + 1);
            var ranksForTies = r;
            if (zeroMethod == ZeroMethod.Pratt)
            {
                ranksForTies = r.Where((_, i) => d[i] != 0).ToArray();
                mn -= zeros * (zeros + 1.0) * 0.25;
                se -= zeros * (zeros + 1.0) * (2.0 * zeros + 1);
            }
            Ranking.AverageRanks(ranksForTies, out var ties);
            foreach (int rep in ties) se -= 0.5 * rep * ((double)rep * rep - 1);
            se = Math.Sqrt(se / 24);
            double c = !correction ? 0 : alternative switch
            {
                Alternative.TwoSided => 0.5 * Math.Sign(t - mn),
                Alternative.Less => -0.5,
                _ => 0.5,
            };
            double z = (t - mn - c) / se;
            p = alternative switch
            {
                Alternative.TwoSided => 2 * Distributions.NormalSf(Math.Abs(z)),
                Alternative.Greater => Distributions.NormalSf(z),
                _ => Distributions.NormalCdf(z),
            };
        }
        else
        {
            var pmf = Distribution(count);
            int rp = (int)rPlus;
            if (alternative == Alternative.TwoSided)
            {
                if (rp == (pmf.Length - 1) / 2) p = 1;
                else p = 2 * Math.Min(Sum(pmf, rp, pmf.Length), Sum(pmf, 0, rp + 1));
            }
            else p = alternative == Alternative.Greater ? Sum(pmf, rp, pmf.Length) : Sum(pmf, 0, rp + 1);
        }
        return new TestResult(t, Math.Clamp(p, 0, 1), method);
    }

    private static double Sum(double[] a, int from, int to)
    {
        double s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    /// <summary>P(R₊ = r), r = 0 … n(n+1)/2: c_k = ½c_{k−1} + ½c_{k−1} shifted by k.</summary>
    internal static double[] Distribution(int n)
    {
        var c = new double[] { 1 };
        for (int k = 1; k <= n; k++)
        {
            var next = new double[k * (k + 1) / 2 + 1];
            int m = c.Length;
            for (int i = 0; i < m; i++) next[i] = c[i] * 0.5;
            for (int i = 0; i < m; i++) next[next.Length - m + i] += c[i] * 0.5;
            c = next;
        }
        return c;
    }
}
