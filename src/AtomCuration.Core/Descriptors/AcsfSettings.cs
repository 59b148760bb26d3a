using AtomCuration.Options;

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
/// Parameters of the atom-centred symmetry functions, bound by key (<c>cutoff</c>, <c>form</c>, <c>g2</c>, …) by
/// <see cref="OptionsBinder"/>. Defaults (for any cutoff Rc, here 6 Å):
/// 24 radial functions with Rs = k·Rc/24 (k = 0…23) and η = 1/(2(Rc/24)²) Å⁻², i.e. Gaussians of
/// standard deviation equal to their spacing, and 16 G4 with η ∈ {0.18, 1.8}/Rc² Å⁻², ζ ∈ {1, 2, 4, 16},
/// λ ∈ {−1, +1}; no G5. In the modified form the same functions are used (η multiplied by Rc²),
/// so both forms give identical defaults unless θs ≠ 0. Functions are given as lists (<c>g2</c>, <c>g4</c>,
/// <c>g5</c>) or as grids (<c>g2Eta</c> × <c>g2Rs</c>; <c>g4Eta</c> × <c>g4Zeta</c> × <c>g4Lambda</c>, likewise g5).
/// </summary>
public sealed record AcsfSettings : IDescriptorSettings
{
    private const double MaxEta = 1e6, MinZeta = 1, MaxZeta = 1024;

    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Acsf;

    /// <summary>Cutoff radius Rc (Å) of f_c.</summary>
    [OptionRange(0, 30, MinExclusive = true)]
    public double Cutoff { get; init; } = 6.0;

    /// <summary>Standard or modified formulas.</summary>
    public AcsfForm Form { get; init; } = AcsfForm.Standard;

    /// <summary>Radial functions [eta, Rs]; null = the grid g2Eta × g2Rs if given, else the default 24.</summary>
    [OptionConverter(typeof(RadialFunctionsConverter))]
    public IReadOnlyList<RadialFunction>? G2 { get; init; }

    /// <summary>Widths η of a radial grid (with g2Rs), instead of g2.</summary>
    [OptionRange(0, MaxEta)]
    public double[]? G2Eta { get; init; }

    /// <summary>Centres Rs (Å, at most the cutoff) of a radial grid (with g2Eta), instead of g2.</summary>
    [OptionRange(0, 30)]
    public double[]? G2Rs { get; init; }

    /// <summary>Angular functions [eta, zeta, lambda] with the Rjk term; null = the grid g4Eta × g4Zeta × g4Lambda if given, else the default 16.</summary>
    [OptionConverter(typeof(AngularFunctionsConverter))]
    public IReadOnlyList<AngularFunction>? G4 { get; init; }

    /// <summary>Widths η of a G4 grid (with g4Zeta, g4Lambda), instead of g4.</summary>
    [OptionRange(0, MaxEta)]
    public double[]? G4Eta { get; init; }

    /// <summary>Angular resolutions ζ of a G4 grid.</summary>
    [OptionRange(MinZeta, MaxZeta)]
    public double[]? G4Zeta { get; init; }

    /// <summary>Signs λ (+1 or −1) of a G4 grid.</summary>
    [OptionRange(-1, 1)]
    public double[]? G4Lambda { get; init; }

    /// <summary>Angular functions [eta, zeta, lambda] without the Rjk term; null = the grid g5Eta × g5Zeta × g5Lambda if given, else none.</summary>
    [OptionConverter(typeof(AngularFunctionsConverter))]
    public IReadOnlyList<AngularFunction>? G5 { get; init; }

    /// <summary>Widths η of a G5 grid (with g5Zeta, g5Lambda), instead of g5.</summary>
    [OptionRange(0, MaxEta)]
    public double[]? G5Eta { get; init; }

    /// <summary>Angular resolutions ζ of a G5 grid.</summary>
    [OptionRange(MinZeta, MaxZeta)]
    public double[]? G5Zeta { get; init; }

    /// <summary>Signs λ (+1 or −1) of a G5 grid.</summary>
    [OptionRange(-1, 1)]
    public double[]? G5Lambda { get; init; }

    /// <summary>Angle offset θs in degrees (modified form only).</summary>
    [OptionRange(0, 180)]
    public double ThetaS { get; init; }

    /// <summary>Whether angular sums count an unordered neighbour pair once (default) or twice.</summary>
    public AngularPairCounting AngularPairs { get; init; } = AngularPairCounting.Once;

    /// <summary>The radial functions in use.</summary>
    public IReadOnlyList<RadialFunction> RadialFunctions =>
        G2 ?? (G2Eta is { } etas && G2Rs is { } rs ? (from e in etas from r in rs select new RadialFunction(e, r)).ToArray() : DefaultG2(Cutoff, Form));

    /// <summary>The G4 functions in use.</summary>
    public IReadOnlyList<AngularFunction> G4Functions => G4 ?? Grid(G4Eta, G4Zeta, G4Lambda) ?? DefaultG4(Cutoff, Form);

    /// <summary>The G5 functions in use.</summary>
    public IReadOnlyList<AngularFunction> G5Functions => G5 ?? Grid(G5Eta, G5Zeta, G5Lambda) ?? [];

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
    public Descriptor Create(SpeciesSet species)
    {
        Validate();
        return new AcsfDescriptor(this, species);
    }

    /// <summary>
    /// Checks the ranges, that a list and a grid of the same family are not both given and that a grid is complete,
    /// that every Rs lies within the cutoff and every λ is ±1, that θs is used with the modified form only, and that
    /// at least one function remains.
    /// </summary>
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (G2 is not null && (G2Eta is not null || G2Rs is not null))
            throw new ArgumentException("g2 and g2Eta/g2Rs are alternatives; give one.", nameof(G2));
        if ((G2Eta is null) != (G2Rs is null))
            throw new ArgumentException("needs its partner (g2Eta with g2Rs).", G2Eta is null ? nameof(G2Eta) : nameof(G2Rs));
        CheckGrid("g5", G5, G5Eta, G5Zeta, G5Lambda, nameof(G5));
        CheckGrid("g4", G4, G4Eta, G4Zeta, G4Lambda, nameof(G4));
        string g2 = G2 is null && G2Eta is not null ? nameof(G2Rs) : nameof(G2);
        foreach (var f in RadialFunctions)
        {
            if (!(f.Eta >= 0 && f.Eta <= MaxEta)) throw new ArgumentException($"eta must be in [0, 1e6]; got {f.Eta}.", nameof(G2));
            if (!(f.Rs >= 0 && f.Rs <= Cutoff)) throw new ArgumentException($"Rs must be in [0, cutoff = {Cutoff}]; got {f.Rs}.", g2);
        }
        CheckAngular(G4Functions, G4 is null && G4Lambda is not null ? nameof(G4Lambda) : nameof(G4));
        CheckAngular(G5Functions, G5 is null && G5Lambda is not null ? nameof(G5Lambda) : nameof(G5));
        if (ThetaS != 0 && Form != AcsfForm.Modified)
            throw new ArgumentException("thetaS applies to the modified form only; set form = Modified.", nameof(ThetaS));
        if (RadialFunctions.Count + G4Functions.Count + G5Functions.Count == 0)
            throw new ArgumentException("g2, g4 and g5 are all empty; at least one function is needed.", nameof(G2));
    }

    private static AngularFunction[]? Grid(double[]? etas, double[]? zetas, double[]? lambdas) =>
        etas is null || zetas is null || lambdas is null ? null
            : (from e in etas from z in zetas from l in lambdas select new AngularFunction(e, z, l)).ToArray();

    private static void CheckGrid(string family, IReadOnlyList<AngularFunction>? list, double[]? etas, double[]? zetas, double[]? lambdas, string property)
    {
        bool any = etas is not null || zetas is not null || lambdas is not null;
        if (list is not null && any)
            throw new ArgumentException($"{family} and {family}Eta/{family}Zeta/{family}Lambda are alternatives; give one.", property);
        if (any && (etas is null || zetas is null || lambdas is null))
            throw new ArgumentException($"is needed with the other {family} grid parameters.",
                property + (etas is null ? "Eta" : zetas is null ? "Zeta" : "Lambda"));
    }

    private static void CheckAngular(IReadOnlyList<AngularFunction> functions, string property)
    {
        foreach (var f in functions)
        {
            if (!(f.Eta >= 0 && f.Eta <= MaxEta)) throw new ArgumentException($"eta must be in [0, 1e6]; got {f.Eta}.", property);
            if (!(f.Zeta >= MinZeta && f.Zeta <= MaxZeta)) throw new ArgumentException($"zeta must be in [1, 1024]; got {f.Zeta}.", property);
            if (f.Lambda is not (1 or -1)) throw new ArgumentException($"lambda must be +1 or −1; got {f.Lambda}.", property);
        }
    }
}
