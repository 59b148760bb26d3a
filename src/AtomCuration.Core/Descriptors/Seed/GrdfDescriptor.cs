using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// The Gaussian generalised RDF of the seed fingerprint as a structure-level descriptor: the
/// site average of matminer's per-site GRDF (it averages its sites itself, so framework
/// aggregation does not apply). With the default settings it equals the last 100 values of
/// <see cref="SeedFingerprint.Compute(Structure, SeedBlocks)"/>. It always uses the structure's true periodicity and
/// never falls back.
/// </summary>
public sealed class GrdfDescriptor : Descriptor
{
    private readonly GaussianRdf _grdf;

    /// <summary>The descriptor of <paramref name="settings"/>.</summary>
    public GrdfDescriptor(GrdfSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _grdf = settings == new GrdfSettings() ? GaussianRdf.Default : new GaussianRdf(settings.Width, settings.Spacing, settings.Cutoff);
    }

    /// <summary>The settings.</summary>
    public GrdfSettings Settings { get; }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.Grdf;

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels => _grdf.Labels;

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <summary>False: every element is treated alike (masses enter only the CrystalNN mass difference).</summary>
    public override bool UsesSpecies => false;

    /// <inheritdoc />
    public override void ComputeStructure(Structure structure, Span<double> vector)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (vector.Length != Labels.Count) throw new ArgumentException("Vector has the wrong length.", nameof(vector));
        _grdf.SiteAverage(structure, vector);
    }
}
