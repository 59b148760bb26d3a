using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// The single entry point the cmdlets use: a method name, its options record and a pool.
/// Descriptor-space methods read <see cref="Structure.Descriptor"/>; per-atom methods
/// (LocalEnvironmentBank, Entropy) read <see cref="Structure.AtomDescriptors"/>.
/// </summary>
public static class Selector
{
    /// <summary>Default options record for <paramref name="method"/> (set Count, Seed, … with <c>with</c>).</summary>
    public static SelectionOptions DefaultOptions(SelectionMethod method) => method switch
    {
        SelectionMethod.Random => new RandomOptions(),
        SelectionMethod.KMeans => new KMeansOptions(),
        SelectionMethod.Fps => new FpsOptions(),
        SelectionMethod.LocalEnvironmentBank => new LocalEnvironmentBankOptions(),
        SelectionMethod.Dpp => new DppOptions(),
        SelectionMethod.MaxVol => new MaxVolOptions(),
        SelectionMethod.Cur => new CurOptions(),
        SelectionMethod.Agglomerative => new AgglomerativeOptions(),
        SelectionMethod.Spectral => new SpectralOptions(),
        SelectionMethod.Entropy => new EntropyOptions(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown selection method."),
    };

    /// <summary>The method an options record belongs to.</summary>
    public static SelectionMethod MethodOf(SelectionOptions options) => options switch
    {
        RandomOptions => SelectionMethod.Random,
        KMeansOptions => SelectionMethod.KMeans,
        FpsOptions => SelectionMethod.Fps,
        LocalEnvironmentBankOptions => SelectionMethod.LocalEnvironmentBank,
        DppOptions => SelectionMethod.Dpp,
        MaxVolOptions => SelectionMethod.MaxVol,
        CurOptions => SelectionMethod.Cur,
        AgglomerativeOptions => SelectionMethod.Agglomerative,
        SpectralOptions => SelectionMethod.Spectral,
        EntropyOptions => SelectionMethod.Entropy,
        null => throw new ArgumentNullException(nameof(options)),
        _ => throw new ArgumentException($"No selection method takes {options.GetType().Name}.", nameof(options)),
    };

    /// <summary>Runs <paramref name="method"/> on <paramref name="pool"/>; <paramref name="options"/> must be that method's record.</summary>
    public static SelectionResult Select(SelectionMethod method, IReadOnlyList<Structure> pool, SelectionOptions options)
    {
        if (MethodOf(options) != method)
            throw new ArgumentException($"{options.GetType().Name} does not configure {method}.", nameof(options));
        return Select(pool, options);
    }

    /// <summary>Runs the method <paramref name="options"/> configures on <paramref name="pool"/>.</summary>
    /// <param name="pool">Structures carrying the descriptors the method reads.</param>
    /// <param name="options">The method's record; validated here.</param>
    /// <param name="context">Threads, cancellation and progress; null keeps those already on the record (tests inside Core).</param>
    public static SelectionResult Select(IReadOnlyList<Structure> pool, SelectionOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = options.WithRun(context, "select");
        if (options.DuplicateTolerance is double tolerance)
        {
            var representatives = NearDuplicates.Representatives(DescriptorPool.FromStructures(pool), tolerance, options.Threads, options.Cancellation);
            var plain = options with { DuplicateTolerance = null };
            return NearDuplicates.SelectDistinct(representatives, kept => Select(kept.Select(i => pool[i]).ToArray(), plain with { Count = Math.Min(plain.Count, kept.Length) }));
        }
        if (options.Budget is double budget)
        {
            var cost = LabellingBudget.Costs(pool, options.CostExponent, options.CostKey);
            var byCount = options with { Budget = null };
            return LabellingBudget.Select(cost, budget, k => Select(pool, byCount with { Count = k }), MethodOf(options));
        }
        var result = options switch
        {
            RandomOptions o => RandomSelector.Select(pool.Count, o),
            LocalEnvironmentBankOptions o => LocalEnvironmentBank.Select(pool, o),
            EntropyOptions o => EntropySelector.Select(pool, o),
            SpectralOptions o => Spectral.Select(pool, o),
            FpsOptions { AtomKernel: { } kind } o => FarthestPointSampling.SelectFromKernel(
                Spectral.AtomKernelMatrix(pool, new SpectralOptions { AtomKernel = kind, RematchAlpha = o.RematchAlpha, Threads = o.Threads, Cancellation = o.Cancellation }), pool.Count, o),
            AgglomerativeOptions { AtomKernel: { } kind } o => Agglomerative.SelectFromKernel(
                Spectral.AtomKernelMatrix(pool, new SpectralOptions { AtomKernel = kind, RematchAlpha = o.RematchAlpha, Threads = o.Threads, Cancellation = o.Cancellation }), pool.Count, o),
            _ => null,
        };
        return result is null
            ? SelectFromMatrix(DescriptorPool.FromStructures(pool), options)
            : SelectionCount.Check(result, options, pool.Count, () => SelectionCount.DistinctDescriptors(pool));
    }

    /// <summary>Runs a descriptor-space method on a ready pool matrix (rows = pool members).</summary>
    /// <exception cref="InvalidOperationException">A value of <paramref name="x"/> is not finite (row and column named).</exception>
    public static SelectionResult SelectFromMatrix(FeatureMatrix x, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        FiniteDescriptors.Require(x, row => $"Row {row}");
        if (options is AgglomerativeOptions { AtomKernel: not null })
            throw new ArgumentException("Agglomerative clustering on a structure kernel of the per-atom environments needs the structures, not a descriptor matrix: use Select(pool, options).", nameof(options));
        if (options is FpsOptions { AtomKernel: not null })
            throw new ArgumentException("FPS on a structure kernel of the per-atom environments needs the structures, not a descriptor matrix: use Select(pool, options).", nameof(options));
        if (options.Budget is not null)
            throw new ArgumentException("A labelling budget needs the structures (their atom counts or cost keys), not a descriptor matrix: use Select(pool, options).", nameof(options));
        if (options.DuplicateTolerance is double tolerance)
            return NearDuplicates.SelectDistinct(NearDuplicates.Representatives(x, tolerance, options.Threads, options.Cancellation),
                kept => SelectFromMatrix(RowsOf(x, kept), options with { DuplicateTolerance = null, Count = Math.Min(options.Count, kept.Length) }));
        return SelectionCount.Check(SelectFromMatrixCore(x, options), options, x.Rows, () => SelectionCount.DistinctRows(x));
    }

    private static FeatureMatrix RowsOf(FeatureMatrix x, int[] rows)
    {
        var v = new double[rows.Length * x.Columns];
        for (int k = 0; k < rows.Length; k++) x.Row(rows[k]).CopyTo(v.AsSpan(k * x.Columns, x.Columns));
        return new FeatureMatrix(rows.Length, x.Labels, v);
    }

    private static SelectionResult SelectFromMatrixCore(FeatureMatrix x, SelectionOptions options) => options switch
    {
        RandomOptions o => RandomSelector.Select(x.Rows, o),
        KMeansOptions o => KMeans.Select(x, o),
        FpsOptions o => FarthestPointSampling.Select(x, o),
        DppOptions o => Dpp.Select(x, o),
        MaxVolOptions o => MaxVol.Select(x, o),
        CurOptions o => Cur.Select(x, o),
        AgglomerativeOptions o => Agglomerative.Select(x, o),
        SpectralOptions o => Spectral.Select(x, o),
        null => throw new ArgumentNullException(nameof(options)),
        _ => throw new ArgumentException($"{MethodOf(options)} works on per-atom descriptors, not a pool matrix.", nameof(options)),
    };
}
