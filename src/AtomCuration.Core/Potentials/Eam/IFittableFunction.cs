namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A parametrised one-variable function the EAM fitter can optimise: besides value and
/// derivatives in x it gives the gradients of the value and of the x-derivative with respect
/// to its parameters — the pieces of the analytic Jacobian. Gradients are returned in a window
/// of <see cref="Window"/> consecutive parameters starting at the returned index (four for a
/// cubic B-spline, all of them for an analytic form); entries past
/// <see cref="ParameterCount"/> are zero.
/// </summary>
public interface IFittableFunction
{
    /// <summary>Number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>Width of the gradient window.</summary>
    int Window { get; }

    /// <summary>Evaluates at x.</summary>
    /// <param name="parameters">This function's parameters.</param>
    /// <param name="x">Argument.</param>
    /// <param name="value">f(x).</param>
    /// <param name="slope">f′(x).</param>
    /// <param name="curvature">f″(x).</param>
    /// <param name="valueGradient">∂f/∂θ over the window (length ≥ <see cref="Window"/>).</param>
    /// <param name="slopeGradient">∂f′/∂θ over the window.</param>
    /// <returns>Index of the first parameter of the window.</returns>
    int Evaluate(ReadOnlySpan<double> parameters, double x, out double value, out double slope, out double curvature,
        Span<double> valueGradient, Span<double> slopeGradient);

    /// <summary>The function at fixed parameters.</summary>
    IRadialFunction Build(ReadOnlySpan<double> parameters);
}
