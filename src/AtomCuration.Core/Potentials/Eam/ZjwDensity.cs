namespace AtomCuration.Potentials.Eam;

/// <summary>The Zhou–Johnson–Wadley density function ρ(r) of one element.</summary>
public sealed class ZjwDensity(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative) =>
        ZjwTerm.Value(Parameters.Fe, Parameters.Beta, Parameters.Lambda, Parameters.Re, r, out derivative);
}
