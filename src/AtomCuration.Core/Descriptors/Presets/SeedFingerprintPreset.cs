namespace AtomCuration.Descriptors;

/// <summary>
/// The 352-number configuration fingerprint of the k-means/EAM study (issue 5): CrystalNN
/// coordination and order-parameter statistics (248), Voronoi average bond-length statistics (4)
/// and the site-averaged Gaussian GRDF (100), in that order, with the study's labels.
/// </summary>
public sealed class SeedFingerprintPreset : IDescriptorPreset
{
    /// <inheritdoc />
    public string Name => "SeedFingerprint";

    /// <inheritdoc />
    public string Description => "CrystalNN (248) + Voronoi bond length (4) + Gaussian GRDF (100) = 352, the k-means/EAM study's fingerprint.";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>
    {
        ["kinds"] = new[] { "CrystalNN", "BondLength", "Grdf" },
        ["Grdf"] = new Dictionary<string, object?> { ["width"] = 0.1, ["spacing"] = 0.1, ["cutoff"] = 10.0 },
    };
}
