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
        var a = Linspace(1, rcut, nmax);
        for (int l = 0; l <= lmax; l++)
        {
            for (int k = 0; k < nmax; k++) Alpha[l * nmax + k] = -Math.Log(1e-3 / Math.Pow(a[k], l)) / (a[k] * a[k]);
            // S = ½Γ(l + 3/2) T with T_pq = (α_p + α_q)^(−l−3/2), so β = T^(−1/2) / √(½Γ(l + 3/2)).
            int row = l * nmax, power = l + 1;
            var beta = LowdinOrthonormalization.InverseSquareRoot(nmax, (p, q) =>
            {
                var sum = DoubleDouble.TwoSum(Alpha[row + p], Alpha[row + q]);
                return 1 / (DoubleDouble.Pow(sum, power) * DoubleDouble.Sqrt(sum));
            });
            double normalization = 1 / Math.Sqrt(0.5 * SpecialFunctions.Gamma(l + 1.5));
            for (int n = 0; n < nmax; n++)
            for (int k = 0; k < nmax; k++)
            {
                Beta[(l * nmax + n) * nmax + k] = normalization * beta[n, k];
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
