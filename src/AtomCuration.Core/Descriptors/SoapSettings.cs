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

/// <summary>
/// Parameters of the SOAP power spectrum, following DScribe 2.1 (see <see cref="SoapDescriptor"/>).
/// DScribe's <c>weighting</c> and <c>compression</c> options are not offered: neighbours are
/// unweighted Gaussians and all species pairs are kept.
/// </summary>
public sealed record SoapSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Soap;

    /// <summary>Radial cutoff r_cut (Å) of the basis; neighbours are taken up to r_cut + σ√(−2 ln 10⁻³).</summary>
    public double RCut { get; init; } = 5.0;

    /// <summary>Number of radial basis functions.</summary>
    public int NMax { get; init; } = 8;

    /// <summary>Largest angular momentum.</summary>
    public int LMax { get; init; } = 6;

    /// <summary>Width σ (Å) of the Gaussian placed on each atom.</summary>
    public double Sigma { get; init; } = 0.5;

    /// <summary>Radial basis.</summary>
    public SoapRadialBasis Rbf { get; init; } = SoapRadialBasis.Gto;

    /// <summary>Keep the mixed-species blocks (DScribe's <c>crossover</c>).</summary>
    public bool Crossover { get; init; } = true;

    /// <summary>Outer (framework aggregation) or inner average for the structure vector.</summary>
    public SoapAverage Average { get; init; } = SoapAverage.Outer;

    /// <summary>Normalisation of each power spectrum.</summary>
    public SoapNormalization Normalization { get; init; } = SoapNormalization.None;

    /// <summary>The neighbour cutoff: r_cut plus the distance at which a Gaussian has decayed to 10⁻³.</summary>
    public double NeighbourCutoff => RCut + Sigma * Math.Sqrt(-2 * Math.Log(1e-3));

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new SoapDescriptor(this, species);

    /// <summary>Parses <c>rcut</c>, <c>nmax</c>, <c>lmax</c>, <c>sigma</c>, <c>rbf</c> (Gto|Polynomial), <c>crossover</c>, <c>average</c> (Outer|Inner), <c>normalization</c> (None|L2).</summary>
    public static SoapSettings Parse(ParameterReader p)
    {
        var rbf = p.Enum("rbf", SoapRadialBasis.Gto);
        var s = new SoapSettings
        {
            RCut = p.Double("rcut", 5.0, 1, 20),
            NMax = p.Int("nmax", 8, 1, rbf == SoapRadialBasis.Gto ? 20 : 12),
            LMax = p.Int("lmax", 6, 0, 12),
            Sigma = p.Double("sigma", 0.5, 0.05, 5),
            Rbf = rbf,
            Crossover = p.Bool("crossover", true),
            Average = p.Enum("average", SoapAverage.Outer),
            Normalization = p.Enum("normalization", SoapNormalization.None),
        };
        return s;
    }
}
