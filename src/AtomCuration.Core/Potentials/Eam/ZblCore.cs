namespace AtomCuration.Potentials.Eam;

/// <summary>
/// A fitted pair function φ_fit continued below the data and onto the universal
/// Ziegler–Biersack–Littmark repulsion (<see cref="ZblRepulsion"/>) at short range:
/// <code>
///   φ(r) = φ_fit(r)                          r ≥ r₀   (r₀: shortest distance the fit saw)
///   φ(r) = W(r)                              r₂ ≤ r &lt; r₀
///   φ(r) = (1 − s(u))·W(r) + s(u)·φ_ZBL(r)   r₁ &lt; r &lt; r₂,  u = (r₂ − r)/(r₂ − r₁)
///   φ(r) = φ_ZBL(r)                          r ≤ r₁
///   W(r) = φ_fit(r₀) + (σ/κ)(e^{κ(r₀ − r)} − 1),   s(u) = 10u³ − 15u⁴ + 6u⁵
/// </code>
/// W is a Born–Mayer wall that leaves r₀ with φ_fit's value, slope and curvature: σ = −φ_fit′(r₀)
/// and κ = φ_fit″(r₀)/σ, so φ is twice continuously differentiable at r₀ when the fitted term
/// is repulsive and convex there (σ &gt; 0, κ in [<see cref="MinimumStiffness"/>,
/// <see cref="MaximumStiffness"/>]); otherwise σ and κ are raised to those floors (continuous
/// value, the wall still monotone). The smoothstep s has vanishing first and second derivatives
/// at both ends, so the switch onto ZBL is C². ZBL describes nuclei pushed inside each other's
/// electron shells; near a metal's equilibrium distances it is several times too repulsive (for
/// Pd–Pd 2.3 eV at 2.45 Å), so it takes over well below the data: by default r₂ = 0.75 r₀ and
/// r₁ = 0.5 r₀ — the same role LAMMPS's <c>pair_style zbl</c> switching plays in hybrid potentials.
/// </summary>
public sealed class ZblCore : IRadialFunction
{
    /// <summary>Least wall stiffness κ (1/Å).</summary>
    public const double MinimumStiffness = 1.0;

    /// <summary>Greatest wall stiffness κ (1/Å).</summary>
    public const double MaximumStiffness = 10.0;

    /// <summary>Least wall slope σ (eV/Å).</summary>
    public const double MinimumSlope = 0.1;

    private readonly double _value0;

    /// <summary>Continues <paramref name="inner"/> below <paramref name="r0"/>, reaching the ZBL repulsion between <paramref name="za"/> and <paramref name="zb"/> at r₁.</summary>
    /// <param name="inner">The fitted pair function (twice differentiable at and above r₀).</param>
    /// <param name="za">Atomic number of the first species.</param>
    /// <param name="zb">Atomic number of the second species.</param>
    /// <param name="r0">Join distance r₀ (Å): the shortest distance in the training data.</param>
    /// <param name="switchStart">r₂/r₀, where the switch onto ZBL begins.</param>
    /// <param name="switchEnd">r₁/r₀, below which φ is pure ZBL.</param>
    public ZblCore(IRadialFunction inner, int za, int zb, double r0, double switchStart = 0.75, double switchEnd = 0.5)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(r0 > 0) || !double.IsFinite(r0)) throw new ArgumentException($"r0 must be positive, got {r0}.");
        if (!(switchEnd > 0 && switchEnd < switchStart && switchStart < 1)) throw new ArgumentException($"Need 0 < switch end < switch start < 1, got {switchEnd} and {switchStart}.");
        Zbl = new ZblRepulsion(za, zb);
        R0 = r0;
        R2 = switchStart * r0;
        R1 = switchEnd * r0;
        _value0 = inner.Evaluate(r0, out double d);
        double curvature = ForwardCurvature(inner, r0);
        Slope = Math.Max(-d, MinimumSlope);
        Stiffness = Math.Clamp(curvature / Slope, MinimumStiffness, MaximumStiffness);
    }

    /// <summary>The fitted function followed from r₀ on.</summary>
    public IRadialFunction Inner { get; }

    /// <summary>The screened-Coulomb repulsion inside r₁.</summary>
    public ZblRepulsion Zbl { get; }

    /// <summary>Join distance r₀ (Å): φ is the fitted function from here on.</summary>
    public double R0 { get; }

    /// <summary>Where the switch onto ZBL begins, r₂ (Å).</summary>
    public double R2 { get; }

    /// <summary>Below r₁ (Å) φ is φ_ZBL.</summary>
    public double R1 { get; }

    /// <summary>Slope magnitude σ (eV/Å) of the wall at r₀.</summary>
    public double Slope { get; }

    /// <summary>Stiffness κ (1/Å) of the wall.</summary>
    public double Stiffness { get; }

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        if (r >= R0) return Inner.Evaluate(r, out derivative);
        if (r <= R1) return Zbl.Evaluate(r, out derivative);
        double e = Math.Exp(Stiffness * (R0 - r));
        double wall = _value0 + Slope * (e - 1) / Stiffness, dWall = -Slope * e;
        if (r >= R2)
        {
            derivative = dWall;
            return wall;
        }
        double z = Zbl.Evaluate(r, out double dz);
        double h = R2 - R1, u = (R2 - r) / h, u2 = u * u;
        double s = u2 * u * (10 - 15 * u + 6 * u2), ds = -30 * u2 * (1 - u) * (1 - u) / h;
        derivative = dWall + s * (dz - dWall) + ds * (z - wall);
        return wall + s * (z - wall);
    }

    /// <summary>φ″ at x from the analytic slopes just above it (second-order one-sided difference, so a kink below x never enters).</summary>
    private static double ForwardCurvature(IRadialFunction f, double x)
    {
        double h = 1e-5 * Math.Max(1.0, x);
        f.Evaluate(x, out double d0);
        f.Evaluate(x + h, out double d1);
        f.Evaluate(x + 2 * h, out double d2);
        return (-3 * d0 + 4 * d1 - d2) / (2 * h);
    }
}
