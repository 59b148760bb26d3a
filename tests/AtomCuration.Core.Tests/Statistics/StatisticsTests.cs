using AtomCuration.Statistics;

namespace AtomCuration.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void HolmByHand()
    {
        // m = 4: sorted 0.005, 0.01, 0.03, 0.04 → 0.02, 0.03, 0.06, 0.06 (running max)
        var adj = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adj.Select(v => Math.Round(v, 12)).ToArray());
        var withNaN = HolmCorrection.Adjust([0.01, double.NaN, 0.02]);
        Assert.True(double.IsNaN(withNaN[1]));
        Assert.Equal(0.02, withNaN[0], 12);
        Assert.Equal(0.02, withNaN[2], 12);
    }

    [Fact]
    public void BootstrapIsSeededAndCoversTheMedian()
    {
        double[] data = [12.1, 12.4, 11.9, 13.0, 12.2, 12.8, 12.5, 11.7, 12.0, 12.3];
        var a = BootstrapInterval.Median(data, seed: 7, resamples: 2000);
        var b = BootstrapInterval.Median(data, seed: 7, resamples: 2000);
        Assert.Equal(a, b);
        // The mean's interval is continuous enough that another seed moves it.
        var m7 = BootstrapInterval.Percentile(data, s => s.Average(), seed: 7, resamples: 2000);
        var m8 = BootstrapInterval.Percentile(data, s => s.Average(), seed: 8, resamples: 2000);
        Assert.NotEqual(m7, m8);
        double median = Descriptive.Median(data);
        Assert.True(a.Low <= median && median <= a.High);
        Assert.True(a.Low >= data.Min() && a.High <= data.Max());
    }

    [Fact]
    public void MannWhitneyExactMatchesEnumeration()
    {
        // All C(7,3) = 35 splits of ranks 1..7: P(U1 ≥ u) by brute force.
        double[] x = [1.5, 3.2, 7.0];
        double[] y = [0.1, 0.4, 2.0, 5.5];
        var r = MannWhitneyU.Test(x, y, Alternative.Greater, TestMethod.Exact);
        int atLeast = 0, total = 0;
        var all = x.Concat(y).ToArray();
        var ranks = Ranking.AverageRanks(all);
        for (int a = 0; a < 7; a++)
            for (int b = a + 1; b < 7; b++)
                for (int c = b + 1; c < 7; c++)
                {
                    double u = ranks[a] + ranks[b] + ranks[c] - 6;
                    total++;
                    if (u >= r.Statistic) atLeast++;
                }
        Assert.Equal((double)atLeast / total, r.PValue, 14);
    }

    [Fact]
    public void KolmogorovSmirnovDistanceOfDisjointSamplesIsOne()
    {
        var r = KolmogorovSmirnov.TwoSample([1, 2, 3], [4, 5, 6, 7]);
        Assert.Equal(1, r.Statistic);
        // Only the two extreme orderings reach D = 1: 2 / C(7,3).
        Assert.Equal(2.0 / 35, r.PValue, 14);
    }
}
