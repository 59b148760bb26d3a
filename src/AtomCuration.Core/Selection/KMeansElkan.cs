using System.Numerics.Tensors;
using AtomCuration.Common;

namespace AtomCuration.Selection;

/// <summary>
/// Lloyd iterations accelerated with Elkan's bounds (C. Elkan, "Using the triangle inequality to
/// accelerate k-means", ICML 2003): for every row an upper bound u on the distance to its own centre
/// and a lower bound l_j on the distance to every centre j. A row whose u is at most half the gap
/// from its centre to the nearest other centre keeps its label; otherwise centre j is examined only
/// when u &gt; max(l_j, ½‖c_a − c_j‖), and its distance computed only if that still holds once u
/// has been tightened. After each update u grows by how far its centre moved, and every l_j shrinks by how
/// far centre j moved: rather than touching rows × k bounds every iteration, l_j is stored as l_j + D_j,
/// with D_j the distance centre j has travelled in total, and read back as the stored value − D_j
/// (the path travelled is at least the displacement, so the bound stays valid).
/// The labels are those of exact Lloyd iterations; only distance computations are skipped. Rows are
/// processed in fixed chunks whose partial sums are added in chunk order, so the result is the same
/// on any thread count.
/// </summary>
internal static class KMeansElkan
{
    /// <summary>Most bounds (rows × k) kept: 2²⁵ doubles, 256 MB; larger problems use Hamerly's single lower bound.</summary>
    public const long MaxBounds = 1L << 25;

    public static KMeansModel Run(double[] x, int n, int d, int k, double[] centers, double tol, int maxIter, int threads,
        CancellationToken cancellation, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        var labels = new int[n];
        var prev = new int[n];
        var upper = new double[n];
        var lower = new double[(long)n * k];
        var sums = new double[chunks * k * d];
        var counts = new int[chunks * k];
        var next = new double[k * d];
        var halfGap = new double[k * k];
        var nearest = new double[k];
        var move = new double[k];
        var drift = new double[k]; // D_j: total distance centre j has moved since the bounds were last all recomputed
        var dist = new double[n];
        bool exact = true; // bounds not valid yet: every distance is computed
        bool strict = false;
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (exact)
            {
                Array.Clear(drift);
                Exact(x, n, d, k, centers, labels, upper, lower, threads, sums, counts, chunk);
            }
            else
            {
                Gaps(centers, k, d, halfGap, nearest);
                Bounded(x, n, d, k, centers, labels, upper, lower, drift, halfGap, nearest, threads, sums, counts, chunk);
            }
            KMeans.Reduce(sums, counts, chunks, k, d, next, out var total);
            for (int i = 0; i < n; i++) dist[i] = upper[i] * upper[i];
            bool reseeded = KMeans.Reseed(x, n, d, k, labels, dist, total, next);
            double shift = 0;
            for (int j = 0; j < k; j++)
            {
                double m = VectorMath.SquaredDistance(centers.AsSpan(j * d, d), next.AsSpan(j * d, d));
                shift += m;
                move[j] = Math.Sqrt(m);
            }
            for (int i = 0; i < n; i++) upper[i] += move[labels[i]];
            for (int j = 0; j < k; j++) drift[j] += move[j];
            exact = reseeded;
            (centers, next) = (next, centers);
            if (iter > 0 && labels.AsSpan().SequenceEqual(prev)) { strict = true; iter++; break; }
            labels.CopyTo(prev, 0);
            if (shift <= tol) { iter++; break; }
        }
        if (!strict)
        {
            // Labels for the final centres (the bounds are valid unless a centre was just re-seeded).
            if (exact) Exact(x, n, d, k, centers, labels, upper, lower, threads, null, null, chunk);
            else
            {
                Gaps(centers, k, d, halfGap, nearest);
                Bounded(x, n, d, k, centers, labels, upper, lower, drift, halfGap, nearest, threads, null, null, chunk);
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += VectorMath.SquaredDistance(x.AsSpan(i * d, d), centers.AsSpan(labels[i] * d, d));
        return new KMeansModel(centers, labels, inertia, iter);
    }

    /// <summary>Half the distance between every two centres, and for each centre half the gap to its nearest other one.</summary>
    private static void Gaps(double[] centers, int k, int d, double[] halfGap, double[] nearest)
    {
        Array.Fill(nearest, double.PositiveInfinity);
        for (int a = 0; a < k; a++)
        {
            halfGap[a * k + a] = 0;
            for (int b = a + 1; b < k; b++)
            {
                double g = 0.5 * Math.Sqrt(VectorMath.SquaredDistance(centers.AsSpan(a * d, d), centers.AsSpan(b * d, d)));
                halfGap[a * k + b] = halfGap[b * k + a] = g;
                nearest[a] = Math.Min(nearest[a], g);
                nearest[b] = Math.Min(nearest[b], g);
            }
        }
    }

    /// <summary>Every distance: labels, u = the smallest, l_j = each.</summary>
    private static void Exact(double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, double[] lower,
        int threads, double[]? sums, int[]? counts, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, ch =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            ClearChunk(sums, counts, ch, k, d);
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                var l = lower.AsSpan((int)((long)i * k), k);
                int best = 0;
                double bd = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    double dj = Math.Sqrt(VectorMath.SquaredDistance(row, centers.AsSpan(j * d, d)));
                    l[j] = dj;
                    if (dj < bd) { bd = dj; best = j; }
                }
                labels[i] = best;
                upper[i] = bd;
                Accumulate(sums, counts, ch, k, d, best, row);
            }
        }, threads);
    }

    private static void Bounded(double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, double[] lower,
        double[] drift, double[] halfGap, double[] nearest, int threads, double[]? sums, int[]? counts, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, ch =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            ClearChunk(sums, counts, ch, k, d);
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                int a = labels[i];
                double u = upper[i];
                if (u > nearest[a])
                {
                    // Tighten u first: one distance often settles the row without looking at the k bounds.
                    var l = lower.AsSpan((int)((long)i * k), k);
                    u = Math.Sqrt(VectorMath.SquaredDistance(row, centers.AsSpan(a * d, d)));
                    l[a] = u + drift[a];
                    if (u > nearest[a])
                    {
                        for (int j = 0; j < k; j++)
                        {
                            if (j == a || u <= l[j] - drift[j] || u <= halfGap[a * k + j]) continue;
                            double dj = Math.Sqrt(VectorMath.SquaredDistance(row, centers.AsSpan(j * d, d)));
                            l[j] = dj + drift[j];
                            if (dj < u)
                            {
                                a = j;
                                u = dj;
                            }
                        }
                    }
                    labels[i] = a;
                    upper[i] = u;
                }
                Accumulate(sums, counts, ch, k, d, a, row);
            }
        }, threads);
    }

    private static void ClearChunk(double[]? sums, int[]? counts, int ch, int k, int d)
    {
        if (sums is null) return;
        sums.AsSpan(ch * k * d, k * d).Clear();
        counts.AsSpan(ch * k, k).Clear();
    }

    private static void Accumulate(double[]? sums, int[]? counts, int ch, int k, int d, int label, ReadOnlySpan<double> row)
    {
        if (sums is null) return;
        counts![ch * k + label]++;
        var target = sums.AsSpan((ch * k + label) * d, d);
        TensorPrimitives.Add(target, row, target);
    }
}
