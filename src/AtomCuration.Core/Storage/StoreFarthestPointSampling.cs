using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Storage;

/// <summary>
/// Farthest point sampling over a descriptor store: the same picks, ties and scores as
/// <see cref="FarthestPointSampling"/> with Euclidean distance on the raw descriptors (start: the row farthest
/// from the pool mean; each next pick the row farthest from its nearest pick; score = covering radius), computed in
/// one pass over the store per pick. Memory: the nearest-pick distance of every row (8 bytes a row) plus, when it
/// fits the budget, the descriptors themselves (see <see cref="StorePasses"/>).
/// </summary>
public static class StoreFarthestPointSampling
{
    /// <summary>Selects min(Count, rows) rows of <paramref name="store"/>.</summary>
    public static SelectionResult Select(DescriptorStore store, StoreSelectionOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        context ??= RunContext.Default;
        var passes = new StorePasses(store, options.CacheBytes, context.Cancellation);
        int n = checked((int)store.Rows), d = store.Labels.Count, k = Math.Min(options.Count, n);
        var mean = new double[d];
        foreach (var chunk in passes.Pass())
            for (int r = 0; r < chunk.Rows; r++)
            {
                var row = chunk.Row(r);
                for (int c = 0; c < d; c++) mean[c] += row[c];
            }
        for (int c = 0; c < d; c++) mean[c] /= n;
        var mind = new double[n];
        foreach (var chunk in passes.Pass())
            for (int r = 0; r < chunk.Rows; r++) mind[chunk.Start + r] = VectorMath.SquaredDistance(chunk.Row(r), mean);
        int next = VectorMath.ArgMax(mind);
        Array.Fill(mind, double.PositiveInfinity);
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        var pick = new double[d];
        for (int t = 0; t < k; t++)
        {
            if (t > 0 && !(mind[next] > 0)) break; // every row is covered by (a copy of) a selected row
            context.Cancellation.ThrowIfCancellationRequested();
            context.Report(t / (double)k, "farthest point sampling");
            picks.Add(next);
            CopyRow(passes, next, pick);
            int best = 0;
            foreach (var chunk in passes.Pass())
                for (int r = 0; r < chunk.Rows; r++)
                {
                    long i = chunk.Start + r;
                    double dist = VectorMath.SquaredDistance(chunk.Row(r), pick);
                    if (dist < mind[i]) mind[i] = dist;
                    if (mind[i] > mind[best]) best = (int)i;
                }
            next = best;
            scores.Add(Math.Sqrt(mind[next]));
        }
        return new SelectionResult(SelectionMethod.Fps, picks, scores);
    }

    private static void CopyRow(StorePasses passes, long ordinal, double[] target)
    {
        foreach (var chunk in passes.Pass())
            if (ordinal < chunk.Start + chunk.Rows)
            {
                chunk.Row((int)(ordinal - chunk.Start)).CopyTo(target);
                return;
            }
    }
}
