using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>
/// Fit weights that make a selection stand for its pool: each selected structure s gets
/// w_s = k·|P_s|/N, where P_s is the part of the N candidates s represents and k the selection size (so
/// the mean weight is 1). With cluster labels (k-means, agglomerative, spectral) P_s is s's cluster,
/// shared equally among the selected members of that cluster; otherwise P_s is s's Voronoi cell in
/// descriptor space — the candidates whose nearest selected structure (Euclidean distance between the
/// structure descriptors; ties to the earlier pick) is s.
/// </summary>
public static class PoolShareWeights
{
    /// <summary>The weights, one per selected index, in selection order.</summary>
    /// <param name="candidates">The structures selection drew from.</param>
    /// <param name="selected">Indices into <paramref name="candidates"/>.</param>
    /// <param name="labels">Cluster label of every candidate, or null.</param>
    public static double[] Compute(IReadOnlyList<Structure> candidates, IReadOnlyList<int> selected, IReadOnlyList<int>? labels)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(selected);
        int n = candidates.Count, k = selected.Count;
        var share = new double[k];
        if (labels is not null)
        {
            var clusterSize = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            var picksIn = selected.GroupBy(s => labels[s]).ToDictionary(g => g.Key, g => g.Count());
            for (int q = 0; q < k; q++)
            {
                int l = labels[selected[q]];
                share[q] = (double)clusterSize[l] / picksIn[l];
            }
        }
        else
        {
            var missing = candidates.FirstOrDefault(s => s.Descriptor is null);
            if (missing is not null)
                throw new ArgumentException($"Pool-share weights need structure descriptors; {missing.Id} has none (run Get-Descriptor first).");
            var centres = selected.Select(s => candidates[s].Descriptor!.Value.AsSpan().ToArray()).ToArray();
            for (int i = 0; i < n; i++)
            {
                var x = candidates[i].Descriptor!.Value.AsSpan();
                int best = 0;
                double bestD = double.PositiveInfinity;
                for (int q = 0; q < k; q++)
                {
                    var c = centres[q];
                    double d = 0;
                    for (int j = 0; j < c.Length; j++)
                    {
                        double t = x[j] - c[j];
                        d += t * t;
                    }
                    if (d < bestD)
                    {
                        bestD = d;
                        best = q;
                    }
                }
                share[best] += 1;
            }
        }
        var w = new double[k];
        for (int q = 0; q < k; q++) w[q] = share[q] * k / n;
        return w;
    }
}
