using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AtomCuration.Common;

namespace AtomCuration.Descriptors;

/// <summary>
/// The polynomial basis g_n(r) = Σ_a β_na (r_cut − r)^(a+2), a = 1…n_max, β = S^(−1/2) with
/// S_ab = ∫₀^r_cut r² (r_cut − r)^(a+2) (r_cut − r)^(b+2) dr = 2 r_cut^(7+a+b) / ((5+a+b)(6+a+b)(7+a+b)).
/// The angular integral of a Gaussian is 4π e^(−(r² + r_j²)/2σ²) i_l(r r_j/σ²) Y_lm(r̂_j); the radial
/// integral over [0, r_cut] is a 100-point Gauss–Legendre sum (as DScribe does). Because that sum is
/// costly (Bessel functions at every node), it is tabulated once per descriptor on a 0.01 Å grid of
/// neighbour distances and read back with 6-point Lagrange interpolation (relative error ~1e−10).
/// </summary>
internal sealed class PolynomialRadial : SoapRadial
{
    private const int Points = 100;
    private const double Step = 0.01;
    private readonly int _nmax, _lmax, _width, _gridPoints;
    private readonly double _sigma;
    private readonly double[] _nodes, _weights, _basis; // basis[n·Points + q] = g_n(r_q)
    private readonly double[] _table; // table[i·width + l·n_max + n] = I_nl(i·Step) / (i·Step)^l

    public PolynomialRadial(SoapSettings settings)
    {
        _nmax = settings.NMax;
        _lmax = settings.LMax;
        _width = (_lmax + 1) * _nmax;
        _sigma = settings.Sigma;
        double rc = settings.RCut;
        var beta = Beta = LowdinWeights(rc, _nmax);
        (_nodes, _weights) = GaussLegendre.Rule(Points, 0, rc);
        _basis = new double[_nmax * Points];
        for (int n = 0; n < _nmax; n++)
        for (int q = 0; q < Points; q++)
        {
            double sum = 0;
            for (int a = 0; a < _nmax; a++) sum += beta[n, a] * Math.Pow(rc - _nodes[q], a + 3);
            _basis[n * Points + q] = sum;
        }
        _gridPoints = (int)Math.Ceiling(settings.NeighbourCutoff / Step) + 6;
        _table = new double[_gridPoints * _width];
        for (int i = 0; i < _gridPoints; i++) Quadrature(i * Step, _table.AsSpan(i * _width, _width));
    }

    private static readonly ConcurrentDictionary<(double RCut, int NMax), double[,]> LowdinCache = new();

    /// <summary>
    /// β = S^(−1/2), once per (r_cut, n_max) and shared read-only. S is close to singular (condition 10¹⁶ at n_max 8),
    /// so it is built and inverted in double-double; throws <see cref="ArgumentException"/> when even that is not enough.
    /// </summary>
    internal static double[,] LowdinWeights(double rcut, int nmax) => LowdinCache.GetOrAdd((rcut, nmax), key =>
        LowdinOrthonormalization.InverseSquareRoot(key.NMax, (p, q) =>
        {
            int a = p + 1, b = q + 1;
            return 2 * DoubleDouble.Pow(key.RCut, 7 + a + b) / ((5.0 + a + b) * (6.0 + a + b) * (7.0 + a + b));
        }));

    /// <summary>β_na, the orthonormalising weights of (r_cut − r)^(a+3), a = 0…n_max−1.</summary>
    internal double[,] Beta { get; }

    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Evaluate(Vector256<double> r2, Span<Vector256<double>> output, Span<Vector256<double>> scratch)
    {
        Span<double> values = stackalloc double[4 * _width];
        Span<double> w = stackalloc double[6];
        for (int lane = 0; lane < 4; lane++)
        {
            double x = Math.Sqrt(r2[lane]) / Step;
            int i0 = Math.Clamp((int)Math.Floor(x) - 2, 0, _gridPoints - 6);
            double t = x - i0;
            // Lagrange weights on the nodes 0…5 (relative to i0).
            for (int j = 0; j < 6; j++)
            {
                double p = 1;
                for (int m = 0; m < 6; m++) if (m != j) p *= (t - m) / (j - m);
                w[j] = p;
            }
            var dest = values.Slice(lane * _width, _width);
            dest.Clear();
            for (int j = 0; j < 6; j++)
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_table.AsSpan((i0 + j) * _width, _width), w[j], dest, dest);
        }
        for (int ln = 0; ln < _width; ln++)
            output[ln] = Vector256.Create(values[ln], values[_width + ln], values[2 * _width + ln], values[3 * _width + ln]);
    }

    /// <summary>I_nl(r) / r^l by the 100-point rule, for every l and n (the table entries; also used by tests).</summary>
    internal void Quadrature(double r, Span<double> output)
    {
        Span<double> bessel = stackalloc double[_lmax + 1];
        output.Clear();
        double inv2s2 = 1 / (2 * _sigma * _sigma), invS2 = 1 / (_sigma * _sigma);
        for (int q = 0; q < Points; q++)
        {
            double d = _nodes[q] - r;
            double g = 4 * Math.PI * _weights[q] * _nodes[q] * _nodes[q] * Math.Exp(-d * d * inv2s2);
            if (g < 1e-300) continue;
            ScaledSphericalBessel.Evaluate(_nodes[q] * r * invS2, bessel);
            // Divide by r^l: the angular factor is the solid harmonic r^l Y_lm; at r = 0 only l = 0 survives.
            double rl = 1;
            for (int l = 0; l <= _lmax; l++)
            {
                double t = l == 0 ? g * bessel[0] : r == 0 ? 0 : g * bessel[l] / rl;
                for (int n = 0; n < _nmax; n++) output[l * _nmax + n] += t * _basis[n * Points + q];
                rl *= r;
            }
        }
    }
}
