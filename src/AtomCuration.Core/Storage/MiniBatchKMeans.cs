using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Selection;

namespace AtomCuration.Storage;

/// <summary>The centres mini-batch k-means found and their quality over the whole store.</summary>
/// <param name="Centers">k × d centres, row-major.</param>
/// <param name="Labels">Nearest centre of every row (pool order).</param>
/// <param name="Inertia">Σ over all rows of the squared distance to the nearest centre.</param>
public sealed record MiniBatchKMeansModel(double[] Centers, int[] Labels, double Inertia);

/// <summary>
/// Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010, DOI 10.1145/1772690.1772862) over a
/// descriptor store. Centres start by greedy k-means++ (Arthur &amp; Vassilvitskii 2007; 2 + ln k candidates each, as scikit-learn) on a uniform sample of
/// max(3b, 3k) rows (scikit-learn's <c>init_size</c>); then each of t steps draws b rows uniformly with replacement,
/// caches each row's nearest centre c, and moves c towards the row with the per-centre rate η = 1/v_c, v_c the
/// number of rows c has absorbed so far: c ← (1 − η) c + η x. The rows of all steps are drawn up front and gathered
/// in as few sequential passes as the memory budget allows, so the store is never held whole and the result does
/// not depend on its chunking. A last pass assigns every row to its nearest centre (the labels and the inertia).
/// </summary>
public static class MiniBatchKMeans
{
    /// <summary>Runs the algorithm on <paramref name="store"/> with k = min(Count, rows).</summary>
    public static MiniBatchKMeansModel Fit(DescriptorStore store, StoreSelectionOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        context ??= RunContext.Default;
        long n = store.Rows;
        if (n == 0) throw new ArgumentException($"Store '{store.Path}' holds no row.");
        int d = store.Labels.Count, b = options.BatchSize, k = (int)Math.Min(options.Count, n);
        var rng = new Random(options.Seed);
        int initSize = (int)Math.Min(n, Math.Max(3L * b, 3L * k));
        var init = Gather(store, Draw(rng, n, initSize), d, context.Cancellation);
        var centers = KMeans.PlusPlus(init, initSize, d, k, rng, context.ThrottleLimit);
        var absorbed = new long[k];
        long rowsPerRound = Math.Max(b, options.CacheBytes / (8L * Math.Max(1, d)) / b * b);
        long remaining = (long)options.Steps * b;
        long done = 0;
        while (remaining > 0)
        {
            int rows = (int)Math.Min(remaining, Math.Min(rowsPerRound, int.MaxValue / Math.Max(1, d) / b * b));
            var batchRows = Gather(store, Draw(rng, n, rows), d, context.Cancellation);
            for (int start = 0; start < rows; start += b)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                Step(batchRows, start, Math.Min(b, rows - start), d, k, centers, absorbed, context.ThrottleLimit);
                done += b;
                context.Report(0.9 * done / ((double)options.Steps * b), "mini-batch k-means");
            }
            remaining -= rows;
        }
        return Assign(store, centers, k, context);
    }

    /// <summary>Selects the row nearest each centre, clusters numbered by decreasing size (score = cluster size).</summary>
    public static SelectionResult Select(DescriptorStore store, StoreSelectionOptions options, RunContext? context = null)
    {
        var model = Fit(store, options, context);
        int k = model.Centers.Length / Math.Max(1, store.Labels.Count);
        var rep = Enumerable.Repeat(-1, k).ToArray();
        var best = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        var size = new int[k];
        int i = 0;
        foreach (var chunk in store.Chunks(false, context?.Cancellation ?? default))
            for (int r = 0; r < chunk.Rows; r++, i++)
            {
                int c = model.Labels[i];
                size[c]++;
                double dd = VectorMath.SquaredDistance(chunk.Row(r), model.Centers.AsSpan(c * chunk.Columns, chunk.Columns));
                if (dd < best[c]) { best[c] = dd; rep[c] = i; }
            }
        var result = Representatives.Ordered(SelectionMethod.KMeans, model.Labels, rep, size);
        int empty = rep.Count(r => r < 0);
        return result with
        {
            Info = new Dictionary<string, double> { ["inertia"] = model.Inertia, ["steps"] = options.Steps, ["batch_size"] = options.BatchSize },
            Warnings = empty == 0 ? [] : [$"{empty} of {k} mini-batch k-means centres attracted no row; {k - empty} structures selected."],
        };
    }

    /// <summary><paramref name="count"/> ordinals drawn uniformly with replacement.</summary>
    private static long[] Draw(Random rng, long n, int count)
    {
        var ordinals = new long[count];
        for (int i = 0; i < count; i++) ordinals[i] = rng.NextInt64(n);
        return ordinals;
    }

    /// <summary>The rows at <paramref name="ordinals"/> (in that order, repeats allowed), gathered in one pass.</summary>
    internal static double[] Gather(DescriptorStore store, long[] ordinals, int d, CancellationToken cancellation)
    {
        var slots = Enumerable.Range(0, ordinals.Length).ToArray();
        var keys = (long[])ordinals.Clone();
        Array.Sort(keys, slots);
        var rows = new double[ordinals.Length * d];
        int next = 0;
        foreach (var chunk in store.Chunks(false, cancellation))
        {
            long end = chunk.Start + chunk.Rows;
            for (; next < keys.Length && keys[next] < end; next++)
                chunk.Row((int)(keys[next] - chunk.Start)).CopyTo(rows.AsSpan(slots[next] * d, d));
            if (next == keys.Length) break;
        }
        return rows;
    }

    /// <summary>One of Sculley's steps on rows [start, start + count) of <paramref name="rows"/>.</summary>
    private static void Step(double[] rows, int start, int count, int d, int k, double[] centers, long[] absorbed, int threads)
    {
        var nearest = new int[count];
        OrderedParallel.For(count, i => nearest[i] = Nearest(rows.AsSpan((start + i) * d, d), centers, k, d, out _), threads);
        for (int i = 0; i < count; i++)
        {
            int c = nearest[i];
            double eta = 1.0 / ++absorbed[c];
            var center = centers.AsSpan(c * d, d);
            var x = rows.AsSpan((start + i) * d, d);
            for (int j = 0; j < d; j++) center[j] += eta * (x[j] - center[j]);
        }
    }

    /// <summary>Nearest centre (ties: lower index) and its squared distance.</summary>
    internal static int Nearest(ReadOnlySpan<double> x, double[] centers, int k, int d, out double distance)
    {
        int best = 0;
        distance = double.PositiveInfinity;
        for (int c = 0; c < k; c++)
        {
            double dd = VectorMath.SquaredDistanceBounded(x, centers.AsSpan(c * d, d), distance);
            if (dd < distance) { distance = dd; best = c; }
        }
        return best;
    }

    /// <summary>The last pass: every row's nearest centre and the inertia.</summary>
    private static MiniBatchKMeansModel Assign(DescriptorStore store, double[] centers, int k, RunContext context)
    {
        int d = store.Labels.Count;
        var labels = new int[checked((int)store.Rows)];
        double inertia = 0;
        foreach (var chunk in store.Chunks(false, context.Cancellation))
        {
            var dist = new double[chunk.Rows];
            OrderedParallel.For(chunk.Rows, r => labels[chunk.Start + r] = Nearest(chunk.Row(r), centers, k, d, out dist[r]), context.ThrottleLimit);
            foreach (double v in dist) inertia += v;
        }
        return new MiniBatchKMeansModel(centers, labels, inertia);
    }
}
