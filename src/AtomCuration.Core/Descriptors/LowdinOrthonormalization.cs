using AtomCuration.Common;

namespace AtomCuration.Descriptors;

/// <summary>
/// β = S^(−1/2) for the overlap matrix S of a non-orthogonal basis (Löwdin's symmetric
/// orthonormalisation), computed in double-double arithmetic by cyclic Jacobi rotations.
/// The SOAP overlap matrices are badly conditioned (GTO: 10⁷ at n_max 8, r_cut 5; 10¹² at n_max 10,
/// r_cut 3.5; polynomial: 10¹⁶ at n_max 8), so a double-precision eigen-decomposition or square root
/// (DScribe's scipy sqrtm(inv(S))) loses cond(S)·ε of β — up to a relative 10⁻⁶ for DScribe's
/// polynomial basis and 0.5 for a plain double eigen-solver. Here the entries are supplied in
/// double-double and the whole decomposition runs in it, so β is exact to double rounding for the
/// given basis (checked against 60-digit mpmath in the tests). Jacobi is used because it is simple in
/// any arithmetic and keeps small eigenvalues to high relative accuracy; n is at most 20.
/// Double-double has limits too: β can lose up to κ·10⁻³² with κ the condition number of S scaled to a
/// unit diagonal (what governs relative accuracy here; the polynomial basis is badly scaled but not
/// badly conditioned in that sense). Bases beyond <see cref="MaxScaledCondition"/> are refused rather
/// than returned with fewer than ten correct digits.
/// </summary>
internal static class LowdinOrthonormalization
{
    private const int MaxSweeps = 60;

    /// <summary>The largest scaled condition number accepted: β then keeps about ten digits or more.</summary>
    public const double MaxScaledCondition = 1e22;

    /// <summary>
    /// S^(−1/2) of the symmetric positive-definite n × n matrix with entries <paramref name="entry"/>(p, q), rounded to
    /// double. Throws <see cref="ArgumentException"/> when S is not positive definite or too close to singular.
    /// </summary>
    public static double[,] InverseSquareRoot(int n, Func<int, int, DoubleDouble> entry)
    {
        var a = new DoubleDouble[n, n];
        var v = new DoubleDouble[n, n];
        for (int p = 0; p < n; p++)
        {
            v[p, p] = 1;
            for (int q = 0; q < n; q++) a[p, q] = entry(p, q);
        }
        CheckConditioning(a, n);
        Diagonalize(a, v, n);
        var inverseRoot = new DoubleDouble[n];
        for (int k = 0; k < n; k++)
        {
            if (a[k, k].Hi <= 0)
                throw new ArgumentException("The overlap matrix of the radial basis is not positive definite; lower n_max or raise r_cut.");
            inverseRoot[k] = 1 / DoubleDouble.Sqrt(a[k, k]);
        }
        var beta = new double[n, n];
        for (int p = 0; p < n; p++)
        for (int q = 0; q < n; q++)
        {
            DoubleDouble sum = 0;
            for (int k = 0; k < n; k++) sum += v[p, k] * inverseRoot[k] * v[q, k];
            beta[p, q] = (double)sum;
        }
        return beta;
    }

    /// <summary>The eigenvalues of S scaled to a unit diagonal, D^(−1/2) S D^(−1/2), must span at most <see cref="MaxScaledCondition"/>.</summary>
    private static void CheckConditioning(DoubleDouble[,] s, int n)
    {
        var scaled = new DoubleDouble[n, n];
        var scale = new DoubleDouble[n];
        for (int p = 0; p < n; p++)
        {
            if (s[p, p].Hi <= 0)
                throw new ArgumentException("The overlap matrix of the radial basis is not positive definite; lower n_max or raise r_cut.");
            scale[p] = 1 / DoubleDouble.Sqrt(s[p, p]);
        }
        for (int p = 0; p < n; p++)
        for (int q = 0; q < n; q++)
            scaled[p, q] = scale[p] * s[p, q] * scale[q];
        Diagonalize(scaled, null, n);
        double min = double.PositiveInfinity, max = 0;
        for (int k = 0; k < n; k++)
        {
            min = Math.Min(min, scaled[k, k].Hi);
            max = Math.Max(max, scaled[k, k].Hi);
        }
        if (!(min > 0 && max / min <= MaxScaledCondition))
            throw new ArgumentException(
                $"The radial basis functions are too close to linearly dependent (scaled condition number {(min > 0 ? (max / min).ToString("G2", System.Globalization.CultureInfo.InvariantCulture) : "∞")}, " +
                $"at most {MaxScaledCondition:G2} can be orthonormalised to ten digits); lower n_max or raise r_cut.");
    }

    /// <summary>Rotates <paramref name="a"/> to diagonal form, accumulating the rotations in the columns of <paramref name="v"/> when given.</summary>
    private static void Diagonalize(DoubleDouble[,] a, DoubleDouble[,]? v, int n)
    {
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
            for (int q = p + 1; q < n; q++)
            {
                // Relative criterion: an off-diagonal entry is negligible against the geometric mean of its diagonal
                // pair at double-double precision, so tiny eigenvalues keep their relative accuracy.
                double limit = 1e-33 * Math.Sqrt(Math.Abs(a[p, p].Hi * a[q, q].Hi));
                if (Math.Abs(a[p, q].Hi) <= limit)
                {
                    a[p, q] = a[q, p] = 0;
                    continue;
                }
                rotated = true;
                Rotate(a, v, n, p, q);
            }
            if (!rotated) return;
        }
        throw new InvalidOperationException("Jacobi diagonalisation of the radial-basis overlap did not converge.");
    }

    private static void Rotate(DoubleDouble[,] a, DoubleDouble[,]? v, int n, int p, int q)
    {
        var apq = a[p, q];
        var theta = (a[q, q] - a[p, p]) / (2 * apq);
        // t = tan of the rotation angle, the smaller root of t² + 2θt − 1 = 0.
        var t = 1 / (DoubleDouble.Abs(theta) + DoubleDouble.Sqrt(theta * theta + 1));
        if (theta.Hi < 0) t = -t;
        var c = 1 / DoubleDouble.Sqrt(t * t + 1);
        var s = t * c;
        for (int k = 0; k < n; k++)
        {
            if (k == p || k == q) continue;
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = a[p, k] = c * akp - s * akq;
            a[k, q] = a[q, k] = s * akp + c * akq;
        }
        a[p, p] -= t * apq;
        a[q, q] += t * apq;
        a[p, q] = a[q, p] = 0;
        if (v is null) return;
        for (int k = 0; k < n; k++)
        {
            var vkp = v[k, p];
            var vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
