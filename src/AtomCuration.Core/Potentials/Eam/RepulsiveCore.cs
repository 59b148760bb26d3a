namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A pair function that follows <see cref="Inner"/> for r ≥ r₀ and, below r₀ (the shortest
/// distance the fit saw), joins an exponential wall with continuous value and slope:
/// φ(r) = φ(r₀) + s·(e^{κ(r₀ − r)} − 1)/κ with s = max(−φ′(r₀), s_min), so φ rises
/// monotonically as atoms are pushed together instead of following an unconstrained
/// polynomial. When the fitted slope at r₀ is not repulsive (φ′(r₀) &gt; −s_min) the slope
/// is continuous only up to that floor.
/// </summary>
public sealed class RepulsiveCore : IRadialFunction
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The fitted pair function.</param>
    /// <param name="r0">Join distance (Å).</param>
    /// <param name="stiffness">κ (1/Å), how fast the wall steepens.</param>
    /// <param name="minimumSlope">s_min (eV/Å), the least repulsive slope of the wall.</param>
    public RepulsiveCore(IRadialFunction inner, double r0, double stiffness = 4.0, double minimumSlope = 0.5)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(r0 > 0) || !(stiffness > 0) || !(minimumSlope >= 0)) throw new ArgumentException("r0 and stiffness must be positive, the slope floor non-negative.");
        R0 = r0;
        Stiffness = stiffness;
        double v0 = inner.Evaluate(r0, out double d0);
        _value0 = v0;
        Slope = Math.Max(-d0, minimumSlope);
    }

    private readonly double _value0;

    /// <summary>The wrapped function.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>Join distance r₀.</summary>
    public double R0 { get; }

    /// <summary>Wall stiffness κ.</summary>
    public double Stiffness { get; }

    /// <summary>Slope magnitude s of the wall at r₀.</summary>
    public double Slope { get; }

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        if (r >= R0) return Inner.Evaluate(r, out derivative);
        double e = Math.Exp(Stiffness * (R0 - r));
        derivative = -Slope * e;
        return _value0 + Slope * (e - 1) / Stiffness;
    }
}
