using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>Radial basis of the SOAP expansion.</summary>
public enum SoapRadialBasis
{
    /// <summary>Gaussian-type orbitals, Löwdin-orthonormalised on [0, ∞) per l (DScribe's "gto"; analytic integrals).</summary>
    Gto,

    /// <summary>Polynomials (r_cut − r)^(k+2), k = 1…n_max, Löwdin-orthonormalised with weight r² on [0, r_cut] (DScribe's "polynomial").</summary>
    Polynomial,
}

/// <summary>Which structure vector a SOAP block contributes.</summary>
public enum SoapAverage
{
    /// <summary>The framework's aggregation of the per-atom power spectra (with Mean: DScribe's "outer" average).</summary>
    Outer,

    /// <summary>The power spectrum of the coefficients averaged over all centres (DScribe's "inner" average).</summary>
    Inner,
}

/// <summary>Optional normalisation of each power spectrum.</summary>
public enum SoapNormalization
{
    /// <summary>None (DScribe's behaviour).</summary>
    None,

    /// <summary>Each per-atom vector (and the inner average) divided by its Euclidean norm (our addition).</summary>
    L2,
}

/// <summary>Which species blocks the power spectrum keeps (DScribe's <c>compression["mode"]</c>; Darby, Kermode and Csányi 2022).</summary>
public enum SoapCompression
{
    /// <summary>Every pair of species Z1 ≤ Z2 (DScribe's "off"): S(S+1)/2 blocks.</summary>
    Off,

    /// <summary>Same-species blocks (Z, Z) only (DScribe's "crossover"; <c>crossover = false</c>): S blocks.</summary>
    Crossover,

    /// <summary>One element-agnostic block: the power spectrum of Σ_Z c^Z (DScribe's "mu2"), labelled <c>soap[all-all]</c>.</summary>
    Mu2,

    /// <summary>Per species Z, Σ_m c^Z_nlm (Σ_Z' c^Z'_n'lm) over all n, n' (DScribe's "mu1nu1"), labelled <c>soap[Z-all]</c>.</summary>
    Mu1Nu1,
}

/// <summary>
/// Parameters of the SOAP power spectrum, following DScribe 2.1 (see <see cref="SoapDescriptor"/>), including
/// its <c>weighting</c> (<see cref="Weighting"/>) and <c>compression</c> (<see cref="Compression"/>,
/// <see cref="SpeciesWeights"/>) options.
/// </summary>
public sealed record SoapSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Soap;

    /// <summary>Radial cutoff r_cut (Å) of the basis; neighbours are taken up to r_cut + σ√(−2 ln 10⁻³). <see cref="Parse"/> infers it from <see cref="Weighting"/> when not given.</summary>
    public double RCut { get; init; } = 5.0;

    /// <summary>Number of radial basis functions.</summary>
    public int NMax { get; init; } = 8;

    /// <summary>Largest angular momentum.</summary>
    public int LMax { get; init; } = 6;

    /// <summary>Width σ (Å) of the Gaussian placed on each atom.</summary>
    public double Sigma { get; init; } = 0.5;

    /// <summary>Radial basis.</summary>
    public SoapRadialBasis Rbf { get; init; } = SoapRadialBasis.Gto;

    /// <summary>Which species blocks are kept (<see cref="SoapCompression.Crossover"/> is the parameter <c>crossover = false</c>).</summary>
    public SoapCompression Compression { get; init; } = SoapCompression.Off;

    /// <summary>
    /// Per-species weights (symbol → weight; DScribe's <c>compression["species_weighting"]</c>): every coefficient c^Z is
    /// multiplied by the weight of Z, in any compression mode. Null: all 1. When given it must name every species.
    /// </summary>
    public IReadOnlyDictionary<string, double>? SpeciesWeights { get; init; }

    /// <summary>Radial weighting of the neighbour density (DScribe's <c>weighting</c>); null: none (every Gaussian has weight 1).</summary>
    public SoapWeighting? Weighting { get; init; }

    /// <summary>Outer (framework aggregation) or inner average for the structure vector.</summary>
    public SoapAverage Average { get; init; } = SoapAverage.Outer;

    /// <summary>Normalisation of each power spectrum.</summary>
    public SoapNormalization Normalization { get; init; } = SoapNormalization.None;

    /// <summary>The neighbour cutoff: r_cut plus the distance at which a Gaussian has decayed to 10⁻³.</summary>
    public double NeighbourCutoff => RCut + Sigma * Math.Sqrt(-2 * Math.Log(1e-3));

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new SoapDescriptor(this, species);

    /// <summary>
    /// Parses <c>rcut</c>, <c>nmax</c>, <c>lmax</c>, <c>sigma</c>, <c>rbf</c> (Gto|Polynomial), <c>crossover</c>,
    /// <c>compression</c> (Off|Crossover|Mu2|Mu1Nu1), <c>speciesWeighting</c> (symbol → weight ≥ 0),
    /// <c>weighting</c> (a dictionary, <see cref="SoapWeighting.Parse"/>), <c>average</c> (Outer|Inner),
    /// <c>normalization</c> (None|L2). Without <c>rcut</c>, a weighting function sets r_cut
    /// (<see cref="SoapWeighting.InferredCutoff"/>); <c>crossover</c> and <c>compression</c> must not contradict.
    /// </summary>
    public static SoapSettings Parse(ParameterReader p)
    {
        var rbf = p.Enum("rbf", SoapRadialBasis.Gto);
        var weighting = p.Section("weighting") is { } section ? SoapWeighting.Parse(section) : null;
        var s = new SoapSettings
        {
            RCut = ReadCutoff(p, weighting),
            NMax = p.Int("nmax", 8, 1, rbf == SoapRadialBasis.Gto ? 20 : 12),
            LMax = p.Int("lmax", 6, 0, 12),
            Sigma = p.Double("sigma", 0.5, 0.05, 5),
            Rbf = rbf,
            Compression = ReadCompression(p),
            SpeciesWeights = ReadSpeciesWeights(p),
            Weighting = weighting,
            Average = p.Enum("average", SoapAverage.Outer),
            Normalization = p.Enum("normalization", SoapNormalization.None),
        };
        // Orthonormalise the basis now (the result is cached for the descriptor), so that a basis too close to
        // linearly dependent is refused before a pipeline starts, naming the parameter to change.
        try
        {
            if (rbf == SoapRadialBasis.Gto)
                for (int l = 0; l <= s.LMax; l++) GtoRadialBasis.LowdinWeights(s.RCut, s.NMax, l);
            else
                PolynomialRadial.LowdinWeights(s.RCut, s.NMax);
        }
        catch (ArgumentException e)
        {
            throw p.Bad("nmax", $"= {s.NMax} is too many radial functions for rcut = {s.RCut}: {e.Message}");
        }
        return s;
    }

    private const double MinCut = 1, MaxCut = 20;

    private static double ReadCutoff(ParameterReader p, SoapWeighting? weighting)
    {
        if (p.Has("rcut") || weighting?.InferredCutoff is not { } inferred) return p.Double("rcut", 5.0, MinCut, MaxCut);
        p.Double("rcut", inferred, MinCut, MaxCut); // marks rcut as a valid name
        if (!(inferred >= MinCut && inferred <= MaxCut))
            throw p.Bad("weighting", $"sets r_cut to {inferred.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} Å " +
                $"(function {weighting.Function}), outside [{MinCut}, {MaxCut}]; give rcut explicitly or change the weighting.");
        return inferred;
    }

    private static SoapCompression ReadCompression(ParameterReader p)
    {
        var compression = p.Enum("compression", SoapCompression.Off);
        bool crossover = p.Bool("crossover", true);
        if (!p.Has("crossover")) return compression;
        var implied = crossover ? SoapCompression.Off : SoapCompression.Crossover;
        if (p.Has("compression") && compression != implied)
            throw p.Bad("crossover", $"= {crossover.ToString().ToLowerInvariant()} contradicts compression = {compression} " +
                "(crossover = false is compression = Crossover, true is Off); give one of them.");
        return implied;
    }

    private static IReadOnlyDictionary<string, double>? ReadSpeciesWeights(ParameterReader p)
    {
        var map = p.NumberMap("speciesWeighting", 0, double.PositiveInfinity, maxOpen: true);
        if (map is null) return null;
        var bySymbol = new Dictionary<string, double>();
        foreach (var (key, weight) in map)
        {
            if (!Elements.TryFromSymbol(key, out var element)) throw p.Bad("speciesWeighting", $"names '{key}', which is not a chemical symbol (H … Pu).");
            bySymbol[element.Symbol] = weight; // whatever the case given (ti = Ti), as symbols are matched everywhere else
        }
        return bySymbol;
    }
}
