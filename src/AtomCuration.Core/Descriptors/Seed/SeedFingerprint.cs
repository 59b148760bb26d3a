using System.Collections.Immutable;
using AtomCuration.Geometry;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>The blocks of the seed fingerprint; any combination can be computed, always in this order.</summary>
[Flags]
public enum SeedBlocks
{
    /// <summary>CrystalNN coordination and order-parameter features with the local mass difference: 62 per site × 4 statistics = 248.</summary>
    CrystalNN = 1,

    /// <summary>Voronoi average bond length per site × 4 statistics = 4.</summary>
    BondLength = 2,

    /// <summary>Gaussian generalised RDF averaged over sites = 100.</summary>
    Grdf = 4,

    /// <summary>All three: 352 values.</summary>
    All = CrystalNN | BondLength | Grdf,
}

/// <summary>The closed Voronoi cells of a structure (possibly of its periodic stand-in) and the fallback warnings that closing them raised.</summary>
internal sealed record ClosedVoronoi(Structure Structure, VoronoiCell[] Cells, IReadOnlyList<string> Warnings);

/// <summary>A fingerprint and what went wrong computing it.</summary>
/// <param name="Values">The requested blocks, concatenated in <see cref="SeedBlocks"/> order.</param>
/// <param name="Warnings">Each names the structure and the fallback used; empty when none was needed.</param>
public sealed record SeedFingerprintResult(double[] Values, IReadOnlyList<string> Warnings);

/// <summary>
/// The 352-number configuration fingerprint of the k-means/EAM selection study (issue 5):
/// per-site features from pymatgen/matminer semantics aggregated over the sites of a structure.
/// </summary>
/// <remarks>
/// <para>Block 1 (248): per site the 62 values of <see cref="CrystalNNFingerprint"/> (CrystalNN
/// weights for CN 1–24, weight × order parameters for CN 1–12, local mass difference), then per
/// value its mean, population std, min and max over sites (feature-major, statistic-minor),
/// labelled <c>mean wt CN_1</c>, <c>std_dev wt CN_1</c>, ….</para>
/// <para>Block 2 (4): the same statistics of the Voronoi average bond length.</para>
/// <para>Block 3 (100): the Gaussian GRDF (width 0.1 Å, centres 0…9.9 Å, cutoff 10 Å) averaged over sites.</para>
/// <para>Fallbacks (each reported in <see cref="SeedFingerprintResult.Warnings"/>, never silent):
/// a site facing vacuum along a non-periodic axis has an unbounded Voronoi cell, where CrystalNN
/// is undefined; the Voronoi-based blocks then use the structure with its cell made periodic
/// along all three axes — pymatgen's own view of any structure, so the values depend on the
/// vacuum width — or, without a full-rank cell, a box around the atoms with
/// <see cref="FallbackVacuum"/> of vacuum on every side. The GRDF always uses the true
/// periodicity. A site whose CrystalNN weight lies wholly beyond CN 24 has no mass difference
/// (matminer divides by zero); it is set to 0.</para>
/// </remarks>
public static class SeedFingerprint
{
    /// <summary>Length of the CrystalNN block.</summary>
    public static int CrystalNNLength => 4 * CrystalNNFingerprint.Length;

    /// <summary>Length of the bond-length block.</summary>
    public const int BondLengthLength = 4;

    /// <summary>Length of the GRDF block.</summary>
    public const int GrdfLength = 100;

    /// <summary>Vacuum (Å) around the atoms of a structure without a full-rank cell, in the Voronoi fallback.</summary>
    public const double FallbackVacuum = 10.0;

    private static readonly string[] CrystalNNLabels = CrystalNNFingerprint.SiteLabels()
        .SelectMany(l => ColumnStatistics.Names.Select(s => $"{s} {l}")).ToArray();

    private static readonly string[] BondLabels = ColumnStatistics.Names.Select(s => $"{s} Average bond length").ToArray();

    /// <summary>All 352 labels, in order.</summary>
    public static IReadOnlyList<string> Labels { get; } = LabelsFor(SeedBlocks.All);

    /// <summary>Labels of the requested blocks, in order.</summary>
    public static IReadOnlyList<string> LabelsFor(SeedBlocks blocks)
    {
        var labels = new List<string>();
        if (blocks.HasFlag(SeedBlocks.CrystalNN)) labels.AddRange(CrystalNNLabels);
        if (blocks.HasFlag(SeedBlocks.BondLength)) labels.AddRange(BondLabels);
        if (blocks.HasFlag(SeedBlocks.Grdf)) labels.AddRange(GaussianRdf.Default.Labels);
        return labels;
    }

    /// <summary>Computes the requested blocks of one structure (single-threaded; parallelise over structures).</summary>
    public static SeedFingerprintResult Compute(Structure structure, SeedBlocks blocks = SeedBlocks.All) => Compute(structure, blocks, null);

    /// <summary>The Voronoi cells of every site of <paramref name="structure"/>, closed by the documented fallback, with its warnings.</summary>
    internal static ClosedVoronoi CloseVoronoi(Structure structure)
    {
        var warnings = new List<string>();
        var (voronoiStructure, cells) = ClosedCells(structure, warnings);
        return new ClosedVoronoi(voronoiStructure, cells, warnings);
    }

    /// <summary>Like <see cref="Compute(Structure, SeedBlocks)"/>, reusing <paramref name="closed"/> (from <see cref="CloseVoronoi"/> of the same structure) when given.</summary>
    internal static SeedFingerprintResult Compute(Structure structure, SeedBlocks blocks, ClosedVoronoi? closed)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if ((blocks & SeedBlocks.All) == 0) throw new ArgumentException("Request at least one block.", nameof(blocks));
        var warnings = new List<string>();
        var values = new List<double>(Labels.Count);
        int n = structure.AtomCount;
        if ((blocks & (SeedBlocks.CrystalNN | SeedBlocks.BondLength)) != 0)
        {
            closed ??= CloseVoronoi(structure);
            warnings.AddRange(closed.Warnings);
            var (voronoiStructure, cells) = (closed.Structure, closed.Cells);
            if (blocks.HasFlag(SeedBlocks.CrystalNN))
            {
                int m = CrystalNNFingerprint.Length;
                var site = new double[n * m];
                int noWeight = 0;
                for (int i = 0; i < n; i++)
                    if (!CrystalNNFingerprint.Evaluate(voronoiStructure, cells[i], site.AsSpan(i * m, m))) noWeight++;
                if (noWeight > 0)
                    warnings.Add($"{structure.Id}: {noWeight} site(s) have no CrystalNN weight on CN 1–24; their mass difference is set to 0.");
                AppendStatistics(site, m, values);
            }
            if (blocks.HasFlag(SeedBlocks.BondLength))
                AppendStatistics(cells.Select(AverageBondLength.Of).ToArray(), 1, values);
        }
        if (blocks.HasFlag(SeedBlocks.Grdf))
        {
            var average = new double[GrdfLength];
            GaussianRdf.Default.SiteAverage(structure, average);
            values.AddRange(average);
        }
        return new SeedFingerprintResult(values.ToArray(), warnings);
    }

    private static void AppendStatistics(double[] matrix, int features, List<double> values)
    {
        Span<double> stats = stackalloc double[4];
        for (int f = 0; f < features; f++)
        {
            ColumnStatistics.Write(matrix, features, f, stats);
            foreach (double v in stats) values.Add(v);
        }
    }

    /// <summary>Voronoi cells of every site, closed by the documented fallback where the structure leaves them open.</summary>
    private static (Structure, VoronoiCell[]) ClosedCells(Structure s, List<string> warnings)
    {
        var cells = VoronoiTessellation.Compute(s);
        int open = cells.Count(c => !c.IsClosed);
        if (open == 0) return (s, cells);
        Structure closed;
        if (s.Cell.IsFullRank)
        {
            closed = new Structure(s.AtomicNumbers, s.Positions, s.Cell, Pbc.All);
            warnings.Add($"{s.Id}: {open} site(s) face vacuum (periodicity {s.Pbc}), where CrystalNN is undefined; " +
                "CrystalNN and bond lengths use the cell made periodic along all three axes (the values depend on the vacuum width).");
        }
        else
        {
            var lo = new Vec3(s.Positions.Min(p => p.X), s.Positions.Min(p => p.Y), s.Positions.Min(p => p.Z));
            var hi = new Vec3(s.Positions.Max(p => p.X), s.Positions.Max(p => p.Y), s.Positions.Max(p => p.Z));
            var size = hi - lo + new Vec3(2 * FallbackVacuum, 2 * FallbackVacuum, 2 * FallbackVacuum);
            var box = new Cell(new Vec3(size.X, 0, 0), new Vec3(0, size.Y, 0), new Vec3(0, 0, size.Z));
            var shift = new Vec3(FallbackVacuum, FallbackVacuum, FallbackVacuum) - lo;
            closed = new Structure(s.AtomicNumbers, s.Positions.Select(p => p + shift).ToImmutableArray(), box, Pbc.All);
            warnings.Add($"{s.Id}: {open} site(s) face vacuum and the structure has no full-rank cell, so CrystalNN is undefined; " +
                $"CrystalNN and bond lengths use a periodic box with {FallbackVacuum} Å of vacuum around the atoms.");
        }
        return (closed, VoronoiTessellation.Compute(closed));
    }
}
