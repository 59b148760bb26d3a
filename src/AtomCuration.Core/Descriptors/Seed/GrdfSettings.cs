namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Parameters of the Gaussian generalised RDF block of the seed fingerprint (matminer's
/// gaussian preset, mode GRDF; defaults are the study's: width 0.1 Å, spacing 0.1 Å, cutoff 10 Å → 100 centres).
/// </summary>
public sealed record GrdfSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Grdf;

    /// <summary>Gaussian width w (Å) in exp(−((r − c)/w)²).</summary>
    public double Width { get; init; } = 0.1;

    /// <summary>Spacing of the centres 0, spacing, … (Å).</summary>
    public double Spacing { get; init; } = 0.1;

    /// <summary>Neighbour cutoff (Å); the centres stop below it.</summary>
    public double Cutoff { get; init; } = 10.0;

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new GrdfDescriptor(this);

    /// <inheritdoc />
    public bool UsesSpecies => false;

    /// <summary>Parses <c>width</c>, <c>spacing</c>, <c>cutoff</c>.</summary>
    public static GrdfSettings Parse(ParameterReader p)
    {
        var s = new GrdfSettings
        {
            Width = p.Double("width", 0.1, 0.001, 5),
            Spacing = p.Double("spacing", 0.1, 0.001, 10),
            Cutoff = p.Double("cutoff", 10.0, 0, 30, minOpen: true),
        };
        if (s.Cutoff / s.Spacing > 10_000) throw p.Bad("spacing", $"gives more than 10000 centres for cutoff {s.Cutoff}; use at least {s.Cutoff / 10_000}.");
        return s;
    }
}
