namespace AtomCuration.Statistics;

/// <summary>
/// Kendall's τ_b with the semantics of SciPy 1.10's <c>scipy.stats.kendalltau(variant='b')</c>.
/// <para>With n₀ = n(n−1)/2 pairs, n₁ and n₂ the pairs tied in x and in y, n₃ those tied in both,
/// and D the discordant pairs (counted in O(n log n) as inversions after sorting by x then y;
/// Knight, JASA 61, 436 (1966), doi:10.1080/01621459.1966.10480879):
/// S = n₀ − n₁ − n₂ + n₃ − 2D and τ_b = S/√((n₀ − n₁)(n₀ − n₂)).</para>
/// <para><b>Exact</b> (Auto with no ties and n ≤ 33, or at most one discordant/concordant pair):
/// the permutation distribution of the concordant count (Kendall, Rank Correlation Methods, 1970),
/// built by cumulative sums as SciPy does. <b>Asymptotic:</b> z = S/√v with
/// v = [m(2n+5) − Σt(t−1)(2t+5)ₓ − Σu(u−1)(2u+5)ᵧ]/18 + 2n₁n₂/m + Σt(t−1)(t−2)ₓ·Σu(u−1)(u−2)ᵧ/(9m(n−2)),
/// m = n(n−1). The interval is Fisher's z with standard error 0.437/√(n − 4) (Fieller, Hartley &amp;
/// Pearson, Biometrika 44, 470 (1957), doi:10.1093/biomet/44.3-4.470).</para>
/// </summary>
public static class KendallTau
{
    /// <summary>τ_b, p-value and 95 % interval.</summary>
    public static RankCorrelation Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided,
        TestMethod method = TestMethod.Auto, double level = 0.95)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Paired observations need equal lengths; got {x.Length} and {y.Length}.");
        int n = x.Length;
        var none = new ConfidenceInterval(double.NaN, double.NaN);
        if (n == 0) return new RankCorrelation(double.NaN, double.NaN, none, 0, method);
        // Dense ranks of y, then sort by (x, y).
        var yr = DenseRanks(y);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var xs = x.ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = xs[a].CompareTo(xs[b]);
            return c != 0 ? c : yr[a].CompareTo(yr[b]);
        });
        var xSorted = new double[n];
        var ySorted = new int[n];
        for (int i = 0; i < n; i++)
        {
            xSorted[i] = xs[order[i]];
            ySorted[i] = yr[order[i]];
        }
        long jointTies = 0;
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && xSorted[j] == xSorted[i] && ySorted[j] == ySorted[i]) j++;
            long c = j - i;
            jointTies += c * (c - 1) / 2;
            i = j;
        }
        var (xtie, x0, x1) = TieStats(xSorted.Select(v => v).ToArray());
        var (ytie, y0, y1) = TieStats(ySorted.Select(v => (double)v).ToArray());
        long dis = Inversions(ySorted);
        long tot = (long)n * (n - 1) / 2;
        if (xtie == tot || ytie == tot) return new RankCorrelation(double.NaN, double.NaN, none, n, method);
        double s = tot - xtie - ytie + jointTies - 2.0 * dis;
        double tau = s / Math.Sqrt(tot - xtie) / Math.Sqrt(tot - ytie);
        tau = Math.Min(1, Math.Max(-1, tau));
        bool ties = xtie != 0 || ytie != 0;
        if (method == TestMethod.Exact && ties) throw new ArgumentException("Ties found: the exact method cannot be used.");
        if (method == TestMethod.Auto)
            method = !ties && (n <= 33 || Math.Min(dis, tot - dis) <= 1) ? TestMethod.Exact : TestMethod.Asymptotic;
        double p;
        if (method == TestMethod.Exact) p = ExactP(n, tot - dis, alternative);
        else
        {
            double m = n * (n - 1.0);
            double v = (m * (2.0 * n + 5) - x1 - y1) / 18 + 2.0 * xtie * ytie / m + x0 * y0 / (9 * m * (n - 2));
            double z = s / Math.Sqrt(v);
            p = alternative switch
            {
                Alternative.Less => Distributions.NormalCdf(z),
                Alternative.Greater => Distributions.NormalSf(z),
                _ => 2 * Distributions.NormalSf(Math.Abs(z)),
            };
        }
        var ci = RankCorrelation.FisherInterval(tau, n > 4 ? 0.437 / Math.Sqrt(n - 4) : double.NaN, level);
        return new RankCorrelation(tau, p, ci, n, method);
    }

    private static int[] DenseRanks(ReadOnlySpan<double> v)
    {
        var sorted = v.ToArray().Distinct().Order().ToArray();
        var r = new int[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = Array.BinarySearch(sorted, v[i]);
        return r;
    }

    /// <summary>Over tie groups of size t in sorted values: Σt(t−1)/2, Σt(t−1)(t−2), Σt(t−1)(2t+5).</summary>
    private static (long Pairs, double T0, double T1) TieStats(double[] sorted)
    {
        var copy = (double[])sorted.Clone();
        Array.Sort(copy);
        long pairs = 0;
        double t0 = 0, t1 = 0;
        for (int i = 0; i < copy.Length;)
        {
            int j = i + 1;
            while (j < copy.Length && copy[j] == copy[i]) j++;
            long c = j - i;
            if (c > 1)
            {
                pairs += c * (c - 1) / 2;
                t0 += c * (c - 1.0) * (c - 2);
                t1 += c * (c - 1.0) * (2 * c + 5);
            }
            i = j;
        }
        return (pairs, t0, t1);
    }

    /// <summary>Pairs i &lt; j with a[i] &gt; a[j] (merge sort).</summary>
    private static long Inversions(int[] a)
    {
        var work = (int[])a.Clone();
        var buffer = new int[a.Length];
        long count = 0;
        for (int width = 1; width < work.Length; width *= 2)
        {
            for (int lo = 0; lo < work.Length; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, work.Length), hi = Math.Min(lo + 2 * width, work.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    if (work[j] < work[i])
                    {
                        count += mid - i;
                        buffer[k++] = work[j++];
                    }
                    else buffer[k++] = work[i++];
                }
                while (i < mid) buffer[k++] = work[i++];
                while (j < hi) buffer[k++] = work[j++];
            }
            (work, buffer) = (buffer, work);
        }
        return count;
    }

    /// <summary>SciPy's <c>_kendall_p_exact(n, c, alternative)</c> for c concordant pairs.</summary>
    internal static double ExactP(int n, long c, Alternative alternative)
    {
        long half = (long)n * (n - 1) / 2;
        bool inRightTail = c >= half - c;
        bool greater = alternative == Alternative.Greater;
        c = Math.Min(c, half - c);
        double prob, massAtC = 0;
        if (n == 1) { prob = 1; massAtC = 1; }
        else if (n == 2) { prob = 1; massAtC = 0.5; }
        else if (c == 0)
        {
            prob = n < 171 ? 2.0 / Factorial(n) : 0;
            massAtC = prob / 2;
        }
        else if (c == 1)
        {
            prob = n < 172 ? 2.0 / Factorial(n - 1) : 0;
            massAtC = (n - 1) / Factorial(n);
        }
        else if (4 * c == (long)n * (n - 1) && alternative == Alternative.TwoSided) prob = 1;
        else
        {
            int len = (int)c + 1;
            var cur = new double[len];
            cur[0] = 1;
            if (len > 1) cur[1] = 1;
            bool scaled = n >= 171;
            for (int j = 3; j <= n; j++)
            {
                for (int k = 1; k < len; k++) cur[k] += cur[k - 1];
                if (scaled)
                    for (int k = 0; k < len; k++) cur[k] /= j;
                if (j <= c)
                    for (int k = len - 1; k >= j; k--) cur[k] -= cur[k - j];
            }
            double sum = 0;
            foreach (var v in cur) sum += v;
            if (!scaled)
            {
                prob = 2.0 * sum / Factorial(n);
                massAtC = cur[^1] / Factorial(n);
            }
            else
            {
                prob = sum;
                massAtC = cur[^1] / 2;
            }
        }
        if (alternative != Alternative.TwoSided)
        {
            if (inRightTail == greater) prob /= 2;
            else prob = 1 - prob / 2 + massAtC;
        }
        return Math.Clamp(prob, 0, 1);
    }

    private static double Factorial(int n) => MathNet.Numerics.SpecialFunctions.Factorial(n);
}
