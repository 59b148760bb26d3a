using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>Parameters of the smoothed radial distribution function (defaults: 0.1 Å, 0.1 Å, 10 Å → 100 bins).</summary>
public sealed record RdfSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Rdf;

    /// <summary>Largest distance (Å); the bins cover [0, Cutoff).</summary>
    [OptionRange(0, 50, MinExclusive = true)]
    public double Cutoff { get; init; } = 10.0;

    /// <summary>Bin width (Å); Cutoff/Spacing is rounded to the bin count.</summary>
    [OptionRange(0.001, 10)]
    public double Spacing { get; init; } = 0.1;

    /// <summary>Standard deviation σ of the Gaussian each pair distance is smeared with (Å).</summary>
    [OptionRange(0.001, 5)]
    public double Width { get; init; } = 0.1;

    /// <summary>One RDF per element pair (Z_a ≤ Z_b) when true; the total RDF when false.</summary>
    public bool Partial { get; init; } = true;

    /// <summary>Number of bins.</summary>
    public int Bins => Math.Max(1, (int)Math.Round(Cutoff / Spacing));

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species)
    {
        Validate();
        return new RdfDescriptor(this, species);
    }

    /// <summary>Checks the ranges and that the bins number at most 100000.</summary>
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (Cutoff / Spacing > 100_000)
            throw new ArgumentException($"spacing gives more than 100000 bins for cutoff {Cutoff}; use at least {Cutoff / 100_000}.", nameof(Spacing));
    }
}
