namespace AtomCuration.Descriptors;

/// <summary>Which formula family the ACSF functions use.</summary>
public enum AcsfForm
{
    /// <summary>Behler's: G2 = Σ exp(−η(R−Rs)²) f_c; G4 = 2^(1−ζ) Σ (1+λcosθ)^ζ exp(−η(Rij²+Rik²+Rjk²)) f_c f_c f_c; G5 without the Rjk terms. η in Å⁻².</summary>
    Standard,

    /// <summary>Paper 001, Eqs. 4–6: η is dimensionless and divided by Rc², and the angle is offset by θs: (1+λcos(θ−θs))^ζ.</summary>
    Modified,
}

/// <summary>How often an unordered neighbour pair (j, k) enters an angular sum.</summary>
public enum AngularPairCounting
{
    /// <summary>Once per unordered pair, j &lt; k (DScribe's convention; the default).</summary>
    Once,

    /// <summary>Once per ordered pair j ≠ k, as the double sum of Behler and of paper 001 Eq. 5 is written: exactly twice "Once".</summary>
    Twice,
}

/// <summary>A radial function G2: width η and centre Rs (Å).</summary>
/// <param name="Eta">Width: Å⁻² in the standard form, dimensionless (η/Rc²) in the modified form.</param>
/// <param name="Rs">Centre of the Gaussian (Å).</param>
public readonly record struct RadialFunction(double Eta, double Rs);

/// <summary>An angular function G4 or G5.</summary>
/// <param name="Eta">Width: Å⁻² in the standard form, dimensionless in the modified form.</param>
/// <param name="Zeta">Angular resolution ζ ≥ 1.</param>
/// <param name="Lambda">λ = +1 or −1.</param>
public readonly record struct AngularFunction(double Eta, double Zeta, double Lambda);

/// <summary>
/// Parameters of the atom-centred symmetry functions. Defaults (for any cutoff Rc, here 6 Å):
/// 24 radial functions with Rs = k·Rc/24 (k = 0…23) and η = 1/(2(Rc/24)²) Å⁻², i.e. Gaussians of
/// standard deviation equal to their spacing, and 16 G4 with η ∈ {0.18, 1.8}/Rc² Å⁻², ζ ∈ {1, 2, 4, 16},
/// λ ∈ {−1, +1}; no G5. In the modified form the same functions are used (η multiplied by Rc²),
/// so both forms give identical defaults unless θs ≠ 0.
/// </summary>
public sealed record AcsfSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Acsf;

    /// <summary>Cutoff radius Rc (Å) of f_c.</summary>
    public double Cutoff { get; init; } = 6.0;

    /// <summary>Standard or modified formulas.</summary>
    public AcsfForm Form { get; init; } = AcsfForm.Standard;

    /// <summary>Radial functions; null = the default 24.</summary>
    public IReadOnlyList<RadialFunction>? G2 { get; init; }

    /// <summary>Angular functions with the Rjk term; null = the default 16.</summary>
    public IReadOnlyList<AngularFunction>? G4 { get; init; }

    /// <summary>Angular functions without the Rjk term; null = none.</summary>
    public IReadOnlyList<AngularFunction>? G5 { get; init; }

    /// <summary>Angle offset θs in degrees (modified form only).</summary>
    public double ThetaS { get; init; }

    /// <summary>Whether angular sums count an unordered neighbour pair once (default) or twice.</summary>
    public AngularPairCounting AngularPairs { get; init; } = AngularPairCounting.Once;

    /// <summary>The radial functions in use.</summary>
    public IReadOnlyList<RadialFunction> RadialFunctions => G2 ?? DefaultG2(Cutoff, Form);

    /// <summary>The G4 functions in use.</summary>
    public IReadOnlyList<AngularFunction> G4Functions => G4 ?? DefaultG4(Cutoff, Form);

    /// <summary>The G5 functions in use.</summary>
    public IReadOnlyList<AngularFunction> G5Functions => G5 ?? [];

    /// <summary>The default radial set for a cutoff.</summary>
    public static IReadOnlyList<RadialFunction> DefaultG2(double cutoff, AcsfForm form)
    {
        double spacing = cutoff / 24, eta = 1 / (2 * spacing * spacing);
        double unit = form == AcsfForm.Modified ? cutoff * cutoff : 1;
        return Enumerable.Range(0, 24).Select(k => new RadialFunction(eta * unit, k * spacing)).ToArray();
    }

    /// <summary>The default G4 set for a cutoff.</summary>
    public static IReadOnlyList<AngularFunction> DefaultG4(double cutoff, AcsfForm form)
    {
        double unit = form == AcsfForm.Modified ? 1 : 1 / (cutoff * cutoff);
        return (from eta in new[] { 0.18, 1.8 }
                from zeta in new[] { 1.0, 2, 4, 16 }
                from lambda in new[] { -1.0, 1 }
                select new AngularFunction(eta * unit, zeta, lambda)).ToArray();
    }

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new AcsfDescriptor(this, species);

    /// <summary>
    /// Parses <c>cutoff</c>, <c>form</c>, <c>g2</c> (list of [eta, Rs]) or the grid <c>g2Eta</c> × <c>g2Rs</c>,
    /// <c>g4</c>/<c>g5</c> (lists of [eta, zeta, lambda]) or grids <c>g4Eta</c> × <c>g4Zeta</c> × <c>g4Lambda</c>
    /// (likewise g5), <c>thetaS</c> (degrees), <c>angularPairs</c> (Once|Twice).
    /// </summary>
    public static AcsfSettings Parse(ParameterReader p)
    {
        double cutoff = p.Double("cutoff", 6.0, 0, 30, minOpen: true);
        var form = p.Enum("form", AcsfForm.Standard);
        var g2 = ReadG2(p, cutoff);
        var g4 = ReadAngular(p, "g4");
        var g5 = ReadAngular(p, "g5");
        double thetaS = p.Double("thetaS", 0, 0, 180);
        if (thetaS != 0 && form != AcsfForm.Modified) throw p.Bad("thetaS", "applies to the modified form only; set form = Modified.");
        var settings = new AcsfSettings
        {
            Cutoff = cutoff, Form = form, G2 = g2, G4 = g4, G5 = g5, ThetaS = thetaS,
            AngularPairs = p.Enum("angularPairs", AngularPairCounting.Once),
        };
        if (settings.RadialFunctions.Count + settings.G4Functions.Count + settings.G5Functions.Count == 0)
            throw p.Bad("g2", "and g4, g5 are all empty; at least one function is needed.");
        return settings;
    }

    private static RadialFunction[]? ReadG2(ParameterReader p, double cutoff)
    {
        var list = p.Tuples("g2", 2, "[eta, Rs]");
        var etas = p.Doubles("g2Eta", 0, 1e6);
        var rs = p.Doubles("g2Rs", 0, cutoff);
        if (list is not null && (etas is not null || rs is not null)) throw p.Bad("g2", "and g2Eta/g2Rs are alternatives; give one.");
        if ((etas is null) != (rs is null)) throw p.Bad(etas is null ? "g2Eta" : "g2Rs", "needs its partner (g2Eta with g2Rs).");
        if (etas is not null) return (from e in etas from r in rs! select new RadialFunction(e, r)).ToArray();
        if (list is null) return null;
        foreach (var t in list)
        {
            if (!(t[0] >= 0 && t[0] <= 1e6)) throw p.Bad("g2", $"eta must be in [0, 1e6]; got {t[0]}.");
            if (!(t[1] >= 0 && t[1] <= cutoff)) throw p.Bad("g2", $"Rs must be in [0, cutoff = {cutoff}]; got {t[1]}.");
        }
        return list.Select(t => new RadialFunction(t[0], t[1])).ToArray();
    }

    private static AngularFunction[]? ReadAngular(ParameterReader p, string name)
    {
        var list = p.Tuples(name, 3, "[eta, zeta, lambda]");
        var etas = p.Doubles(name + "Eta", 0, 1e6);
        var zetas = p.Doubles(name + "Zeta", 1, 1024);
        var lambdas = p.Doubles(name + "Lambda", -1, 1);
        bool grid = etas is not null || zetas is not null || lambdas is not null;
        if (list is not null && grid) throw p.Bad(name, $"and {name}Eta/{name}Zeta/{name}Lambda are alternatives; give one.");
        if (grid)
        {
            if (etas is null || zetas is null || lambdas is null)
                throw p.Bad(name + (etas is null ? "Eta" : zetas is null ? "Zeta" : "Lambda"), $"is needed with the other {name} grid parameters.");
            list = (from e in etas from z in zetas from l in lambdas select new[] { e, z, l }).ToArray();
        }
        if (list is null) return null;
        foreach (var t in list)
        {
            if (!(t[0] >= 0 && t[0] <= 1e6)) throw p.Bad(name, $"eta must be in [0, 1e6]; got {t[0]}.");
            if (!(t[1] >= 1 && t[1] <= 1024)) throw p.Bad(name, $"zeta must be in [1, 1024]; got {t[1]}.");
            if (t[2] is not (1 or -1)) throw p.Bad(name, $"lambda must be +1 or −1; got {t[2]}.");
        }
        return list.Select(t => new AngularFunction(t[0], t[1], t[2])).ToArray();
    }
}
