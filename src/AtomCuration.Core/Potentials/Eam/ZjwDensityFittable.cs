namespace AtomCuration.Potentials.Eam;

/// <summary>The ZJW density ρ = T(fₑ, β, λ) with parameters [fₑ, β, λ] at fixed rₑ.</summary>
internal sealed class ZjwDensityFittable(double re) : IFittableFunction
{
    public double Re { get; } = re;
    public int ParameterCount => 3;
    public int Window => 3;

    public static double[] Start(ZhouJohnsonWadleyParameters p) => [p.Fe, p.Beta, p.Lambda];

    public int Evaluate(ReadOnlySpan<double> p, double x, out double value, out double slope, out double curvature, Span<double> gv, Span<double> gd)
    {
        value = ZjwTerm.Evaluate(p[0], p[1], p[2], Re, x, 1, out slope, out curvature, gv, gd);
        return 0;
    }

    public IRadialFunction Build(ReadOnlySpan<double> p) => new FittableAtParameters(this, p.ToArray());
}
