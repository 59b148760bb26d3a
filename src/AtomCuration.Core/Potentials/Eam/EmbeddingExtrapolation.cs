namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A fitted embedding function F_fit continued outside the host densities [lo, hi] seen in
/// training:
/// <code>
///   F(ρ) = F_fit(lo) + F′_fit(lo)(ρ − lo)                         ρ &lt; lo
///   F(ρ) = F_fit(ρ)                                               lo ≤ ρ ≤ hi
///   F″(ρ) = κ·(hi/ρ)^{3/2}, F and F′ continuous                    hi &lt; ρ ≤ hi + w
///   F(ρ) = tangent line at hi + w                                 ρ &gt; hi + w
/// </code>
/// with κ = max(F″_fit(hi), 0) and w = <see cref="QuadraticWidth"/>. Beyond the densest training
/// environment F keeps its convexity (curvature continuous) instead of turning straight at once —
/// compressing a metal raises the embedding energy faster than linearly, and a linear
/// continuation makes compressed cells too stable — with the curvature decaying as that of the
/// second-moment (Finnis–Sinclair, Phil. Mag. A 50, 45 (1984), doi:10.1080/01418618408244210)
/// embedding −√ρ, and it never bends downwards. It turns linear at hi + w so that it is bounded
/// by a straight line far out, as LAMMPS continues a table beyond its last point. F′ is
/// continuous everywhere.
/// </summary>
public sealed class EmbeddingExtrapolation : IRadialFunction
{
    private readonly double _fLo, _dLo, _fHi, _dHi;

    /// <summary>Wraps <paramref name="inner"/>, faithful on [<paramref name="lo"/>, <paramref name="hi"/>]; either bound may be infinite.</summary>
    public EmbeddingExtrapolation(IRadialFunction inner, double lo, double hi)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(hi >= lo)) throw new ArgumentException($"Need lo ≤ hi, got {lo} and {hi}.");
        Lo = lo;
        Hi = hi;
        if (double.IsFinite(lo)) _fLo = inner.Evaluate(lo, out _dLo);
        if (double.IsFinite(hi))
        {
            _fHi = inner.Evaluate(hi, out _dHi);
            double h = 1e-5 * Math.Max(1.0, Math.Abs(hi));
            inner.Evaluate(hi - h, out double d1);
            inner.Evaluate(hi - 2 * h, out double d2);
            Curvature = Math.Max(0.0, (3 * _dHi - 4 * d1 + d2) / (2 * h));
            QuadraticWidth = double.IsFinite(lo) ? Math.Max(hi - lo, 0.5 * Math.Abs(hi)) : 0.5 * Math.Abs(hi);
        }
    }

    /// <summary>The wrapped function.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>Lower end of the faithful range.</summary>
    public double Lo { get; }

    /// <summary>Upper end of the faithful range.</summary>
    public double Hi { get; }

    /// <summary>κ = max(F″(hi), 0), the curvature at hi carried (decaying) beyond it.</summary>
    public double Curvature { get; }

    /// <summary>w, how far beyond hi the curvature is carried before F turns linear: max(hi − lo, |hi|/2).</summary>
    public double QuadraticWidth { get; }

    /// <summary>Where F turns linear for good (hi + w; +∞ when hi is).</summary>
    public double LinearBeyond => Hi + QuadraticWidth;

    /// <inheritdoc />
    public double Evaluate(double x, out double derivative)
    {
        if (x < Lo)
        {
            derivative = _dLo;
            return _fLo + _dLo * (x - Lo);
        }
        if (x <= Hi) return Inner.Evaluate(x, out derivative);
        // F″(ρ) = κ (hi/ρ)^{3/2} up to hi + w: F′ = F′(hi) + 2κ·hi(1 − √(hi/ρ)),
        // F = F(hi) + F′(hi)(ρ − hi) + 2κ·hi[(ρ − hi) − 2√hi(√ρ − √hi)]; the tangent line beyond.
        double xq = Math.Min(x, LinearBeyond);
        double sh = Math.Sqrt(Hi), sx = Math.Sqrt(xq), dx = xq - Hi;
        derivative = _dHi + 2 * Curvature * Hi * (1 - sh / sx);
        return _fHi + _dHi * dx + 2 * Curvature * Hi * (dx - 2 * sh * (sx - sh)) + derivative * (x - xq);
    }
}
