namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A smooth function of one variable as EAM uses it: a radial function of the distance r
/// (pair term φ(r), density ρ(r)) or the embedding function F(ρ). Every representation —
/// LAMMPS tables, cubic splines on knots, the analytic Zhou–Johnson–Wadley form — sits
/// behind this one abstraction so the evaluator, the writers and the fitter never ask
/// which one they hold. Implementations are immutable and thread-safe.
/// </summary>
public interface IRadialFunction
{
    /// <summary>Value at <paramref name="x"/>, with the first derivative in <paramref name="derivative"/>.</summary>
    double Evaluate(double x, out double derivative);
}

/// <summary>Convenience members for <see cref="IRadialFunction"/>.</summary>
public static class RadialFunctionExtensions
{
    /// <summary>Value only.</summary>
    public static double Value(this IRadialFunction function, double x) => function.Evaluate(x, out _);

    /// <summary>Samples the function on the grid x_k = k·step, k = 0…count−1 (as setfl/funcfl tables are laid out).</summary>
    public static double[] Sample(this IRadialFunction function, int count, double step)
    {
        var values = new double[count];
        for (int k = 0; k < count; k++) values[k] = function.Evaluate(k * step, out _);
        return values;
    }
}
