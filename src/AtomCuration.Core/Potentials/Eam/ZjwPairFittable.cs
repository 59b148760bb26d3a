namespace AtomCuration.Potentials.Eam;

/// <summary>The ZJW pair function φ = T(A, α, κ) − T(B, β, λ) with parameters [A, B, α, β, κ, λ] at fixed rₑ.</summary>
internal sealed class ZjwPairFittable(double re) : IFittableFunction
{
    public double Re { get; } = re;
    public int ParameterCount => 6;
    public int Window => 6;

    public static double[] Start(ZhouJohnsonWadleyParameters p) => [p.A, p.B, p.Alpha, p.Beta, p.Kappa, p.Lambda];

    public int Evaluate(ReadOnlySpan<double> p, double x, out double value, out double slope, out double curvature, Span<double> gv, Span<double> gd)
    {
        Span<double> a = stackalloc double[3], ad = stackalloc double[3], b = stackalloc double[3], bd = stackalloc double[3];
        double va = ZjwTerm.Evaluate(p[0], p[2], p[4], Re, x, 1, out double sa, out double ca, a, ad);
        double vb = ZjwTerm.Evaluate(p[1], p[3], p[5], Re, x, -1, out double sb, out double cb, b, bd);
        value = va - vb;
        slope = sa - sb;
        curvature = ca - cb;
        gv[0] = a[0]; gv[2] = a[1]; gv[4] = a[2]; gv[1] = b[0]; gv[3] = b[1]; gv[5] = b[2];
        gd[0] = ad[0]; gd[2] = ad[1]; gd[4] = ad[2]; gd[1] = bd[0]; gd[3] = bd[1]; gd[5] = bd[2];
        return 0;
    }

    public IRadialFunction Build(ReadOnlySpan<double> p) => new FittableAtParameters(this, p.ToArray());
}
