namespace AtomCuration.Statistics;

/// <summary>
/// The mean silhouette coefficient of a clustering under Euclidean distance, as
/// <c>sklearn.metrics.silhouette_score</c>: for sample i in cluster C, a(i) = mean distance to the
/// other members of C, b(i) = min over other clusters C′ of the mean distance to C′,
/// s(i) = (b − a)/max(a, b), and s(i) = 0 when C has one member. Needs 2 ≤ clusters ≤ n − 1.
/// Rousseeuw, J. Comput. Appl. Math. 20, 53 (1987), doi:10.1016/0377-0427(87)90125-7.
/// </summary>
public static class Silhouette
{
    /// <summary>Per-sample silhouette values s(i).</summary>
    /// <param name="points">Rows are samples.</param>
    /// <param name="labels">Cluster label of each row.</param>
    /// <param name="degree">Threads (0 = all); the result does not depend on it.</param>
    public static double[] Samples(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int degree = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        int n = points.Count;
        if (labels.Count != n) throw new ArgumentException($"{n} points but {labels.Count} labels.");
        var ids = labels.Distinct().Order().ToArray();
        int k = ids.Length;
        if (k < 2 || k > n - 1) throw new ArgumentException($"The silhouette needs 2 to n − 1 = {n - 1} clusters; got {k}.");
        var index = ids.Select((id, c) => (id, c)).ToDictionary(t => t.id, t => t.c);
        var cluster = labels.Select(l => index[l]).ToArray();
        var size = new int[k];
        foreach (var c in cluster) size[c]++;
        var s = new double[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = degree > 0 ? degree : Environment.ProcessorCount };
        Parallel.For(0, n, options, () => new double[k], (i, _, sums) =>
        {
            Array.Clear(sums);
            var pi = points[i];
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                sums[cluster[j]] += Distance(pi, points[j]);
            }
            int own = cluster[i];
            if (size[own] == 1)
            {
                s[i] = 0;
                return sums;
            }
            double a = sums[own] / (size[own] - 1), b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
                if (c != own) b = Math.Min(b, sums[c] / size[c]);
            double m = Math.Max(a, b);
            s[i] = m > 0 ? (b - a) / m : 0; // coincident points: sklearn's nan_to_num gives 0
            return sums;
        }, _ => { });
        return s;
    }

    /// <summary>The mean of <see cref="Samples"/>.</summary>
    public static double Score(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int degree = 0) =>
        Descriptive.Mean(Samples(points, labels, degree));

    internal static double Distance(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Points of different dimension.");
        double s = 0;
        for (int d = 0; d < a.Length; d++)
        {
            double t = a[d] - b[d];
            s += t * t;
        }
        return Math.Sqrt(s);
    }
}
