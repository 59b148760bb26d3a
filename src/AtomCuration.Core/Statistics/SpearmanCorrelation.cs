namespace AtomCuration.Statistics;

/// <summary>
/// Spearman's rank correlation ρ: Pearson's correlation of the average ranks, with SciPy's
/// <c>scipy.stats.spearmanr</c> p-value: t = ρ√((n−2)/((1+ρ)(1−ρ))) against Student's t with n − 2
/// degrees of freedom (two-sided 2·P(T &gt; |t|)). The interval is Fisher's z-transform with the
/// standard error 1.06/√(n − 3) of Fieller, Hartley &amp; Pearson, Biometrika 44, 470 (1957),
/// doi:10.1093/biomet/44.3-4.470. Spearman, Am. J. Psychol. 15, 72 (1904), doi:10.2307/1412159.
/// </summary>
public static class SpearmanCorrelation
{
    /// <summary>ρ, p-value and 95 % interval of paired observations.</summary>
    public static RankCorrelation Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Alternative alternative = Alternative.TwoSided, double level = 0.95)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Paired observations need equal lengths; got {x.Length} and {y.Length}.");
        int n = x.Length;
        if (n < 2) return new RankCorrelation(double.NaN, double.NaN, new ConfidenceInterval(double.NaN, double.NaN), n, TestMethod.Asymptotic);
        var rx = Ranking.AverageRanks(x);
        var ry = Ranking.AverageRanks(y);
        double mx = Descriptive.Mean(rx), my = Descriptive.Mean(ry);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double a = rx[i] - mx, b = ry[i] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        double rho = sxy / Math.Sqrt(sxx * syy);
        rho = Math.Clamp(rho, -1, 1);
        double dof = n - 2;
        double t = rho * Math.Sqrt(Math.Max(0, dof / ((rho + 1) * (1 - rho))));
        if (double.IsNaN(t) && Math.Abs(rho) == 1) t = Math.CopySign(double.PositiveInfinity, rho);
        double p = alternative switch
        {
            Alternative.TwoSided => 2 * Distributions.StudentTSf(Math.Abs(t), dof),
            Alternative.Greater => Distributions.StudentTSf(t, dof),
            _ => Distributions.StudentTCdf(t, dof),
        };
        var ci = RankCorrelation.FisherInterval(rho, n > 3 ? 1.06 / Math.Sqrt(n - 3) : double.NaN, level);
        return new RankCorrelation(rho, p, ci, n, TestMethod.Asymptotic);
    }
}
