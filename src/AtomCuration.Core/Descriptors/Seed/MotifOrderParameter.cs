using System.Runtime.CompilerServices;
namespace AtomCuration.Descriptors.Seed;

/// <summary>The Peters-style motif order parameters of pymatgen's <c>LocalStructOrderParams</c> used by the seed fingerprint.</summary>
internal enum Motif
{
    /// <summary>"bent": mean Gaussian of the j–i–k angles about a target angle.</summary>
    Bent,
    /// <summary>"tri_plan_max".</summary>
    TriPlanMax,
    /// <summary>"tet_max".</summary>
    TetMax,
    /// <summary>"T".</summary>
    T,
    /// <summary>"sq_plan_max".</summary>
    SqPlanMax,
    /// <summary>"see_saw_rect".</summary>
    SeeSawRect,
    /// <summary>"tri_bipyr".</summary>
    TriBipyr,
    /// <summary>"tri_pyr".</summary>
    TriPyr,
    /// <summary>"pent_plan_max".</summary>
    PentPlanMax,
    /// <summary>"sq_pyr".</summary>
    SqPyr,
    /// <summary>"hex_plan_max".</summary>
    HexPlanMax,
    /// <summary>"oct_max".</summary>
    OctMax,
    /// <summary>"pent_pyr".</summary>
    PentPyr,
    /// <summary>"hex_pyr".</summary>
    HexPyr,
    /// <summary>"pent_bipyr".</summary>
    PentBipyr,
    /// <summary>"bcc".</summary>
    Bcc,
    /// <summary>"hex_bipyr".</summary>
    HexBipyr,
    /// <summary>"cuboct_max".</summary>
    CuboctMax,
}

/// <summary>
/// Parameters of a motif order parameter, named as in pymatgen: target angle TA (fraction of
/// π), inverse Gaussian widths IGW_TA / IGW_EP (equatorial plane) / IGW_SPP (south pole),
/// azimuth factor fac_AA (the cosine exponent is 2 for every motif used here), the smallest
/// south-pole angle min_SPP (rad), its weight w_SPP, and the four cuboctahedron constants.
/// </summary>
internal sealed record MotifParameters(
    double TA = 0, double IgwTA = 0, double IgwEP = 0, double FacAA = 0, double MinSPP = 0, double IgwSPP = 0,
    double WSPP = 0, double Cuboct2 = 0, double Cuboct4 = 0, double Cuboct5 = 0, double Cuboct6 = 0);

/// <summary>
/// One motif order parameter evaluated on a site's neighbour directions, with the semantics
/// of pymatgen's <c>LocalStructOrderParams.get_order_parameters</c> for a single type.
/// </summary>
/// <remarks>
/// Every neighbour j in turn is the north pole; every other neighbour k defines the prime
/// meridian (θ_k polar angle from j; x-axis = component of k orthogonal to j, see
/// <see cref="NeighborAngles"/>); every third
/// neighbour m contributes through its polar angle θ_m and azimuth φ between its orthogonal
/// component and the x-axis. Each (j, k) pair accumulates a sum of Gaussians and a count;
/// "max" motifs return the largest sum/count over (j, k), "bent" the ratio of the totals,
/// "bcc" the total over ½N(6 + (N−2)(N−3)). Where pymatgen returns None (too few
/// neighbours) this returns null. "bcc" sums over pairs j &lt; k only, so it depends on the
/// neighbour order, and its sign switch at θ_k = 90° is decided by rounding noise in pymatgen
/// for ideal lattices; see <see cref="CrystalNN"/> for the order and the comment in the
/// code for the right angle.
/// </remarks>
internal sealed class MotifOrderParameter(Motif motif, MotifParameters p)
{
    private static readonly double InvPi = 1.0 / Math.PI;
    private static readonly double FacBcc = 1.0 / Math.Exp(-0.5);
    private static readonly double AsinThird = Math.Asin(1.0 / 3.0);
    private static readonly double CosThreeQuarterPi = Math.Cos(0.75 * Math.PI);

    /// <summary>2·fac_AA, the order of the azimuth's Chebyshev term.</summary>
    private readonly int _twoA = (int)Math.Round(2 * p.FacAA);

    /// <summary>Is the motif one with a south-pole term?</summary>
    private readonly bool _southPole = motif is Motif.TriBipyr or Motif.OctMax or Motif.SqPlanMax or Motif.HexPlanMax
        or Motif.SeeSawRect or Motif.PentBipyr or Motif.HexBipyr;

    /// <summary>How a third neighbour m enters the triple terms of north pole j.</summary>
    private enum Member : byte
    {
        /// <summary>Not at all.</summary>
        None,
        /// <summary>Through f(θ_m)·g(cos tφ), summed over m by the azimuth harmonics.</summary>
        Harmonic,
        /// <summary>Term by term (a term not linear in cos tφ).</summary>
        Direct,
    }

    /// <summary>The value for the first <paramref name="n"/> neighbours of <paramref name="g"/>.</summary>
    /// <remarks>
    /// pymatgen sums every triple (j, k, m). Here a triple term f(θ_m)·cos²(aφ_km) = ½f(θ_m)(1 + cos 2aφ_km) (and the
    /// bcc term f(θ_m)·cos 3φ_km) is summed over m for each (j, k) as ½(F + cos tψ_k·C + sin tψ_k·S) with
    /// F, C, S = Σ_m f_m (1, cos tψ_m, sin tψ_m) taken once per j (<see cref="NeighborAngles"/>), minus m = k's own term
    /// (φ = 0); likewise the south-pole term is a per-j sum minus k's. So each motif costs O(n²) instead of O(n³); only
    /// terms not linear in cos tφ (the see-saw's azimuth cut, the cuboctahedron's off-band Gaussian of sin φ) stay
    /// term by term, and only for the pairs (j, k) whose angle lets them count at all.
    /// </remarks>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double? Evaluate(NeighborAngles g, int n)
    {
        const int C = NeighborAngles.Capacity;
        int pairs = n * Math.Max(n - 1, 0);
        Span<double> q = stackalloc double[C * C];
        Span<double> norm = stackalloc double[C * C];
        q = q[..pairs];
        norm = norm[..pairs];
        q.Clear();
        norm.Clear();
        // θ alone fixes the Gaussian factor of a pair or third neighbour and the south-pole Gaussian; θ_jm = θ_mj,
        // so each is taken once per unordered pair.
        Span<double> factor = stackalloc double[C * C];
        Span<double> south = stackalloc double[C * C];
        bool needSouth = _southPole || motif is Motif.Bcc or Motif.CuboctMax;
        for (int j = 0; j < n; j++)
            for (int m = j + 1; m < n; m++)
            {
                double theta = g.Theta(j, m);
                factor[j * C + m] = factor[m * C + j] = ThetaFactor(theta);
                south[j * C + m] = south[m * C + j] = needSouth && theta >= p.MinSPP ? Gauss(p.IgwSPP * (theta * InvPi - 1.0)) : double.NaN;
            }
        Span<Member> member = stackalloc Member[C];
        int t = Harmonic();
        for (int j = 0; j < n; j++)
        {
            var f = factor.Slice(j * C, C);
            var pole = south.Slice(j * C, C);
            // Per north pole j: the south-pole sum and the harmonic sums over the third neighbours.
            double poleSum = 0, fSum = 0, cSum = 0, sSum = 0;
            int poleCount = 0, count = 0;
            for (int m = 0; m < n; m++)
            {
                if (m == j) continue;
                if (_southPole && !double.IsNaN(pole[m]))
                {
                    poleSum += pole[m];
                    poleCount++;
                }
                member[m] = g.HasAxis(j, m) ? MemberOf(g.Theta(j, m)) : Member.None;
                if (member[m] != Member.Harmonic) continue;
                fSum += f[m];
                cSum += f[m] * g.CosHarmonic(j, m, t);
                sSum += f[m] * g.SinHarmonic(j, m, t);
                count++;
            }
            int kc = 0;
            for (int k = 0; k < n; k++)
            {
                if (k == j) continue;
                int slot = j * (n - 1) + kc++;
                double thetaK = g.Theta(j, k);
                PairTerm(j, k, thetaK, f[k], pole[k], ref q[slot], ref norm[slot]);
                if (!g.HasAxis(j, k)) continue;
                if (poleCount > 0)
                {
                    bool own = !double.IsNaN(pole[k]); // k itself is not a third neighbour
                    q[slot] += poleSum - (own ? pole[k] : 0);
                    norm[slot] += poleCount - (own ? 1 : 0);
                }
                if (!Gate(j, k, thetaK)) continue;
                bool inK = member[k] == Member.Harmonic;
                double fk = inK ? f[k] : 0;
                // Σ over the harmonic members m ≠ k of f_m cos tφ_km (m = k has φ = 0, cos = 1).
                double harmonic = cSum * g.CosHarmonic(j, k, t) + sSum * g.SinHarmonic(j, k, t) - fk;
                int others = count - (inK ? 1 : 0);
                switch (motif)
                {
                    case Motif.Bcc:
                        // pymatgen flips the sign at exactly 90°, where ideal crystals sit and rounding
                        // noise decides; here a right angle (to 1e-10 rad) always counts as not obtuse.
                        q[slot] += (thetaK > 0.5 * Math.PI + 1e-10 ? 1.0 : -1.0) * FacBcc * harmonic;
                        norm[slot] += others;
                        break;
                    case Motif.SeeSawRect:
                        DirectTerms(g, j, k, n, member, f, ref q[slot], ref norm[slot]);
                        break;
                    default:
                        q[slot] += 0.5 * (fSum - fk + harmonic);
                        norm[slot] += others;
                        if (motif == Motif.CuboctMax) DirectTerms(g, j, k, n, member, f, ref q[slot], ref norm[slot]);
                        break;
                }
            }
        }
        return Normalise(n, q, norm);
    }

    /// <summary>The azimuth harmonic t of the motif's triple term: 2a for cos²(aφ), 3 for bcc's cos 3φ, 2 where a is fixed at 1.</summary>
    private int Harmonic()
    {
        int t = motif switch
        {
            Motif.Bent => 1, // no triple terms
            Motif.Bcc => 3,
            Motif.PentPlanMax or Motif.CuboctMax => 2,
            _ => _twoA,
        };
        return t is >= 1 and <= NeighborAngles.MaxHarmonic ? t : throw new ArgumentOutOfRangeException(nameof(p), p.FacAA, "fac_AA must be 0.5…3 in steps of 0.5.");
    }

    /// <summary>Whether neighbour m (at θ_m from the north pole, with an azimuth) enters the triple terms, and how.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Member MemberOf(double thetaM) => motif switch
    {
        Motif.Bent => Member.None,
        Motif.TriBipyr or Motif.PentBipyr or Motif.HexBipyr or Motif.OctMax or Motif.SqPlanMax or Motif.HexPlanMax =>
            thetaM < p.MinSPP ? Member.Harmonic : Member.None,
        Motif.SeeSawRect => thetaM < p.MinSPP ? Member.Direct : Member.None,
        Motif.CuboctMax => thetaM >= p.MinSPP ? Member.None
            : p.Cuboct4 < thetaM && thetaM < p.Cuboct2 ? Member.Harmonic
            : thetaM < p.Cuboct4 || thetaM > p.Cuboct2 ? Member.Direct : Member.None,
        _ => Member.Harmonic,
    };

    /// <summary>Whether the pair (j, k) at angle θ_k has triple terms at all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Gate(int j, int k, double thetaK) => motif switch
    {
        Motif.Bent => false,
        Motif.TriBipyr or Motif.PentBipyr or Motif.HexBipyr or Motif.OctMax or Motif.SqPlanMax or Motif.HexPlanMax
            or Motif.SeeSawRect => thetaK < p.MinSPP,
        Motif.Bcc => j < k && thetaK < p.MinSPP,
        Motif.CuboctMax => p.Cuboct4 < thetaK && thetaK < p.Cuboct2,
        _ => true,
    };

    /// <summary>The triple terms not linear in cos tφ, one third neighbour at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DirectTerms(NeighborAngles g, int j, int k, int n, ReadOnlySpan<Member> member, ReadOnlySpan<double> f,
        ref double q, ref double norm)
    {
        for (int m = 0; m < n; m++)
        {
            if (m == j || m == k || member[m] != Member.Direct) continue;
            double cosPhi = g.CosAzimuth(j, k, m);
            if (motif == Motif.SeeSawRect)
            {
                if (cosPhi <= CosThreeQuarterPi) continue;
                q += Cos2(_twoA, cosPhi) * f[m];
            }
            else q += Gauss(0.0556 * (Math.Sqrt(1 - cosPhi * cosPhi) - 0.81649658)) * f[m]; // cuboct: cos(φ − π/2) = sin φ, φ ∈ [0, π]
            norm += 1;
        }
    }

    private static double Gauss(double t) => Math.Exp(-0.5 * t * t);

    /// <summary>cos²(aφ) = (1 + cos 2aφ)/2 from c = cos φ, with cos nφ = T_n(c); <paramref name="twoA"/> = 2a (an integer 2…6 here).</summary>
    private static double Cos2(int twoA, double c)
    {
        double c2 = c * c;
        double t = twoA switch
        {
            2 => 2 * c2 - 1,
            3 => (4 * c2 - 3) * c,
            4 => 8 * c2 * (c2 - 1) + 1,
            5 => ((16 * c2 - 20) * c2 + 5) * c,
            6 => ((32 * c2 - 48) * c2 + 18) * c2 - 1,
            _ => Math.Cos(twoA * Math.Acos(c)),
        };
        return 0.5 * (1 + t);
    }

    /// <summary>
    /// Contribution of the j–i–k angle alone, from θ_k's Gaussian factor (the same function as a third neighbour's
    /// for every motif but the two below) or, for the cuboctahedron and bcc, its south-pole Gaussian.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PairTerm(int j, int k, double thetaK, double factor, double south, ref double q, ref double norm)
    {
        switch (motif)
        {
            case Motif.CuboctMax:
                if (thetaK >= p.MinSPP)
                {
                    q += p.WSPP * south;
                    norm += p.WSPP;
                }
                break;
            case Motif.Bcc:
                if (j < k && thetaK >= p.MinSPP)
                {
                    q += p.WSPP * south;
                    norm += p.WSPP;
                }
                break;
            case Motif.SeeSawRect or Motif.TriBipyr or Motif.PentBipyr or Motif.HexBipyr or Motif.OctMax or Motif.SqPlanMax
                or Motif.HexPlanMax:
                if (thetaK < p.MinSPP)
                {
                    q += factor;
                    norm += 1;
                }
                break;
            default:
                q += factor;
                norm += 1;
                break;
        }
    }

    /// <summary>The factor of a triple term that depends on θ_m alone (for "bent", which has none, its pair term's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ThetaFactor(double thetaM) => motif switch
    {
        Motif.Bent or Motif.TriPlanMax or Motif.TetMax => Gauss(p.IgwTA * (thetaM * InvPi - p.TA)),
        Motif.PentPlanMax => Gauss(p.IgwTA * (thetaM * InvPi - (thetaM <= p.TA * Math.PI ? 0.4 : 0.8))),
        Motif.HexPlanMax => Gauss(p.IgwTA * (Math.Abs(thetaM * InvPi - 0.5) - p.TA)),
        Motif.Bcc => BccRadial(thetaM),
        Motif.CuboctMax => p.Cuboct4 < thetaM && thetaM < p.Cuboct2
            ? Gauss(p.Cuboct5 * (thetaM * InvPi - 0.5))
            : Gauss(p.Cuboct6 * (thetaM * InvPi - (thetaM < p.Cuboct4 ? 1.0 / 3.0 : 2.0 / 3.0))),
        _ => Gauss(p.IgwEP * (thetaM * InvPi - 0.5)),
    };

    private static double BccRadial(double thetaM)
    {
        double t = (thetaM - 0.5 * Math.PI) / AsinThird;
        return t * Math.Exp(-0.5 * t * t);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double? Normalise(int n, ReadOnlySpan<double> q, ReadOnlySpan<double> norm)
    {
        switch (motif)
        {
            case Motif.Bent:
            {
                double sum = 0, total = 0;
                for (int s = 0; s < q.Length; s++)
                {
                    sum += q[s];
                    total += norm[s];
                }
                return total > 1e-12 ? sum / total : null;
            }
            case Motif.Bcc:
            {
                if (n <= 3) return null;
                double sum = 0;
                foreach (double v in q) sum += v;
                return sum / (0.5 * n * (6 + (n - 2) * (n - 3)));
            }
            default:
            {
                if (n <= 1) return null;
                double best = double.NegativeInfinity;
                for (int s = 0; s < q.Length; s++) best = Math.Max(best, norm[s] > 1e-12 ? q[s] / norm[s] : 0.0);
                return best;
            }
        }
    }
}
