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
        var refs = reference is null || reference.Count == 0 ? null : Stack(reference, scaling);
        return MeasureBlocks(Stack(set, scaling), refs is null ? [] : [refs], refs?.Rows ?? 0, options);
    }

    /// <summary>
    /// Measures the environments <paramref name="mine"/> against <paramref name="reference"/> given in consecutive
    /// blocks (<paramref name="referenceRows"/> rows in all, already scaled): the blocks are searched one at a time,
    /// so a reference read from a store never needs to fit in memory. Any split into blocks gives the same report.
    /// </summary>
    internal static DiversityReport MeasureBlocks(FeatureMatrix mine, IEnumerable<FeatureMatrix> reference, long referenceRows, EntropyOptions options)
    {
        long total = mine.Rows + referenceRows, done = 0;
        void RowDone()
        {
            long d = Interlocked.Increment(ref done);
            if ((d & 255) == 0) options.Progress?.Report(d / (double)total);
        }
        double entropy = NearestNeighbourEntropy.Compute(mine, options.Neighbours, options.Bandwidth, options.Threads,
            options.Cancellation, RowDone);
        using var summary = new DistanceSummary();
        foreach (var refs in reference)
        {
            var dist = new double[refs.Rows];
            Common.OrderedParallel.For(refs.Rows, r =>
            {
                double best = double.PositiveInfinity;
                var row = refs.Row(r);
                for (int j = 0; j < mine.Rows; j++) best = Math.Min(best, VectorMath.SquaredDistance(row, mine.Row(j)));
                dist[r] = Math.Sqrt(best);
                RowDone();
            }, options.Threads, options.Cancellation);
            foreach (double d in dist) summary.Add(d);
        }
        if (summary.Count == 0)
            return new DiversityReport(mine.Rows, entropy, 0, double.NaN, double.NaN, double.NaN);
        return new DiversityReport(mine.Rows, entropy, checked((int)summary.Count), summary.Mean, summary.Median(), summary.Max);
    }

    /// <summary>The environments of <paramref name="structures"/> stacked, each row scaled by <paramref name="scaling"/>.</summary>
    internal static FeatureMatrix Stack(IReadOnlyList<Structure> structures, ColumnScaling? scaling)
    {
        var matrices = new FeatureMatrix[structures.Count];
        for (int i = 0; i < structures.Count; i++) matrices[i] = DescriptorPool.AtomDescriptorsOf(structures[i], i);
        return Stack(matrices, scaling);
    }

    /// <summary>The rows of <paramref name="matrices"/> stacked, each scaled by <paramref name="scaling"/>.</summary>
    internal static FeatureMatrix Stack(IReadOnlyList<FeatureMatrix> matrices, ColumnScaling? scaling)
    {
        var rows = new List<double[]>();
        foreach (var g in matrices)
            for (int a = 0; a < g.Rows; a++)
            {
                var row = g.Row(a).ToArray();
                scaling?.Apply(row, row);
                rows.Add(row);
            }
        return Matrices.FromRows(rows);
    }
}
