namespace AtomCuration.Potentials.Eam;

/// <summary>
/// An analytic <see cref="IFittableFunction"/> frozen at one set of parameters: it evaluates the
/// fittable form and discards the parameter gradients (forms with their own tabulated
/// representation, such as splines, build that instead).
/// </summary>
internal sealed class FittableAtParameters(IFittableFunction function, double[] parameters) : IRadialFunction
{
    public double Evaluate(double x, out double derivative)
    {
        Span<double> valueGradient = stackalloc double[function.Window], slopeGradient = stackalloc double[function.Window];
        function.Evaluate(parameters, x, out double value, out derivative, out _, valueGradient, slopeGradient);
        return value;
    }
}
