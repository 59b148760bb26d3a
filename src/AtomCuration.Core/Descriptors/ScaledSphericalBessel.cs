namespace AtomCuration.Descriptors;

/// <summary>
/// e^(−x) i_l(x) for l = 0…L, x ≥ 0, where i_l is the modified spherical Bessel function of the
/// first kind. Small x: power series for the two highest orders and the downward recurrence
/// i_(l−1) = i_(l+1) + (2l+1)/x · i_l (stable for this minimal solution); large x: the closed forms
/// of i_0, i_1 and the upward recurrence, stable once x exceeds the orders involved.
/// </summary>
internal static class ScaledSphericalBessel
{
    /// <summary>Fills <paramref name="output"/>[l] = e^(−x) i_l(x) for l &lt; output.Length.</summary>
    public static void Evaluate(double x, Span<double> output)
    {
        int lmax = output.Length - 1;
        if (x < Threshold(lmax))
        {
            double top = Series(lmax + 1, x), below = Series(lmax, x);
            output[lmax] = below;
            if (lmax == 0) return;
            if (x == 0)
            {
                output.Slice(1).Clear();
                output[0] = 1;
                return;
            }
            for (int l = lmax; l >= 1; l--)
            {
                double lower = top + (2 * l + 1) / x * below;
                top = below;
                below = lower;
                output[l - 1] = below;
            }
            return;
        }
        double e2 = Math.Exp(-2 * x);
        output[0] = (1 - e2) / (2 * x);
        if (lmax == 0) return;
        output[1] = ((1 + e2) / 2 - output[0]) / x;
        for (int l = 1; l < lmax; l++) output[l + 1] = output[l - 1] - (2 * l + 1) / x * output[l];
    }

    /// <summary>Below this x the series is used.</summary>
    internal static double Threshold(int lmax) => Math.Max(12, 2.0 * (lmax + 1));

    /// <summary>e^(−x) i_l(x) = e^(−x) x^l/(2l+1)!! Σ_k (x²/2)^k / (k! (2l+3)(2l+5)…(2l+2k+1)).</summary>
    internal static double Series(int l, double x)
    {
        double lead = Math.Exp(-x);
        for (int k = 1; k <= l; k++) lead *= x / (2 * k + 1);
        double term = 1, sum = 1, h = x * x / 2;
        for (int k = 1; k < 500; k++)
        {
            term *= h / (k * (2 * l + 2 * k + 1));
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return lead * sum;
    }
}
