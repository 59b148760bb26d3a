namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A fitted density function ρ_fit continued below the shortest training distance r₀ so that it
/// stays monotone and bounded by a straight line: ρ(r) = ρ_fit(r₀) + σ·(r₀ − r) for r &lt; r₀,
/// with σ = max(−ρ_fit′(r₀), 0). A density that falls with distance at r₀ keeps rising as atoms
/// are pushed together (value and slope continuous); one that does not is held constant rather
/// than allowed to turn negative. (An exponential continuation matched to the curvature at r₀
/// was measured worse on the Pd-teacher extrapolation test: the fitted curvature at the edge of
/// the data is not reliable enough to extrapolate.)
/// </summary>
public sealed class DensityCore : IRadialFunction
{
    private readonly double _value0;

    /// <summary>Continues <paramref name="inner"/> below <paramref name="r0"/>.</summary>
    public DensityCore(IRadialFunction inner, double r0)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(r0 > 0) || !double.IsFinite(r0)) throw new ArgumentException($"r0 must be positive, got {r0}.");
        R0 = r0;
        _value0 = inner.Evaluate(r0, out double d0);
        Slope = Math.Max(-d0, 0.0);
    }

    /// <summary>The fitted function followed from r₀ on.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>Join distance r₀ (Å).</summary>
    public double R0 { get; }

    /// <summary>σ, how fast ρ rises per Å of compression below r₀ (≥ 0).</summary>
    public double Slope { get; }

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        if (r >= R0) return Inner.Evaluate(r, out derivative);
        derivative = -Slope;
        return _value0 + Slope * (R0 - r);
    }
}
