using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Diversity of a set of structures (paper 004's surrogate-error table).</summary>
/// <param name="Environments">Per-atom environments in the set.</param>
/// <param name="Entropy">Nearest-neighbour entropy of the set's environments.</param>
/// <param name="ReferenceEnvironments">Environments in the reference set (0 when none was given).</param>
/// <param name="MeanDistance">Mean distance from a reference environment to its nearest environment in the set.</param>
/// <param name="MedianDistance">Median of those distances.</param>
/// <param name="MaxDistance">Largest of those distances.</param>
public sealed record DiversityReport(int Environments, double Entropy, int ReferenceEnvironments,
    double MeanDistance, double MedianDistance, double MaxDistance);

/// <summary>
/// Measures a set's per-atom environments: the entropy estimator of <see cref="EntropySelector"/>,
/// and for every environment of a reference set the Euclidean distance to the nearest environment
/// of the set — the distance-to-nearest-training-point error surrogate of paper 004.
/// </summary>
public static class Diversity
{
    /// <summary>
    /// Measures <paramref name="set"/>, optionally against <paramref name="reference"/>; <paramref name="scaling"/> (e.g. a
    /// z-score from the reference) is applied to every environment first. Honours the options' Threads,
    /// Cancellation and Progress (the fraction of environments searched: the set's, then the reference's).
    /// </summary>
    public static DiversityReport Measure(IReadOnlyList<Structure> set, IReadOnlyList<Structure>? reference = null,
        EntropyOptions? options = null, ColumnScaling? scaling = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= new EntropyOptions();
        var mine = Stack(set, scaling);
        var refs = reference is null || reference.Count == 0 ? null : Stack(reference, scaling);
        int total = mine.Rows + (refs?.Rows ?? 0), done = 0;
        void RowDone()
        {
            int d = Interlocked.Increment(ref done);
            if ((d & 255) == 0) options.Progress?.Report(d / (double)total);
        }
        double entropy = NearestNeighbourEntropy.Compute(mine, options.Neighbours, options.Bandwidth, options.Threads,
            options.Cancellation, RowDone);
        if (refs is null)
            return new DiversityReport(mine.Rows, entropy, 0, double.NaN, double.NaN, double.NaN);
        var dist = new double[refs.Rows];
        Common.OrderedParallel.For(refs.Rows, r =>
        {
            double best = double.PositiveInfinity;
            var row = refs.Row(r);
            for (int j = 0; j < mine.Rows; j++) best = Math.Min(best, VectorMath.SquaredDistance(row, mine.Row(j)));
            dist[r] = Math.Sqrt(best);
            RowDone();
        }, options.Threads, options.Cancellation);
        var sorted = dist.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
        return new DiversityReport(mine.Rows, entropy, refs.Rows, dist.Average(), median, sorted[^1]);
    }

    private static FeatureMatrix Stack(IReadOnlyList<Structure> structures, ColumnScaling? scaling)
    {
        var rows = new List<double[]>();
        for (int i = 0; i < structures.Count; i++)
        {
            var g = DescriptorPool.AtomDescriptorsOf(structures[i], i);
            for (int a = 0; a < g.Rows; a++)
            {
                var row = g.Row(a).ToArray();
                scaling?.Apply(row, row);
                rows.Add(row);
            }
        }
        return Matrices.FromRows(rows);
    }
}
