namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A uniform cubic B-spline f(x) = Σⱼ cⱼ Bⱼ(x) on knots t_k = lo + k·h (k = 0…K, h = (hi − lo)/K),
/// with K + 3 coefficients; outside [lo, hi] it continues linearly with the end value and
/// slope (so an embedding function stays linear beyond the densities it was fitted on).
/// The function is linear in its coefficients, which makes it the representation the fitter
/// optimises: <see cref="Basis"/> gives the four non-zero basis values and derivatives at x.
/// Setting the last three coefficients to zero makes f, f′ and f″ vanish at hi — how pair and
/// density functions are made to reach the cutoff smoothly.
/// </summary>
public sealed class CubicBSpline : IRadialFunction
{
    private readonly double[] _c;

    /// <summary>Creates the spline.</summary>
    /// <param name="lo">First knot.</param>
    /// <param name="hi">Last knot (&gt; lo).</param>
    /// <param name="coefficients">K + 3 coefficients for K = count − 3 ≥ 1 intervals.</param>
    public CubicBSpline(double lo, double hi, IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi)) throw new ArgumentException($"Need lo < hi, got {lo} and {hi}.");
        if (coefficients.Count < 4) throw new ArgumentException("A cubic B-spline needs at least 4 coefficients.", nameof(coefficients));
        _c = coefficients.ToArray();
        Lo = lo;
        Hi = hi;
        Intervals = _c.Length - 3;
        Step = (hi - lo) / Intervals;
    }

    /// <summary>First knot.</summary>
    public double Lo { get; }

    /// <summary>Last knot.</summary>
    public double Hi { get; }

    /// <summary>Number of knot intervals K.</summary>
    public int Intervals { get; }

    /// <summary>Knot spacing h.</summary>
    public double Step { get; }

    /// <summary>The coefficients (a copy).</summary>
    public double[] Coefficients => (double[])_c.Clone();

    /// <inheritdoc />
    public double Evaluate(double x, out double derivative)
    {
        // The value and first-derivative rows of Basis written out (the same expressions, so the same bits), without
        // the second derivative: this is every EAM evaluation's innermost call.
        double xc = Math.Clamp(x, Lo, Hi);
        double t = (xc - Lo) / Step;
        int i = Math.Clamp((int)Math.Floor(t), 0, Intervals - 1);
        double u = Math.Clamp(t - i, 0.0, 1.0);
        double w = 1 - u, u2 = u * u, u3 = u2 * u;
        const double sixth = 1.0 / 6.0;
        double inv = 1.0 / Step;
        var c = _c.AsSpan(i, 4);
        double v = c[0] * (w * w * w * sixth);
        v += c[1] * ((3 * u3 - 6 * u2 + 4) * sixth);
        v += c[2] * ((-3 * u3 + 3 * u2 + 3 * u + 1) * sixth);
        v += c[3] * (u3 * sixth);
        double d = c[0] * (-0.5 * w * w * inv);
        d += c[1] * ((1.5 * u2 - 2 * u) * inv);
        d += c[2] * ((-1.5 * u2 + u + 0.5) * inv);
        d += c[3] * (0.5 * u2 * inv);
        derivative = d;
        return v + d * (x - xc);
    }

    /// <summary>Four basis values at x.</summary>
    public readonly struct Four
    {
        /// <summary>Components 0…3.</summary>
        public readonly double B0, B1, B2, B3;

        /// <summary>Creates the four values.</summary>
        public Four(double b0, double b1, double b2, double b3)
        {
            B0 = b0; B1 = b1; B2 = b2; B3 = b3;
        }

        /// <summary>Component m.</summary>
        public double this[int m] => m switch { 0 => B0, 1 => B1, 2 => B2, _ => B3 };
    }

    /// <summary>
    /// The index of the first of the four basis functions non-zero at x (clamped into [lo, hi]),
    /// with their values, first and second derivatives in x.
    /// </summary>
    public static int Basis(double lo, double step, int intervals, double x, out Four value, out Four first, out Four second)
    {
        double t = (x - lo) / step;
        int i = (int)Math.Floor(t);
        i = Math.Clamp(i, 0, intervals - 1);
        double u = Math.Clamp(t - i, 0.0, 1.0);
        double w = 1 - u, u2 = u * u, u3 = u2 * u;
        const double sixth = 1.0 / 6.0;
        value = new Four(w * w * w * sixth, (3 * u3 - 6 * u2 + 4) * sixth, (-3 * u3 + 3 * u2 + 3 * u + 1) * sixth, u3 * sixth);
        double inv = 1.0 / step;
        first = new Four(-0.5 * w * w * inv, (1.5 * u2 - 2 * u) * inv, (-1.5 * u2 + u + 0.5) * inv, 0.5 * u2 * inv);
        double inv2 = inv * inv;
        second = new Four(w * inv2, (3 * u - 2) * inv2, (1 - 3 * u) * inv2, u * inv2);
        return i;
    }
}
