namespace AtomCuration.Fitting;

/// <summary>
/// Random search (Bergstra &amp; Bengio, JMLR 13, 281 (2012)): <c>budget</c> points drawn
/// uniformly from [0, 1]^d with a seeded generator, the best kept. The baseline Bayesian
/// optimisation is compared with at the same budget.
/// </summary>
public static class RandomSearch
{
    /// <summary>Minimises <paramref name="objective"/> over [0, 1]^<paramref name="dimensions"/>.</summary>
    /// <param name="objective">The function (NaN and exceptions of type <see cref="ArgumentException"/> count as +∞).</param>
    /// <param name="dimensions">d ≥ 1.</param>
    /// <param name="budget">Evaluations ≥ 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="onEvaluated">Called after each evaluation.</param>
    /// <param name="cancellation">Observed between evaluations; the history so far is returned.</param>
    public static SearchResult Minimize(Func<double[], double> objective, int dimensions, int budget, int seed,
        Action<SearchEvaluation>? onEvaluated = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (dimensions < 1 || budget < 1) throw new ArgumentException("Need at least one dimension and one evaluation.");
        var rng = new Random(seed);
        var history = new List<SearchEvaluation>();
        for (int k = 0; k < budget && !cancellation.IsCancellationRequested; k++)
        {
            var x = new double[dimensions];
            for (int j = 0; j < dimensions; j++) x[j] = rng.NextDouble();
            var e = new SearchEvaluation(k, x, SafeEvaluate(objective, x), "random");
            history.Add(e);
            onEvaluated?.Invoke(e);
        }
        if (history.Count == 0) throw new OperationCanceledException(cancellation);
        return SearchResult.From(history);
    }

    internal static double SafeEvaluate(Func<double[], double> objective, double[] x)
    {
        try
        {
            double v = objective((double[])x.Clone());
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        catch (ArgumentException)
        {
            return double.PositiveInfinity;
        }
    }
}
