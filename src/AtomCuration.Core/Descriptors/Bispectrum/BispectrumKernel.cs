using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// the factors (j+1)/(j1+1), (j+1)/(j2+1) being 1 with bnormflag. One instance per thread (it owns its scratch).
/// </summary>
internal sealed class BispectrumKernel
{
    private readonly BispectrumIndex _ix;
    private readonly double _rfac0, _rmin0;
    private readonly bool _switch, _bzero, _bnorm;
    private readonly double[] _utotR, _utotI, _uR, _uI, _duR, _duI, _zR, _zI;
    private readonly double[] _h; // per Z coupling, 3 half-contractions with one neighbour's dU
    private readonly bool[] _zForB, _zForGradient;
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
        _duR = new double[3 * n];
        _duI = new double[3 * n];
        _zR = new double[index.ZCount];
        _zI = new double[index.ZCount];
        _h = new double[3 * index.ZTriples.Length];
        _zForB = new bool[index.ZTriples.Length];
        _zForGradient = new bool[index.ZTriples.Length];
        for (int c = 0; c < ColumnCount; c++)
        {
            _zForB[index.ColumnZ[c]] = _zForGradient[index.ColumnZ[c]] = true;
            _zForGradient[index.ColumnZ1[c]] = _zForGradient[index.ColumnZ2[c]] = true;
        }
        _f1 = index.Columns.Select(c => bnormFlag ? 1.0 : (c.J + 1.0) / (c.J1 + 1.0)).ToArray();
        _f2 = index.Columns.Select(c => bnormFlag ? 1.0 : (c.J + 1.0) / (c.J2 + 1.0)).ToArray();
    }

    /// <summary>Number of bispectrum components (linear columns).</summary>
    public int ColumnCount { get; }

    /// <summary>
    /// B of one atom (<paramref name="b"/>, <see cref="ColumnCount"/>) from its neighbours within their cutoffs:
    /// vectors (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>), distances, cutoffs and weights.
    /// With <paramref name="gradient"/> non-empty (neighbours × 3 × ColumnCount), also ∂B/∂D_k for each neighbour k,
    /// laid out [k][component x, y, z][column].
    /// </summary>
    public void Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, ReadOnlySpan<double> r,
        ReadOnlySpan<double> rc, ReadOnlySpan<double> w, Span<double> b, Span<double> gradient)
    {
        var ix = _ix;
        int n = ix.UCount;
        Array.Clear(_utotR);
        Array.Clear(_utotI);
        for (int j = 0; j <= ix.TwoJMax; j++)
            for (int m = 0; m <= j; m++) _utotR[ix.UStart[j] + m * (j + 1) + m] = 1; // self term, w_self = 1
        for (int k = 0; k < x.Length; k++)
        {
            WignerU.Compute(ix, _rfac0, _rmin0, x[k], y[k], z[k], r[k], rc[k], _uR, _uI, default, default);
            double s = w[k] * Switch(r[k], rc[k]);
            for (int q = 0; q < n; q++)
            {
                _utotR[q] += s * _uR[q];
                _utotI[q] += s * _uI[q];
            }
        }
        bool withGradient = !gradient.IsEmpty;
        var need = withGradient ? _zForGradient : _zForB;
        for (int t = 0; t < ix.ZTriples.Length; t++)
            if (need[t]) ComputeZ(t);
        for (int c = 0; c < ColumnCount; c++)
        {
            int j = ix.Columns[c].J;
            double value = 2 * HalfContraction(_utotR, _utotI, ix.UStart[j], j, ix.ZStart[ix.ColumnZ[c]]);
            if (_bzero) value -= _bnorm ? 1 : j + 1;
            b[c] = value;
        }
        if (!withGradient) return;
        int cols = ColumnCount;
        for (int k = 0; k < x.Length; k++)
        {
            WignerU.Compute(ix, _rfac0, _rmin0, x[k], y[k], z[k], r[k], rc[k], _uR, _uI, _duR, _duI);
            double sw = Switch(r[k], rc[k]), dsw = SwitchDerivative(r[k], rc[k]);
            double wk = w[k], invR = 1 / r[k];
            double ux = x[k] * invR, uy = y[k] * invR, uz = z[k] * invR;
            // ∂U_k = w (f_c' U D̂ + f_c ∂U), in place.
            for (int d = 0; d < 3; d++)
            {
                double u = d == 0 ? ux : d == 1 ? uy : uz;
                double a = wk * dsw * u, s = wk * sw;
                var dr = _duR.AsSpan(d * n, n);
                var di = _duI.AsSpan(d * n, n);
                for (int q = 0; q < n; q++)
                {
                    dr[q] = a * _uR[q] + s * dr[q];
                    di[q] = a * _uI[q] + s * di[q];
                }
            }
            for (int t = 0; t < ix.ZTriples.Length; t++)
            {
                if (!_zForGradient[t]) continue;
                HalfContraction3(ix.UStart[ix.ZTriples[t].J], ix.ZTriples[t].J, ix.ZStart[t], n, _h.AsSpan(3 * t, 3));
            }
            var g = gradient.Slice(k * 3 * cols, 3 * cols);
            for (int c = 0; c < cols; c++)
            {
                int t0 = 3 * ix.ColumnZ[c], t1 = 3 * ix.ColumnZ1[c], t2 = 3 * ix.ColumnZ2[c];
                for (int d = 0; d < 3; d++)
                    g[d * cols + c] = 2 * (_h[t0 + d] + _f1[c] * _h[t1 + d] + _f2[c] * _h[t2 + d]);
            }
        }
    }

    /// <summary>Σ over rows mb &lt; j/2 and half the middle row of Re[conj(U) Z] (the full sum is twice this).</summary>
    private double HalfContraction(ReadOnlySpan<double> uR, ReadOnlySpan<double> uI, int uStart, int j, int zStart)
    {
        double sum = 0;
        int full = ((j + 1) / 2) * (j + 1); // rows mb with 2mb < j
        var ur = uR.Slice(uStart, full);
        var ui = uI.Slice(uStart, full);
        var zr = _zR.AsSpan(zStart, full);
        var zi = _zI.AsSpan(zStart, full);
        for (int q = 0; q < full; q++) sum += ur[q] * zr[q] + ui[q] * zi[q];
        if ((j & 1) == 0)
        {
            int mb = j / 2, row = mb * (j + 1);
            for (int ma = 0; ma < mb; ma++) sum += uR[uStart + row + ma] * _zR[zStart + row + ma] + uI[uStart + row + ma] * _zI[zStart + row + ma];
            sum += 0.5 * (uR[uStart + row + mb] * _zR[zStart + row + mb] + uI[uStart + row + mb] * _zI[zStart + row + mb]);
        }
        return sum;
    }

    /// <summary><see cref="HalfContraction"/> of the three components of ∂U (in _duR/_duI at 0, n, 2n) with one Z block.</summary>
    private void HalfContraction3(int uStart, int j, int zStart, int n, Span<double> h)
    {
        double sx = 0, sy = 0, sz = 0;
        int full = ((j + 1) / 2) * (j + 1);
        ref double xr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_duR), uStart);
        ref double xi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_duI), uStart);
        ref double yr = ref Unsafe.Add(ref xr, n), yi = ref Unsafe.Add(ref xi, n);
        ref double zr2 = ref Unsafe.Add(ref xr, 2 * n), zi2 = ref Unsafe.Add(ref xi, 2 * n);
        ref double zr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zR), zStart);
        ref double zi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zI), zStart);
        for (int q = 0; q < full; q++)
        {
            double a = Unsafe.Add(ref zr, q), b = Unsafe.Add(ref zi, q);
            sx += Unsafe.Add(ref xr, q) * a + Unsafe.Add(ref xi, q) * b;
            sy += Unsafe.Add(ref yr, q) * a + Unsafe.Add(ref yi, q) * b;
            sz += Unsafe.Add(ref zr2, q) * a + Unsafe.Add(ref zi2, q) * b;
        }
        if ((j & 1) == 0)
        {
            int mb = j / 2;
            for (int ma = 0; ma <= mb; ma++)
            {
                int q = full + ma; // the middle row starts where the full rows end
                double w = ma == mb ? 0.5 : 1;
                double a = w * Unsafe.Add(ref zr, q), b = w * Unsafe.Add(ref zi, q);
                sx += Unsafe.Add(ref xr, q) * a + Unsafe.Add(ref xi, q) * b;
                sy += Unsafe.Add(ref yr, q) * a + Unsafe.Add(ref yi, q) * b;
                sz += Unsafe.Add(ref zr2, q) * a + Unsafe.Add(ref zi2, q) * b;
            }
        }
        h[0] = sx;
        h[1] = sy;
        h[2] = sz;
    }

    /// <summary>Z^j_{j1j2} for rows mb ≤ j/2 (see the class summary) from U_tot (index arithmetic checked by construction, so no bounds checks).</summary>
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
            for (int ma = 0; ma <= j; ma++)
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
                int q = mb * (j + 1) + ma;
                Unsafe.Add(ref zR, q) = zr * norm;
                Unsafe.Add(ref zI, q) = zi * norm;
            }
        }
    }

    private double Switch(double r, double rc)
    {
        if (!_switch || r <= _rmin0) return 1;
        if (r > rc) return 0;
        return 0.5 * (Math.Cos(Math.PI * (r - _rmin0) / (rc - _rmin0)) + 1);
    }

    private double SwitchDerivative(double r, double rc)
    {
        if (!_switch || r <= _rmin0 || r > rc) return 0;
        double scale = Math.PI / (rc - _rmin0);
        return -0.5 * Math.Sin((r - _rmin0) * scale) * scale;
    }
}
