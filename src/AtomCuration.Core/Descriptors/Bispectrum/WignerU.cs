using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// <remarks>Spans must hold UCount (and 3·UCount) entries; the recursion's indices stay inside them by construction.</remarks>
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
            duR[0] = duI[0] = duR[n] = duI[n] = duR[2 * n] = duI[2 * n] = 0; // dU^0 = 0
        }
        uR[0] = 1;
        uI[0] = 0;
        var root = ix.RootPq;
        int stride = ix.RootStride;
        // Derivative components live at offsets 0, n, 2n of duR/duI.
        double daR0 = daR[0], daR1 = daR[1], daR2 = daR[2], daI0 = daI[0], daI1 = daI[1], daI2 = daI[2];
        double dbR0 = dbR[0], dbR1 = dbR[1], dbR2 = dbR[2], dbI0 = dbI[0], dbI1 = dbI[1], dbI2 = dbI[2];
        ref double ur0 = ref MemoryMarshal.GetReference(uR);
        ref double ui0 = ref MemoryMarshal.GetReference(uI);
        ref double dur0 = ref MemoryMarshal.GetReference(duR);
        ref double dui0 = ref MemoryMarshal.GetReference(duI);
        for (int j = 1; j <= ix.TwoJMax; j++)
        {
            int block = ix.UStart[j], prev = ix.UStart[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++)
            {
                int row = block + mb * (j + 1), prow = prev + mb * j;
                // Terms of U^j_{mb,ma}: √((j−ma)/(j−mb))·ā·P[ma] (ma < j) and −√(ma/(j−mb))·b̄·P[ma−1] (ma > 0), P = U^{j−1}_{mb,·}.
                for (int ma = 0; ma <= j; ma++)
                {
                    double vr = 0, vi = 0;
                    double ca = ma < j ? root[(j - ma) * stride + j - mb] : 0;
                    double cb = ma > 0 ? root[ma * stride + j - mb] : 0;
                    int pa = prow + Math.Min(ma, j - 1), pb = prow + Math.Max(ma - 1, 0);
                    double ar = Unsafe.Add(ref ur0, pa), ai = Unsafe.Add(ref ui0, pa), br = Unsafe.Add(ref ur0, pb), bi = Unsafe.Add(ref ui0, pb);
                    vr = ca * (aR * ar + aI * ai) - cb * (bR * br + bI * bi);
                    vi = ca * (aR * ai - aI * ar) - cb * (bR * bi - bI * br);
                    Unsafe.Add(ref ur0, row + ma) = vr;
                    Unsafe.Add(ref ui0, row + ma) = vi;
                    if (!gradient) continue;
                    double dar0 = Unsafe.Add(ref dur0, pa), dai0 = Unsafe.Add(ref dui0, pa), dbr0 = Unsafe.Add(ref dur0, pb), dbi0 = Unsafe.Add(ref dui0, pb);
                    double dar1 = Unsafe.Add(ref dur0, n + pa), dai1 = Unsafe.Add(ref dui0, n + pa), dbr1 = Unsafe.Add(ref dur0, n + pb), dbi1 = Unsafe.Add(ref dui0, n + pb);
                    double dar2 = Unsafe.Add(ref dur0, 2 * n + pa), dai2 = Unsafe.Add(ref dui0, 2 * n + pa), dbr2 = Unsafe.Add(ref dur0, 2 * n + pb), dbi2 = Unsafe.Add(ref dui0, 2 * n + pb);
                    Unsafe.Add(ref dur0, row + ma) = ca * (daR0 * ar + daI0 * ai + aR * dar0 + aI * dai0) - cb * (dbR0 * br + dbI0 * bi + bR * dbr0 + bI * dbi0);
                    Unsafe.Add(ref dui0, row + ma) = ca * (daR0 * ai - daI0 * ar + aR * dai0 - aI * dar0) - cb * (dbR0 * bi - dbI0 * br + bR * dbi0 - bI * dbr0);
                    Unsafe.Add(ref dur0, n + row + ma) = ca * (daR1 * ar + daI1 * ai + aR * dar1 + aI * dai1) - cb * (dbR1 * br + dbI1 * bi + bR * dbr1 + bI * dbi1);
                    Unsafe.Add(ref dui0, n + row + ma) = ca * (daR1 * ai - daI1 * ar + aR * dai1 - aI * dar1) - cb * (dbR1 * bi - dbI1 * br + bR * dbi1 - bI * dbr1);
                    Unsafe.Add(ref dur0, 2 * n + row + ma) = ca * (daR2 * ar + daI2 * ai + aR * dar2 + aI * dai2) - cb * (dbR2 * br + dbI2 * bi + bR * dbr2 + bI * dbi2);
                    Unsafe.Add(ref dui0, 2 * n + row + ma) = ca * (daR2 * ai - daI2 * ar + aR * dai2 - aI * dar2) - cb * (dbR2 * bi - dbI2 * br + bR * dbi2 - bI * dbr2);
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
