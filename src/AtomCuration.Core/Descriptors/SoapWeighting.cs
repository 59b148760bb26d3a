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
/// <see cref="SoapSettings.Parse"/> takes r_cut from <see cref="InferredCutoff"/> when <c>rcut</c> is not given.
/// </summary>
public sealed record SoapWeighting
{
    /// <summary>The weighting function, or null for "only <see cref="W0"/>".</summary>
    public SoapWeightingFunction? Function { get; init; }

    /// <summary>Length scale r0 (Å), &gt; 0.</summary>
    public double R0 { get; init; } = 1;

    /// <summary>Prefactor c, ≥ 0.</summary>
    public double C { get; init; } = 1;

    /// <summary>Offset d (Pow, Exp), ≥ 0.</summary>
    public double D { get; init; } = 1;

    /// <summary>Exponent m (Poly, Pow), ≥ 0.</summary>
    public double M { get; init; } = 1;

    /// <summary>Weight of the central atom (r = 0), overriding the function there; null: w(0).</summary>
    public double? W0 { get; init; }

    /// <summary>Weight t at which r_cut is placed when it is inferred (Pow, Exp); DScribe's default 10⁻².</summary>
    public double Threshold { get; init; } = 1e-2;

    /// <summary>The r_cut DScribe infers when none is given: r0 (Poly), r0 (c/t − d)^(1/m) (Pow), r0 ln(c/t − d) (Exp); null without a function.</summary>
    public double? InferredCutoff => Function switch
    {
        SoapWeightingFunction.Poly => R0,
        SoapWeightingFunction.Pow => R0 * Math.Pow(C / Threshold - D, 1 / M),
        SoapWeightingFunction.Exp => R0 * Math.Log(C / Threshold - D),
        _ => null,
    };

    /// <summary>The weight of an atom at distance <paramref name="r"/> (Å) from the centre.</summary>
    public double Evaluate(double r)
    {
        if (r == 0 && W0 is { } w0) return w0;
        switch (Function)
        {
            case SoapWeightingFunction.Poly:
                if (r > R0) return 0;
                double x = r / R0, x2 = x * x;
                return C * Math.Pow(1 + 2 * x2 * x - 3 * x2, M);
            case SoapWeightingFunction.Pow:
                return C / (D + Math.Pow(r / R0, M));
            case SoapWeightingFunction.Exp:
                return C / (D + Math.Exp(-r / R0));
            default:
                return 1;
        }
    }

    /// <summary>
    /// Reads the <c>weighting</c> dictionary: <c>function</c> (Poly|Pow|Exp) with its parameters (all required, as in
    /// DScribe: Poly r0 c m; Pow r0 c d m and optional threshold; Exp r0 c d and optional threshold) and/or <c>w0</c>.
    /// A key the chosen function does not use is rejected.
    /// </summary>
    public static SoapWeighting Parse(ParameterReader p)
    {
        var function = p.Has("function") ? p.Enum("function", SoapWeightingFunction.Poly) : (SoapWeightingFunction?)null;
        double? w0 = p.Has("w0") ? p.Double("w0", 1, 0, double.PositiveInfinity, maxOpen: true) : null;
        if (function is null && w0 is null)
            throw p.Bad("function", "is required: weighting needs a function (Poly, Pow or Exp) or w0, the weight of the central atom.");
        var w = new SoapWeighting { Function = function, W0 = w0 };
        if (function is { } f)
        {
            w = w with
            {
                R0 = Required(p, f, "r0", minOpen: true),
                C = Required(p, f, "c", minOpen: false),
                D = f == SoapWeightingFunction.Poly ? w.D : Required(p, f, "d", minOpen: false),
                M = f == SoapWeightingFunction.Exp ? w.M : Required(p, f, "m", minOpen: false),
                Threshold = f == SoapWeightingFunction.Poly ? w.Threshold
                    : p.Double("threshold", 1e-2, 0, double.PositiveInfinity, minOpen: true, maxOpen: true),
            };
            if (f == SoapWeightingFunction.Pow && w.D == 0 && w.M > 0 && w0 is null)
                throw p.Bad("d", "= 0 makes the Pow weight of the central atom (r = 0) infinite; give d > 0 or w0.");
        }
        p.Finish();
        return w;
    }

    private static double Required(ParameterReader p, SoapWeightingFunction f, string name, bool minOpen)
    {
        if (!p.Has(name)) throw p.Bad(name, $"is required for function {f} (DScribe has no default).");
        return p.Double(name, 0, 0, double.PositiveInfinity, minOpen, maxOpen: true);
    }
}
