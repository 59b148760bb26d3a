using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Statistics;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>Settings of <see cref="DescriptorLabelCorrelation"/>.</summary>
public sealed record DescriptorCorrelationOptions
{
    /// <summary>Most pairs per group; all pairs when there are no more than this (default 5000).</summary>
    public int Pairs { get; init; } = 5000;

    /// <summary>Seed of the pair sample.</summary>
    public int Seed { get; init; }

    /// <summary>Scale every descriptor column to zero mean and unit variance (over the input) before distances.</summary>
    public bool Standardize { get; init; }

    /// <summary>Info key: correlate within each group as well as over all pairs; null = all pairs only.</summary>
    public string? GroupBy { get; init; }

    /// <summary>
    /// Null = Euclidean distance between the structure descriptors; Average or Rematch = the kernel distance √(2 − 2K) of that
    /// normalised structure kernel of the per-atom environments (<see cref="Spectral.AtomKernelMatrix"/>), for the sampled pairs only.
    /// </summary>
    public AtomKernelKind? AtomKernel { get; init; }

    /// <summary>α of the REMatch kernel when <see cref="AtomKernel"/> is Rematch.</summary>
    [SameRangeAs(typeof(RematchOptions), nameof(RematchOptions.Alpha))]
    public double RematchAlpha { get; init; } = 0.1;

    /// <summary>Threads for the REMatch kernel of the pairs; 0 = all cores.</summary>
    public int Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        if (Pairs < 3) throw new ArgumentException($"Need at least 3 pairs; got {Pairs}.");
        OptionRanges.Validate(this);
        if (AtomKernel is not null && Standardize)
            throw new ArgumentException("Standardize scales the structure descriptors; with AtomKernel the per-atom environments are compared as they are.", nameof(Standardize));
    }
}

/// <summary>One rank correlation between descriptor distance and a label difference.</summary>
/// <param name="Group">Group value, or "(all)".</param>
/// <param name="Label">EnergyPerAtom (|ΔE/atom|, meV/atom), RmsForce (|Δ RMS |F||, meV/Å) or MaxForce (|Δ max |F||, meV/Å).</param>
/// <param name="Pairs">Pairs compared.</param>
/// <param name="Spearman">Spearman's ρ.</param>
/// <param name="SpearmanPValue">Two-sided p-value of ρ (SciPy's spearmanr).</param>
/// <param name="SpearmanCi">95 % interval of ρ (Fisher z, Fieller et al. 1957).</param>
/// <param name="Kendall">Kendall's τ_b.</param>
/// <param name="KendallPValue">Two-sided p-value of τ_b (SciPy's kendalltau).</param>
/// <param name="KendallCi">95 % interval of τ_b (Fisher z, Fieller et al. 1957).</param>
public sealed record DescriptorCorrelation(string Group, string Label, int Pairs, double Spearman, double SpearmanPValue, ConfidenceInterval SpearmanCi,
    double Kendall, double KendallPValue, ConfidenceInterval KendallCi);

/// <summary>
/// Does descriptor distance track label differences? (The referee's question to paper 000.) Over all or a
/// seeded sample of structure pairs (i, j) — per group when asked — the Euclidean distance between the
/// structure descriptors is rank-correlated (Spearman, Kendall τ_b, <see cref="Statistics"/>) with
/// |E_i/N_i − E_j/N_j| and with two force-difference measures: the difference of the structures' RMS atomic
/// force magnitudes and of their largest atomic force magnitudes. A positive, significant correlation is what
/// clustering in descriptor space relies on. With <see cref="DescriptorCorrelationOptions.AtomKernel"/> the distance is that of a
/// structure kernel of the per-atom environments instead (the average kernel or REMatch, De et al., PCCP 18, 13754, 2016,
/// doi:10.1039/C6CP00415F), the one FPS, agglomerative and spectral selection can use.
/// </summary>
public static class DescriptorLabelCorrelation
{
    /// <summary>Correlations: over all pairs first, then per group (groups with fewer than 3 structures are skipped).</summary>
    public static List<DescriptorCorrelation> Measure(IReadOnlyList<Structure> structures, DescriptorCorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        bool atoms = options.AtomKernel is not null;
        var bad = structures.FirstOrDefault(s => (atoms ? s.AtomDescriptors is null : s.Descriptor is null) || s.Energy is null);
        if (bad is not null)
            throw new ArgumentException($"{bad.Id} lacks {(bad.Energy is not null ? atoms ? "per-atom descriptors (run Get-Descriptor -PerAtom)" : "a structure descriptor (run Get-Descriptor)" : "an energy")}.");
        var x = atoms ? null : Features(structures, options.Standardize);
        var e = structures.Select(s => 1000 * s.Energy!.Value / s.AtomCount).ToArray();
        bool forces = structures.All(s => s.Forces is not null);
        var rms = forces ? structures.Select(s => 1000 * Math.Sqrt(s.Forces!.Value.Average(f => f.LengthSquared))).ToArray() : null;
        var max = forces ? structures.Select(s => 1000 * s.Forces!.Value.Max(f => f.Length)).ToArray() : null;
        var groups = new List<(string Name, int[] Members)> { ("(all)", Enumerable.Range(0, structures.Count).ToArray()) };
        if (options.GroupBy is { } key)
        {
            var groupKey = GroupKey.Parse(key);
            groups.AddRange(Enumerable.Range(0, structures.Count)
                .GroupBy(i => groupKey.GroupOf(structures[i]))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToArray())));
        }
        var result = new List<DescriptorCorrelation>();
        foreach (var (name, members) in groups)
        {
            if (members.Length < 3) continue;
            var pairs = SamplePairs(members, options.Pairs, StudySeeds.Selection(options.Seed, name, members.Length, 0));
            var d = x is not null ? pairs.Select(p => Distance(x[p.I], x[p.J])).ToArray()
                : Spectral.AtomKernelDistances(structures, pairs, new SpectralOptions { AtomKernel = options.AtomKernel!.Value, RematchAlpha = options.RematchAlpha, Threads = options.Threads });
            result.Add(Correlate(name, "EnergyPerAtom", d, pairs.Select(p => Math.Abs(e[p.I] - e[p.J])).ToArray()));
            if (rms is null) continue;
            result.Add(Correlate(name, "RmsForce", d, pairs.Select(p => Math.Abs(rms[p.I] - rms[p.J])).ToArray()));
            result.Add(Correlate(name, "MaxForce", d, pairs.Select(p => Math.Abs(max![p.I] - max[p.J])).ToArray()));
        }
        return result;
    }

    private static DescriptorCorrelation Correlate(string group, string label, double[] d, double[] y)
    {
        var s = SpearmanCorrelation.Compute(d, y);
        var k = KendallTau.Compute(d, y);
        return new DescriptorCorrelation(group, label, d.Length, s.Coefficient, s.PValue, s.Interval, k.Coefficient, k.PValue, k.Interval);
    }

    /// <summary>Every pair i &lt; j when there are at most <paramref name="most"/>, else that many distinct pairs drawn uniformly.</summary>
    internal static (int I, int J)[] SamplePairs(int[] members, int most, int seed)
    {
        long n = members.Length, all = n * (n - 1) / 2;
        if (all <= most)
        {
            var every = new List<(int, int)>((int)all);
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++) every.Add((members[a], members[b]));
            return every.ToArray();
        }
        var rng = new Random(seed);
        var seen = new HashSet<long>();
        var pairs = new List<(int, int)>(most);
        while (pairs.Count < most)
        {
            int a = rng.Next((int)n), b = rng.Next((int)n);
            if (a == b) continue;
            if (a > b) (a, b) = (b, a);
            if (seen.Add(a * n + b)) pairs.Add((members[a], members[b]));
        }
        return pairs.ToArray();
    }

    internal static double[][] Features(IReadOnlyList<Structure> structures, bool standardize)
    {
        var x = structures.Select(s => s.Descriptor!.Value.AsSpan().ToArray()).ToArray();
        int d = x[0].Length;
        if (x.Any(r => r.Length != d)) throw new ArgumentException("Structure descriptors differ in length.");
        if (!standardize) return x;
        for (int c = 0; c < d; c++)
        {
            var col = x.Select(r => r[c]).ToArray();
            double m = Descriptive.Mean(col), sd = Math.Sqrt(col.Sum(v => (v - m) * (v - m)) / col.Length);
            foreach (var r in x) r[c] = sd > 0 ? (r[c] - m) / sd : 0;
        }
        return x;
    }

    internal static double Distance(double[] a, double[] b) => Silhouette.Distance(a, b);
}
