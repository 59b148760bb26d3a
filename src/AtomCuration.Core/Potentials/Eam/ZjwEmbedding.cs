namespace AtomCuration.Potentials.Eam;

/// <summary>The Zhou–Johnson–Wadley embedding function F(ρ) of one element (three branches).</summary>
public sealed class ZjwEmbedding(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double rho, out double derivative)
    {
        var q = Parameters;
        double rhoN = q.LowerRhoRatio * q.RhoE, rhoO = q.UpperRhoRatio * q.RhoE;
        if (rho < rhoN)
        {
            double x = rho / rhoN - 1;
            derivative = (q.Fn1 + x * (2 * q.Fn2 + x * 3 * q.Fn3)) / rhoN;
            return q.Fn0 + x * (q.Fn1 + x * (q.Fn2 + x * q.Fn3));
        }
        if (rho < rhoO)
        {
            double x = rho / q.RhoE - 1;
            double f3 = rho < q.RhoE ? q.F3 : q.F3Above;
            derivative = (q.F1 + x * (2 * q.F2 + x * 3 * f3)) / q.RhoE;
            return q.F0 + x * (q.F1 + x * (q.F2 + x * f3));
        }
        double s = rho / q.RhoS, ln = Math.Log(s), pw = Math.Pow(s, q.Eta);
        derivative = -q.FEmbedding * q.Eta * q.Eta * pw * ln / rho;
        return q.FEmbedding * (1 - q.Eta * ln) * pw;
    }
}
