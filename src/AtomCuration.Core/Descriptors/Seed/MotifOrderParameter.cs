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

    /// <summary>The value for the first <paramref name="n"/> neighbours of <paramref name="g"/>.</summary>
    public double? Evaluate(NeighborAngles g, int n)
    {
        int pairs = n * Math.Max(n - 1, 0);
        Span<double> q = stackalloc double[NeighborAngles.Capacity * NeighborAngles.Capacity];
        Span<double> norm = stackalloc double[NeighborAngles.Capacity * NeighborAngles.Capacity];
        q = q[..pairs];
        norm = norm[..pairs];
        q.Clear();
        norm.Clear();
        bool southPole = motif is Motif.TriBipyr or Motif.OctMax or Motif.SqPlanMax or Motif.HexPlanMax
            or Motif.SeeSawRect or Motif.PentBipyr or Motif.HexBipyr;

        // The θ_m-only factors of the triple terms and of the south-pole term, once per (j, m).
        const int C = NeighborAngles.Capacity;
        Span<double> mFactor = stackalloc double[C * C];
        Span<double> pole = stackalloc double[C * C];
        for (int j = 0; j < n; j++)
            for (int m = 0; m < n; m++)
            {
                double thetaM = g.Theta(j, m);
                mFactor[j * C + m] = ThetaFactor(thetaM);
                pole[j * C + m] = southPole && thetaM >= p.MinSPP ? Gauss(p.IgwSPP * (thetaM * InvPi - 1.0)) : double.NaN;
            }

        for (int j = 0; j < n; j++)
        {
            int kc = 0;
            for (int k = 0; k < n; k++)
            {
                if (k == j) continue;
                int slot = j * (n - 1) + kc;
                double thetaK = g.Theta(j, k);
                PairTerm(j, k, thetaK, ref q[slot], ref norm[slot]);
                if (g.HasAxis(j, k))
                {
                    for (int m = 0; m < n; m++)
                    {
                        if (m == j || m == k) continue;
                        double thetaM = g.Theta(j, m);
                        double sp = pole[j * C + m];
                        if (!double.IsNaN(sp))
                        {
                            q[slot] += sp;
                            norm[slot] += 1;
                        }
                        if (!g.HasAxis(j, m)) continue;
                        TripleTerm(j, k, thetaK, thetaM, mFactor[j * C + m], g.CosAzimuth(j, k, m), ref q[slot], ref norm[slot]);
                    }
                }
                kc++;
            }
        }
        return Normalise(n, q, norm);
    }

    private static double Gauss(double t) => Math.Exp(-0.5 * t * t);

    /// <summary>cos²(aφ) = (1 + cos 2aφ)/2 from c = cos φ, with cos nφ = T_n(c); <paramref name="twoA"/> = 2a (an integer 2…6 here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // in the triple loop: no call, no spilled refs per neighbour triple
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

    /// <summary>Contribution of the j–i–k angle alone.</summary>
    private void PairTerm(int j, int k, double thetaK, ref double q, ref double norm)
    {
        switch (motif)
        {
            case Motif.Bent:
            case Motif.TriPlanMax:
            case Motif.TetMax:
                q += Gauss(p.IgwTA * (thetaK * InvPi - p.TA));
                norm += 1;
                break;
            case Motif.T or Motif.TriPyr or Motif.SqPyr or Motif.PentPyr or Motif.HexPyr:
                q += Gauss(p.IgwEP * (thetaK * InvPi - 0.5));
                norm += 1;
                break;
            case Motif.CuboctMax:
                if (thetaK >= p.MinSPP)
                {
                    q += p.WSPP * Gauss(p.IgwSPP * (thetaK * InvPi - 1.0));
                    norm += p.WSPP;
                }
                break;
            case Motif.SeeSawRect or Motif.TriBipyr or Motif.PentBipyr or Motif.HexBipyr or Motif.OctMax or Motif.SqPlanMax:
                if (thetaK < p.MinSPP)
                {
                    q += Gauss(p.IgwEP * (thetaK * InvPi - 0.5));
                    norm += 1;
                }
                break;
            case Motif.HexPlanMax:
                if (thetaK < p.MinSPP)
                {
                    q += Gauss(p.IgwTA * (Math.Abs(thetaK * InvPi - 0.5) - p.TA));
                    norm += 1;
                }
                break;
            case Motif.PentPlanMax:
                q += Gauss(p.IgwTA * (thetaK * InvPi - (thetaK <= p.TA * Math.PI ? 0.4 : 0.8)));
                norm += 1;
                break;
            case Motif.Bcc:
                if (j < k && thetaK >= p.MinSPP)
                {
                    q += p.WSPP * Gauss(p.IgwSPP * (thetaK * InvPi - 1.0));
                    norm += p.WSPP;
                }
                break;
        }
    }

    /// <summary>Contribution of neighbour m: its angle to j and its azimuth about j relative to k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // in the triple loop: no call, no spilled refs per neighbour triple
    private void TripleTerm(int j, int k, double thetaK, double thetaM, double f, double cosPhi, ref double q, ref double norm)
    {
        switch (motif)
        {
            case Motif.TriPlanMax or Motif.TetMax:
                q += f * Cos2(_twoA, cosPhi);
                norm += 1;
                break;
            case Motif.PentPlanMax:
                q += f * Cos2(2, cosPhi);
                norm += 1;
                break;
            case Motif.T or Motif.TriPyr or Motif.SqPyr or Motif.PentPyr or Motif.HexPyr:
                q += Cos2(_twoA, cosPhi) * f;
                norm += 1;
                break;
            case Motif.TriBipyr or Motif.PentBipyr or Motif.HexBipyr or Motif.OctMax or Motif.SqPlanMax:
                if (thetaM < p.MinSPP && thetaK < p.MinSPP)
                {
                    q += Cos2(_twoA, cosPhi) * f;
                    norm += 1;
                }
                break;
            case Motif.HexPlanMax:
                if (thetaM < p.MinSPP && thetaK < p.MinSPP)
                {
                    q += Cos2(_twoA, cosPhi) * f;
                    norm += 1;
                }
                break;
            case Motif.Bcc:
                if (j < k && thetaK < p.MinSPP)
                {
                    // pymatgen flips the sign at exactly 90°, where ideal crystals sit and rounding
                    // noise decides; here a right angle (to 1e-10 rad) always counts as not obtuse.
                    double fac = thetaK > 0.5 * Math.PI + 1e-10 ? 1.0 : -1.0;
                    q += fac * ((4 * cosPhi * cosPhi - 3) * cosPhi) * FacBcc * f;
                    norm += 1;
                }
                break;
            case Motif.SeeSawRect:
                if (thetaM < p.MinSPP && thetaK < p.MinSPP && cosPhi > CosThreeQuarterPi)
                {
                    q += Cos2(_twoA, cosPhi) * f;
                    norm += 1;
                }
                break;
            case Motif.CuboctMax:
                if (thetaM < p.MinSPP && p.Cuboct4 < thetaK && thetaK < p.Cuboct2)
                {
                    if (p.Cuboct4 < thetaM && thetaM < p.Cuboct2)
                    {
                        q += Cos2(2, cosPhi) * f;
                        norm += 1;
                    }
                    else if (thetaM < p.Cuboct4 || thetaM > p.Cuboct2)
                    {
                        double a = 0.0556 * (Math.Sqrt(1 - cosPhi * cosPhi) - 0.81649658); // cos(φ − π/2) = sin φ, φ ∈ [0, π]
                        q += Gauss(a) * f;
                        norm += 1;
                    }
                }
                break;
        }
    }

    /// <summary>The factor of a triple term that depends on θ_m alone.</summary>
    private double ThetaFactor(double thetaM) => motif switch
    {
        Motif.TriPlanMax or Motif.TetMax => Gauss(p.IgwTA * (thetaM * InvPi - p.TA)),
        Motif.PentPlanMax => Gauss(p.IgwTA * (thetaM * InvPi - (thetaM <= p.TA * Math.PI ? 0.4 : 0.8))),
        Motif.HexPlanMax => Gauss(p.IgwTA * (Math.Abs(thetaM * InvPi - 0.5) - p.TA)),
        Motif.Bcc => BccRadial(thetaM),
        Motif.CuboctMax => p.Cuboct4 < thetaM && thetaM < p.Cuboct2
            ? Gauss(p.Cuboct5 * (thetaM * InvPi - 0.5))
            : Gauss(p.Cuboct6 * (thetaM * InvPi - (thetaM < p.Cuboct4 ? 1.0 / 3.0 : 2.0 / 3.0))),
        Motif.Bent => 0,
        _ => Gauss(p.IgwEP * (thetaM * InvPi - 0.5)),
    };

    private static double BccRadial(double thetaM)
    {
        double t = (thetaM - 0.5 * Math.PI) / AsinThird;
        return t * Math.Exp(-0.5 * t * t);
    }

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
