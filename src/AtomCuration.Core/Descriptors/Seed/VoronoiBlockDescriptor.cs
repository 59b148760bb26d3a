using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// A Voronoi block of the seed fingerprint (CrystalNN 248 or average bond length 4) as a
/// structure-level descriptor: it aggregates its sites itself with matminer's statistics
/// (mean, population std, min, max), so framework aggregation does not apply. Values and labels
/// are those of <see cref="SeedFingerprint.Compute(Structure, SeedBlocks)"/>; its fallbacks (a site facing vacuum) are
/// reported as warnings.
/// </summary>
public sealed class VoronoiBlockDescriptor : Descriptor
{
    private readonly SeedBlocks _block;

    /// <summary>The descriptor of <paramref name="settings"/>.</summary>
    public VoronoiBlockDescriptor(VoronoiBlockSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Kind = settings.Kind;
        _block = settings.Block;
        Labels = SeedFingerprint.LabelsFor(_block);
    }

    /// <inheritdoc />
    public override DescriptorKind Kind { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <summary>False: every element is treated alike (masses enter only the CrystalNN mass difference).</summary>
    public override bool UsesSpecies => false;

    /// <summary>Not offered: this block may fall back, and its warnings must reach the caller; use the overload with a <see cref="DescriptorContext"/>.</summary>
    public override void ComputeStructure(Structure structure, Span<double> vector) =>
        throw new NotSupportedException($"{Kind} may report fallbacks; call ComputeStructure(DescriptorContext, vector) or ComputeStructure(structure, warnings).");

    /// <inheritdoc />
    public override void ComputeStructure(DescriptorContext context, Span<double> vector)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (vector.Length != Labels.Count) throw new ArgumentException("Vector has the wrong length.", nameof(vector));
        // CrystalNN and BondLength in one fingerprint tessellate once.
        var closed = context.Share(SharedVoronoiKey, SeedFingerprint.CloseVoronoi);
        var result = SeedFingerprint.Compute(context.Structure, _block, closed);
        result.Values.CopyTo(vector);
        context.Warnings.AddRange(result.Warnings);
    }

    private const string SharedVoronoiKey = "seed.closedVoronoi";
}
