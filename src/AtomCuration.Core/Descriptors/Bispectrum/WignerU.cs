using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// The hyperspherical harmonics U^j_{mb,ma} of one neighbour (Thompson et al., J. Comput. Phys. 285, 316 (2015),
/// doi:10.1016/j.jcp.2014.12.018, Eqs. 5–8)
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
/// U^j_{j−mb, j−ma} = (−1)^{ma+mb} · conj(U^j_{mb,ma}). <see cref="WignerUGradient"/> carries the gradient along,
/// with ∇a, ∇b from dz0/dr = z0/r − (π·rfac0/(r_c − rmin0))·(r² + z0²)/r and d(1/r0)/dr = −(r + z0·dz0/dr)/r0³.
/// </summary>
internal static class WignerU
{
    /// <summary>
    /// Fills the rows mb ≤ j/2 of U (re/im, <see cref="BispectrumIndex.UCount"/> each) for a neighbour at (x, y, z),
    /// distance r, with z0 = r·cot θ0 (plus, for odd j, the mirrored row the next level needs; <see cref="Mirror"/> completes the rest).
    /// </summary>
    /// <remarks>Spans must hold UCount entries; the recursion's indices stay inside them by construction.</remarks>
    public static void Compute(BispectrumIndex ix, double x, double y, double z, double r, double z0, Span<double> uR, Span<double> uI)
    {
        double r0inv = 1 / Math.Sqrt(r * r + z0 * z0);
        double aR = r0inv * z0, aI = -r0inv * z, bR = r0inv * y, bI = -r0inv * x;
        uR[0] = 1;
        uI[0] = 0;
        var root = ix.RootPq;
        int stride = ix.RootStride;
        ref double ur0 = ref MemoryMarshal.GetReference(uR);
        ref double ui0 = ref MemoryMarshal.GetReference(uI);
        for (int j = 1; j <= ix.TwoJMax; j++)
        {
            int block = ix.UStart[j], prev = ix.UStart[j - 1];
            for (int mb = 0; 2 * mb <= j; mb++)
            {
                int row = block + mb * (j + 1), prow = prev + mb * j;
                // Terms of U^j_{mb,ma}: √((j−ma)/(j−mb))·ā·P[ma] (ma < j) and −√(ma/(j−mb))·b̄·P[ma−1] (ma > 0), P = U^{j−1}_{mb,·}.
                for (int ma = 0; ma <= j; ma++)
                {
                    double ca = ma < j ? root[(j - ma) * stride + j - mb] : 0;
                    double cb = ma > 0 ? root[ma * stride + j - mb] : 0;
                    int pa = prow + Math.Min(ma, j - 1), pb = prow + Math.Max(ma - 1, 0);
                    double ar = Unsafe.Add(ref ur0, pa), ai = Unsafe.Add(ref ui0, pa), br = Unsafe.Add(ref ur0, pb), bi = Unsafe.Add(ref ui0, pb);
                    Unsafe.Add(ref ur0, row + ma) = ca * (aR * ar + aI * ai) - cb * (bR * br + bI * bi);
                    Unsafe.Add(ref ui0, row + ma) = ca * (aR * ai - aI * ar) - cb * (bR * bi - bI * br);
                }
            }
            if ((j & 1) == 1 && j < ix.TwoJMax) MirrorRow(uR, uI, block, j, (j - 1) / 2); // read by level j+1's middle row
        }
    }

    /// <summary>
    /// Completes every block from its rows mb ≤ j/2 (and the lower half of the middle row): a sum of neighbours' U, such as
    /// U_tot, obeys the same symmetry, so it is mirrored once per atom rather than per neighbour.
    /// </summary>
    public static void Mirror(BispectrumIndex ix, Span<double> re, Span<double> im)
    {
        for (int j = 1; j <= ix.TwoJMax; j++)
            for (int mb = 0; 2 * mb <= j; mb++) MirrorRow(re, im, ix.UStart[j], j, mb);
    }

    /// <summary>Row j−mb of block j from row mb, U_{j−mb, j−ma} = (−1)^{ma+mb} conj(U_{mb,ma}) (the middle row: its upper half from its lower).</summary>
    private static void MirrorRow(Span<double> re, Span<double> im, int block, int j, int mb)
    {
        int maEnd = 2 * mb == j ? mb : j + 1;
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
