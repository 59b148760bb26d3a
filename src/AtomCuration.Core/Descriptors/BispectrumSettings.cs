using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>
/// Parameters of the SNAP bispectrum (Thompson et al., J. Comput. Phys. 285, 316 (2015),
/// doi:10.1016/j.jcp.2014.12.018), with the meaning and defaults of LAMMPS <c>compute sna/atom</c>
/// (keywords rcutfac, rfac0, twojmax, R_i, w_i, rmin0, switchflag, bzeroflag, quadraticflag, bnormflag, wselfallflag).
/// <para>
/// Atom k is a neighbour of atom i when 0 &lt; |D_ik|² &lt; r_c², r_c = (R_i + R_k)·rcutfac (strict), R the element's
/// <see cref="Radius"/>; its density contribution is weighted by its element's <see cref="Weight"/> w_k and by the
/// switching function f_c = ½(cos(π(r − rmin0)/(r_c − rmin0)) + 1) (switchflag; 1 without it). The neighbour is mapped
/// onto the 3-sphere with θ0 = rfac0·π·(r − rmin0)/(r_c − rmin0), the density is expanded in the hyperspherical
/// harmonics U^j (2j = 0 … twojmax), and the components are B_{j1j2j} = Σ conj(U^j) Z^j_{j1j2} with
/// Z^j_{j1j2} the Clebsch–Gordan product of U^{j1} and U^{j2} (see <c>BispectrumKernel</c> for the formulas). The central
/// atom adds 1 to the diagonal of every U^j (w_self = 1); bzeroflag subtracts B of an isolated atom, j + 1.
/// bnormflag divides each Z^j (hence B_{j1j2j}) by j + 1. quadraticflag appends the products ½B_a² and B_a·B_b (a &lt; b),
/// a slowest, as LAMMPS does.
/// </para>
/// <para>
/// Columns: (2j1, 2j2 ≤ 2j1, 2j = 2j1 − 2j2 … min(twojmax, 2j1 + 2j2) step 2, keeping j ≥ j1), j1 slowest — LAMMPS'
/// order: 5, 14, 30, 55 columns for twojmax 2, 4, 6, 8. Labels <c>B[2j1,2j2,2j]</c>, quadratic <c>B[..]*B[..]</c>.
/// The columns are not resolved by element (LAMMPS' non-chemical form): elements differ only by radius and weight.
/// </para>
/// </summary>
public sealed record BispectrumSettings : IDescriptorSettings
{
    /// <summary>Default element radius R (Å) for elements <see cref="Radius"/> does not name, when it is not given at all.</summary>
    public const double DefaultRadius = 2.5;

    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Bispectrum;

    /// <summary>2J, the largest doubled angular momentum (0 … 16).</summary>
    [OptionKey("twojmax"), OptionRange(0, 16)]
    public int TwoJMax { get; init; } = 6;

    /// <summary>Scale of the pair cutoff r_c = (R_i + R_k)·rcutfac.</summary>
    [OptionKey("rcutfac"), OptionRange(0, 10, MinExclusive = true)]
    public double RCutFac { get; init; } = 1.0;

    /// <summary>Fraction of π that θ0 reaches at the cutoff (0 &lt; rfac0 &lt; 1; SNAP potentials use 0.99363).</summary>
    [OptionKey("rfac0"), OptionRange(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double RFac0 { get; init; } = 0.99363;

    /// <summary>Inner distance (Å) from which θ0 and the switching function count.</summary>
    [OptionKey("rmin0"), OptionRange(0, 30, MaxExclusive = true)]
    public double RMin0 { get; init; }

    /// <summary>Whether neighbour contributions are smoothly switched off at the cutoff.</summary>
    [OptionKey("switchflag")]
    public bool SwitchFlag { get; init; } = true;

    /// <summary>Whether B of an isolated atom is subtracted (B = 0 without neighbours).</summary>
    [OptionKey("bzeroflag")]
    public bool BZeroFlag { get; init; } = true;

    /// <summary>Whether the quadratic products of the components are appended.</summary>
    [OptionKey("quadraticflag")]
    public bool QuadraticFlag { get; init; }

    /// <summary>Whether B_{j1j2j} is divided by 2j + 1.</summary>
    [OptionKey("bnormflag")]
    public bool BNormFlag { get; init; }

    /// <summary>
    /// LAMMPS' wselfallflag: whether the self term is added to every element's density. Without explicit
    /// multi-element (chemflag) descriptors there is a single density, which always holds the self term, so
    /// this flag does not change the result (as in LAMMPS); it is accepted for recipes copied from LAMMPS inputs.
    /// </summary>
    [OptionKey("wselfallflag")]
    public bool WSelfAllFlag { get; init; }

    /// <summary>Radius R per element symbol (Å); null = <see cref="DefaultRadius"/> for every element. When given it must name every species.</summary>
    [OptionConverter(typeof(ElementMapConverter)), OptionRange(0, 15, MinExclusive = true)]
    public IReadOnlyDictionary<string, double>? Radius { get; init; }

    /// <summary>Neighbour weight w per element symbol; null = 1 for every element. When given it must name every species.</summary>
    [OptionConverter(typeof(ElementMapConverter)), OptionRange(-1e6, 1e6)]
    public IReadOnlyDictionary<string, double>? Weight { get; init; }

    /// <summary>Number of linear components for <see cref="TwoJMax"/>.</summary>
    public int LinearCount => new Bispectrum.BispectrumIndex(TwoJMax).Columns.Length;

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species)
    {
        Validate();
        return new BispectrumDescriptor(this, species);
    }

    /// <summary>The radius of each species (by species index), checking that a given map names each one.</summary>
    public double[] RadiiOf(SpeciesSet species) => PerSpecies(species, Radius, DefaultRadius, "radius");

    /// <summary>The weight of each species (by species index), checking that a given map names each one.</summary>
    public double[] WeightsOf(SpeciesSet species) => PerSpecies(species, Weight, 1.0, "weight");

    private static double[] PerSpecies(SpeciesSet species, IReadOnlyDictionary<string, double>? map, double fallback, string name)
    {
        ArgumentNullException.ThrowIfNull(species);
        if (map is null) return species.Symbols.Select(_ => fallback).ToArray();
        var lookup = new Dictionary<string, double>(map, StringComparer.OrdinalIgnoreCase);
        return species.Symbols.Select(s => lookup.TryGetValue(s, out var v) ? v
            : throw new DescriptorParameterException(name,
                $"Bispectrum parameter '{name}' has no value for {s}; give one per species ({string.Join(", ", species.Symbols)}).")).ToArray();
    }

    /// <summary>
    /// Checks the ranges, that the largest pair cutoff (R_i + R_j)·rcutfac is at most 30 Å and that rmin0 lies below
    /// the smallest.
    /// </summary>
    public void Validate()
    {
        OptionRanges.Validate(this);
        var radii = Radius?.Values ?? [DefaultRadius];
        if (2 * radii.Max() * RCutFac > 30)
            throw new ArgumentException($"rcutfac times the largest pair of radii gives a cutoff of {2 * radii.Max() * RCutFac:0.###} Å; at most 30 Å is supported.", nameof(RCutFac));
        if (2 * radii.Min() * RCutFac <= RMin0)
            throw new ArgumentException($"rmin0 must be below the smallest pair cutoff (R_i + R_j)·rcutfac = {2 * radii.Min() * RCutFac:0.###} Å; got {RMin0}.", nameof(RMin0));
    }
}
