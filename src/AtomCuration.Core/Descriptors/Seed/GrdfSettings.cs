using AtomCuration.Options;

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
    [OptionRange(0.001, 5)]
    public double Width { get; init; } = 0.1;

    /// <summary>Spacing of the centres 0, spacing, … (Å).</summary>
    [OptionRange(0.001, 10)]
    public double Spacing { get; init; } = 0.1;

    /// <summary>Neighbour cutoff (Å); the centres stop below it.</summary>
    [OptionRange(0, 30, MinExclusive = true)]
    public double Cutoff { get; init; } = 10.0;

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species)
    {
        Validate();
        return new GrdfDescriptor(this);
    }

    /// <inheritdoc />
    public bool UsesSpecies => false;

    /// <summary>Checks the ranges and that the centres number at most 10000.</summary>
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (Cutoff / Spacing > 10_000)
            throw new ArgumentException($"spacing gives more than 10000 centres for cutoff {Cutoff}; use at least {Cutoff / 10_000}.", nameof(Spacing));
    }
}
