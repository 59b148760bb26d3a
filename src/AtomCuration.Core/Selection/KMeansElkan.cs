using System.Numerics.Tensors;
using AtomCuration.Common;

namespace AtomCuration.Selection;

/// <summary>
/// Lloyd iterations accelerated with Elkan's bounds (C. Elkan, "Using the triangle inequality to
/// accelerate k-means", ICML 2003): for every row an upper bound u on the distance to its own centre
/// and a lower bound l_j on the distance to every centre j. A row whose u is at most half the gap
/// from its centre to the nearest other centre keeps its label; otherwise centre j is examined only
/// when u &gt; max(l_j, ½‖c_a − c_j‖), and its distance computed only if that still holds once u
/// has been tightened. After each update u grows by how far its centre moved (applied when the row is next visited), and every l_j shrinks by how
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

    /// <summary>
    /// Lloyd from <c>centers</c> (k × d) on the n × d rows <c>x</c>. <c>lower</c> holds the n × k bounds; when <c>seeded</c> it
    /// already holds every row's distance to every starting centre (from k-means++) and the first pass only reads them,
    /// else the first pass computes them.
    /// </summary>
    public static KMeansModel Run(double[] x, int n, int d, int k, double[] centers, double[] lower, bool seeded, double tol, int maxIter, int threads,
        CancellationToken cancellation, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        var labels = new int[n];
        var upper = new double[n];
        var sums = GC.AllocateUninitializedArray<double>(chunks * k * d);
        var counts = new int[chunks * k];
        var changed = new bool[chunks]; // did any row of the chunk change cluster in the last pass
        var next = new double[k * d];
        var halfGap = new double[k * k];
        var nearest = new double[k];
        var move = new double[k]; // how far each centre moved in the last update; u is loosened by it in the next pass
        var drift = new double[k]; // D_j: total distance centre j has moved since the bounds were last all recomputed
        bool exact = true; // bounds not valid yet: every distance is computed
        bool strict = false;
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            cancellation.ThrowIfCancellationRequested();
            Pass(exact, seeded, x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, sums, counts, changed, chunk);
            seeded = false;
            KMeans.Reduce(sums, counts, chunks, k, d, next, threads, out var total);
            bool reseeded = false;
            if (Array.IndexOf(total, 0) >= 0)
            {
                var dist = new double[n];
                for (int i = 0; i < n; i++) dist[i] = upper[i] * upper[i];
                reseeded = KMeans.Reseed(x, n, d, k, labels, dist, total, next);
            }
            double shift = 0;
            for (int j = 0; j < k; j++)
            {
                double m = VectorMath.SquaredDistance(centers.AsSpan(j * d, d), next.AsSpan(j * d, d));
                shift += m;
                move[j] = Math.Sqrt(m);
            }
            for (int j = 0; j < k; j++) drift[j] += move[j];
            exact = reseeded;
            (centers, next) = (next, centers);
            if (iter > 0 && !reseeded && Array.IndexOf(changed, true) < 0) { strict = true; iter++; break; }
            if (shift <= tol) { iter++; break; }
        }
        // Labels for the final centres (the bounds are valid unless a centre was just re-seeded).
        if (!strict) Pass(exact, false, x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, null, null, changed, chunk);
        return new KMeansModel(centers, labels, KMeans.Inertia(x, n, d, centers, labels, threads), iter);
    }

    private static void Pass(bool exact, bool seeded, double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, double[] lower,
        double[] move, double[] drift, double[] halfGap, double[] nearest, int threads, double[]? sums, int[]? counts, bool[] changed, int chunk)
    {
        if (exact)
        {
            Array.Clear(drift);
            Exact(seeded, x, n, d, k, centers, labels, upper, lower, threads, sums, counts, changed, chunk);
        }
        else
        {
            Gaps(centers, k, d, halfGap, nearest);
            Bounded(x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, sums, counts, changed, chunk);
        }
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

    /// <summary>Every distance (computed, or already in <paramref name="lower"/> when <paramref name="known"/>): labels, u = the smallest, l_j = each.</summary>
    private static void Exact(bool known, double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, double[] lower,
        int threads, double[]? sums, int[]? counts, bool[] changed, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, ch =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            ClearChunk(sums, counts, ch, k, d);
            bool any = false;
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                var l = lower.AsSpan((int)((long)i * k), k);
                if (!known)
                {
                    KMeansDistance.Squared(row, centers, l);
                    for (int j = 0; j < k; j++) l[j] = Math.Sqrt(l[j]);
                }
                int best = 0;
                double bd = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                    if (l[j] < bd) { bd = l[j]; best = j; }
                any |= labels[i] != best;
                labels[i] = best;
                upper[i] = bd;
                Accumulate(sums, counts, ch, k, d, best, row);
            }
            changed[ch] = any;
        }, threads);
    }

    private static void Bounded(double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, double[] lower,
        double[] move, double[] drift, double[] halfGap, double[] nearest, int threads, double[]? sums, int[]? counts, bool[] changed, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, ch =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            ClearChunk(sums, counts, ch, k, d);
            bool any = false;
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                int a = labels[i];
                double u = upper[i] + move[a];
                if (u > nearest[a])
                {
                    // Tighten u first: one distance often settles the row without looking at the k bounds.
                    var l = lower.AsSpan((int)((long)i * k), k);
                    u = Math.Sqrt(KMeansDistance.Squared(row, centers.AsSpan(a * d, d)));
                    l[a] = u + drift[a];
                    if (u > nearest[a])
                    {
                        for (int j = 0; j < k; j++)
                        {
                            if (j == a || u <= l[j] - drift[j] || u <= halfGap[a * k + j]) continue;
                            double dj = Math.Sqrt(KMeansDistance.Squared(row, centers.AsSpan(j * d, d)));
                            l[j] = dj + drift[j];
                            if (dj < u)
                            {
                                a = j;
                                u = dj;
                            }
                        }
                    }
                    any |= labels[i] != a;
                    labels[i] = a;
                }
                upper[i] = u;
                Accumulate(sums, counts, ch, k, d, a, row);
            }
            changed[ch] = any;
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
