using AtomCuration.Fitting;

namespace AtomCuration.Tests.Fitting;

/// <summary>Bayesian optimisation against random search at the same budget, and its determinism.</summary>
public class BayesianOptimizerTests
{
    /// <summary>The Branin function mapped onto [0, 1]² (minimum 0.397887 at three points).</summary>
    private static double Branin(double[] u)
    {
        double x = -5 + 15 * u[0], y = 15 * u[1];
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        return Math.Pow(y - b * x * x + c * x - 6, 2) + 10 * (1 - t) * Math.Cos(x) + 10;
    }

    [Fact]
    public void BeatsRandomSearchAtTheSameBudget()
    {
        var bayes = new List<double>();
        var random = new List<double>();
        for (int seed = 0; seed < 5; seed++)
        {
            bayes.Add(BayesianOptimizer.Minimize(Branin, 2, 20, seed, candidates: 500).Best.Value);
            random.Add(RandomSearch.Minimize(Branin, 2, 20, seed).Best.Value);
        }
        double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Assert.True(Median(bayes) < Median(random), $"median best: Bayesian {Median(bayes):F3}, random {Median(random):F3}");
        Assert.True(Median(bayes) < 1.0, $"Bayesian median best {Median(bayes):F3} (optimum 0.398)");
    }

    [Fact]
    public void SameSeedSameHistory()
    {
        var a = BayesianOptimizer.Minimize(Branin, 2, 8, 7, candidates: 200);
        var b = BayesianOptimizer.Minimize(Branin, 2, 8, 7, candidates: 200);
        Assert.Equal(a.History.Select(e => e.Value), b.History.Select(e => e.Value));
        Assert.Equal(8, a.History.Count);
        Assert.Equal("random", a.History[0].Source);
        Assert.Equal("expected-improvement", a.History[^1].Source);
        Assert.Equal(a.History.Min(e => e.Value), a.Best.Value);
        Assert.True(a.BestSoFar.Zip(a.BestSoFar.Skip(1)).All(p => p.Second <= p.First));
    }

    [Fact]
    public void FailedEvaluationsCountAsInfinite()
    {
        var r = RandomSearch.Minimize(u => u[0] < 0.5 ? throw new ArgumentException("bad settings") : u[0], 1, 10, 3);
        Assert.Contains(r.History, e => double.IsPositiveInfinity(e.Value));
        Assert.True(r.Best.Value >= 0.5);
        var b = BayesianOptimizer.Minimize(u => u[0] < 0.5 ? double.NaN : u[0], 1, 6, 3, candidates: 100);
        Assert.True(double.IsFinite(b.Best.Value) || b.History.All(e => double.IsPositiveInfinity(e.Value)));
    }
}
