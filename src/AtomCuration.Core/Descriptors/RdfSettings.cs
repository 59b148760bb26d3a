namespace AtomCuration.Descriptors;

/// <summary>Parameters of the smoothed radial distribution function (defaults: 0.1 Å, 0.1 Å, 10 Å → 100 bins).</summary>
public sealed record RdfSettings : IDescriptorSettings
{
    /// <inheritdoc />
    public DescriptorKind Kind => DescriptorKind.Rdf;

    /// <summary>Largest distance (Å); the bins cover [0, Cutoff).</summary>
    public double Cutoff { get; init; } = 10.0;

    /// <summary>Bin width (Å); Cutoff/Spacing is rounded to the bin count.</summary>
    public double Spacing { get; init; } = 0.1;

    /// <summary>Standard deviation σ of the Gaussian each pair distance is smeared with (Å).</summary>
    public double Width { get; init; } = 0.1;

    /// <summary>One RDF per element pair (Z_a ≤ Z_b) when true; the total RDF when false.</summary>
    public bool Partial { get; init; } = true;

    /// <summary>Number of bins.</summary>
    public int Bins => Math.Max(1, (int)Math.Round(Cutoff / Spacing));

    /// <inheritdoc />
    public Descriptor Create(SpeciesSet species) => new RdfDescriptor(this, species);

    /// <summary>Parses <c>cutoff</c>, <c>spacing</c>, <c>width</c>, <c>partial</c>.</summary>
    public static RdfSettings Parse(ParameterReader p)
    {
        var s = new RdfSettings
        {
            Cutoff = p.Double("cutoff", 10.0, 0, 50, minOpen: true),
            Spacing = p.Double("spacing", 0.1, 0.001, 10),
            Width = p.Double("width", 0.1, 0.001, 5),
            Partial = p.Bool("partial", true),
        };
        if (s.Cutoff / s.Spacing > 100_000) throw p.Bad("spacing", $"gives more than 100000 bins for cutoff {s.Cutoff}; use at least {s.Cutoff / 100_000}.");
        return s;
    }
}
