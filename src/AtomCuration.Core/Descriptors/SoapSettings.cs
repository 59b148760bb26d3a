using AtomCuration.Options;

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
    private const double MinCut = 1, MaxCut = 20;
    private const int MaxGtoFunctions = 20, MaxPolynomialFunctions = 12;

    private readonly double? _rcut;
    private readonly SoapCompression? _compression;

    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Soap;

    /// <summary>
    /// Radial cutoff r_cut (Å) of the basis; neighbours are taken up to r_cut + σ√(−2 ln 10⁻³). When not given, a weighting
    /// function sets it (<see cref="SoapWeighting.InferredCutoff"/>, as DScribe does), else it is 5 Å.
    /// </summary>
    [OptionKey("rcut"), OptionRange(MinCut, MaxCut)]
    public double RCut
    {
        get => _rcut ?? Weighting?.InferredCutoff ?? 5.0;
        init => _rcut = value;
    }

    /// <summary>Number of radial basis functions (at most 12 with the polynomial basis).</summary>
    [OptionKey("nmax"), OptionRange(1, MaxGtoFunctions)]
    public int NMax { get; init; } = 8;

    /// <summary>Largest angular momentum.</summary>
    [OptionKey("lmax"), OptionRange(0, 12)]
    public int LMax { get; init; } = 6;

    /// <summary>Width σ (Å) of the Gaussian placed on each atom.</summary>
    [OptionRange(0.05, 5)]
    public double Sigma { get; init; } = 0.5;

    /// <summary>Radial basis.</summary>
    public SoapRadialBasis Rbf { get; init; } = SoapRadialBasis.Gto;

    /// <summary>DScribe's <c>crossover</c>: false keeps same-species blocks only (compression Crossover), true all (Off); null = not given.</summary>
    public bool? Crossover { get; init; }

    /// <summary>Which species blocks are kept; when not given, Crossover if <c>crossover</c> is false, else Off.</summary>
    public SoapCompression Compression
    {
        get => _compression ?? (Crossover == false ? SoapCompression.Crossover : SoapCompression.Off);
        init => _compression = value;
    }

    /// <summary>
    /// Per-species weights (symbol → weight; DScribe's <c>compression["species_weighting"]</c>): every coefficient c^Z is
    /// multiplied by the weight of Z, in any compression mode. Null: all 1. When given it must name every species.
    /// </summary>
    [OptionKey("speciesWeighting"), OptionConverter(typeof(ElementMapConverter)), OptionRange(0, double.PositiveInfinity)]
    public IReadOnlyDictionary<string, double>? SpeciesWeights { get; init; }

    /// <summary>Radial weighting of the neighbour density (DScribe's <c>weighting</c>, a mapping); null: none (every Gaussian has weight 1).</summary>
    public SoapWeighting? Weighting { get; init; }

    /// <summary>Outer (framework aggregation) or inner average for the structure vector.</summary>
    public SoapAverage Average { get; init; } = SoapAverage.Outer;

    /// <summary>Normalisation of each power spectrum.</summary>
    public SoapNormalization Normalization { get; init; } = SoapNormalization.None;

    /// <summary>The neighbour cutoff: r_cut plus the distance at which a Gaussian has decayed to 10⁻³.</summary>
    public double NeighbourCutoff => RCut + Sigma * Math.Sqrt(-2 * Math.Log(1e-3));

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species)
    {
        Validate();
        return new SoapDescriptor(this, species);
    }

    /// <summary>
    /// Checks the ranges (r_cut inferred from the weighting included), that <c>crossover</c> and <c>compression</c> do not
    /// contradict, and orthonormalises the radial basis (cached for the descriptor), so that a basis too close to
    /// linearly dependent is refused before a pipeline starts, naming the parameter to change.
    /// </summary>
    public void Validate()
    {
        Weighting?.Validate();
        if (_rcut is null && Weighting?.InferredCutoff is { } inferred && !(inferred >= MinCut && inferred <= MaxCut))
            throw new ArgumentException($"sets r_cut to {inferred.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} Å " +
                $"(function {Weighting.Function}), outside [{MinCut}, {MaxCut}]; give rcut explicitly or change the weighting.", nameof(Weighting));
        OptionRanges.Validate(this);
        if (Rbf == SoapRadialBasis.Polynomial && NMax > MaxPolynomialFunctions)
            throw new ArgumentException($"nmax must be in [1, {MaxPolynomialFunctions}] with the polynomial basis; got {NMax}.", nameof(NMax));
        if (Crossover is { } crossover && _compression is { } compression
            && compression != (crossover ? SoapCompression.Off : SoapCompression.Crossover))
            throw new ArgumentException($"crossover = {crossover.ToString().ToLowerInvariant()} contradicts compression = {compression} " +
                "(crossover = false is compression = Crossover, true is Off); give one of them.", nameof(Crossover));
        try
        {
            if (Rbf == SoapRadialBasis.Gto)
                for (int l = 0; l <= LMax; l++) GtoRadialBasis.LowdinWeights(RCut, NMax, l);
            else
                PolynomialRadial.LowdinWeights(RCut, NMax);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"nmax = {NMax} is too many radial functions for rcut = {RCut}: {e.Message}", nameof(NMax), e);
        }
    }
}
