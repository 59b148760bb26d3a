using AtomCuration.Options;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Selection;

/// <summary>Options for <see cref="Spectral"/>.</summary>
public sealed record SpectralOptions : SelectionOptions
{
    /// <summary>Kernel K₂ on the structure descriptors (e.g. Laplacian on flattened Coulomb matrices).</summary>
    public Kernel Kernel { get; init; } = new(KernelKind.Laplacian, 1.0);

    /// <summary>
    /// Hybrid weight δ of Eq. 11 (paper 003): K = (1 − δ) K₁ + δ K₂ with K₁ the structure kernel
    /// <see cref="AtomKernel"/> of the per-atom descriptors. δ = 1 uses only K₂.
    /// </summary>
    [OptionRange(0, 1)]
    public double Delta { get; init; } = 1.0;

    /// <summary>
    /// K₁: Average = the normalised average kernel (cosine of the mean environment vectors, paper 003), Rematch = the
    /// regularised entropy-match kernel (<see cref="RematchKernel"/>, linear on unit-length environments, normalised).
    /// </summary>
    public AtomKernelKind AtomKernel { get; init; } = AtomKernelKind.Average;

    /// <summary>α of the REMatch K₁ (towards 0 the best match of environments, towards ∞ the average kernel).</summary>
    [SameRangeAs(typeof(RematchOptions), nameof(RematchOptions.Alpha))]
    public double RematchAlpha { get; init; } = 0.1;

    /// <summary>Number of clusters; null = automatic (Eqs. 13–14).</summary>
    [OptionRange(1, 100_000)]
    public int? Clusters { get; init; }

    /// <summary>d_tol: the automatic count stops at the first N_c whose mean inter-cluster distance changed by less than this.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double DistanceTolerance { get; init; } = 1e-3;

    /// <summary>Upper bound for the automatic cluster count.</summary>
    [OptionRange(2, 100_000)]
    public int MaxClusters { get; init; } = 30;

    /// <summary>Fraction of each cluster to select (at least one); null = Count spread over the clusters in proportion to their size.</summary>
    public double? Fraction { get; init; }
}

/// <summary>Structure kernels built from per-atom environments (K₁ of <see cref="Spectral"/>).</summary>
public enum AtomKernelKind
{
    /// <summary>Normalised average kernel: the cosine of the structures' mean environment vectors.</summary>
    Average,
    /// <summary>Regularised entropy-match kernel (De et al. 2016), <see cref="RematchKernel"/>.</summary>
    Rematch,
}

/// <summary>One point of a δ scan: the paper picks the δ of lowest mean within-cluster energy standard deviation.</summary>
/// <param name="Delta">Hybrid weight δ.</param>
/// <param name="Clusters">Cluster count chosen automatically for this δ.</param>
/// <param name="MeanEnergyStd">Mean over clusters of the population standard deviation of the energy per atom (eV/atom).</param>
public sealed record DeltaScanPoint(double Delta, int Clusters, double MeanEnergyStd);

/// <summary>
/// Spectral clustering of a kernel affinity K (negative entries count as 0): the k leading eigenvectors of D^{-1/2} K D^{-1/2}
/// (the normalised-Laplacian embedding), rows scaled to unit length, clustered by k-means
/// (10 restarts, seeded). With no cluster count given, N_c rises from 2 until the mean
/// inter-cluster distance ⟨d⟩ = 2/(N_c(N_c−1)) Σ_{s&lt;s'} d_{ss'}, d_{ss'} = mean D(A,B) over A∈s, B∈s',
/// with D = √(K_AA + K_BB − 2K_AB) (√(2 − 2K) for normalised kernels), changes by less than d_tol.
/// Then a fraction of every cluster is drawn at random (seeded), round-robin over clusters
/// ordered by size; score = size of the pick's cluster.
/// </summary>
public static class Spectral
{
    /// <summary>Selects from a pool, building the (hybrid) kernel from its descriptors.</summary>
    public static SelectionResult Select(IReadOnlyList<Structure> pool, SpectralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FromAffinity(Affinity(pool, options), pool.Count, options);
    }

    /// <summary>Selects from the rows of a pool matrix with <see cref="SpectralOptions.Kernel"/> (no hybrid).</summary>
    public static SelectionResult Select(FeatureMatrix x, SpectralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = Preprocessing.Apply(x, options.Preprocess);
        return FromAffinity(options.Kernel.Matrix(p, options.Threads), p.Rows, options);
    }

    /// <summary>The hybrid affinity (1 − δ) K₁ + δ K₂ of a pool (N × N, row-major).</summary>
    public static double[] Affinity(IReadOnlyList<Structure> pool, SpectralOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        double delta = options.Delta;
        return Mix(delta < 1 ? AtomKernelMatrix(pool, options) : null, delta > 0 ? StructureKernelMatrix(pool, options) : null, delta, pool.Count);
    }

    /// <summary>K₂ of a pool: the structure kernel on the preprocessed structure descriptors (N × N, row-major).</summary>
    private static double[] StructureKernelMatrix(IReadOnlyList<Structure> pool, SpectralOptions options) =>
        options.Kernel.Matrix(Preprocessing.Apply(DescriptorPool.FromStructures(pool), options.Preprocess), options.Threads);

    /// <summary>(1 − δ) K₁ + δ K₂ from the two kernels (each null where its weight is zero).</summary>
    private static double[] Mix(double[]? atoms, double[]? structures, double delta, int n)
    {
        var k = new double[n * n];
        if (delta > 0)
            for (int i = 0; i < k.Length; i++) k[i] = delta * structures![i];
        if (delta < 1)
            for (int i = 0; i < k.Length; i++) k[i] += (1 - delta) * atoms![i];
        return k;
    }

    /// <summary>K₁ of a pool (N × N, row-major, unit diagonal for structures with non-zero environments).</summary>
    public static double[] AtomKernelMatrix(IReadOnlyList<Structure> pool, SpectralOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        var environments = pool.Select((s, i) => DescriptorPool.AtomDescriptorsOf(s, i)).ToArray();
        if (options.AtomKernel == AtomKernelKind.Rematch)
            return RematchKernel.Matrix(environments.Select(RematchKernel.UnitRows).ToArray(), new RematchOptions { Alpha = options.RematchAlpha },
                options.Threads, options.Cancellation);
        return new Kernel(KernelKind.Cosine).Matrix(Matrices.FromRows(environments.Select(MeanEnvironment).ToArray()), options.Threads);
    }

    /// <summary>
    /// The kernel distance √(2 − 2K_ij) of K₁ (<see cref="AtomKernelMatrix"/>, normalised) for the listed pairs only — for a
    /// sample of pairs of a large pool, where the N × N matrix would cost N² REMatch evaluations. Parallel over pairs.
    /// </summary>
    public static double[] AtomKernelDistances(IReadOnlyList<Structure> pool, IReadOnlyList<(int I, int J)> pairs, SpectralOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var used = pairs.SelectMany(p => new[] { p.I, p.J }).Distinct().Order().ToArray();
        var environments = new FeatureMatrix?[pool.Count];
        foreach (int i in used) environments[i] = DescriptorPool.AtomDescriptorsOf(pool[i], i);
        Func<int, int, double> kernel;
        if (options.AtomKernel == AtomKernelKind.Rematch)
        {
            var rematch = new RematchOptions { Alpha = options.RematchAlpha };
            rematch.Validate();
            foreach (int i in used) environments[i] = RematchKernel.UnitRows(environments[i]!);
            var self = new double[pool.Count];
            Common.OrderedParallel.For(used.Length, k => self[used[k]] = RematchKernel.Similarity(environments[used[k]]!, environments[used[k]]!, rematch),
                options.Threads, options.Cancellation);
            kernel = (i, j) => RematchKernel.Similarity(environments[i]!, environments[j]!, rematch) / Math.Sqrt(self[i] * self[j]);
        }
        else
        {
            var mean = environments.Select(e => e is null ? null : MeanEnvironment(e)).ToArray();
            var cosine = new Kernel(KernelKind.Cosine);
            kernel = (i, j) => cosine.Evaluate(mean[i]!, mean[j]!);
        }
        var d = new double[pairs.Count];
        Common.OrderedParallel.For(pairs.Count, k => d[k] = Math.Sqrt(Math.Max(0, 2 - 2 * kernel(pairs[k].I, pairs[k].J))), options.Threads, options.Cancellation);
        return d;
    }

    /// <summary>Runs the δ scan of paper 003 (automatic cluster count at every δ); <paramref name="context"/> supplies threads and cancellation.</summary>
    public static IReadOnlyList<DeltaScanPoint> ScanDelta(IReadOnlyList<Structure> pool, SpectralOptions options, IEnumerable<double>? deltas = null,
        RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = (SpectralOptions)options.WithRun(context, "scan");
        var energy = pool.Select((s, i) => s.Energy is double e ? e / s.AtomCount
            : throw new InvalidOperationException($"Structure '{s.Id}' (index {i}) has no energy; the δ scan needs energies.")).ToArray();
        var scanned = (deltas ?? Enumerable.Range(0, 11).Select(i => i / 10.0)).ToList();
        // K₁ and K₂ do not depend on δ: each is computed once for the whole scan, and only their mix changes.
        var atoms = scanned.Any(d => d < 1) ? AtomKernelMatrix(pool, options) : null;
        var structures = scanned.Any(d => d > 0) ? StructureKernelMatrix(pool, options) : null;
        var result = new List<DeltaScanPoint>();
        foreach (double delta in scanned)
        {
            var o = options with { Delta = delta, Clusters = null };
            var labels = Cluster(Mix(atoms, structures, delta, pool.Count), pool.Count, o, out int nc);
            double sum = 0;
            for (int c = 0; c < nc; c++)
            {
                var e = Enumerable.Range(0, pool.Count).Where(i => labels[i] == c).Select(i => energy[i]).ToArray();
                double m = e.Average();
                sum += Math.Sqrt(e.Sum(v => (v - m) * (v - m)) / e.Length);
            }
            result.Add(new DeltaScanPoint(delta, nc, sum / nc));
        }
        return result;
    }

    /// <summary>Cluster labels from an affinity matrix; <paramref name="clusters"/> is the count used.</summary>
    public static int[] Cluster(double[] affinity, int n, SpectralOptions options, out int clusters)
    {
        ArgumentNullException.ThrowIfNull(affinity);
        ArgumentNullException.ThrowIfNull(options);
        // A graph needs non-negative weights: negative kernel values (possible for cosine) count as 0.
        var deg = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) deg[i] += Math.Max(0, affinity[i * n + j]);
        for (int i = 0; i < n; i++) if (deg[i] <= 0) deg[i] = 1;
        var m = Matrix<double>.Build.Dense(n, n, (i, j) => Math.Max(0, affinity[i * n + j]) / Math.Sqrt(deg[i] * deg[j]));
        var evd = m.Evd(Symmetricity.Symmetric);
        if (options.Clusters is int fixedCount)
        {
            clusters = fixedCount;
            return Labels(evd.EigenVectors, n, fixedCount, options);
        }
        double previous = double.NaN;
        int[]? last = null;
        int upper = Math.Min(options.MaxClusters, n);
        for (int nc = 2; nc <= upper; nc++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var labels = Labels(evd.EigenVectors, n, nc, options);
            double mean = MeanInterClusterDistance(affinity, labels, n, nc);
            last = labels;
            if (!double.IsNaN(previous) && Math.Abs(mean - previous) < options.DistanceTolerance)
            {
                clusters = nc;
                return labels;
            }
            previous = mean;
        }
        clusters = upper;
        return last ?? new int[n];
    }

    /// <summary>⟨d⟩ of Eqs. 13–14 for a partition.</summary>
    public static double MeanInterClusterDistance(double[] k, int[] labels, int n, int nc)
    {
        var sum = new double[nc * nc];
        var size = new int[nc];
        foreach (int l in labels) size[l]++;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                if (labels[a] != labels[b])
                    sum[labels[a] * nc + labels[b]] += Math.Sqrt(Math.Max(0, k[a * n + a] + k[b * n + b] - 2 * k[a * n + b]));
        double total = 0;
        for (int s = 0; s < nc; s++)
            for (int t = s + 1; t < nc; t++)
                if (size[s] > 0 && size[t] > 0) total += sum[s * nc + t] / ((double)size[s] * size[t]);
        return 2 * total / (nc * (nc - 1.0));
    }

    private static int[] Labels(Matrix<double> vectors, int n, int k, SpectralOptions options)
    {
        var emb = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            double norm = 0;
            for (int c = 0; c < k; c++)
            {
                double v = vectors[i, n - 1 - c];
                emb[i * k + c] = v;
                norm += v * v;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int c = 0; c < k; c++) emb[i * k + c] /= norm;
        }
        var km = KMeans.Fit(Matrices.Create(n, k, emb), new KMeansOptions { Count = k, Seed = options.Seed, Threads = options.Threads });
        return km.Labels;
    }

    private static SelectionResult FromAffinity(double[] affinity, int n, SpectralOptions options)
    {
        var labels = Cluster(affinity, n, options, out int nc);
        var members = Enumerable.Range(0, nc).Select(c => Enumerable.Range(0, n).Where(i => labels[i] == c).ToList())
            .Where(m => m.Count > 0).OrderByDescending(m => m.Count).ThenBy(m => m[0]).ToList();
        var quotas = Quotas(members.Select(m => m.Count).ToArray(), n, options);
        var rng = new Random(options.Seed);
        var queues = members.Select((m, c) => m.OrderBy(_ => rng.Next()).Take(quotas[c]).ToList()).ToList();
        var renumber = new int[nc];
        for (int r = 0; r < members.Count; r++) renumber[labels[members[r][0]]] = r;
        var picks = new List<int>();
        var scores = new List<double>();
        for (int round = 0; picks.Count < queues.Sum(q => q.Count); round++)
            for (int c = 0; c < queues.Count; c++)
                if (round < queues[c].Count)
                {
                    picks.Add(queues[c][round]);
                    scores.Add(members[c].Count);
                }
        return new SelectionResult(SelectionMethod.Spectral, picks, scores, labels.Select(l => renumber[l]).ToArray())
        {
            Info = new Dictionary<string, double> { ["Clusters"] = members.Count },
        };
    }

    /// <summary>
    /// How many members each cluster gives: with a fraction, round(f·size) and at least one; with a
    /// count, exactly Count in proportion to cluster size (largest remainder, ties to the larger cluster).
    /// </summary>
    private static int[] Quotas(int[] sizes, int n, SpectralOptions options)
    {
        if (options.Fraction is double f)
            return sizes.Select(size => Math.Max(1, (int)Math.Round(f * size, MidpointRounding.AwayFromZero))).ToArray();
        int k = Math.Min(options.Count, n);
        var exact = sizes.Select(size => (double)k * size / n).ToArray();
        var quotas = exact.Select(x => (int)Math.Floor(x)).ToArray();
        int left = k - quotas.Sum();
        foreach (int c in Enumerable.Range(0, sizes.Length).OrderByDescending(c => exact[c] - quotas[c]).ThenBy(c => c).Take(left))
            quotas[c]++;
        return quotas;
    }

    private static double[] MeanEnvironment(FeatureMatrix g)
    {
        var mean = new double[g.Columns];
        for (int i = 0; i < g.Rows; i++)
            for (int c = 0; c < g.Columns; c++) mean[c] += g[i, c] / g.Rows;
        return mean;
    }
}
