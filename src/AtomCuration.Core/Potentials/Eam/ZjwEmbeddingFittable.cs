namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The ZJW embedding function with its ten linear coefficients [Fn0…Fn3, F0…F3, F3⁺, Fₑ] as
/// parameters (ρₑ, ρₛ, η and the branch points 0.85ρₑ, 1.15ρₑ fixed). Because free
/// coefficients can tear the three branches apart, <see cref="ContinuityRows"/> gives the
/// value and slope mismatches at the two branch points for the objective to penalise.
/// </summary>
internal sealed class ZjwEmbeddingFittable(ZhouJohnsonWadleyParameters shape) : IFittableFunction
{
    public ZhouJohnsonWadleyParameters Shape { get; } = shape;
    public int ParameterCount => 10;
    public int Window => 10;

    public static double[] Start(ZhouJohnsonWadleyParameters p) => [p.Fn0, p.Fn1, p.Fn2, p.Fn3, p.F0, p.F1, p.F2, p.F3, p.F3Above, p.FEmbedding];

    public int Evaluate(ReadOnlySpan<double> p, double rho, out double value, out double slope, out double curvature, Span<double> gv, Span<double> gd)
    {
        Span<double> g2 = stackalloc double[10];
        Basis(rho, Branch(rho), gv, gd, g2);
        value = slope = curvature = 0;
        for (int k = 0; k < 10; k++)
        {
            value += p[k] * gv[k];
            slope += p[k] * gd[k];
            curvature += p[k] * g2[k];
        }
        return 0;
    }

    public IRadialFunction Build(ReadOnlySpan<double> p) => new FittableAtParameters(this, p.ToArray());

    /// <summary>Value and slope differences between neighbouring branches at 0.85ρₑ and 1.15ρₑ, as (residual, gradient) rows.</summary>
    public IEnumerable<(double Value, double[] Gradient)> ContinuityRows(double[] p)
    {
        foreach (var (rho, lower) in new[] { (Shape.LowerRhoRatio * Shape.RhoE, 0), (Shape.UpperRhoRatio * Shape.RhoE, 1) })
        {
            var v0 = new double[10]; var d0 = new double[10]; var v1 = new double[10]; var d1 = new double[10];
            Span<double> c = stackalloc double[10];
            Basis(rho, lower, v0, d0, c);
            Basis(rho, lower + 1, v1, d1, c);
            var gValue = new double[10];
            var gSlope = new double[10];
            double dv = 0, ds = 0;
            for (int k = 0; k < 10; k++)
            {
                gValue[k] = v0[k] - v1[k];
                gSlope[k] = (d0[k] - d1[k]) * rho; // slope scaled by ρ to the units of the value
                dv += p[k] * gValue[k];
                ds += p[k] * gSlope[k];
            }
            yield return (dv, gValue);
            yield return (ds, gSlope);
        }
    }

    private int Branch(double rho) =>
        rho < Shape.LowerRhoRatio * Shape.RhoE ? 0 : rho < Shape.UpperRhoRatio * Shape.RhoE ? 1 : 2;

    /// <summary>Value, first- and second-derivative basis of branch <paramref name="branch"/> at ρ.</summary>
    private void Basis(double rho, int branch, Span<double> v, Span<double> d, Span<double> d2)
    {
        v.Clear(); d.Clear(); d2.Clear();
        var q = Shape;
        if (branch == 0)
        {
            double rn = q.LowerRhoRatio * q.RhoE, x = rho / rn - 1;
            v[0] = 1; v[1] = x; v[2] = x * x; v[3] = x * x * x;
            d[1] = 1 / rn; d[2] = 2 * x / rn; d[3] = 3 * x * x / rn;
            d2[2] = 2 / (rn * rn); d2[3] = 6 * x / (rn * rn);
        }
        else if (branch == 1)
        {
            double re = q.RhoE, x = rho / re - 1;
            int cubic = rho < re ? 7 : 8;
            v[4] = 1; v[5] = x; v[6] = x * x; v[cubic] = x * x * x;
            d[5] = 1 / re; d[6] = 2 * x / re; d[cubic] = 3 * x * x / re;
            d2[6] = 2 / (re * re); d2[cubic] = 6 * x / (re * re);
        }
        else
        {
            double s = rho / q.RhoS, ln = Math.Log(s), pw = Math.Pow(s, q.Eta), eta = q.Eta;
            v[9] = (1 - eta * ln) * pw;
            d[9] = -eta * eta * pw * ln / rho;
            d2[9] = -eta * eta * pw * (eta * ln + 1 - ln) / (rho * rho);
        }
    }
}
