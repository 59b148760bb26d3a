using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Embedding;

/// <summary>Options for <see cref="Tsne"/>.</summary>
public sealed record TsneOptions : IOptions
{
    /// <summary>Perplexity of the input affinities.</summary>
    [OptionRange(1, 1000)]
    public double Perplexity { get; init; } = 30;

    /// <summary>Start from the scaled PCA projection (default, deterministic) or, when false, from N(0, 10⁻⁸) draws with <see cref="Seed"/>.</summary>
    public bool PcaStart { get; init; } = true;

    /// <summary>Seed of the random start (used when <see cref="PcaStart"/> is false).</summary>
    public int Seed { get; init; }

    /// <summary>Gradient iterations in total.</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public int Iterations { get; init; } = 1000;

    /// <summary>
    /// Largest N for the exact O(N²) gradient; above it Barnes–Hut is used. The default keeps a
    /// 5,000-point map under 30 s on two cores (exact costs ~110 CPU-seconds there, Barnes–Hut ~14).
    /// </summary>
    public int ExactLimit { get; init; } = 2000;

    /// <summary>Barnes–Hut opening angle θ.</summary>
    public double Theta { get; init; } = 0.5;

    /// <summary>Threads (0 = all cores); never changes the result.</summary>
    public int Threads { get; internal init; }

    /// <summary>Observed between steps (picks, iterations, structures); cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; internal init; }

    /// <summary>Receives the fraction of the work done (0…1) as it advances; null = no reports.</summary>
    public IProgress<double>? Progress { get; internal init; }

    /// <inheritdoc />
    public void Validate() => OptionRanges.Validate(this);
}

/// <summary>
/// t-SNE into two dimensions, following van der Maaten's recipe as scikit-learn runs it:
/// conditional affinities by bisection on the Gaussian precision to the requested perplexity
/// (natural-log entropy, over all points for the exact method, over the ⌊3·perplexity⌋ + 1 nearest
/// for Barnes–Hut), P = (P + Pᵀ)/Σ; PCA start scaled to standard deviation 10⁻⁴ on the first axis (or a seeded random start);
/// early exaggeration 12 with momentum 0.5 for 250 iterations, then momentum 0.8; learning rate
/// max(N/48, 50); delta-bar-delta gains (+0.2 / ×0.8, floor 0.01). The gradient is exact
/// (4 Σⱼ (pᵢⱼ − qᵢⱼ)(yᵢ − yⱼ)/(1 + |yᵢ − yⱼ|²)) up to <see cref="TsneOptions.ExactLimit"/> points and
/// Barnes–Hut (quadtree, θ) above it.
/// </summary>
public static class Tsne
{
    private const double Exaggeration = 12, MinGain = 0.01;
    private const int ExaggerationIterations = 250;

    /// <summary>N × 2 coordinates (row-major) of the rows of <paramref name="x"/>.</summary>
    public static double[] Embed(FeatureMatrix x, TsneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        options ??= new TsneOptions();
        options.Validate();
        int n = x.Rows;
        if (n < 4) throw new ArgumentException("t-SNE needs at least four points.");
        // Each point's affinities must spread over ~perplexity neighbours; with perplexity ≥ N − 1 there are not that many,
        // the bandwidth search saturates and the map is noise. scikit-learn refuses perplexity ≥ N likewise.
        if (options.Perplexity >= n)
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Perplexity {options.Perplexity} must be less than the number of structures ({n}); try {Math.Max(1, Math.Floor((n - 1) / 3.0))} (≈ N/3) or map more structures."));
        bool exact = n <= options.ExactLimit;
        var p = exact ? DenseAffinities(x, options) : SparseAffinities(x, options);
        var y = options.PcaStart ? Start(x) : RandomStart(n, options.Seed);
        var update = new double[2 * n];
        var gains = Enumerable.Repeat(1.0, 2 * n).ToArray();
        var grad = new double[2 * n];
        double rate = Math.Max(n / Exaggeration / 4, 50);
        for (int it = 0; it < options.Iterations; it++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Report(it / (double)options.Iterations);
            bool early = it < ExaggerationIterations;
            double exaggeration = early ? Exaggeration : 1, momentum = early ? 0.5 : 0.8;
            if (exact) ExactGradient(y, (double[])p.Dense!, n, exaggeration, grad, options.Threads);
            else BarnesHutGradient(y, p, n, exaggeration, options.Theta, grad, options.Threads);
            for (int i = 0; i < 2 * n; i++)
            {
                gains[i] = update[i] * grad[i] < 0 ? gains[i] + 0.2 : Math.Max(gains[i] * 0.8, MinGain);
                update[i] = momentum * update[i] - rate * gains[i] * grad[i];
                y[i] += update[i];
            }
        }
        return y;
    }

    private static double[] Start(FeatureMatrix x)
    {
        var model = Pca.Fit(x, new PcaOptions { Components = Math.Min(2, Math.Min(x.Rows, x.Columns)) });
        var t = model.Transform(x);
        int n = x.Rows, m = t.Columns;
        var y = new double[2 * n];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < m; c++) y[2 * i + c] = t[i, c];
        double mean = 0, sq = 0;
        for (int i = 0; i < n; i++) mean += y[2 * i];
        mean /= n;
        for (int i = 0; i < n; i++) sq += (y[2 * i] - mean) * (y[2 * i] - mean);
        double sd = Math.Sqrt(sq / n);
        for (int i = 0; i < 2 * n; i++) y[i] = sd > 0 ? y[i] / sd * 1e-4 : 0;
        return y;
    }

    private static double[] RandomStart(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 2 * n)
            .Select(_ => 1e-4 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))
            .ToArray();
    }

    /// <summary>Input affinities: dense N × N, or sparse CSR over nearest neighbours.</summary>
    private sealed record Affinities(double[]? Dense, int[]? RowStart, int[]? Columns, double[]? Values);

    private static Affinities DenseAffinities(FeatureMatrix x, TsneOptions o)
    {
        int n = x.Rows;
        var cond = new double[n * n];
        OrderedParallel.For(n, i =>
        {
            var d2 = new double[n];
            for (int j = 0; j < n; j++) d2[j] = j == i ? double.PositiveInfinity : VectorMath.SquaredDistance(x.Row(i), x.Row(j));
            Conditional(d2, o.Perplexity, cond.AsSpan(i * n, n));
        }, o.Threads);
        double total = 0;
        var p = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                p[i * n + j] = cond[i * n + j] + cond[j * n + i];
                total += p[i * n + j];
            }
        for (int i = 0; i < p.Length; i++) p[i] = Math.Max(p[i] / total, double.Epsilon);
        return new Affinities(p, null, null, null);
    }

    private static Affinities SparseAffinities(FeatureMatrix x, TsneOptions o)
    {
        int n = x.Rows, k = Math.Min(n - 1, (int)(3 * o.Perplexity + 1));
        var nbr = new int[n * k];
        var cond = new double[n * k];
        OrderedParallel.For(n, i =>
        {
            // k nearest by insertion into a sorted buffer (ties: lower index first).
            var near = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
            var idx = nbr.AsSpan(i * k, k);
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double v = VectorMath.SquaredDistance(x.Row(i), x.Row(j));
                if (v >= near[k - 1]) continue;
                int a = k - 1;
                for (; a > 0 && near[a - 1] > v; a--)
                {
                    near[a] = near[a - 1];
                    idx[a] = idx[a - 1];
                }
                near[a] = v;
                idx[a] = j;
            }
            Conditional(near, o.Perplexity, cond.AsSpan(i * k, k));
        }, o.Threads);
        // Symmetrise: p_ij = (p_j|i + p_i|j) / Σ.
        var map = new Dictionary<long, double>(n * k);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < k; a++)
            {
                int j = nbr[i * k + a];
                long key1 = (long)i * n + j, key2 = (long)j * n + i;
                map[key1] = map.GetValueOrDefault(key1) + cond[i * k + a];
                map[key2] = map.GetValueOrDefault(key2) + cond[i * k + a];
            }
        double total = map.Values.Sum();
        var entries = map.OrderBy(e => e.Key).ToArray();
        var rowStart = new int[n + 1];
        var cols = new int[entries.Length];
        var vals = new double[entries.Length];
        for (int e = 0; e < entries.Length; e++)
        {
            int i = (int)(entries[e].Key / n);
            rowStart[i + 1]++;
            cols[e] = (int)(entries[e].Key % n);
            vals[e] = entries[e].Value / total;
        }
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        return new Affinities(null, rowStart, cols, vals);
    }

    /// <summary>p_j|i = exp(−β d²_ij)/Σ with β bisected until the entropy is ln(perplexity) (tolerance 10⁻⁵, 100 steps).</summary>
    private static void Conditional(double[] d2, double perplexity, Span<double> output)
    {
        double target = Math.Log(perplexity), beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (int step = 0; step < 100; step++)
        {
            double sum = 0, weighted = 0;
            for (int j = 0; j < d2.Length; j++)
            {
                double v = double.IsPositiveInfinity(d2[j]) ? 0 : Math.Exp(-d2[j] * beta);
                output[j] = v;
                sum += v;
            }
            if (sum == 0) sum = 1e-8;
            for (int j = 0; j < d2.Length; j++)
            {
                output[j] /= sum;
                if (output[j] > 0) weighted += d2[j] * output[j];
            }
            double entropy = Math.Log(sum) + beta * weighted;
            double diff = entropy - target;
            if (Math.Abs(diff) <= 1e-5) break;
            if (diff > 0)
            {
                lo = beta;
                beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
            }
            else
            {
                hi = beta;
                beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
            }
        }
    }

    private static void ExactGradient(double[] y, double[] p, int n, double exaggeration, double[] grad, int threads)
    {
        // One pass: attraction Σ p w (yᵢ − yⱼ), repulsion Σ w² (yᵢ − yⱼ) and Σ w; combined once Z is known.
        var zPart = new double[n];
        var rep = new double[2 * n];
        OrderedParallel.For(n, i =>
        {
            double z = 0, ax = 0, ay = 0, rx = 0, ry = 0, yx = y[2 * i], yy = y[2 * i + 1];
            var row = p.AsSpan(i * n, n);
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double dx = yx - y[2 * j], dy = yy - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                z += w;
                double pw = row[j] * w, ww = w * w;
                ax += pw * dx;
                ay += pw * dy;
                rx += ww * dx;
                ry += ww * dy;
            }
            zPart[i] = z;
            grad[2 * i] = exaggeration * ax;
            grad[2 * i + 1] = exaggeration * ay;
            rep[2 * i] = rx;
            rep[2 * i + 1] = ry;
        }, threads);
        double zSum = zPart.Sum();
        for (int i = 0; i < 2 * n; i++) grad[i] = 4 * (grad[i] - rep[i] / zSum);
    }

    private static void BarnesHutGradient(double[] y, Affinities p, int n, double exaggeration, double theta, double[] grad, int threads)
    {
        var tree = QuadTree.Build(y, n);
        var zPart = new double[n];
        var rep = new double[2 * n];
        OrderedParallel.For(n, i =>
        {
            double fx = 0, fy = 0;
            zPart[i] = tree.Repulsion(y[2 * i], y[2 * i + 1], theta * theta, ref fx, ref fy);
            rep[2 * i] = fx;
            rep[2 * i + 1] = fy;
        }, threads);
        double zSum = zPart.Sum();
        OrderedParallel.For(n, i =>
        {
            double ax = 0, ay = 0;
            for (int e = p.RowStart![i]; e < p.RowStart[i + 1]; e++)
            {
                int j = p.Columns![e];
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                double w = 1 / (1 + dx * dx + dy * dy);
                ax += exaggeration * p.Values![e] * w * dx;
                ay += exaggeration * p.Values[e] * w * dy;
            }
            grad[2 * i] = 4 * (ax - rep[2 * i] / zSum);
            grad[2 * i + 1] = 4 * (ay - rep[2 * i + 1] / zSum);
        }, threads);
    }
}
