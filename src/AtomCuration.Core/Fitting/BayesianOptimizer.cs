using MathNet.Numerics.Distributions;

namespace AtomCuration.Fitting;

/// <summary>
/// Bayesian optimisation over [0, 1]^d (Jones, Schonlau &amp; Welch, J. Global Optim. 13, 455
/// (1998), doi:10.1023/A:1008306431147; Snoek, Larochelle &amp; Adams, NeurIPS 2012): after
/// <c>initial</c> seeded uniform points, each step fits a <see cref="GaussianProcess"/>
/// (Matérn-5/2, hyperparameters by marginal likelihood) to every value so far and evaluates next
/// where the expected improvement over the best value f* is largest:
/// EI(x) = (f* − μ − ξ)Φ(z) + σφ(z), z = (f* − μ − ξ)/σ, with μ, σ the posterior mean and
/// standard deviation and ξ = 0.01 (in standardised units of the targets). EI is maximised over
/// seeded candidates: uniform points plus Gaussian perturbations of the three best points.
/// Failed evaluations (+∞) enter the surrogate as the worst finite value seen. Everything random
/// comes from the seed.
/// </summary>
public static class BayesianOptimizer
{
    /// <summary>Minimises <paramref name="objective"/> over [0, 1]^<paramref name="dimensions"/>.</summary>
    /// <param name="objective">The function (NaN and <see cref="ArgumentException"/> count as +∞).</param>
    /// <param name="dimensions">d ≥ 1.</param>
    /// <param name="budget">Evaluations ≥ 1, the initial ones included.</param>
    /// <param name="seed">Seed of the initial points, the GP fits and the candidates.</param>
    /// <param name="initial">Initial uniform points; 0 = max(3, d + 1) (never more than the budget).</param>
    /// <param name="candidates">Uniform candidates per step on which EI is evaluated.</param>
    /// <param name="onEvaluated">Called after each evaluation.</param>
    /// <param name="cancellation">Observed between evaluations; the history so far is returned.</param>
    public static SearchResult Minimize(Func<double[], double> objective, int dimensions, int budget, int seed, int initial = 0,
        int candidates = 2000, Action<SearchEvaluation>? onEvaluated = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (dimensions < 1 || budget < 1) throw new ArgumentException("Need at least one dimension and one evaluation.");
        if (candidates < 1) throw new ArgumentException("Need at least one candidate.");
        int n0 = Math.Min(budget, initial > 0 ? initial : Math.Max(3, dimensions + 1));
        var rng = new Random(seed);
        var history = new List<SearchEvaluation>();
        void Add(double[] x, string source)
        {
            var e = new SearchEvaluation(history.Count, x, RandomSearch.SafeEvaluate(objective, x), source);
            history.Add(e);
            onEvaluated?.Invoke(e);
        }
        for (int k = 0; k < n0 && !cancellation.IsCancellationRequested; k++)
            Add(Enumerable.Range(0, dimensions).Select(_ => rng.NextDouble()).ToArray(), "random");
        while (history.Count < budget && !cancellation.IsCancellationRequested)
            Add(NextPoint(history, dimensions, rng, candidates), "expected-improvement");
        if (history.Count == 0) throw new OperationCanceledException(cancellation);
        return SearchResult.From(history);
    }

    /// <summary>The candidate of largest expected improvement under a GP fitted to the history.</summary>
    internal static double[] NextPoint(IReadOnlyList<SearchEvaluation> history, int dimensions, Random rng, int candidates)
    {
        var finite = history.Where(e => double.IsFinite(e.Value)).Select(e => e.Value).ToList();
        if (finite.Count == 0) return Enumerable.Range(0, dimensions).Select(_ => rng.NextDouble()).ToArray();
        double worst = finite.Max();
        var x = history.Select(e => e.Point.ToArray()).ToList();
        var y = history.Select(e => double.IsFinite(e.Value) ? e.Value : worst).ToList();
        var gp = GaussianProcess.Fit(x, y, noise: 1e-4, starts: 3, seed: rng.Next());
        double best = y.Min();
        double sd = Math.Sqrt(y.Average(v => (v - y.Average()) * (v - y.Average())));
        double xi = 0.01 * (sd > 0 ? sd : 1);
        var pool = new List<double[]>();
        for (int c = 0; c < candidates; c++) pool.Add(Enumerable.Range(0, dimensions).Select(_ => rng.NextDouble()).ToArray());
        foreach (var top in history.Where(e => double.IsFinite(e.Value)).OrderBy(e => e.Value).Take(3))
            for (int c = 0; c < candidates / 10; c++)
                pool.Add(top.Point.Select(v => Math.Clamp(v + 0.05 * Gaussian(rng), 0, 1)).ToArray());
        double[]? argmax = null;
        double bestEi = double.NegativeInfinity;
        foreach (var p in pool)
        {
            var (mu, sigma) = gp.Predict(p);
            double gain = best - mu - xi;
            double ei = sigma > 1e-12 ? gain * Normal.CDF(0, 1, gain / sigma) + sigma * Normal.PDF(0, 1, gain / sigma) : Math.Max(gain, 0);
            if (ei > bestEi)
            {
                bestEi = ei;
                argmax = p;
            }
        }
        return argmax!;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
