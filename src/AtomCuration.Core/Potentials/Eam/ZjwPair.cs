namespace AtomCuration.Potentials.Eam;

/// <summary>The Zhou–Johnson–Wadley pair function φ(r) of one element.</summary>
public sealed class ZjwPair(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        double a = ZjwTerm.Value(Parameters.A, Parameters.Alpha, Parameters.Kappa, Parameters.Re, r, out double da);
        double b = ZjwTerm.Value(Parameters.B, Parameters.Beta, Parameters.Lambda, Parameters.Re, r, out double db);
        derivative = da - db;
        return a - b;
    }
}
