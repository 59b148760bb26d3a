using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors;

/// <summary>The GTO basis, in closed form (<see cref="GtoRadialBasis"/>).</summary>
internal sealed class GtoRadial : SoapRadial
{
    private readonly GtoRadialBasis _basis;
    private readonly int _nmax, _lmax;

    public GtoRadial(SoapSettings settings)
    {
        _nmax = settings.NMax;
        _lmax = settings.LMax;
        _basis = new GtoRadialBasis(settings.RCut, _nmax, _lmax, settings.Sigma);
    }

    /// <summary>The projected Gaussians exp(−γ_lk r²) (<see cref="GtoRadialBasis.Gamma"/>); <see cref="ToBasis"/> applies the weights.</summary>
    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(Vector256<double> r2, Span<Vector256<double>> output, Span<Vector256<double>> scratch)
    {
        var gamma = _basis.Gamma;
        for (int lk = 0; lk < (_lmax + 1) * _nmax; lk++)
            output[lk] = VectorMath.ExpNonPositive(r2 * Vector256.Create(-gamma[lk]));
    }

    /// <summary>c_nlm = Σ_k W_lnk P_klm with W the <see cref="GtoRadialBasis.Weights"/>: once per atom, not per neighbour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void ToBasis(Span<double> block)
    {
        var weights = _basis.Weights;
        int lmCount = (_lmax + 1) * (_lmax + 1);
        Span<double> column = stackalloc double[_nmax];
        for (int l = 0; l <= _lmax; l++)
        for (int lm = l * l; lm < (l + 1) * (l + 1); lm++)
        {
            for (int k = 0; k < _nmax; k++) column[k] = block[k * lmCount + lm];
            for (int n = 0; n < _nmax; n++)
            {
                var w = weights.AsSpan((l * _nmax + n) * _nmax, _nmax);
                double sum = 0;
                for (int k = 0; k < _nmax; k++) sum += w[k] * column[k];
                block[n * lmCount + lm] = sum;
            }
        }
    }
}
