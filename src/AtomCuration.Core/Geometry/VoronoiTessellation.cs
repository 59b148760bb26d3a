using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.Geometry;

/// <summary>
/// Exact Voronoi cells of every site of a structure, periodic images included, so that
/// 1- and 2-atom cells and strongly skewed triclinic cells come out right.
/// </summary>
/// <remarks>
/// For each site, a cube of half-size r_c is clipped by the bisector half-space of every
/// neighbour image within the cutoff r_c (from <see cref="NeighborList"/>), nearest first,
/// stopping when the next plane (at |D|/2) lies beyond the farthest vertex. The cell is exact
/// once its farthest vertex R satisfies 2R &lt; r_c: a neighbour beyond r_c has its plane beyond
/// r_c/2 &gt; R and cannot cut it. Sites failing that test are redone with r_c doubled. For a
/// fully periodic cell the Voronoi cell lies inside the Wigner–Seitz cell of the site's own
/// lattice, whose points are within (|a|+|b|+|c|)/2 of the site, so r_c = |a|+|b|+|c| always
/// closes it; along a non-periodic axis a cell can be unbounded, and is reported open once
/// r_c reaches <see cref="OpenCutoff"/>.
/// Tolerances: a vertex within <see cref="ConvexCellClipper.PlaneTolerance"/> (1e-10 Å) of a
/// plane counts as on it (so the four to six planes through an fcc/bcc/hcp vertex give one
/// vertex, not slivers); a facet with area below <see cref="RelativeAreaTolerance"/>·|D|² is a
/// plane that only touches the cell at a vertex or edge and is dropped (qhull merges the
/// same degeneracies). Neighbours closer than 1e-8 Å (coincident atoms) are skipped.
/// </remarks>
public static class VoronoiTessellation
{
    /// <summary>Facets with area below this fraction of |D|² are degenerate touches and dropped.</summary>
    public const double RelativeAreaTolerance = 1e-12;

    /// <summary>Largest cutoff (Å) tried for a structure that is not periodic along all three axes.</summary>
    public const double OpenCutoff = 24.0;

    [ThreadStatic] private static ConvexCellClipper? t_clipper;
    [ThreadStatic] private static Vec3[]? t_vertices;
    [ThreadStatic] private static double[]? t_keys;
    [ThreadStatic] private static int[]? t_order;

    /// <summary>Voronoi cells of all sites, in site order.</summary>
    public static VoronoiCell[] Compute(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        int n = structure.AtomCount;
        var cells = new VoronoiCell[n];
        var pending = Enumerable.Range(0, n).ToList();
        double rc = InitialCutoff(structure);
        double rcMax = MaxCutoff(structure, rc);
        while (true)
        {
            // The cells copy what they need from the list, so it lives only for this pass.
            var nl = NeighborList.BuildPooled(structure, rc, half: false, shifts: true);
            var open = new List<int>();
            try
            {
                foreach (int i in pending)
                {
                    cells[i] = Build(nl, i, rc);
                    if (!cells[i].IsClosed) open.Add(i);
                }
            }
            finally
            {
                nl.Release();
            }
            if (open.Count == 0 || rc >= rcMax) return cells;
            pending = open;
            rc = Math.Min(2 * rc, rcMax);
        }
    }

    /// <summary>
    /// First cutoff tried: 2.5 (V/N)^⅓, which closes the cells of close-packed and
    /// bcc metals (farthest vertex ≈ 0.8 (V/N)^⅓) and of moderately open structures at once.
    /// </summary>
    private static double InitialCutoff(Structure s)
    {
        bool bulk = s.Pbc.A && s.Pbc.B && s.Pbc.C && s.Cell.IsFullRank;
        if (!bulk) return 6.0;
        return Math.Max(2.5 * Math.Cbrt(s.Cell.Volume / s.AtomCount), 1e-3);
    }

    private static double MaxCutoff(Structure s, double rc0)
    {
        bool bulk = s.Pbc.A && s.Pbc.B && s.Pbc.C && s.Cell.IsFullRank;
        if (!bulk) return Math.Max(OpenCutoff, rc0);
        var l = s.Cell.Lengths;
        return Math.Max(rc0, 1.001 * (l.X + l.Y + l.Z) + 1e-6);
    }

    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static VoronoiCell Build(NeighborList nl, int i, double rc)
    {
        var clipper = t_clipper ??= new ConvexCellClipper();
        var distances = nl.DistancesOf(i);
        var vectors = nl.VectorsOf(i);
        int count = distances.Length;
        if (t_keys is null || t_keys.Length < count) (t_keys, t_order) = (new double[2 * count], new int[2 * count]);
        var keys = t_keys.AsSpan(0, count);
        var order = t_order!.AsSpan(0, count);
        distances.CopyTo(keys);
        for (int k = 0; k < count; k++) order[k] = k;
        keys.Sort(order);

        clipper.Reset(rc);
        double rMax2 = 3 * rc * rc;
        foreach (int k in order)
        {
            double d = distances[k];
            if (d < 1e-8) continue;
            if (0.25 * d * d > rMax2 * (1 + 1e-12)) break; // this and all later planes miss the cell
            if (clipper.Clip(vectors[k], 0.5 * d * d, k)) rMax2 = clipper.MaxVertexDistanceSquared();
        }
        double rMax = Math.Sqrt(rMax2);
        bool closed = 2 * rMax < rc * (1 - 1e-9);

        var facets = new List<VoronoiFacet>(clipper.FaceCount);
        var indices = nl.IndicesOf(i);
        var shifts = nl.ShiftsOf(i);
        var all = clipper.Vertices;
        for (int f = 0; f < clipper.FaceCount; f++)
        {
            int k = clipper.FaceLabel(f);
            if (k < 0) continue;
            var ids = clipper.FaceVertices(f);
            var poly = t_vertices is { } buf && buf.Length >= ids.Length ? buf : (t_vertices = new Vec3[2 * ids.Length]);
            for (int v = 0; v < ids.Length; v++) poly[v] = all[ids[v]];
            var span = poly.AsSpan(0, ids.Length);
            double area = PolygonMeasures.Area(span);
            double d = distances[k];
            if (area <= RelativeAreaTolerance * d * d) continue;
            facets.Add(new VoronoiFacet(indices[k], shifts[k], vectors[k], d, area,
                PolygonMeasures.SolidAngle(Vec3.Zero, span), ids.Length));
        }
        return new VoronoiCell(i, facets, closed, rMax);
    }
}
