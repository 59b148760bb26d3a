using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Turns a partition into a selection: one representative per cluster.</summary>
internal static class Representatives
{
    /// <summary>
    /// The member nearest each centre (ties: lower index). Clusters are renumbered by decreasing
    /// size (ties: lower representative index); score = cluster size.
    /// </summary>
    public static SelectionResult Nearest(SelectionMethod method, FeatureMatrix x, int[] labels, double[] centers, int k)
    {
        int d = x.Columns;
        var rep = Enumerable.Repeat(-1, k).ToArray();
        var best = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        var size = new int[k];
        for (int i = 0; i < x.Rows; i++)
        {
            int c = labels[i];
            size[c]++;
            double dd = VectorMath.SquaredDistance(x.Row(i), centers.AsSpan(c * d, d));
            if (dd < best[c]) { best[c] = dd; rep[c] = i; }
        }
        return Ordered(method, labels, rep, size);
    }

    /// <summary>Builds the result from a representative per cluster (−1 = empty cluster, skipped).</summary>
    public static SelectionResult Ordered(SelectionMethod method, int[] labels, int[] rep, int[] size)
    {
        var order = Enumerable.Range(0, rep.Length).Where(c => rep[c] >= 0)
            .OrderByDescending(c => size[c]).ThenBy(c => rep[c]).ToArray();
        var renumber = new int[rep.Length];
        for (int r = 0; r < order.Length; r++) renumber[order[r]] = r;
        var newLabels = labels.Select(c => renumber[c]).ToArray();
        return new SelectionResult(method, order.Select(c => rep[c]).ToArray(),
            order.Select(c => (double)size[c]).ToArray(), newLabels);
    }
}
