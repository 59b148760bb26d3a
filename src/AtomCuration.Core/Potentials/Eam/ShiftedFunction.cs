namespace AtomCuration.Potentials.Eam;

/// <summary>f(x) + c: how a fitted embedding function carries its element's reference energy.</summary>
public sealed class ShiftedFunction : IRadialFunction
{
    /// <summary>Wraps <paramref name="inner"/> with the constant <paramref name="shift"/>.</summary>
    public ShiftedFunction(IRadialFunction inner, double shift)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Shift = shift;
    }

    /// <summary>The wrapped function.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>The constant added.</summary>
    public double Shift { get; }

    /// <inheritdoc />
    public double Evaluate(double x, out double derivative) => Inner.Evaluate(x, out derivative) + Shift;
}
