using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// The bispectrum of one atom and its gradient with respect to each neighbour vector, as defined by Thompson et al.
/// (J. Comput. Phys. 285, 316 (2015), doi:10.1016/j.jcp.2014.12.018) and computed by LAMMPS <c>compute sna/atom</c>
/// and <c>compute snad/atom</c> (non-chemical form). With the neighbour sum (self term w_self = 1 on the diagonal)
/// <code>
/// U^j_tot = δ·1 + Σ_k w_k f_c(r_k) U^j(D_k),   f_c = ½(cos(π(r − rmin0)/(r_c − rmin0)) + 1) for rmin0 &lt; r ≤ r_c (1 below rmin0; 1 everywhere without switchflag),
/// Z^j_{j1j2}(mb, ma) = Σ C^{j m_b}_{j1 mb1, j2 mb2} C^{j m_a}_{j1 ma1, j2 ma2} U^{j1}_tot(mb1, ma1) U^{j2}_tot(mb2, ma2)   [÷ (j+1) with bnormflag],
/// B_{j1j2j} = Σ_{mb,ma} Re[conj(U^j_tot(mb, ma)) Z^j_{j1j2}(mb, ma)] − bzero_j,
/// </code>
/// bzero_j = j + 1 (1 with bnormflag) when bzeroflag is set, the value of B for an isolated atom. The double sum
/// runs over rows mb &lt; j/2 twice and half the middle row (U and Z share the mirror symmetry of
/// <see cref="WignerU"/>). The gradient with respect to neighbour k's vector uses the coupling symmetry
/// B_{j1j2j} ∝ B_{j j2 j1} ∝ B_{j j1 j2} (Thompson et al., Eq. 20):
/// <code>
/// ∂B_{j1j2j}/∂D_k = 2 Σ_half Re[conj(∂U^j_k) Z^j_{j1j2}] + 2 (j+1)/(j1+1) Σ_half Re[conj(∂U^{j1}_k) Z^{j1}_{j j2}] + 2 (j+1)/(j2+1) Σ_half Re[conj(∂U^{j2}_k) Z^{j2}_{j j1}],
/// ∂U_k = w_k (f_c'(r) U D̂ + f_c ∂U),
/// </code>
/// the factors (j+1)/(j1+1), (j+1)/(j2+1) being 1 with bnormflag. Z is kept in the half-block form Z̃ that these sums read:
/// rows mb &lt; j/2, and of the middle row (even j) the entries ma &lt; j/2 and half the diagonal one, so that
/// Σ_half Re[conj(X) Z] = Σ_{q &lt; half length} Re[conj(X_q) Z̃_q] for every X. When only a weighted sum E = Σ_c λ_c B_c is
/// differentiated (a SNAP energy, the entropy of paper 004), the three terms of all columns collapse into one adjoint
/// (LAMMPS' Y array, Thompson et al. 2015, Sect. 2.3) per atom:
/// <code>
/// Y^j = Σ_t μ_t Z̃_t (couplings t = (j1', j2', j)),   μ_t = Σ_c λ_c [t = (j1,j2,j)_c] + λ_c (j+1)/(j1+1) [t = (j,j2,j1)_c] + λ_c (j+1)/(j2+1) [t = (j,j1,j2)_c],
/// ∂E/∂D_k = 2 Σ_j Σ_half Re[conj(∂U^j_k) Y^j],
/// </code>
/// one contraction per neighbour instead of one per coupling. One instance per thread (it owns its scratch).
/// </summary>
internal sealed class BispectrumKernel
{
    private readonly BispectrumIndex _ix;
    private readonly double _rfac0, _rmin0;
    private readonly bool _switch, _bzero, _bnorm;
    private readonly double[] _utotR, _utotI, _uR, _uI, _zR, _zI, _yR, _yI, _mu;
    private readonly Vector256<double>[] _duR, _duI; // lanes: U, ∂U/∂x, ∂U/∂y, ∂U/∂z (WignerUGradient)
    private readonly Vector256<double>[] _h; // per Z coupling, the half contraction with one neighbour's ∂U
    private readonly bool[] _zForB, _zForGradient;
    private readonly int[] _halfLength; // per 2j: entries of the half block (rows mb < j/2, then ma ≤ j/2 of the middle row)
    private readonly double[] _f1, _f2;

    /// <summary>A kernel computing the first <paramref name="columns"/> components (all when null) and only the Z couplings they need.</summary>
    public BispectrumKernel(BispectrumIndex index, double rfac0, double rmin0, bool switchFlag, bool bzeroFlag, bool bnormFlag, int? columns = null)
    {
        ColumnCount = columns ?? index.Columns.Length;
        _ix = index;
        _rfac0 = rfac0;
        _rmin0 = rmin0;
        _switch = switchFlag;
        _bzero = bzeroFlag;
        _bnorm = bnormFlag;
        int n = index.UCount;
        _utotR = new double[n];
        _utotI = new double[n];
        _uR = new double[n];
        _uI = new double[n];
        _yR = new double[n];
        _yI = new double[n];
        _duR = new Vector256<double>[n];
        _duI = new Vector256<double>[n];
        _zR = new double[index.ZCount];
        _zI = new double[index.ZCount];
        _h = new Vector256<double>[index.ZTriples.Length];
        _mu = new double[index.ZTriples.Length];
        _zForB = new bool[index.ZTriples.Length];
        _zForGradient = new bool[index.ZTriples.Length];
        for (int c = 0; c < ColumnCount; c++)
        {
            _zForB[index.ColumnZ[c]] = _zForGradient[index.ColumnZ[c]] = true;
            _zForGradient[index.ColumnZ1[c]] = _zForGradient[index.ColumnZ2[c]] = true;
        }
        _halfLength = Enumerable.Range(0, index.TwoJMax + 1).Select(j => (j + 1) / 2 * (j + 1) + ((j & 1) == 0 ? j / 2 + 1 : 0)).ToArray();
        _f1 = index.Columns.Select(c => bnormFlag ? 1.0 : (c.J + 1.0) / (c.J1 + 1.0)).ToArray();
        _f2 = index.Columns.Select(c => bnormFlag ? 1.0 : (c.J + 1.0) / (c.J2 + 1.0)).ToArray();
    }

    /// <summary>Number of bispectrum components (linear columns).</summary>
    public int ColumnCount { get; }

    /// <summary>Length of the Z̃ blocks of all couplings (what <see cref="ComputeForAdjoint"/> hands out).</summary>
    public int ZLength => _ix.ZCount;

    /// <summary>
    /// z0 = r·cot θ0 (θ0 = rfac0·π·(r − rmin0)/(r_c − rmin0)), dz0/dr, w·f_c and w·f_c' of a neighbour at distance
    /// <paramref name="r"/> &lt; <paramref name="rc"/> with weight <paramref name="w"/>: what the recursions need of r alone.
    /// </summary>
    public void Geometry(double r, double rc, double w, out double z0, out double dz0dr, out double wfc, out double wdfc)
    {
        double rscale0 = _rfac0 * Math.PI / (rc - _rmin0);
        var (sn, cs) = Math.SinCos((r - _rmin0) * rscale0);
        z0 = r * cs / sn;
        dz0dr = z0 / r - rscale0 * (r * r + z0 * z0) / r;
        if (!_switch || r <= _rmin0)
        {
            wfc = w;
            wdfc = 0;
            return;
        }
        double scale = Math.PI / (rc - _rmin0);
        var (ss, sc) = Math.SinCos((r - _rmin0) * scale);
        wfc = w * 0.5 * (sc + 1);
        wdfc = -w * 0.5 * ss * scale;
    }

    /// <summary>
    /// B of one atom (<paramref name="b"/>, <see cref="ColumnCount"/>) from its <paramref name="count"/> neighbours at
    /// <paramref name="start"/> of <paramref name="nb"/>. With <paramref name="gradient"/> non-empty (neighbours × 3 × ColumnCount),
    /// also ∂B/∂D_k for each neighbour k, laid out [k][component x, y, z][column].
    /// </summary>
    public void Compute(BispectrumNeighbors nb, int start, int count, Span<double> b, Span<double> gradient)
    {
        bool withGradient = !gradient.IsEmpty;
        Prepare(nb, start, count, b, withGradient ? _zForGradient : _zForB);
        if (!withGradient) return;
        var ix = _ix;
        int cols = ColumnCount;
        for (int k = 0; k < count; k++)
        {
            NeighborGradient(nb, start + k);
            for (int t = 0; t < ix.ZTriples.Length; t++)
            {
                if (!_zForGradient[t]) continue;
                int j = ix.ZTriples[t].J;
                _h[t] = Contract(ix.UStart[j], _zR, _zI, ix.ZStart[t], _halfLength[j]);
            }
            var g = gradient.Slice(k * 3 * cols, 3 * cols);
            for (int c = 0; c < cols; c++)
            {
                var v = 2 * (_h[ix.ColumnZ[c]] + _f1[c] * _h[ix.ColumnZ1[c]] + _f2[c] * _h[ix.ColumnZ2[c]]);
                g[c] = v.GetElement(1);
                g[cols + c] = v.GetElement(2);
                g[2 * cols + c] = v.GetElement(3);
            }
        }
    }

    /// <summary>
    /// B of one atom as <see cref="Compute"/> does, and the atom's Z̃ of every coupling the gradient needs into
    /// <paramref name="zR"/>, <paramref name="zI"/> (<see cref="ZLength"/> each), kept for <see cref="AdjointGradient"/>.
    /// </summary>
    public void ComputeForAdjoint(BispectrumNeighbors nb, int start, int count, Span<double> b, Span<double> zR, Span<double> zI)
    {
        Prepare(nb, start, count, b, _zForGradient);
        _zR.CopyTo(zR);
        _zI.CopyTo(zI);
    }

    /// <summary>
    /// ∂E/∂D_k of E = Σ_c λ_c B_c for every neighbour k (<paramref name="dE"/>, neighbours × 3), from the atom's Z̃ kept by
    /// <see cref="ComputeForAdjoint"/> and the weights <paramref name="lambda"/> (<see cref="ColumnCount"/>) through the adjoint Y.
    /// </summary>
    public void AdjointGradient(BispectrumNeighbors nb, int start, int count, ReadOnlySpan<double> zR, ReadOnlySpan<double> zI,
        ReadOnlySpan<double> lambda, Span<double> dE)
    {
        var ix = _ix;
        Array.Clear(_mu);
        for (int c = 0; c < ColumnCount; c++)
        {
            _mu[ix.ColumnZ[c]] += lambda[c];
            _mu[ix.ColumnZ1[c]] += lambda[c] * _f1[c];
            _mu[ix.ColumnZ2[c]] += lambda[c] * _f2[c];
        }
        Array.Clear(_yR);
        Array.Clear(_yI);
        for (int t = 0; t < ix.ZTriples.Length; t++)
        {
            double mu = _mu[t];
            if (mu == 0) continue;
            int j = ix.ZTriples[t].J, u = ix.UStart[j], zs = ix.ZStart[t];
            for (int q = 0; q < _halfLength[j]; q++)
            {
                _yR[u + q] += mu * zR[zs + q];
                _yI[u + q] += mu * zI[zs + q];
            }
        }
        for (int k = 0; k < count; k++)
        {
            NeighborGradient(nb, start + k);
            var sum = Vector256<double>.Zero;
            for (int j = 0; j <= ix.TwoJMax; j++) sum += Contract(ix.UStart[j], _yR, _yI, ix.UStart[j], _halfLength[j]);
            dE[3 * k] = 2 * sum.GetElement(1);
            dE[3 * k + 1] = 2 * sum.GetElement(2);
            dE[3 * k + 2] = 2 * sum.GetElement(3);
        }
    }

    /// <summary>U_tot, the Z̃ couplings in <paramref name="need"/> and B.</summary>
    private void Prepare(BispectrumNeighbors nb, int start, int count, Span<double> b, bool[] need)
    {
        var ix = _ix;
        Array.Clear(_utotR);
        Array.Clear(_utotI);
        for (int j = 0; j <= ix.TwoJMax; j++)
            for (int m = 0; m <= j; m++) _utotR[ix.UStart[j] + m * (j + 1) + m] = 1; // self term, w_self = 1
        for (int p = start; p < start + count; p++)
        {
            WignerU.Compute(ix, nb.X[p], nb.Y[p], nb.Z[p], nb.R[p], nb.Z0[p], _uR, _uI);
            var s = Vector256.Create(nb.WFc[p]);
            for (int j = 0; j <= ix.TwoJMax; j++)
            {
                // Rows mb ≤ j/2 only; the sum is mirrored below.
                int q = ix.UStart[j], end = q + (j / 2 + 1) * (j + 1);
                for (; q + 4 <= end; q += 4)
                {
                    (s * Vector256.Create(_uR.AsSpan(q, 4)) + Vector256.Create(_utotR.AsSpan(q, 4))).CopyTo(_utotR.AsSpan(q, 4));
                    (s * Vector256.Create(_uI.AsSpan(q, 4)) + Vector256.Create(_utotI.AsSpan(q, 4))).CopyTo(_utotI.AsSpan(q, 4));
                }
                for (; q < end; q++)
                {
                    _utotR[q] += s.ToScalar() * _uR[q];
                    _utotI[q] += s.ToScalar() * _uI[q];
                }
            }
        }
        WignerU.Mirror(ix, _utotR, _utotI);
        for (int t = 0; t < ix.ZTriples.Length; t++)
            if (need[t]) ComputeZ(t);
        for (int c = 0; c < ColumnCount; c++)
        {
            int j = ix.Columns[c].J, u = ix.UStart[j], zs = ix.ZStart[ix.ColumnZ[c]];
            double sum = 0;
            for (int q = 0; q < _halfLength[j]; q++) sum += _utotR[u + q] * _zR[zs + q] + _utotI[u + q] * _zI[zs + q];
            double value = 2 * sum;
            if (_bzero) value -= _bnorm ? 1 : j + 1;
            b[c] = value;
        }
    }

    /// <summary>Neighbour p's weighted, switched ∂U into _duR/_duI (lanes 1–3).</summary>
    private void NeighborGradient(BispectrumNeighbors nb, int p) =>
        WignerUGradient.Compute(_ix, nb.X[p], nb.Y[p], nb.Z[p], nb.R[p], nb.Z0[p], nb.DZ0[p], nb.WFc[p], nb.WDFc[p], _duR, _duI);

    /// <summary>Σ_{q &lt; length} Re[conj(∂U_q) X_q] per lane, ∂U from U block offset <paramref name="uStart"/>, X from <paramref name="xStart"/>.</summary>
    private Vector256<double> Contract(int uStart, double[] xR, double[] xI, int xStart, int length)
    {
        ref var ur = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_duR), uStart);
        ref var ui = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_duI), uStart);
        ref double zr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(xR), xStart);
        ref double zi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(xI), xStart);
        var acc = Vector256<double>.Zero;
        for (int q = 0; q < length; q++)
            acc += Unsafe.Add(ref ur, q) * Vector256.Create(Unsafe.Add(ref zr, q)) + Unsafe.Add(ref ui, q) * Vector256.Create(Unsafe.Add(ref zi, q));
        return acc;
    }

    /// <summary>
    /// Z̃ of coupling t (see the class summary) from U_tot: rows mb &lt; j/2 in full, the middle row up to its diagonal, which is
    /// halved (index arithmetic checked by construction, so no bounds checks).
    /// </summary>
    private void ComputeZ(int t)
    {
        var ix = _ix;
        var (j1, j2, j) = ix.ZTriples[t];
        int s = (j1 + j2 - j) / 2;
        ref double cg = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ix.Cg), ix.CgStart[t]);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(_utotR);
        ref double ui = ref MemoryMarshal.GetArrayDataReference(_utotI);
        ref double zR = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zR), ix.ZStart[t]);
        ref double zI = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zI), ix.ZStart[t]);
        int u1 = ix.UStart[j1], u2 = ix.UStart[j2], w2 = j2 + 1;
        double norm = _bnorm ? 1.0 / (j + 1) : 1.0;
        for (int mb = 0; 2 * mb <= j; mb++)
        {
            int sb = mb + s, mb1Lo = Math.Max(0, sb - j2), mb1Hi = Math.Min(j1, sb);
            bool middle = 2 * mb == j;
            int maEnd = middle ? mb : j;
            for (int ma = 0; ma <= maEnd; ma++)
            {
                int sa = ma + s, ma1Lo = Math.Max(0, sa - j2), ma1Hi = Math.Min(j1, sa);
                double zr = 0, zi = 0;
                for (int mb1 = mb1Lo; mb1 <= mb1Hi; mb1++)
                {
                    int mb2 = sb - mb1;
                    int row1 = u1 + mb1 * (j1 + 1), row2 = u2 + mb2 * w2 + sa; // row2 + (sa − ma1) = entry ma2
                    double ar = 0, ai = 0;
                    for (int ma1 = ma1Lo; ma1 <= ma1Hi; ma1++)
                    {
                        double c = Unsafe.Add(ref cg, ma1 * w2 + sa - ma1);
                        double pr = Unsafe.Add(ref ur, row1 + ma1), pi = Unsafe.Add(ref ui, row1 + ma1);
                        double qr = Unsafe.Add(ref ur, row2 - ma1), qi = Unsafe.Add(ref ui, row2 - ma1);
                        ar += c * (pr * qr - pi * qi);
                        ai += c * (pr * qi + pi * qr);
                    }
                    double cb = Unsafe.Add(ref cg, mb1 * w2 + mb2);
                    zr += cb * ar;
                    zi += cb * ai;
                }
                double f = middle && ma == mb ? 0.5 * norm : norm;
                int q = mb * (j + 1) + ma;
                Unsafe.Add(ref zR, q) = zr * f;
                Unsafe.Add(ref zI, q) = zi * f;
            }
        }
    }
}
