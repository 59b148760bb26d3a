using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>Radial weighting function of the SOAP neighbour density (DScribe's <c>weighting["function"]</c>).</summary>
public enum SoapWeightingFunction
{
    /// <summary>w(r) = c (1 + 2(r/r0)³ − 3(r/r0)²)^m for r ≤ r0, 0 beyond (Caro 2019); r_cut defaults to r0.</summary>
    Poly,

    /// <summary>w(r) = c / (d + (r/r0)^m) (Willatt, Musil and Ceriotti 2018); r_cut defaults to r0 (c/t − d)^(1/m).</summary>
    Pow,

    /// <summary>w(r) = c / (d + e^(−r/r0)); r_cut defaults to r0 ln(c/t − d) (DScribe's formula).</summary>
    Exp,
}

/// <summary>
/// DScribe 2.1's SOAP <c>weighting</c>: every atom's Gaussian in the neighbour density is multiplied by
/// w(|r_j|), |r_j| its distance from the centre, before the expansion; the central atom itself (r = 0)
/// gets <see cref="W0"/> when given, else w(0). With no <see cref="Function"/>, only the central atom is
/// reweighted. The neighbour search and the radial basis keep using r_cut (and its Gaussian padding);
/// <see cref="SoapSettings.RCut"/> is <see cref="InferredCutoff"/> when <c>rcut</c> is not given.
/// As in DScribe, a function's parameters have no defaults: Poly needs r0, c, m; Pow r0, c, d, m (threshold
/// optional); Exp r0, c, d (threshold optional); a key the chosen function does not use is refused.
/// </summary>
public sealed record SoapWeighting : IOptions
{
    /// <summary>DScribe's default <see cref="Threshold"/>.</summary>
    public const double DefaultThreshold = 1e-2;

    /// <summary>The weighting function, or null for "only <see cref="W0"/>".</summary>
    public SoapWeightingFunction? Function { get; init; }

    /// <summary>Length scale r0 (Å), &gt; 0 (every function; required with one).</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? R0 { get; init; }

    /// <summary>Prefactor c, ≥ 0 (every function; required with one).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double? C { get; init; }

    /// <summary>Offset d, ≥ 0 (Pow, Exp; required there).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double? D { get; init; }

    /// <summary>Exponent m, ≥ 0 (Poly, Pow; required there).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double? M { get; init; }

    /// <summary>Weight of the central atom (r = 0), overriding the function there; null: w(0).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double? W0 { get; init; }

    /// <summary>Weight t at which r_cut is placed when it is inferred (Pow, Exp); null: DScribe's default 10⁻².</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? Threshold { get; init; }

    /// <summary>The r_cut DScribe infers when none is given: r0 (Poly), r0 (c/t − d)^(1/m) (Pow), r0 ln(c/t − d) (Exp); null without a function.</summary>
    public double? InferredCutoff => Function switch
    {
        SoapWeightingFunction.Poly => Given(R0),
        SoapWeightingFunction.Pow => Given(R0) * Math.Pow(Given(C) / (Threshold ?? DefaultThreshold) - Given(D), 1 / Given(M)),
        SoapWeightingFunction.Exp => Given(R0) * Math.Log(Given(C) / (Threshold ?? DefaultThreshold) - Given(D)),
        _ => null,
    };

    /// <summary>The weight of an atom at distance <paramref name="r"/> (Å) from the centre.</summary>
    public double Evaluate(double r)
    {
        if (r == 0 && W0 is { } w0) return w0;
        switch (Function)
        {
            case SoapWeightingFunction.Poly:
                if (r > Given(R0)) return 0;
                double x = r / Given(R0), x2 = x * x;
                return Given(C) * Math.Pow(1 + 2 * x2 * x - 3 * x2, Given(M));
            case SoapWeightingFunction.Pow:
                return Given(C) / (Given(D) + Math.Pow(r / Given(R0), Given(M)));
            case SoapWeightingFunction.Exp:
                return Given(C) / (Given(D) + Math.Exp(-r / Given(R0)));
            default:
                return 1;
        }
    }

    /// <summary>
    /// Checks that a function or w0 is given, that the function's parameters are all given and no other, the ranges,
    /// and that Pow's weight of the central atom is finite.
    /// </summary>
    public void Validate()
    {
        if (Function is null && W0 is null)
            throw new ArgumentException("is required: weighting needs a function (Poly, Pow or Exp) or w0, the weight of the central atom.", nameof(Function));
        var f = Function;
        foreach (var (name, value, used) in new (string, double?, bool)[]
                 {
                     (nameof(R0), R0, f is not null), (nameof(C), C, f is not null),
                     (nameof(D), D, f is SoapWeightingFunction.Pow or SoapWeightingFunction.Exp),
                     (nameof(M), M, f is SoapWeightingFunction.Poly or SoapWeightingFunction.Pow),
                     (nameof(Threshold), Threshold, f is SoapWeightingFunction.Pow or SoapWeightingFunction.Exp),
                 })
        {
            if (used && value is null && name != nameof(Threshold))
                throw new ArgumentException($"is required for function {f} (DScribe has no default).", name);
            if (!used && value is not null)
                throw new ArgumentException(f is null
                    ? "is a parameter of a weighting function; give function (Poly, Pow or Exp) or leave it out."
                    : $"is not a parameter of function {f}; it takes {string.Join(", ", Parameters(f.Value))}.", name);
        }
        OptionRanges.Validate(this);
        if (f == SoapWeightingFunction.Pow && D == 0 && M > 0 && W0 is null)
            throw new ArgumentException("d = 0 makes the Pow weight of the central atom (r = 0) infinite; give d > 0 or w0.", nameof(D));
    }

    /// <summary>A parameter of the function, which <see cref="Validate"/> ensures is given.</summary>
    private static double Given(double? value) => value ?? throw new InvalidOperationException("A SOAP weighting parameter of the function is not given; Validate() names it.");

    private static string[] Parameters(SoapWeightingFunction f) => f switch
    {
        SoapWeightingFunction.Poly => ["r0", "c", "m", "w0"],
        SoapWeightingFunction.Pow => ["r0", "c", "d", "m", "threshold", "w0"],
        _ => ["r0", "c", "d", "threshold", "w0"],
    };
}
