using AtomCuration.Options;

namespace AtomCuration.Embedding;

/// <summary>Options for <see cref="Smacof"/>.</summary>
public sealed record SmacofOptions
{
    /// <summary>Output dimensions.</summary>
    public int Dimensions { get; init; } = 2;

    /// <summary>Maximum Guttman iterations.</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the relative decrease of the stress falls below this.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Null = start from classical MDS (deterministic); otherwise a uniform random start from this seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Observed between steps (picks, iterations, structures); cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; internal init; }

    /// <summary>Receives the fraction of the work done (0…1) as it advances; null = no reports.</summary>
    public IProgress<double>? Progress { get; internal init; }
}

/// <summary>
/// Metric MDS by SMACOF: minimises the raw stress σ(X) = Σ_{i&lt;j} (|xᵢ − xⱼ| − δᵢⱼ)² with the
/// Guttman transform X ← B(X) X / N, b_ij = −δᵢⱼ/|xᵢ − xⱼ| (i ≠ j, 0 when coincident), b_ii = −Σ_{j≠i} b_ij.
/// </summary>
public static class Smacof
{
    /// <summary>N × Dimensions coordinates (row-major) and the final raw stress.</summary>
    public static (double[] Coordinates, double Stress) FromDistances(double[] delta, int n, SmacofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(delta);
        options ??= new SmacofOptions();
        int m = options.Dimensions;
        double[] x;
        if (options.Seed is int seed)
        {
            var rng = new Random(seed);
            x = Enumerable.Range(0, n * m).Select(_ => rng.NextDouble()).ToArray();
        }
        else x = ClassicalMds.FromDistances(delta, n, m);
        var next = new double[n * m];
        var dist = new double[n * n];
        double stress = Stress(x, delta, n, m, dist);
        for (int it = 0; it < options.MaxIterations; it++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(it / (double)options.MaxIterations);
            Common.OrderedParallel.For(n, i =>
            {
                Span<double> acc = stackalloc double[m];
                acc.Clear();
                double bii = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j == i || dist[i * n + j] == 0) continue;
                    double b = -delta[i * n + j] / dist[i * n + j];
                    bii -= b;
                    for (int c = 0; c < m; c++) acc[c] += b * x[j * m + c];
                }
                for (int c = 0; c < m; c++) next[i * m + c] = (acc[c] + bii * x[i * m + c]) / n;
            });
            (x, next) = (next, x);
            double s = Stress(x, delta, n, m, dist);
            bool done = stress - s < options.Tolerance * stress;
            stress = s;
            if (done) break;
        }
        return (x, stress);
    }

    /// <summary>Raw stress Σ_{i&lt;j} (|xᵢ − xⱼ| − δᵢⱼ)²; fills the current distance matrix.</summary>
    public static double Stress(double[] x, double[] delta, int n, int m, double[] dist)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(dist);
        var row = new double[n];
        Common.OrderedParallel.For(n, i =>
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                double d2 = 0;
                for (int c = 0; c < m; c++) d2 += (x[i * m + c] - x[j * m + c]) * (x[i * m + c] - x[j * m + c]);
                double d = Math.Sqrt(d2);
                dist[i * n + j] = d;
                if (j > i) s += (d - delta[i * n + j]) * (d - delta[i * n + j]);
            }
            row[i] = s;
        });
        return row.Sum();
    }
}
