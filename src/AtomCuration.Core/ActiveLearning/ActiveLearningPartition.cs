using AtomCuration.Descriptors;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.ActiveLearning;

/// <summary>
/// The clusters an active-learning run draws from. By default paper 003's (Shuaib et al., J. Am. Ceram. Soc.
/// 108, e20128, 2025, doi:10.1111/jace.20128): spectral clustering (<see cref="Spectral"/>) of the hybrid kernel
/// K = (1 − δ) K_SOAP + δ K_Coulomb (Eq. 11) — the average-SOAP kernel of the per-atom power spectra and a Laplacian
/// kernel of the structure descriptors (sorted Coulomb matrices when the pool carries none) — with the cluster
/// count chosen automatically (Eqs. 13–14) and δ the scanned value of lowest mean within-cluster spread of
/// the energy per atom. Or any clustering Select-Configuration offers (KMeans, Agglomerative) on the structure
/// descriptors.
/// </summary>
/// <param name="Labels">Cluster of every pool structure, 0 … Clusters − 1.</param>
/// <param name="Clusters">Number of clusters.</param>
/// <param name="Delta">The hybrid weight used (Spectral), else null.</param>
/// <param name="Scan">The δ scan that chose it (empty when δ was given or the partition is not Spectral).</param>
public sealed record ActiveLearningPartition(IReadOnlyList<int> Labels, int Clusters, double? Delta, IReadOnlyList<DeltaScanPoint> Scan)
{
    /// <summary>Hybrid affinity of the pool at <see cref="Delta"/> (N × N, row-major) for Spectral partitions; Novelty growth measures distances with it.</summary>
    internal double[]? Affinity { get; init; }

    /// <summary>Structure descriptors of the pool for the other partitions (Novelty growth measures Euclidean distances in them).</summary>
    internal FeatureMatrix? Descriptors { get; init; }

    /// <summary>
    /// The partition's distance between pool structures a and b: D = √(K_aa + K_bb − 2K_ab) of the hybrid kernel
    /// (Eq. 12 of paper 003 for normalised kernels) for Spectral, else the Euclidean distance of the structure descriptors.
    /// </summary>
    internal Func<int, int, double> Distance()
    {
        if (Affinity is { } k)
        {
            int n = Labels.Count;
            return (a, b) => Math.Sqrt(Math.Max(0, k[a * n + a] + k[b * n + b] - 2 * k[a * n + b]));
        }
        var x = Descriptors ?? throw new InvalidOperationException("This partition was read from a state file and carries no distances; Novelty growth recomputes it.");
        return (a, b) => System.Numerics.Tensors.TensorPrimitives.Distance(x.Row(a), x.Row(b));
    }

    /// <summary>The descriptor settings the default partition computes for structures that carry none: per-atom average SOAP (paper 003's preset).</summary>
    public static DescriptorOptions SoapDescriptors { get; } = DescriptorOptions.Create(preset: "AverageSoap", perAtom: true);

    /// <summary>The structure descriptor the default partition computes when the pool carries none: the Coulomb matrix, rows sorted by norm.</summary>
    public static DescriptorOptions CoulombDescriptors { get; } = DescriptorOptions.Create(kinds: [DescriptorKind.CoulombMatrix]);

    /// <summary>Partitions <paramref name="pool"/> as <paramref name="options"/> say; missing descriptors the method reads are computed first.</summary>
    public static ActiveLearningPartition Create(IReadOnlyList<Structure> pool, ActiveLearningOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        context ??= RunContext.Default;
        if (pool.Count < 2) throw new ArgumentException("A partition needs at least two structures.");
        var settings = new SelectionSettings
        {
            Method = options.Partition,
            Count = options.Partition == SelectionMethod.Spectral ? null : Math.Min(options.Clusters ?? 10, pool.Count),
            Seed = options.Seed,
            Options = options.PartitionOptions,
        };
        var method = SelectionOptionsMapper.Map(settings).For(pool.Count).WithRun(context, "partition");
        var described = WithDescriptors(pool, method, context);
        if (method is not SpectralOptions spectral)
        {
            var result = Selector.Select(described, method, context);
            var labels = result.Labels ?? throw new ArgumentException($"{options.Partition} does not label clusters.");
            var renumberedLabels = Renumber(labels);
            return new ActiveLearningPartition(renumberedLabels, renumberedLabels.Max() + 1, null, []) { Descriptors = DescriptorPool.FromStructures(described) };
        }
        bool Given(string key) => options.PartitionOptions?.Keys.Cast<object>().Any(k => string.Equals(Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture), key, StringComparison.OrdinalIgnoreCase)) == true;
        spectral = spectral with { Clusters = options.Clusters };
        if (!Given("kernel") && !Given("gamma"))
            spectral = DefaultKernel(described, spectral);
        IReadOnlyList<DeltaScanPoint> scan = [];
        if (!Given("delta"))
        {
            scan = Spectral.ScanDelta(described, spectral, options.ScanDelta, context);
            // The lowest mean within-cluster energy spread; the first δ on a tie.
            spectral = spectral with { Delta = scan.MinBy(p => p.MeanEnergyStd)!.Delta };
        }
        var affinity = Spectral.Affinity(described, spectral);
        var renumbered = Renumber(Spectral.Cluster(affinity, pool.Count, spectral, out _));
        return new ActiveLearningPartition(renumbered, renumbered.Max() + 1, spectral.Delta, scan) { Affinity = affinity };
    }

    /// <summary>
    /// Laplacian kernel exp(−γ‖x − y‖₁) on z-scored structure descriptors with γ = 1/d: the mean absolute
    /// difference per column sets the scale, so the kernel neither saturates nor vanishes whatever the
    /// descriptor's length and units (raw Coulomb-matrix entries reach thousands).
    /// </summary>
    private static SpectralOptions DefaultKernel(IReadOnlyList<Structure> pool, SpectralOptions o)
    {
        int d = pool[0].Descriptor?.Length ?? 1;
        return o with
        {
            Kernel = new Kernel(KernelKind.Laplacian, 1.0 / Math.Max(1, d)),
            Preprocess = o.Preprocess with { Standardize = true },
        };
    }

    /// <summary>Clusters renumbered in order of first appearance, empty ones dropped.</summary>
    private static int[] Renumber(IReadOnlyList<int> labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => map.TryGetValue(l, out int c) ? c : map[l] = map.Count).ToArray();
    }

    /// <summary>The pool with the descriptors the method reads, computing those absent from every structure.</summary>
    private static IReadOnlyList<Structure> WithDescriptors(IReadOnlyList<Structure> pool, SelectionOptions method, RunContext context)
    {
        bool needAtoms = DescriptorRequirement.NeedsAtomDescriptors(method) || method is SpectralOptions;
        bool needStructure = DescriptorRequirement.NeedsStructureDescriptor(method) || method is SpectralOptions;
        var result = pool;
        if (needAtoms && pool.All(s => s.AtomDescriptors is null))
        {
            var soap = DescriptorCalculator.AttachAll(pool, SoapDescriptors, context);
            result = result.Select((s, i) => new Structure(s) { AtomDescriptors = soap[i].AtomDescriptors }).ToList();
        }
        if (needStructure && pool.All(s => s.Descriptor is null))
        {
            var coulomb = DescriptorCalculator.AttachAll(pool, CoulombDescriptors, context);
            result = result.Select((s, i) => new Structure(s) { Descriptor = coulomb[i].Descriptor, DescriptorLabels = coulomb[i].DescriptorLabels }).ToList();
        }
        for (int i = 0; i < result.Count; i++)
            if (DescriptorRequirement.Missing(result[i], i, needStructure, needAtoms, $"the {Selector.MethodOf(method)} partition") is { } missing)
                throw new ArgumentException(missing);
        return result;
    }
}
