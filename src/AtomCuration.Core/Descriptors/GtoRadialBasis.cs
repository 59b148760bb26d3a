using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Descriptors;

/// <summary>
/// DScribe 2.1's GTO radial basis: g_nl(r) = Σ_k β_l,nk r^l exp(−α_lk r²) with a_k = linspace(1, r_cut, n_max),
/// α_lk = −ln(10⁻³ / a_k^l) / a_k², and β_l = S_l^(−1/2) (Löwdin) for the overlap on [0, ∞)
/// S_kk' = ½ Γ(l + 3/2) (α_k + α_k')^(−l−3/2). Projecting a Gaussian exp(−|r − r_j|²/2σ²) onto
/// g_nl Y_lm has the closed form (no Bessel functions needed)
/// c_nlm = R_lm(r_j) Σ_k β_l,nk (2π)^{3/2} σ³ (1 + 2α_lk σ²)^(−l−3/2) exp(−α_lk r_j² / (1 + 2α_lk σ²)),
/// with R_lm the real solid harmonic; <see cref="Gamma"/> and <see cref="Weights"/> hold the exponents and the
/// combined prefactors.
/// </summary>
internal sealed class GtoRadialBasis
{
    public GtoRadialBasis(double rcut, int nmax, int lmax, double sigma)
    {
        Alpha = new double[(lmax + 1) * nmax];
        Gamma = new double[(lmax + 1) * nmax];
        Weights = new double[(lmax + 1) * nmax * nmax];
        var a = Enumerable.Range(0, nmax).Select(k => nmax == 1 ? 1.0 : 1 + k * (rcut - 1) / (nmax - 1)).ToArray();
        for (int l = 0; l <= lmax; l++)
        {
            for (int k = 0; k < nmax; k++) Alpha[l * nmax + k] = -Math.Log(1e-3 / Math.Pow(a[k], l)) / (a[k] * a[k]);
            var s = Matrix<double>.Build.Dense(nmax, nmax, (p, q) =>
                0.5 * SpecialFunctions.Gamma(l + 1.5) * Math.Pow(Alpha[l * nmax + p] + Alpha[l * nmax + q], -l - 1.5));
            var beta = InverseSquareRoot(s);
            for (int n = 0; n < nmax; n++)
            for (int k = 0; k < nmax; k++)
            {
                double alpha = Alpha[l * nmax + k], d = 1 + 2 * alpha * sigma * sigma;
                Weights[(l * nmax + n) * nmax + k] = beta[n, k] * Math.Pow(2 * Math.PI, 1.5) * sigma * sigma * sigma * Math.Pow(d, -l - 1.5);
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

    /// <summary>β_l,nk (2π)^{3/2} σ³ (1 + 2α_lk σ²)^(−l−3/2) at [(l·nmax + n)·nmax + k].</summary>
    public double[] Weights { get; }

    /// <summary>S^(−1/2) of a symmetric positive-definite matrix through its eigen-decomposition.</summary>
    internal static Matrix<double> InverseSquareRoot(Matrix<double> s)
    {
        var evd = s.Evd(Symmetricity.Symmetric);
        var d = Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Map(e => 1 / Math.Sqrt(e.Real)));
        return evd.EigenVectors * d * evd.EigenVectors.Transpose();
    }
}
