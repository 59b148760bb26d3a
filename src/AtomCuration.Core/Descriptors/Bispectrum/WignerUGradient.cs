using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// One neighbour's hyperspherical harmonics together with their gradient, four lanes per entry: lane 0 holds
/// U^j_{mb,ma}, lanes 1–3 hold ∂U/∂x, ∂U/∂y, ∂U/∂z (real and imaginary parts in two arrays, the U layout of
/// <see cref="BispectrumIndex"/>). The recursion of <see cref="WignerU"/> (Thompson et al., J. Comput. Phys. 285, 316
/// (2015), doi:10.1016/j.jcp.2014.12.018, Eqs. 5–8) and its product-rule derivative
/// <code>
/// ∂(ā·P) = ∂ā·P + ā·∂P,   ∂(b̄·P) = ∂b̄·P + b̄·∂P,
/// </code>
/// then run as the same vector operations, with ∂a, ∂b zero in lane 0 and the broadcast of P's lane 0 (P itself)
/// multiplying them. Only the rows mb ≤ j/2 are produced — the half contractions of <see cref="BispectrumKernel"/> read
/// no others — plus, for odd j, the mirror row (j+1)/2 that the next level's middle row needs
/// (U^j_{j−mb, j−ma} = (−1)^{ma+mb} conj(U^j_{mb,ma}), which the derivative obeys too). Finally these rows become the
/// neighbour's weighted, switched contribution: lane 0 ← w f_c U, lanes 1–3 ← w (f_c' D̂ U + f_c ∂U).
/// </summary>
internal static class WignerUGradient
{
    /// <summary>
    /// Fills <paramref name="re"/>, <paramref name="im"/> (<see cref="BispectrumIndex.UCount"/> each; rows mb ≤ j/2 valid)
    /// for a neighbour at D = (x, y, z), r = |D|, with z0 = r·cot θ0 and dz0/dr, weighted switching value
    /// <paramref name="wfc"/> = w·f_c and its derivative <paramref name="wdfc"/> = w·f_c'.
    /// </summary>
    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(BispectrumIndex ix, double x, double y, double z, double r, double z0, double dz0dr,
        double wfc, double wdfc, Span<Vector256<double>> re, Span<Vector256<double>> im)
    {
        double r0inv = 1 / Math.Sqrt(r * r + z0 * z0);
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double ux = x / r, uy = y / r, uz = z / r;
        double daRdr = dz0dr * r0inv + z0 * dr0invdr;
        var aR = Vector256.Create(r0inv * z0);
        var aI = Vector256.Create(-r0inv * z);
        var bR = Vector256.Create(r0inv * y);
        var bI = Vector256.Create(-r0inv * x);
        // a = (z0 − i z)/r0, b = (y − i x)/r0 and their gradients (lane 0: no derivative).
        var daR = Vector256.Create(0, daRdr * ux, daRdr * uy, daRdr * uz);
        var daI = Vector256.Create(0, -z * dr0invdr * ux, -z * dr0invdr * uy, -z * dr0invdr * uz - r0inv);
        var dbR = Vector256.Create(0, y * dr0invdr * ux, y * dr0invdr * uy + r0inv, y * dr0invdr * uz);
        var dbI = Vector256.Create(0, -x * dr0invdr * ux - r0inv, -x * dr0invdr * uy, -x * dr0invdr * uz);
        ref var r0 = ref MemoryMarshal.GetReference(re);
        ref var i0 = ref MemoryMarshal.GetReference(im);
        r0 = Vector256.Create(1.0, 0, 0, 0);
        i0 = Vector256<double>.Zero;
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
                    // U^j_{mb,ma} = √((j−ma)/(j−mb))·ā·P[ma] − √(ma/(j−mb))·b̄·P[ma−1], P = U^{j−1}_{mb,·} (absent terms have weight 0).
                    var ca = Vector256.Create(ma < j ? root[(j - ma) * stride + j - mb] : 0);
                    var cb = Vector256.Create(ma > 0 ? root[ma * stride + j - mb] : 0);
                    int pa = prow + Math.Min(ma, j - 1), pb = prow + Math.Max(ma - 1, 0);
                    var par = Unsafe.Add(ref r0, pa);
                    var pai = Unsafe.Add(ref i0, pa);
                    var pbr = Unsafe.Add(ref r0, pb);
                    var pbi = Unsafe.Add(ref i0, pb);
                    var par0 = Vector256.Create(par.ToScalar());
                    var pai0 = Vector256.Create(pai.ToScalar());
                    var pbr0 = Vector256.Create(pbr.ToScalar());
                    var pbi0 = Vector256.Create(pbi.ToScalar());
                    var tr = aR * par + aI * pai + daR * par0 + daI * pai0;
                    var ti = aR * pai - aI * par + daR * pai0 - daI * par0;
                    var sr = bR * pbr + bI * pbi + dbR * pbr0 + dbI * pbi0;
                    var si = bR * pbi - bI * pbr + dbR * pbi0 - dbI * pbr0;
                    Unsafe.Add(ref r0, row + ma) = ca * tr - cb * sr;
                    Unsafe.Add(ref i0, row + ma) = ca * ti - cb * si;
                }
            }
            if ((j & 1) == 1 && j < ix.TwoJMax)
            {
                // Row (j+1)/2 = mirror of row (j−1)/2, read by level j+1's middle row.
                int mb = (j - 1) / 2, from = block + mb * (j + 1), to = block + (j - mb) * (j + 1) + j;
                for (int ma = 0; ma <= j; ma++)
                {
                    var fr = Unsafe.Add(ref r0, from + ma);
                    var fi = Unsafe.Add(ref i0, from + ma);
                    bool even = ((ma + mb) & 1) == 0;
                    Unsafe.Add(ref r0, to - ma) = even ? fr : -fr;
                    Unsafe.Add(ref i0, to - ma) = even ? -fi : fi;
                }
            }
        }
        // Weighted and switched: lane 0 ← s·U, lanes d ← s·∂U + w f_c'·D̂_d·U, with s = w f_c.
        var s = Vector256.Create(wfc);
        var a = Vector256.Create(0, wdfc * ux, wdfc * uy, wdfc * uz);
        for (int j = 0; j <= ix.TwoJMax; j++)
        {
            int start = ix.UStart[j], end = start + (j / 2 + 1) * (j + 1);
            for (int q = start; q < end; q++)
            {
                ref var vr = ref Unsafe.Add(ref r0, q);
                ref var vi = ref Unsafe.Add(ref i0, q);
                vr = s * vr + a * Vector256.Create(vr.ToScalar());
                vi = s * vi + a * Vector256.Create(vi.ToScalar());
            }
        }
    }
}
