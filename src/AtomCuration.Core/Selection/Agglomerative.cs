using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Linkage criteria for <see cref="Agglomerative"/>.</summary>
public enum Linkage
{
    /// <summary>Ward: merge the pair whose union least increases the within-cluster sum of squares (Euclidean).</summary>
    Ward,
    /// <summary>Average (UPGMA) on the Euclidean or kernel-induced distance.</summary>
    Average,
}

/// <summary>Options for <see cref="Agglomerative"/> (clusters = <see cref="SelectionOptions.Count"/>).</summary>
public sealed record AgglomerativeOptions : SelectionOptions
{
    /// <summary>Linkage criterion.</summary>
    public Linkage Linkage { get; init; } = Linkage.Ward;

    /// <summary>For average linkage: null = Euclidean, otherwise the kernel distance √(k(a,a) + k(b,b) − 2k(a,b)).</summary>
    public Kernel? Kernel { get; init; }

    /// <summary>
    /// Null = cluster the structure descriptors; Average or Rematch = cluster in the feature space of that normalised structure
    /// kernel K of the per-atom environments (<see cref="Spectral.AtomKernelMatrix"/>), where the squared distance is 2 − 2K.
    /// </summary>
    public AtomKernelKind? AtomKernel { get; init; }

    /// <summary>α of the REMatch kernel when <see cref="AtomKernel"/> is Rematch.</summary>
    [SameRangeAs(typeof(RematchOptions), nameof(RematchOptions.Alpha))]
    public double RematchAlpha { get; init; } = 0.1;
}

/// <summary>
/// Hierarchical agglomerative clustering by the nearest-neighbour chain algorithm with
/// Lance–Williams updates (exact for the reducible Ward and average linkages), cut into Count
/// clusters by applying the N − Count lowest merges. Representatives: the member nearest the
/// centroid (Ward) or the medoid, the member of least summed distance to its cluster (average).
/// Needs the N × N distance matrix (memory 8N² bytes).
/// </summary>
public static class Agglomerative
{
    /// <summary>Clusters the preprocessed rows and returns one representative per cluster.</summary>
    public static SelectionResult Select(FeatureMatrix x, AgglomerativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        int n = p.Rows, k = Math.Min(options.Count, n);
        if (options.Linkage == Linkage.Average)
        {
            var dist = Distances(p, options.Kernel, options.Threads);
            return Medoids(Cut((double[])dist.Clone(), n, k, Linkage.Average, options.Cancellation), dist, n, k);
        }
        var labels = Cut(SquaredDistances(p, options.Threads), n, k, Linkage.Ward, options.Cancellation);
        int d = p.Columns;
        var centers = new double[k * d];
        var size = new int[k];
        for (int i = 0; i < n; i++)
        {
            size[labels[i]]++;
            for (int c = 0; c < d; c++) centers[labels[i] * d + c] += p[i, c];
        }
        for (int j = 0; j < k; j++)
            for (int c = 0; c < d; c++) centers[j * d + c] /= size[j];
        return Representatives.Nearest(SelectionMethod.Agglomerative, p, labels, centers, k);
    }

    /// <summary>
    /// Clusters N items given only a kernel matrix K (N × N, row-major), in its feature space φ: squared distances
    /// |φ(a) − φ(b)|² = K_aa + K_bb − 2K_ab (Schölkopf, Smola &amp; Müller, Neural Comput. 10, 1299, 1998, doi:10.1162/089976698300017467).
    /// Ward merges on these squared distances — its Lance–Williams update holds in any Euclidean space — and each cluster C is
    /// represented by the member nearest its centroid, |φ(i) − c|² = K_ii − (2/|C|) Σ_{j∈C} K_ij + const(C); average linkage merges
    /// on the distances and takes the medoid.
    /// </summary>
    public static SelectionResult SelectFromKernel(double[] kernel, int n, AgglomerativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(options);
        if (kernel.Length != n * n) throw new ArgumentException($"{kernel.Length} kernel values do not fill {n} × {n}.", nameof(kernel));
        int k = Math.Min(options.Count, n);
        var squared = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) squared[a * n + b] = Math.Max(0, kernel[a * n + a] + kernel[b * n + b] - 2 * kernel[a * n + b]);
        if (options.Linkage == Linkage.Average)
        {
            var dist = squared.Select(Math.Sqrt).ToArray();
            return Medoids(Cut((double[])dist.Clone(), n, k, Linkage.Average, options.Cancellation), dist, n, k);
        }
        var labels = Cut(squared, n, k, Linkage.Ward, options.Cancellation);
        var size = new int[k];
        foreach (int c in labels) size[c]++;
        var rep = Enumerable.Repeat(-1, k).ToArray();
        var best = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        for (int i = 0; i < n; i++)
        {
            int c = labels[i];
            double inside = 0;
            for (int j = 0; j < n; j++) if (labels[j] == c) inside += kernel[i * n + j];
            double d = kernel[i * n + i] - 2 * inside / size[c];
            if (d < best[c]) { best[c] = d; rep[c] = i; }
        }
        return Representatives.Ordered(SelectionMethod.Agglomerative, labels, rep, size);
    }

    /// <summary>Cluster labels (0…k−1, by first appearance) from a full N × N dissimilarity matrix (consumed).</summary>
    /// <param name="d">Row-major dissimilarities; for Ward, squared Euclidean distances.</param>
    /// <param name="n">Number of items.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="linkage">Linkage whose Lance–Williams update is applied.</param>
    /// <param name="cancellation">Observed between merges.</param>
    public static int[] Cut(double[] d, int n, int k, Linkage linkage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(d);
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(double Height, int A, int B)>(n);
        var chain = new List<int>(n);
        int remaining = n, nextStart = 0;
        while (remaining > 1)
        {
            cancellation.ThrowIfCancellationRequested();
            if (chain.Count == 0)
            {
                while (!active[nextStart]) nextStart++;
                chain.Add(nextStart);
            }
            int a = chain[^1];
            int prev = chain.Count > 1 ? chain[^2] : -1;
            int b = prev;
            double best = prev >= 0 ? d[a * n + prev] : double.PositiveInfinity;
            for (int j = 0; j < n; j++)
                if (active[j] && j != a && d[a * n + j] < best) { best = d[a * n + j]; b = j; }
            if (b != prev) { chain.Add(b); continue; }
            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add((best, a, b));
            Merge(d, n, a, b, size, active, linkage);
            remaining--;
        }
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        foreach (var m in merges.Select((m, i) => (m, i)).OrderBy(t => t.m.Height).ThenBy(t => t.i).Take(n - k))
            parent[Find(m.m.A)] = Find(m.m.B);
        var ids = new Dictionary<int, int>();
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int r = Find(i);
            if (!ids.TryGetValue(r, out int id)) ids[r] = id = ids.Count;
            labels[i] = id;
        }
        return labels;
    }

    /// <summary>Merges cluster b into slot a (Lance–Williams) and retires b.</summary>
    private static void Merge(double[] d, int n, int a, int b, int[] size, bool[] active, Linkage linkage)
    {
        double na = size[a], nb = size[b], dab = d[a * n + b];
        for (int j = 0; j < n; j++)
        {
            if (!active[j] || j == a || j == b) continue;
            double nj = size[j], v;
            if (linkage == Linkage.Ward)
                v = ((na + nj) * d[a * n + j] + (nb + nj) * d[b * n + j] - nj * dab) / (na + nb + nj);
            else
                v = (na * d[a * n + j] + nb * d[b * n + j]) / (na + nb);
            d[a * n + j] = v;
            d[j * n + a] = v;
        }
        size[a] += size[b];
        active[b] = false;
    }

    private static double[] SquaredDistances(FeatureMatrix x, int threads)
    {
        int n = x.Rows;
        var d = new double[n * n];
        Common.OrderedParallel.For(n, i =>
        {
            for (int j = 0; j < n; j++) d[i * n + j] = VectorMath.SquaredDistance(x.Row(i), x.Row(j));
        }, threads);
        return d;
    }

    private static double[] Distances(FeatureMatrix x, Kernel? kernel, int threads)
    {
        int n = x.Rows;
        var d = new double[n * n];
        Common.OrderedParallel.For(n, i =>
        {
            for (int j = 0; j < n; j++)
                d[i * n + j] = kernel is null ? Math.Sqrt(VectorMath.SquaredDistance(x.Row(i), x.Row(j))) : kernel.Distance(x.Row(i), x.Row(j));
        }, threads);
        return d;
    }

    private static SelectionResult Medoids(int[] labels, double[] dist, int n, int k)
    {
        var rep = Enumerable.Repeat(-1, k).ToArray();
        var best = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        var size = new int[k];
        for (int i = 0; i < n; i++) size[labels[i]]++;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) if (labels[j] == labels[i]) s += dist[i * n + j];
            if (s < best[labels[i]]) { best[labels[i]] = s; rep[labels[i]] = i; }
        }
        return Representatives.Ordered(SelectionMethod.Agglomerative, labels, rep, size);
    }
}
