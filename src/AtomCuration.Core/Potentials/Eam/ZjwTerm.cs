namespace AtomCuration.Potentials.Eam;

/// <summary>
/// One Zhou–Johnson–Wadley radial term T(r) = c·e^{−k(x−1)} / (1 + (x − m)²⁰), x = r/rₑ,
/// with its analytic derivatives in r and in (c, k, m); rₑ stays fixed.
/// </summary>
internal static class ZjwTerm
{
    /// <summary>T(r) and T′(r) at fixed parameters.</summary>
    public static double Value(double c, double k, double m, double re, double r, out double slope)
    {
        Span<double> gv = stackalloc double[3], gd = stackalloc double[3];
        return Evaluate(c, k, m, re, r, 1, out slope, out _, gv, gd);
    }

    /// <summary>Writes ∂T/∂(c,k,m) to gv[0..3) and ∂T′/∂(c,k,m) to gd[0..3) scaled by <paramref name="sign"/>; returns T.</summary>
    public static double Evaluate(double c, double k, double m, double re, double r, double sign, out double slope, out double curvature,
        Span<double> gv, Span<double> gd)
    {
        double x = r / re;
        double t = x - m;
        double t2 = t * t, t4 = t2 * t2, t8 = t4 * t4, t18 = t8 * t8 * t2, t19 = t18 * t, t20 = t19 * t; // cheaper than Math.Pow
        double den = 1 + t20;
        double e0 = Math.Exp(-k * (x - 1)) / den;
        double v = c * e0;
        double h = -k - 20 * t19 / den;                       // (dT/dx)/T
        double dhdm = 20 * (19 * t18 * den - 20 * t19 * t19) / (den * den); // ∂h/∂m = −∂h/∂x
        slope = v * h / re;
        curvature = v * (h * h - dhdm) / (re * re);
        double dvdk = -(x - 1) * v, dvdm = v * 20 * t19 / den;
        gv[0] = sign * e0;
        gv[1] = sign * dvdk;
        gv[2] = sign * dvdm;
        gd[0] = sign * e0 * h / re;
        gd[1] = sign * (dvdk * h - v) / re;
        gd[2] = sign * (dvdm * h + v * dhdm) / re;
        return v;
    }
}
