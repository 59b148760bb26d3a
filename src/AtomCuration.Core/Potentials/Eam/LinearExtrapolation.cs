namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A function that follows <see cref="Inner"/> on [lo, hi] and continues as the tangent line
/// outside it. Used on fitted functions so that nothing the training data never probed can
/// blow up: ρ(r) below the shortest training distance stays bounded, F(ρ) is linear beyond
/// the densities seen.
/// </summary>
public sealed class LinearExtrapolation : IRadialFunction
{
    /// <summary>Wraps <paramref name="inner"/>; either bound may be infinite.</summary>
    public LinearExtrapolation(IRadialFunction inner, double lo, double hi)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(hi >= lo)) throw new ArgumentException($"Need lo ≤ hi, got {lo} and {hi}.");
        Lo = lo;
        Hi = hi;
    }

    /// <summary>The wrapped function.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>Lower end of the faithful range.</summary>
    public double Lo { get; }

    /// <summary>Upper end of the faithful range.</summary>
    public double Hi { get; }

    /// <inheritdoc />
    public double Evaluate(double x, out double derivative)
    {
        double xc = Math.Clamp(x, Lo, Hi);
        double v = Inner.Evaluate(xc, out derivative);
        return v + derivative * (x - xc);
    }
}
