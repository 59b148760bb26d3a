using AtomCuration.Geometry;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// CrystalNN coordination-number probabilities of one site, with the settings of the seed
/// study (pymatgen <c>CrystalNN(weighted_cn=False, cation_anion=False, distance_cutoffs=None,
/// x_diff_weight=0, porous_adjustment=True)</c>).
/// </summary>
/// <remarks>
/// Each Voronoi facet i gets the weight (Ω_i/Ω_max)·(Ω_i/A_i) — solid angle normalised by the
/// largest one, times the "porous adjustment" solid angle over area, which discounts the
/// large, distant facets of open structures — renormalised so the largest weight is 1 and
/// rounded to three decimals (half-even on the exact binary value, as Python's
/// <c>round</c>). With the distinct rounded weights 1 = b₀ &gt; b₁ &gt; … &gt; b_m &gt; 0 and
/// b_{m+1} = 0, coordination number CN_k = #{i : w_i ≥ b_k} gets the probability
/// (S(b_k) − S(b_{k+1}))/(π/4), S(x) = ½(x√(1−x²) + asin x) being the area under the unit
/// quarter circle from 0 to x: the fraction of the quarter circle between the two weights.
/// </remarks>
internal static class CrystalNN
{
    /// <summary>Weights per CN (index = CN, 0 … largest CN) and the facets sorted by decreasing weight, so that the neighbours of CN n are the first n.</summary>
    public readonly record struct Result(double[] CnWeights, VoronoiFacet[] Neighbors);

    // Work arrays reused from site to site on each thread (only the result's two arrays are new per site).
    [ThreadStatic] private static double[]? t_weights;
    [ThreadStatic] private static int[]? t_order;
    [ThreadStatic] private static NeighborKey[]? t_keys;
    [ThreadStatic] private static double[]? t_rounded;

    /// <summary>Evaluates the site whose Voronoi cell is given.</summary>
    public static Result Evaluate(VoronoiCell cell)
    {
        var facets = cell.Facets;
        int n = facets.Count;
        if (n == 0) return new Result([1.0], []);
        double maxAngle = 0;
        foreach (var f in facets) maxAngle = Math.Max(maxAngle, f.SolidAngle);
        if (t_weights is null || t_weights.Length < n)
            (t_weights, t_order, t_keys, t_rounded) = (new double[2 * n], new int[2 * n], new NeighborKey[2 * n], new double[2 * n]);
        var weights = t_weights.AsSpan(0, n);
        var order = t_order!.AsSpan(0, n);
        double highest = 0;
        for (int i = 0; i < n; i++)
        {
            var f = facets[i];
            weights[i] = f.SolidAngle / maxAngle * (f.SolidAngle / f.Area);
            highest = Math.Max(highest, weights[i]);
            order[i] = i;
        }
        if (highest == 0) return new Result([1.0], []);
        var keys = t_keys!.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            double w = weights[i] / highest;
            keys[i] = new NeighborKey(RoundHalfEven3(w), Math.Round(w * 1e9), Quantize(facets[i]));
        }
        keys.Sort(order);
        int kept = 0;
        while (kept < n && keys[kept].Rounded > 0) kept++;
        var rounded = t_rounded!.AsSpan(0, kept);
        var neighbors = new VoronoiFacet[kept];
        for (int r = 0; r < kept; r++)
        {
            rounded[r] = keys[r].Rounded;
            neighbors[r] = facets[order[r]];
        }

        var cn = new double[kept + 1];
        double total = 0;
        int start = 0;
        while (start < kept)
        {
            double upper = rounded[start];
            int end = start;
            while (end < kept && rounded[end] == upper) end++;
            double lower = end < kept ? rounded[end] : 0.0;
            double p = (QuarterCircleArea(upper) - QuarterCircleArea(lower)) / (0.25 * Math.PI);
            cn[end] = p;
            total += p;
            start = end;
        }
        if (1.0 - total > 0) cn[0] = 1.0 - total;
        return new Result(cn, neighbors);
    }

    private static (double, double, double, double) Quantize(VoronoiFacet f) =>
        (Math.Round(f.Distance * 1e8), Math.Round(f.Vector.X * 1e8), Math.Round(f.Vector.Y * 1e8), Math.Round(f.Vector.Z * 1e8));

    /// <summary>
    /// Neighbour order: rounded weight, then weight (to 1e-9), both descending — pymatgen's order
    /// wherever weights differ — then, for neighbours of equal weight (symmetric environments,
    /// where pymatgen follows qhull's ridge order), distance and D ascending to 1e-8 Å. Only the
    /// "bcc" order parameter, which counts neighbour pairs j &lt; k, depends on this tie-break.
    /// </summary>
    private readonly record struct NeighborKey(double Rounded, double Fine, (double, double, double, double) Place)
        : IComparable<NeighborKey>
    {
        public int CompareTo(NeighborKey other)
        {
            int c = other.Rounded.CompareTo(Rounded);
            if (c != 0) return c;
            c = other.Fine.CompareTo(Fine);
            return c != 0 ? c : Place.CompareTo(other.Place);
        }
    }

    /// <summary>∫₀ˣ √(1−t²) dt = ½(x√(1−x²) + atan(x/√(1−x²))), with the x = 1 end point exactly π/4.</summary>
    private static double QuarterCircleArea(double x)
    {
        if (x == 1) return 0.25 * Math.PI;
        double s = Math.Sqrt(1 - x * x);
        return 0.5 * (x * s + Math.Atan(x / s));
    }

    /// <summary>
    /// x ≥ 0 rounded to three decimals, correctly: the decision between the two neighbouring
    /// thousandths uses the exact product x·1000 (with its rounding error from a fused
    /// multiply-add), ties go to even, and k/1000 is the double nearest the decimal result.
    /// </summary>
    internal static double RoundHalfEven3(double x)
    {
        double y = x * 1000;
        double err = Math.FusedMultiplyAdd(x, 1000, -y);
        double lo = Math.Floor(y);
        double d = (y - lo) - 0.5;
        bool up = d > 0 || (d == 0 && (err > 0 || (err == 0 && lo % 2 == 1)));
        return (up ? lo + 1 : lo) / 1000;
    }
}
