using System.Collections.Concurrent;
using AtomCuration.Common;
using MathNet.Numerics;

namespace AtomCuration.Descriptors;

/// <summary>
/// DScribe 2.1's GTO radial basis: g_nl(r) = Σ_k β_l,nk r^l exp(−α_lk r²) with a_k = linspace(1, r_cut, n_max),
/// α_lk = −ln(10⁻³ / a_k^l) / a_k², and β_l = S_l^(−1/2) (Löwdin) for the overlap on [0, ∞)
/// S_kk' = ½ Γ(l + 3/2) (α_k + α_k')^(−l−3/2). Projecting a Gaussian exp(−|r − r_j|²/2σ²) onto
/// g_nl Y_lm has the closed form (no Bessel functions needed)
/// c_nlm = R_lm(r_j) Σ_k β_l,nk (2π)^{3/2} σ³ (1 + 2α_lk σ²)^(−l−3/2) exp(−α_lk r_j² / (1 + 2α_lk σ²)),
/// with R_lm the real solid harmonic; <see cref="Gamma"/> and <see cref="Weights"/> hold the exponents and the
/// combined prefactors. The a_k and α_lk are computed exactly as DScribe's NumPy code does (numpy.linspace
/// rounding), and β in double-double (<see cref="LowdinOrthonormalization"/>): S is ill-conditioned, so
/// the rounding of a single α or of a double-precision S^(−1/2) would otherwise show in the result.
/// </summary>
internal sealed class GtoRadialBasis
{
    public GtoRadialBasis(double rcut, int nmax, int lmax, double sigma)
    {
        Alpha = new double[(lmax + 1) * nmax];
        Gamma = new double[(lmax + 1) * nmax];
        Weights = new double[(lmax + 1) * nmax * nmax];
        Beta = new double[(lmax + 1) * nmax * nmax];
        for (int l = 0; l <= lmax; l++)
        {
            Alphas(rcut, nmax, l).CopyTo(Alpha, l * nmax);
            var beta = LowdinWeights(rcut, nmax, l);
            for (int n = 0; n < nmax; n++)
            for (int k = 0; k < nmax; k++)
            {
                Beta[(l * nmax + n) * nmax + k] = beta[n, k];
                double alpha = Alpha[l * nmax + k], d = 1 + 2 * alpha * sigma * sigma;
                Weights[(l * nmax + n) * nmax + k] = Beta[(l * nmax + n) * nmax + k] * Math.Pow(2 * Math.PI, 1.5) * sigma * sigma * sigma * Math.Pow(d, -l - 1.5);
            }
            for (int k = 0; k < nmax; k++)
            {
                double alpha = Alpha[l * nmax + k];
                Gamma[l * nmax + k] = alpha / (1 + 2 * alpha * sigma * sigma);
            }
        }
    }

    /// <summary>α_lk at [l·nmax + k].</summary>
    public double[] Alpha { get; }

    /// <summary>α/(1 + 2ασ²) at [l·nmax + k]: the exponent of the projected Gaussian.</summary>
    public double[] Gamma { get; }

    /// <summary>β_l,nk at [(l·nmax + n)·nmax + k].</summary>
    public double[] Beta { get; }

    /// <summary>β_l,nk (2π)^{3/2} σ³ (1 + 2α_lk σ²)^(−l−3/2) at [(l·nmax + n)·nmax + k].</summary>
    public double[] Weights { get; }

    /// <summary>α_lk for k = 0…nmax−1, exactly as DScribe's NumPy code computes them.</summary>
    private static double[] Alphas(double rcut, int nmax, int l)
    {
        var a = Linspace(1, rcut, nmax);
        return a.Select(ak => -Math.Log(1e-3 / Math.Pow(ak, l)) / (ak * ak)).ToArray();
    }

    private static readonly ConcurrentDictionary<(double RCut, int NMax, int L), double[,]> LowdinCache = new();

    /// <summary>
    /// β_l = S_l^(−1/2), computed once per (r_cut, n_max, l) and shared (read-only) by every basis built with them.
    /// Throws <see cref="ArgumentException"/> when the basis is too close to linearly dependent.
    /// </summary>
    internal static double[,] LowdinWeights(double rcut, int nmax, int l) => LowdinCache.GetOrAdd((rcut, nmax, l), key =>
    {
        var alpha = Alphas(key.RCut, key.NMax, key.L);
        // S = ½Γ(l + 3/2) T with T_pq = (α_p + α_q)^(−l−3/2), so β = T^(−1/2) / √(½Γ(l + 3/2)).
        var beta = LowdinOrthonormalization.InverseSquareRoot(key.NMax, (p, q) =>
        {
            var sum = DoubleDouble.TwoSum(alpha[p], alpha[q]);
            return 1 / (DoubleDouble.Pow(sum, key.L + 1) * DoubleDouble.Sqrt(sum));
        });
        double normalization = 1 / Math.Sqrt(0.5 * SpecialFunctions.Gamma(key.L + 1.5));
        for (int n = 0; n < key.NMax; n++)
        for (int k = 0; k < key.NMax; k++)
            beta[n, k] *= normalization;
        return beta;
    });

    /// <summary>numpy.linspace(start, stop, count) to the bit: k·step + start, the last point exactly stop.</summary>
    private static double[] Linspace(double start, double stop, int count)
    {
        var x = new double[count];
        if (count == 1) x[0] = start;
        if (count < 2) return x;
        double step = (stop - start) / (count - 1);
        for (int k = 0; k < count - 1; k++) x[k] = k * step + start;
        x[count - 1] = stop;
        return x;
    }
}
