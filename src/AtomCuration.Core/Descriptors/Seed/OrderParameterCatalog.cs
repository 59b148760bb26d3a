namespace AtomCuration.Descriptors.Seed;

/// <summary>An order parameter of a site from the angles between its first n neighbours and their distances; null where undefined.</summary>
internal delegate double? SiteOrderFunction(NeighborAngles angles, int n, ReadOnlySpan<double> distances);

/// <summary>One named order parameter of the CrystalNN fingerprint.</summary>
/// <param name="Name">matminer's motif name, e.g. <c>octahedral</c>.</param>
/// <param name="Evaluate">The function.</param>
internal sealed record SiteOrderParameter(string Name, SiteOrderFunction Evaluate);

/// <summary>
/// The motifs matminer's <c>CrystalNNFingerprint.from_preset("ops")</c> evaluates for each
/// coordination number, with the <c>LocalStructOrderParams</c> type and parameters pymatgen's
/// <c>cn_opt_params</c> table assigns to that (CN, motif) and pymatgen's defaults otherwise.
/// CN 13–24 have none (weight only).
/// </summary>
internal static class OrderParameterCatalog
{
    private const double QuarterTurnSouth = 2.356194490192345; // 3π/4

    /// <summary>Order parameters per CN (index CN; empty lists for CNs without motifs).</summary>
    public static IReadOnlyList<IReadOnlyList<SiteOrderParameter>> ByCn { get; } = Build();

    private static SiteOrderParameter M(string name, Motif motif, MotifParameters p)
    {
        var op = new MotifOrderParameter(motif, p);
        return new SiteOrderParameter(name, (g, n, _) => op.Evaluate(g, n));
    }

    private static SiteOrderParameter Q(int l) => new($"q{l}", (g, n, _) => SteinhardtOrder.Q(l, g, n));

    private static IReadOnlyList<SiteOrderParameter>[] Build()
    {
        var table = new IReadOnlyList<SiteOrderParameter>[25];
        for (int cn = 0; cn <= 24; cn++) table[cn] = [];
        table[1] = [new("sgl_bd", (_, n, d) => SingleBond(d[..n]))];
        table[2] =
        [
            M("L-shaped", Motif.Bent, new(TA: 0.5, IgwTA: 15.15)),
            M("water-like", Motif.Bent, new(TA: 0.5802777777777778, IgwTA: 13.95)),
            M("bent 120 degrees", Motif.Bent, new(TA: 0.666666666667, IgwTA: 13.25)),
            M("bent 150 degrees", Motif.Bent, new(TA: 0.833333333333333, IgwTA: 12.45)),
            M("linear", Motif.Bent, new(TA: 1, IgwTA: 8.667)),
        ];
        table[3] =
        [
            M("trigonal planar", Motif.TriPlanMax, new(TA: 0.66666666667, IgwTA: 17.5, FacAA: 1)),
            M("trigonal non-coplanar", Motif.TetMax, new(TA: 0.6081734479693927, IgwTA: 18.33, FacAA: 1.5)),
            M("T-shaped", Motif.T, new(IgwEP: 15.5, FacAA: 1)),
        ];
        table[4] =
        [
            M("square co-planar", Motif.SqPlanMax, new(MinSPP: QuarterTurnSouth, IgwSPP: 13.5, IgwEP: 17.7, WSPP: 1, FacAA: 1)),
            M("tetrahedral", Motif.TetMax, new(TA: 0.6081734479693927, IgwTA: 18.5, FacAA: 1.5)),
            M("rectangular see-saw-like", Motif.SeeSawRect, new(MinSPP: QuarterTurnSouth, IgwSPP: 11.5, IgwEP: 27, FacAA: 2)),
            M("see-saw-like", Motif.TriBipyr, new(MinSPP: QuarterTurnSouth, IgwEP: 15.75, IgwSPP: 12.75, FacAA: 1.5, WSPP: 1)),
            M("trigonal pyramidal", Motif.TriPyr, new(IgwEP: 15.5, FacAA: 1.5)),
        ];
        table[5] =
        [
            M("pentagonal planar", Motif.PentPlanMax, new(TA: 0.6, IgwTA: 19.333)),
            M("square pyramidal", Motif.SqPyr, new(IgwEP: 14.9, FacAA: 2)),
            M("trigonal bipyramidal", Motif.TriBipyr, new(MinSPP: QuarterTurnSouth, IgwSPP: 12, IgwEP: 16.6, FacAA: 1.5, WSPP: 1)),
        ];
        table[6] =
        [
            M("hexagonal planar", Motif.HexPlanMax, new(MinSPP: 2.6179938779914944, IgwSPP: 7.5, WSPP: 1, FacAA: 1, IgwTA: 25, TA: 0.16666667)),
            M("octahedral", Motif.OctMax, new(MinSPP: QuarterTurnSouth, IgwSPP: 15, IgwEP: 18, WSPP: 1, FacAA: 2)),
            M("pentagonal pyramidal", Motif.PentPyr, new(IgwEP: 13.8, FacAA: 2.5)),
        ];
        table[7] =
        [
            M("hexagonal pyramidal", Motif.HexPyr, new(IgwEP: 12.5, FacAA: 3)),
            M("pentagonal bipyramidal", Motif.PentBipyr, new(MinSPP: QuarterTurnSouth, IgwSPP: 12.5, IgwEP: 14.75, FacAA: 2.5, WSPP: 1)),
        ];
        table[8] =
        [
            M("body-centered cubic", Motif.Bcc, new(MinSPP: 2.5261129449194057, IgwSPP: 15, WSPP: 6)),
            M("hexagonal bipyramidal", Motif.HexBipyr, new(MinSPP: QuarterTurnSouth, IgwSPP: 14.1, IgwEP: 13.6, FacAA: 3, WSPP: 1)),
        ];
        for (int cn = 9; cn <= 11; cn++) table[cn] = [Q(2), Q(4), Q(6)];
        table[12] =
        [
            M("cuboctahedral", Motif.CuboctMax, new(MinSPP: 2.792526803190927, IgwSPP: 28.75, WSPP: 1.8,
                Cuboct2: 1.8325957145940461, Cuboct4: 1.3089969389957472, Cuboct5: 25.5, Cuboct6: 31.25)),
            Q(2), Q(4), Q(6),
        ];
        return table;
    }

    /// <summary>"sgl_bd": 1 for one neighbour, else 1 − d₁/d₂ of the two shortest distances.</summary>
    private static double? SingleBond(ReadOnlySpan<double> d)
    {
        if (d.Length == 0) return 0.0;
        if (d.Length == 1) return 1.0;
        double first = double.PositiveInfinity, second = double.PositiveInfinity;
        foreach (double x in d)
        {
            if (x < first) { second = first; first = x; }
            else if (x < second) second = x;
        }
        return 1.0 - first / second;
    }
}
