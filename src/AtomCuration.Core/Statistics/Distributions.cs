using MathNet.Numerics;

namespace AtomCuration.Statistics;

/// <summary>
/// Tail probabilities of the standard normal and Student t distributions, computed from the
/// complementary error function and the regularised incomplete beta function directly (not as
/// 1 − CDF), so that small tail probabilities keep their relative accuracy.
/// </summary>
internal static class Distributions
{
    /// <summary>P(Z &gt; z) = ½ erfc(z/√2) for a standard normal Z.</summary>
    public static double NormalSf(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>P(Z ≤ z) = ½ erfc(−z/√2).</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom:
    /// ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and 1 minus that for t &lt; 0.</summary>
    public static double StudentTSf(double t, double df)
    {
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 0;
        if (double.IsNegativeInfinity(t)) return 1;
        double tail = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>P(T ≤ t) = P(T &gt; −t).</summary>
    public static double StudentTCdf(double t, double df) => StudentTSf(-t, df);
}
