using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors;

/// <summary>
/// Real solid harmonics R_lm(r) = r^l Y_lm(r̂) for l ≤ lmax, four points at a time, as
/// polynomials in x, y, z (so r = 0 is regular: only R_00 survives). Y_lm are the orthonormal
/// real harmonics Y_l,m&gt;0 ∝ P_l^m(cosθ) cos mφ, Y_l,−m ∝ P_l^m sin mφ without the Condon–Shortley
/// phase, i.e. √2 (−1)^m Re/Im of the complex Y_l^m (Y_11 ∝ x, Y_1,−1 ∝ y). Index lm = l² + l + m.
/// </summary>
internal sealed class RealSolidHarmonics
{
    private readonly int _lmax;
    private readonly double[] _norm; // by lm for m ≥ 0 (and reused for −m)

    public RealSolidHarmonics(int lmax)
    {
        _lmax = lmax;
        _norm = new double[(lmax + 1) * (lmax + 1)];
        for (int l = 0; l <= lmax; l++)
        for (int m = 0; m <= l; m++)
        {
            double ratio = 1; // (l − m)! / (l + m)!
            for (int k = l - m + 1; k <= l + m; k++) ratio /= k;
            _norm[l * l + l + m] = Math.Sqrt((2 * l + 1) / (4 * Math.PI) * ratio) * (m > 0 ? Math.Sqrt(2) : 1);
        }
    }

    /// <summary>Number of (l, m) pairs, (lmax + 1)².</summary>
    public int Count => (_lmax + 1) * (_lmax + 1);

    /// <summary>Writes R_lm of four points into <paramref name="output"/>[lm].</summary>
    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(Vector256<double> x, Vector256<double> y, Vector256<double> z, Span<Vector256<double>> output)
    {
        var r2 = x * x + y * y + z * z;
        var c = Vector256.Create(1.0); // Re (x + iy)^m
        var s = Vector256<double>.Zero; // Im (x + iy)^m
        double pmm = 1; // (2m − 1)!!
        for (int m = 0; m <= _lmax; m++)
        {
            if (m > 0)
            {
                (c, s) = (x * c - y * s, x * s + y * c);
                pmm *= 2 * m - 1;
            }
            // Π_l^m(z, r²): r^l P_l^m(z/r) / (r sinθ)^m, by the three-term recursion in l.
            var p2 = Vector256<double>.Zero;
            var p1 = Vector256.Create(pmm);
            for (int l = m; l <= _lmax; l++)
            {
                if (l == m + 1) { p2 = p1; p1 = Vector256.Create(2.0 * m + 1) * z * p1; }
                else if (l > m + 1)
                {
                    var p = (Vector256.Create(2.0 * l - 1) * z * p1 - Vector256.Create(l + m - 1.0) * r2 * p2) * Vector256.Create(1.0 / (l - m));
                    p2 = p1;
                    p1 = p;
                }
                var n = Vector256.Create(_norm[l * l + l + m]) * p1;
                if (m == 0) output[l * l + l] = n;
                else
                {
                    output[l * l + l + m] = n * c;
                    output[l * l + l - m] = n * s;
                }
            }
        }
    }
}
