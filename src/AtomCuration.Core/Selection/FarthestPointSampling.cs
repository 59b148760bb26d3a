using AtomCuration.Options;
using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="FarthestPointSampling"/>.</summary>
public sealed record FpsOptions : SelectionOptions
{
    /// <summary>First pick; null = the row farthest from the mean of the pool (in the same distance).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public int? Start { get; init; }

    /// <summary>Null = Euclidean distance; otherwise the kernel-induced distance √(k(a,a) + k(b,b) − 2k(a,b)) = √(2 − 2K) for normalised kernels.</summary>
    public Kernel? Kernel { get; init; }

    /// <summary>
    /// Null = distances between structure descriptors; Average or Rematch = the kernel distance √(2 − 2K) of that normalised
    /// structure kernel of the per-atom environments (paper 001 ran FPS on both; see <see cref="Spectral.AtomKernelMatrix"/>).
    /// </summary>
    public AtomKernelKind? AtomKernel { get; init; }

    /// <summary>α of the REMatch kernel when <see cref="AtomKernel"/> is Rematch.</summary>
    [SameRangeAs(typeof(RematchOptions), nameof(RematchOptions.Alpha))]
    public double RematchAlpha { get; init; } = 0.1;
}

/// <summary>
/// Farthest point sampling: after the start, each pick is the row whose distance to the nearest
/// already-selected row is largest; ties go to the lowest index. The score of each pick is the
/// covering radius after it (largest distance from any row to its nearest selected row).
/// Once that radius is zero every row is a copy of a selected one, so the selection stops there:
/// an index is never picked twice, and fewer than <see cref="SelectionOptions.Count"/> come back
/// when the pool has fewer distinct rows (scikit-matter issue #128 repeats the last pick instead).
/// </summary>
public static class FarthestPointSampling
{
    private const int Chunk = 4096;

    /// <summary>Runs FPS on the preprocessed rows of <paramref name="x"/>.</summary>
    public static SelectionResult Select(FeatureMatrix x, FpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        int n = p.Rows, d = p.Columns, k = Math.Min(options.Count, n);
        var data = p.Values.ToArray();
        var kernel = options.Kernel;
        var self = new double[n];
        if (kernel is not null)
            for (int i = 0; i < n; i++) self[i] = kernel.Self(p.Row(i));
        int start = options.Start ?? FarthestFromMean(data, n, d, kernel, self, options.Threads);
        if (start < 0 || start >= n) throw new ArgumentOutOfRangeException(nameof(options), start, $"Start must be 0…{n - 1}.");
        var mind = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        int chunks = (n + Chunk - 1) / Chunk;
        var chunkBest = new int[chunks];
        var picks = new List<int>(k);
        var scores = new List<double>(k);
        int next = start;
        for (int t = 0; t < k; t++)
        {
            if (t > 0 && !(mind[next] > 0)) break; // every row is covered by (a copy of) a selected row
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(t / (double)k);
            picks.Add(next);
            int s = next;
            OrderedParallel.For(chunks, ch =>
            {
                int lo = ch * Chunk, hi = Math.Min(n, lo + Chunk), best = lo;
                var row = data.AsSpan(s * d, d);
                for (int i = lo; i < hi; i++)
                {
                    double dist = kernel is null
                        ? VectorMath.SquaredDistance(data.AsSpan(i * d, d), row)
                        : Math.Max(0, self[i] + self[s] - 2 * kernel.Evaluate(data.AsSpan(i * d, d), row));
                    if (dist < mind[i]) mind[i] = dist;
                    if (mind[i] > mind[best]) best = i;
                }
                chunkBest[ch] = best;
            }, options.Threads);
            next = chunkBest[0];
            for (int ch = 1; ch < chunks; ch++) if (mind[chunkBest[ch]] > mind[next]) next = chunkBest[ch];
            scores.Add(Math.Sqrt(mind[next]));
        }
        return new SelectionResult(SelectionMethod.Fps, picks, scores);
    }

    /// <summary>
    /// FPS in the distance √(K_ii + K_jj − 2K_ij) of a precomputed N × N kernel matrix (row-major), e.g. a structure kernel of the
    /// per-atom environments; the start is <see cref="FpsOptions.Start"/> or the row farthest from the mean in feature space.
    /// </summary>
    public static SelectionResult SelectFromKernel(double[] k, int n, FpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(options);
        if (k.Length != n * n) throw new ArgumentException($"{k.Length} kernel values do not fill {n} × {n}.", nameof(k));
        int count = Math.Min(options.Count, n);
        int start = options.Start ?? VectorMath.ArgMax(Enumerable.Range(0, n).Select(i =>
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += k[i * n + j];
            return k[i * n + i] - 2 * s / n;
        }).ToArray());
        if (start < 0 || start >= n) throw new ArgumentOutOfRangeException(nameof(options), start, $"Start must be 0…{n - 1}.");
        var mind = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var picks = new List<int>(count);
        var scores = new List<double>(count);
        int next = start;
        for (int t = 0; t < count; t++)
        {
            if (t > 0 && !(mind[next] > 0)) break; // every row is covered by (a copy of) a selected row
            options.Cancellation.ThrowIfCancellationRequested();
            picks.Add(next);
            int s = next, best = 0;
            for (int i = 0; i < n; i++)
            {
                double dist = Math.Max(0, k[i * n + i] + k[s * n + s] - 2 * k[i * n + s]);
                if (dist < mind[i]) mind[i] = dist;
                if (mind[i] > mind[best]) best = i;
            }
            next = best;
            scores.Add(Math.Sqrt(mind[next]));
        }
        return new SelectionResult(SelectionMethod.Fps, picks, scores);
    }

    /// <summary>Row of largest (kernel) distance to the pool mean; ties go to the lowest index.</summary>
    private static int FarthestFromMean(double[] data, int n, int d, Kernel? kernel, double[] self, int threads)
    {
        var dist = new double[n];
        if (kernel is null)
        {
            var mean = new double[d];
            for (int i = 0; i < n; i++)
                for (int c = 0; c < d; c++) mean[c] += data[i * d + c];
            for (int c = 0; c < d; c++) mean[c] /= n;
            for (int i = 0; i < n; i++) dist[i] = VectorMath.SquaredDistance(data.AsSpan(i * d, d), mean);
        }
        else
        {
            // |φ(x) − mean φ|² = k(x,x) − (2/N) Σ_j k(x, x_j) + const.
            OrderedParallel.For(n, i =>
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += kernel.Evaluate(data.AsSpan(i * d, d), data.AsSpan(j * d, d));
                dist[i] = self[i] - 2 * s / n;
            }, threads);
        }
        return VectorMath.ArgMax(dist);
    }
}
