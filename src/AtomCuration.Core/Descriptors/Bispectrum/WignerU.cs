namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// The hyperspherical harmonics U^j_{mb,ma} of one neighbour (Thompson et al., J. Comput. Phys. 285, 316 (2015),
/// doi:10.1016/j.jcp.2014.12.018, Eqs. 5–8), and their gradients with respect to the neighbour vector,
/// by the recursive Cayley–Klein form. A neighbour at D = (x, y, z), r = |D|, inside its cutoff r_c is mapped
/// onto the 3-sphere by θ0 = rfac0·π·(r − rmin0)/(r_c − rmin0) and the Cayley–Klein parameters
/// <code>
/// z0 = r·cot θ0,   r0 = √(r² + z0²),   a = (z0 − i z)/r0,   b = (y − i x)/r0.
/// </code>
/// U^0 = 1; for doubled j ≥ 1 and rows mb ≤ j/2 (all doubled, 0 … j):
/// <code>
/// U^j_{mb,ma} = √((j−ma)/(j−mb)) · ā · U^{j−1}_{mb,ma} − √(ma/(j−mb)) · b̄ · U^{j−1}_{mb,ma−1}
/// </code>
/// (a term is absent when its U^{j−1} index is out of range), and the other rows follow from the symmetry
/// U^j_{j−mb, j−ma} = (−1)^{ma+mb} · conj(U^j_{mb,ma}). The gradient follows by the product rule with
/// ∇a, ∇b from dz0/dr = z0/r − (π·rfac0/(r_c − rmin0))·(r² + z0²)/r and d(1/r0)/dr = −(r + z0·dz0/dr)/r0³.
/// </summary>
internal static class WignerU
{
    /// <summary>
    /// Fills U (re/im, <see cref="BispectrumIndex.UCount"/> each) for a neighbour at (x, y, z), distance r, cutoff rc;
    /// with <paramref name="duR"/> non-empty also dU/dx, dU/dy, dU/dz (3·UCount each, component-major).
    /// </summary>
    public static void Compute(BispectrumIndex ix, double rfac0, double rmin0, double x, double y, double z, double r, double rc,
        Span<double> uR, Span<double> uI, Span<double> duR, Span<double> duI)
    {
        double rscale0 = rfac0 * Math.PI / (rc - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double cs = Math.Cos(theta0), sn = Math.Sin(theta0);
        double z0 = r * cs / sn;
        double r0inv = 1 / Math.Sqrt(r * r + z0 * z0);
        double aR = r0inv * z0, aI = -r0inv * z, bR = r0inv * y, bI = -r0inv * x;
        bool gradient = !duR.IsEmpty;
        int n = ix.UCount;
        Span<double> daR = stackalloc double[3], daI = stackalloc double[3], dbR = stackalloc double[3], dbI = stackalloc double[3];
        if (gradient)
        {
            double dz0dr = z0 / r - r * rscale0 * (r * r + z0 * z0) / (r * r);
            double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
            double ux = x / r, uy = y / r, uz = z / r;
            double daRdr = dz0dr * r0inv + z0 * dr0invdr;
            Span<double> u = [ux, uy, uz];
            for (int k = 0; k < 3; k++)
            {
                daR[k] = daRdr * u[k];
                daI[k] = -z * dr0invdr * u[k];
                dbR[k] = y * dr0invdr * u[k];
                dbI[k] = -x * dr0invdr * u[k];
            }
            daI[2] -= r0inv;
            dbR[1] += r0inv;
            dbI[0] -= r0inv;
            duR.Slice(0, 3 * n).Clear();
            duI.Slice(0, 3 * n).Clear();
        }
        uR[0] = 1;
        uI[0] = 0;
        var root = ix.RootPq;
        int stride = ix.RootStride;
        for (int j = 1; j <= ix.TwoJMax; j++)
        {
            int block = ix.UStart[j], prev = ix.UStart[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++)
            {
                int row = block + mb * (j + 1), prow = prev + mb * j;
                for (int ma = 0; ma <= j; ma++)
                {
                    double vr = 0, vi = 0;
                    if (ma < j)
                    {
                        // √((j−ma)/(j−mb)) · conj(a) · U^{j−1}_{mb,ma}
                        double c = root[(j - ma) * stride + j - mb];
                        double pr = uR[prow + ma], pi = uI[prow + ma];
                        vr += c * (aR * pr + aI * pi);
                        vi += c * (aR * pi - aI * pr);
                    }
                    if (ma > 0)
                    {
                        // −√(ma/(j−mb)) · conj(b) · U^{j−1}_{mb,ma−1}
                        double c = root[ma * stride + j - mb];
                        double pr = uR[prow + ma - 1], pi = uI[prow + ma - 1];
                        vr -= c * (bR * pr + bI * pi);
                        vi -= c * (bR * pi - bI * pr);
                    }
                    uR[row + ma] = vr;
                    uI[row + ma] = vi;
                }
                if (gradient)
                    for (int k = 0; k < 3; k++)
                    {
                        int o = k * n;
                        for (int ma = 0; ma <= j; ma++)
                        {
                            double vr = 0, vi = 0;
                            if (ma < j)
                            {
                                double c = root[(j - ma) * stride + j - mb];
                                double pr = uR[prow + ma], pi = uI[prow + ma];
                                double dpr = duR[o + prow + ma], dpi = duI[o + prow + ma];
                                vr += c * (daR[k] * pr + daI[k] * pi + aR * dpr + aI * dpi);
                                vi += c * (daR[k] * pi - daI[k] * pr + aR * dpi - aI * dpr);
                            }
                            if (ma > 0)
                            {
                                double c = root[ma * stride + j - mb];
                                double pr = uR[prow + ma - 1], pi = uI[prow + ma - 1];
                                double dpr = duR[o + prow + ma - 1], dpi = duI[o + prow + ma - 1];
                                vr -= c * (dbR[k] * pr + dbI[k] * pi + bR * dpr + bI * dpi);
                                vi -= c * (dbR[k] * pi - dbI[k] * pr + bR * dpi - bI * dpr);
                            }
                            duR[o + row + ma] = vr;
                            duI[o + row + ma] = vi;
                        }
                    }
            }
            Mirror(uR, uI, block, j);
            if (gradient)
                for (int k = 0; k < 3; k++) Mirror(duR.Slice(k * n), duI.Slice(k * n), block, j);
        }
    }

    /// <summary>Rows mb &gt; j/2 (and the upper half of the middle row) from U_{j−mb, j−ma} = (−1)^{ma+mb} conj(U_{mb,ma}).</summary>
    private static void Mirror(Span<double> re, Span<double> im, int block, int j)
    {
        for (int mb = 0; 2 * mb <= j; mb++)
        {
            int maEnd = 2 * mb == j ? mb : j + 1; // middle row: only its lower half is a source
            for (int ma = 0; ma < maEnd; ma++)
            {
                int from = block + mb * (j + 1) + ma, to = block + (j - mb) * (j + 1) + (j - ma);
                if (((ma + mb) & 1) == 0)
                {
                    re[to] = re[from];
                    im[to] = -im[from];
                }
                else
                {
                    re[to] = -re[from];
                    im[to] = im[from];
                }
            }
        }
    }
}
