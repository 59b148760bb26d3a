namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// The Voronoi-based blocks of the seed fingerprint: <see cref="DescriptorKind.CrystalNN"/> (248)
/// and <see cref="DescriptorKind.BondLength"/> (4). Their settings are those of the study and are
/// not adjustable (CrystalNN: not weighted, no cation–anion logic, no distance cutoffs,
/// x_diff_weight 0, porous adjustment; neighbours from the exact Voronoi cell, which the
/// study's 7 Å search cutoff reaches in every bulk cell it was used on), so only <c>scale</c> is accepted.
/// </summary>
public sealed record VoronoiBlockSettings : IDescriptorSettings
{
    /// <summary>Settings for <paramref name="kind"/> (CrystalNN or BondLength).</summary>
    public VoronoiBlockSettings(DescriptorKind kind)
    {
        if (kind is not (DescriptorKind.CrystalNN or DescriptorKind.BondLength))
            throw new ArgumentException($"{kind} is not a Voronoi block of the seed fingerprint.", nameof(kind));
        Kind = kind;
    }

    /// <inheritdoc />
    public DescriptorKind Kind { get; }

    /// <summary>The block of <see cref="SeedFingerprint"/> this kind computes.</summary>
    public SeedBlocks Block => Kind == DescriptorKind.CrystalNN ? SeedBlocks.CrystalNN : SeedBlocks.BondLength;

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new VoronoiBlockDescriptor(this);

    /// <inheritdoc />
    public bool UsesSpecies => false;

    /// <summary>Nothing to check: the settings are fixed.</summary>
    public void Validate()
    {
    }
}
