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

    public override void Evaluate(Vector256<double> r2, Span<Vector256<double>> output, Span<Vector256<double>> scratch)
    {
        var gamma = _basis.Gamma;
        var weights = _basis.Weights;
        var e = scratch[.._nmax];
        for (int l = 0; l <= _lmax; l++)
        {
            for (int k = 0; k < _nmax; k++) e[k] = VectorMath.ExpNonPositive(r2 * Vector256.Create(-gamma[l * _nmax + k]));
            for (int n = 0; n < _nmax; n++)
            {
                int w = (l * _nmax + n) * _nmax;
                var sum = Vector256<double>.Zero;
                for (int k = 0; k < _nmax; k++) sum += Vector256.Create(weights[w + k]) * e[k];
                output[l * _nmax + n] = sum;
            }
        }
    }
}
