using AtomCuration.Options;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="KMeans"/> (k = <see cref="SelectionOptions.Count"/>).</summary>
public sealed record KMeansOptions : SelectionOptions
{
    /// <summary>Independent k-means++ restarts; the one with the lowest inertia wins.</summary>
    [OptionRange(1, 100_000)]
    public int Restarts { get; init; } = 10;

    /// <summary>Relative tolerance: stop when the summed squared centre shift ≤ Tolerance × (mean column variance).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Maximum Lloyd iterations per restart.</summary>
    [OptionRange(1, 1_000_000)]
    public int MaxIterations { get; init; } = 300;

    /// <summary>What <see cref="Study"/>'s block weights are written for (named when a pool has another descriptor).</summary>
    public const string StudyDescriptor = "the 352-column SeedFingerprint descriptor, whose blocks preset KMeansStudy weights by label (add 'Get-Descriptor -Preset SeedFingerprint' upstream)";

    /// <summary>
    /// The preset of the k-means fingerprint study (paper 000): z-score, block weights 1 (CrystalNN statistics,
    /// 'mean wt CN_1' … 'maximum wt CN_24'), 4 (mass difference), 2 (average bond length), 1 (Gaussian RDF) — found by the
    /// SeedFingerprint descriptor's labels (columns 0–243, 244–247, 248–251, 252–351 of that descriptor),
    /// PCA to 98 % explained variance, Lloyd with tol 1e-6, max_iter 600 and
    /// n_init = k − round(k/2) (Python's round: halves go to even).
    /// </summary>
    public static KMeansOptions Study(int count, int seed = 0) => new()
    {
        Count = count,
        Seed = seed,
        Tolerance = 1e-6,
        MaxIterations = 600,
        Restarts = Math.Max(1, count - (int)Math.Round(count / 2.0, MidpointRounding.ToEven)),
        Preprocess = new PreprocessOptions
        {
            Standardize = true,
            LabelBlockWeights =
            [
                new("mean wt CN_1", "maximum wt CN_24", 1), new("mean mass local diff", "maximum mass local diff", 4),
                new("mean Average bond length", "maximum Average bond length", 2),
                new("Gaussian center=0.0 width=0.1", "Gaussian center=9.9 width=0.1", 1),
            ],
            LabelBlocksDescriptor = StudyDescriptor,
            ExplainedVariance = 0.98,
        },
    };
}

/// <summary>A fitted k-means partition.</summary>
/// <param name="Centers">k × d centres, row-major.</param>
/// <param name="Labels">Cluster of every row.</param>
/// <param name="Inertia">Sum of squared distances from each row to its centre.</param>
/// <param name="Iterations">Lloyd iterations of the winning restart.</param>
public sealed record KMeansModel(double[] Centers, int[] Labels, double Inertia, int Iterations);

/// <summary>
/// k-means: greedy k-means++ seeding (2 + ⌊ln k⌋ candidates per centre, the best kept), Lloyd
/// iterations until the labels stop changing or the summed squared centre shift falls below the
/// tolerance, restarts keeping the lowest inertia. The iterations skip distance computations with
/// Elkan's bounds (<see cref="KMeansElkan"/>) while rows × k float bounds fit in 256 MB, else with Hamerly's. An emptied cluster is re-seeded with the point
/// farthest from its centre. Selection returns the member nearest each centroid. The per-chunk loops are optimised at their
/// first call (see <see cref="KMeansElkan"/>).
/// </summary>
public static class KMeans
{
    private const int Chunk = 1024;

    /// <summary>Selects one representative per cluster: clusters are numbered by decreasing size (ties: lower representative index), scores are cluster sizes.</summary>
    public static SelectionResult Select(FeatureMatrix x, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        var model = Fit(p, options);
        return Representatives.Nearest(SelectionMethod.KMeans, p, model.Labels, model.Centers, options.Count);
    }

    /// <summary>Runs all restarts and returns the partition of lowest inertia.</summary>
    public static KMeansModel Fit(FeatureMatrix x, KMeansOptions options)
    {
        int k = Check(x, options);
        int n = x.Rows, p = KMeansDistance.Stride(x.Columns);
        var data = Pad(x, p, options.Threads);
        double tol = options.Tolerance * MeanVariance(x);
        // Elkan's bounds start as the seeding's own distances from every row to every chosen centre
        // (exact, and the same bits an exact pass would compute), so the first pass computes none.
        var lower = (long)n * k <= KMeansElkan.MaxBounds ? LargeArrays.Uninitialized<float>(n * k) : null;
        KMeansModel? best = null;
        var seeds = RestartSeeds(options);
        for (int r = 0; r < seeds.Length; r++)
        {
            options.Progress?.Report(r / (double)seeds.Length);
            options.Cancellation.ThrowIfCancellationRequested();
            var bounds = lower is null ? null : new KMeansElkan.Bounds(lower, n);
            var centers = PlusPlus(data, n, p, k, new Random(seeds[r]), options.Threads, bounds);
            var m = Iterate(data, n, p, k, centers, bounds, tol, options);
            if (best is null || m.Inertia < best.Inertia) best = m;
        }
        return Unpad(best!, k, x.Columns, p);
    }

    /// <summary>
    /// One Lloyd run from the given k × d starting centres (row-major; <see cref="KMeansOptions.Restarts"/> and
    /// <see cref="SelectionOptions.Seed"/> are not used) — scikit-learn's <c>init=ndarray, n_init=1</c>, for
    /// comparing two implementations from the same start.
    /// </summary>
    public static KMeansModel Fit(FeatureMatrix x, KMeansOptions options, ReadOnlySpan<double> initialCenters)
    {
        int k = Check(x, options);
        int n = x.Rows, d = x.Columns, p = KMeansDistance.Stride(d);
        if (initialCenters.Length != k * d) throw new ArgumentException($"Expected {k} × {d} initial centres, got {initialCenters.Length} values.", nameof(initialCenters));
        var data = Pad(x, p, options.Threads);
        var centers = new double[k * p];
        for (int j = 0; j < k; j++) initialCenters.Slice(j * d, d).CopyTo(centers.AsSpan(j * p, d));
        var m = Iterate(data, n, p, k, centers, null, options.Tolerance * MeanVariance(x), options);
        return Unpad(m, k, d, p);
    }

    /// <summary>The k-means++ centres (k × d, row-major) the first restart of <see cref="Fit(FeatureMatrix, KMeansOptions)"/> starts from.</summary>
    public static double[] SeedCenters(FeatureMatrix x, KMeansOptions options)
    {
        int k = Check(x, options);
        int n = x.Rows, d = x.Columns, p = KMeansDistance.Stride(d);
        var padded = PlusPlus(Pad(x, p, options.Threads), n, p, k, new Random(RestartSeeds(options)[0]), options.Threads);
        var centers = new double[k * d];
        for (int j = 0; j < k; j++) padded.AsSpan(j * p, d).CopyTo(centers.AsSpan(j * d, d));
        return centers;
    }

    private static int Check(FeatureMatrix x, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        int k = options.Count;
        if (k < 1 || k > x.Rows) throw new ArgumentOutOfRangeException(nameof(options), k, $"Count must be 1…{x.Rows}.");
        return k;
    }

    private static int[] RestartSeeds(KMeansOptions options)
    {
        var master = new Random(options.Seed);
        return Enumerable.Range(0, Math.Max(1, options.Restarts)).Select(_ => master.Next()).ToArray();
    }

    /// <summary>
    /// Rows padded with zero columns to whole SIMD vectors (<paramref name="p"/> wide): distances and means are unchanged, the
    /// distance kernel needs no scalar tail, and the padding is cut off the centres at the end.
    /// The array is taken uninitialised (on huge pages where the kernel takes the advice, <see cref="LargeArrays"/>) and filled in
    /// parallel, so that zeroing and first-touch page faults are not a serial prologue.
    /// </summary>
    private static double[] Pad(FeatureMatrix x, int p, int threads)
    {
        int n = x.Rows, d = x.Columns;
        var data = LargeArrays.Uninitialized<double>(n * p);
        OrderedParallel.For((n + Chunk - 1) / Chunk, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            for (int i = ch * Chunk; i < Math.Min(n, (ch + 1) * Chunk); i++)
            {
                x.Row(i).CopyTo(data.AsSpan(i * p, d));
                data.AsSpan(i * p + d, p - d).Clear();
            }
        }, threads);
        return data;
    }

    /// <summary>
    /// Lloyd iterations from <paramref name="centers"/>: Elkan's bounds while rows × k bounds fit (<paramref name="seeded"/>, when
    /// given, already holds every row's distance to every centre and its nearest), else Hamerly's.
    /// </summary>
    private static KMeansModel Iterate(double[] data, int n, int p, int k, double[] centers, KMeansElkan.Bounds? seeded, double tol, KMeansOptions options) =>
        (long)n * k <= KMeansElkan.MaxBounds
            ? KMeansElkan.Run(data, n, p, k, centers, seeded ?? new KMeansElkan.Bounds(LargeArrays.Uninitialized<float>(n * k), n), seeded is not null,
                tol, options.MaxIterations, options.Threads, options.Cancellation, Chunk)
            : Lloyd(data, RowNorms(data, n, p), n, p, k, centers, tol, options.MaxIterations, options.Threads, options.Cancellation);

    private static KMeansModel Unpad(KMeansModel m, int k, int d, int p)
    {
        if (p == d) return m;
        var unpadded = new double[k * d];
        for (int j = 0; j < k; j++) m.Centers.AsSpan(j * p, d).CopyTo(unpadded.AsSpan(j * d, d));
        return m with { Centers = unpadded };
    }

    private static double[] RowNorms(double[] x, int n, int d)
    {
        var norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = VectorMath.Dot(x.AsSpan(i * d, d), x.AsSpan(i * d, d));
        return norms;
    }

    /// <summary>Mean of the column variances; rows are read in storage order (each column's sums still run over the rows in order).</summary>
    private static double MeanVariance(FeatureMatrix x)
    {
        int n = x.Rows, d = x.Columns;
        var mean = new double[d];
        var squares = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int c = 0; c < d; c++) mean[c] += row[c];
        }
        for (int c = 0; c < d; c++) mean[c] /= n;
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            for (int c = 0; c < d; c++) squares[c] += (row[c] - mean[c]) * (row[c] - mean[c]);
        }
        double total = 0;
        for (int c = 0; c < d; c++) total += squares[c] / n;
        return total / d;
    }

    /// <summary>Sum of squared distances from each row to its centre (fixed chunks added in order: thread-independent).</summary>
    internal static double Inertia(double[] x, int n, int d, double[] centers, int[] labels, int threads)
    {
        int chunks = (n + Chunk - 1) / Chunk;
        var part = new double[chunks];
        OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            double s = 0;
            for (int i = ch * Chunk; i < Math.Min(n, (ch + 1) * Chunk); i++)
                s += KMeansDistance.Squared(x.AsSpan(i * d, d), centers.AsSpan(labels[i] * d, d));
            part[ch] = s;
        }, threads);
        return part.Sum();
    }

    /// <summary>
    /// Greedy k-means++ seeding (2 + ln k candidates per centre, the one lowering the potential most kept), as scikit-learn does.
    /// With <paramref name="bounds"/> every row's distance (not squared) to every chosen centre is kept as Elkan's bound,
    /// and its nearest centre and the distance to it as its label and upper bound.
    /// </summary>
    internal static double[] PlusPlus(double[] x, int n, int d, int k, Random rng, int threads, KMeansElkan.Bounds? bounds = null)
    {
        var centers = new double[k * d];
        int trials = 2 + (int)Math.Log(k);
        int first = rng.Next(n);
        x.AsSpan(first * d, d).CopyTo(centers);
        var closest = new double[n];
        int chunks = (n + Chunk - 1) / Chunk;
        var held = bounds is null ? null : new double[Held * n];
        OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            int lo = ch * Chunk, hi = Math.Min(n, lo + Chunk);
            for (int i = lo; i < hi; i++)
            {
                closest[i] = KMeansDistance.Squared(x.AsSpan(i * d, d), x.AsSpan(first * d, d));
                if (held is not null) held[i] = closest[i];
            }
            WriteHeld(bounds, held, n, k, 0, lo, hi);
        }, threads);
        double pot = closest.Sum();
        var cand = new int[trials];
        var candRows = new double[trials * d];
        var candDist = new double[trials * n]; // squared distance of every row to every candidate
        var candPot = new double[trials];
        // One pass over the rows per new centre scores all candidates (the rows are read once, not once per
        // candidate); partial potentials are kept per fixed chunk and added in chunk order, so the sums do not
        // depend on the thread count.
        var partial = new double[chunks * trials];
        for (int c = 1; c < k; c++)
        {
            for (int t = 0; t < trials; t++)
            {
                cand[t] = SearchCumulative(closest, rng.NextDouble() * pot);
                x.AsSpan(cand[t] * d, d).CopyTo(candRows.AsSpan(t * d, d));
            }
            OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
            {
                int lo = ch * Chunk, hi = Math.Min(n, lo + Chunk);
                var part = partial.AsSpan(ch * trials, trials);
                part.Clear();
                Span<double> toCand = stackalloc double[trials];
                for (int i = lo; i < hi; i++)
                {
                    double own = closest[i];
                    KMeansDistance.Squared(x.AsSpan(i * d, d), candRows, toCand);
                    for (int t = 0; t < trials; t++)
                    {
                        candDist[t * n + i] = toCand[t];
                        part[t] += Math.Min(own, toCand[t]);
                    }
                }
            }, threads);
            candPot.AsSpan().Clear();
            for (int ch = 0; ch < chunks; ch++)
                for (int t = 0; t < trials; t++) candPot[t] += partial[ch * trials + t];
            int b = 0;
            for (int t = 1; t < trials; t++) if (candPot[t] < candPot[b]) b = t;
            pot = candPot[b];
            int col = c;
            OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
            {
                int lo = ch * Chunk, hi = Math.Min(n, lo + Chunk);
                for (int i = lo; i < hi; i++)
                {
                    double v = candDist[b * n + i];
                    closest[i] = Math.Min(closest[i], v);
                    if (held is not null) held[col % Held * n + i] = v;
                }
                WriteHeld(bounds, held, n, k, col, lo, hi);
            }, threads);
            x.AsSpan(cand[b] * d, d).CopyTo(centers.AsSpan(c * d, d));
        }
        return centers;
    }

    /// <summary>
    /// Centres whose squared distances k-means++ holds column-wise before writing them, square-rooted, into the row-major
    /// n × k bounds: a group of consecutive centres fills whole cache lines of a row, where one centre at a time would
    /// write one double per row per pass and reload every line of the bounds k times.
    /// </summary>
    private const int Held = 8;

    /// <summary>
    /// Once centre <paramref name="c"/> completes a group (or is the last), writes the group's held distances of rows lo…hi−1 and
    /// keeps each row's nearest centre so far: the first of the smallest distances, as an exact pass over the centres in order finds it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteHeld(KMeansElkan.Bounds? bounds, double[]? held, int n, int k, int c, int lo, int hi)
    {
        if (bounds is null || (c % Held != Held - 1 && c != k - 1)) return;
        int group = c - c % Held;
        for (int i = lo; i < hi; i++)
        {
            var row = bounds.Lower.AsSpan(i * k + group, c - group + 1); // n × k ≤ KMeansElkan.MaxBounds: int indices
            double nearest = group == 0 ? double.PositiveInfinity : bounds.Upper[i];
            int label = bounds.Labels[i];
            for (int s = 0; s < row.Length; s++)
            {
                double v = Math.Sqrt(held![s * n + i]);
                row[s] = KMeansElkan.Down(v);
                if (v < nearest) { nearest = v; label = group + s; }
            }
            bounds.Upper[i] = nearest;
            bounds.Labels[i] = label;
        }
    }

    /// <summary>First index whose running sum of <paramref name="w"/> reaches <paramref name="r"/> (clipped to the last index).</summary>
    private static int SearchCumulative(double[] w, double r)
    {
        double s = 0;
        for (int i = 0; i < w.Length; i++)
        {
            s += w[i];
            if (s >= r && w[i] > 0) return i;
        }
        for (int i = w.Length - 1; i >= 0; i--) if (w[i] > 0) return i;
        return w.Length - 1;
    }

    private static KMeansModel Lloyd(double[] x, double[] norms, int n, int d, int k, double[] centers,
        double tol, int maxIter, int threads, CancellationToken cancellation)
    {
        int chunks = (n + Chunk - 1) / Chunk;
        var labels = new int[n];
        var prev = new int[n];
        var dist = new double[n];
        var sums = new double[chunks * k * d];
        var counts = new int[chunks * k];
        var next = new double[k * d];
        var bounds = new Bounds(n, k);
        bool exact = true; // the bounds are not valid yet: assign every row against every centre
        int iter = 0;
        bool strict = false;
        for (; iter < maxIter; iter++)
        {
            cancellation.ThrowIfCancellationRequested();
            Assign(x, norms, n, d, k, centers, labels, dist, threads, sums, counts, bounds, exact ? null : bounds.HalfGaps(centers, k, d));
            Reduce(sums, counts, chunks, k, d, next, threads, out var total);
            exact = Reseed(x, n, d, k, labels, dist, total, next);
            double shift = 0;
            for (int i = 0; i < k * d; i++) shift += (next[i] - centers[i]) * (next[i] - centers[i]);
            bounds.Move(centers, next, labels, k, d);
            (centers, next) = (next, centers);
            if (iter > 0 && labels.AsSpan().SequenceEqual(prev)) { strict = true; iter++; break; }
            labels.CopyTo(prev, 0);
            if (shift <= tol) { iter++; break; }
        }
        if (!strict) Assign(x, norms, n, d, k, centers, labels, dist, threads, null, null, bounds, null);
        return new KMeansModel(centers, labels, Inertia(x, n, d, centers, labels, threads), iter);
    }

    /// <summary>
    /// Nearest centre of every row; optionally per-chunk sums and counts for the update (fixed chunks
    /// keep the reduction order thread-independent). With <paramref name="half"/> (half the gap from
    /// each centre to its nearest other centre) Hamerly's test skips rows whose upper bound to their
    /// centre is below max(half gap, lower bound to any other centre) — they cannot change cluster.
    /// </summary>
    private static void Assign(double[] x, double[] norms, int n, int d, int k, double[] centers, int[] labels,
        double[] dist, int threads, double[]? sums, int[]? counts, Bounds bounds, double[]? half)
    {
        var upper = bounds.Upper;
        var lower = bounds.Lower;
        var ct = new double[d * k];
        var cn = new double[k];
        for (int j = 0; j < k; j++)
        {
            var c = centers.AsSpan(j * d, d);
            cn[j] = VectorMath.Dot(c, c);
            for (int a = 0; a < d; a++) ct[a * k + j] = c[a];
        }
        int chunks = (n + Chunk - 1) / Chunk;
        OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            var acc = new double[k];
            int lo = ch * Chunk, hi = Math.Min(n, lo + Chunk);
            if (sums is not null)
            {
                sums.AsSpan(ch * k * d, k * d).Clear();
                counts.AsSpan(ch * k, k).Clear();
            }
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                int best = labels[i];
                bool skip = false;
                if (half is not null)
                {
                    double m = Math.Max(half[best], lower[i]);
                    if (upper[i] > m) upper[i] = Math.Sqrt(KMeansDistance.Squared(row, centers.AsSpan(best * d, d)));
                    skip = upper[i] <= m;
                    dist[i] = upper[i] * upper[i];
                }
                if (!skip)
                {
                    acc.AsSpan().Clear();
                    for (int a = 0; a < d; a++) TensorPrimitives.MultiplyAdd(ct.AsSpan(a * k, k), row[a], acc, acc);
                    best = 0;
                    double bd = double.PositiveInfinity, second = double.PositiveInfinity;
                    for (int j = 0; j < k; j++)
                    {
                        double v = cn[j] - 2 * acc[j];
                        if (v < bd) { second = bd; bd = v; best = j; }
                        else if (v < second) second = v;
                    }
                    labels[i] = best;
                    dist[i] = Math.Max(0, bd + norms[i]);
                    upper[i] = Math.Sqrt(dist[i]);
                    lower[i] = Math.Sqrt(Math.Max(0, second + norms[i]));
                }
                if (sums is null) continue;
                counts![ch * k + best]++;
                TensorPrimitives.Add(sums.AsSpan((ch * k + best) * d, d), row, sums.AsSpan((ch * k + best) * d, d));
            }
        }, threads);
    }

    /// <summary>New centres: the chunks' partial sums added in chunk order (per centre, in parallel over centres), divided by the counts.</summary>
    private static void Reduce(double[] sums, int[] counts, int chunks, int k, int d, double[] next, int threads, out int[] total)
    {
        var t = new int[k];
        OrderedParallel.For(k, j =>
        {
            var target = next.AsSpan(j * d, d);
            target.Clear();
            for (int ch = 0; ch < chunks; ch++)
            {
                t[j] += counts[ch * k + j];
                TensorPrimitives.Add(target, sums.AsSpan((ch * k + j) * d, d), target);
            }
            if (t[j] > 0) TensorPrimitives.Multiply(target, 1.0 / t[j], target);
        }, threads);
        total = t;
    }

    /// <summary>Moves each empty centre onto the point currently farthest from its own centre; true when any moved.</summary>
    internal static bool Reseed(double[] x, int n, int d, int k, int[] labels, double[] dist, int[] total, double[] next)
    {
        bool moved = false;
        for (int j = 0; j < k; j++)
        {
            if (total[j] > 0) continue;
            int far = VectorMath.ArgMax(dist);
            x.AsSpan(far * d, d).CopyTo(next.AsSpan(j * d, d));
            dist[far] = -1;
            labels[far] = j;
            moved = true;
        }
        return moved;
    }

    /// <summary>Hamerly's bounds: upper = distance to the own centre, lower = distance to the nearest other centre.</summary>
    private sealed class Bounds(int n, int k)
    {
        private readonly double[] _move = new double[k];

        public double[] Upper { get; } = new double[n];
        public double[] Lower { get; } = new double[n];

        /// <summary>Half the distance from each centre to its nearest other centre.</summary>
        public double[] HalfGaps(double[] centers, int k, int d)
        {
            var half = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
            for (int a = 0; a < k; a++)
                for (int b = a + 1; b < k; b++)
                {
                    double g = 0.5 * Math.Sqrt(VectorMath.SquaredDistance(centers.AsSpan(a * d, d), centers.AsSpan(b * d, d)));
                    if (g < half[a]) half[a] = g;
                    if (g < half[b]) half[b] = g;
                }
            return half;
        }

        /// <summary>Loosens the bounds by how far the centres moved (triangle inequality).</summary>
        public void Move(double[] from, double[] to, int[] labels, int k, int d)
        {
            int far = 0;
            double max = 0, second = 0;
            for (int j = 0; j < k; j++)
            {
                double m = Math.Sqrt(VectorMath.SquaredDistance(from.AsSpan(j * d, d), to.AsSpan(j * d, d)));
                _move[j] = m;
                if (m > max) { second = max; max = m; far = j; }
                else if (m > second) second = m;
            }
            for (int i = 0; i < Upper.Length; i++)
            {
                Upper[i] += _move[labels[i]];
                Lower[i] -= labels[i] == far ? second : max;
            }
        }
    }
}
