using System.Runtime.CompilerServices;
namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Steinhardt bond-orientational order q_l (Phys. Rev. B 28, 784, 1983) of a set of neighbour
/// directions: q_l = √(4π/(2l+1) Σ_m |N⁻¹ Σ_j Y_lm(r̂_j)|²). By the addition theorem
/// Σ_m Y_lm(a) Y*_lm(b) = (2l+1)/(4π) P_l(a·b) this is √(Σ_jk P_l(r̂_j·r̂_k)) / N, which is what
/// is evaluated (the same number pymatgen's <c>get_q2/q4/q6</c> sum harmonic by harmonic).
/// </summary>
/// <remarks>
/// Where q_l vanishes (q2 of a cubic environment) the rounding residue ε ≈ N²·1e-16 of the
/// double sum becomes √ε/N ≲ 1.5e-8 after the square root, against ~1e-16 from pymatgen's
/// sum of squares: far inside the 1e-6 agreement the fingerprint is held to.
/// </remarks>
internal static class SteinhardtOrder
{
    /// <summary>q_l for l = 2, 4 or 6 of the first <paramref name="n"/> neighbours; null without neighbours.</summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? Q(int l, NeighborAngles g, int n)
    {
        if (n == 0) return null;
        double sum = n * Legendre(l, 1.0);
        for (int j = 0; j < n; j++)
            for (int k = j + 1; k < n; k++)
                sum += 2 * Legendre(l, g.Cos(j, k));
        return Math.Sqrt(Math.Max(sum, 0)) / n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Legendre(int l, double x)
    {
        double x2 = x * x;
        return l switch
        {
            2 => 0.5 * (3 * x2 - 1),
            4 => 0.125 * ((35 * x2 - 30) * x2 + 3),
            6 => 0.0625 * (((231 * x2 - 315) * x2 + 105) * x2 - 5),
            _ => throw new ArgumentOutOfRangeException(nameof(l), l, "Only l = 2, 4, 6."),
        };
    }
}
