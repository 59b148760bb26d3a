namespace AtomCuration.Descriptors;

/// <summary>The 100-number radial distribution of paper 000's fingerprint: Gaussian width 0.1 Å, spacing 0.1 Å, up to 10 Å.</summary>
public sealed class Rdf100Preset : IDescriptorPreset
{
    /// <inheritdoc />
    public string Name => "Rdf100";

    /// <inheritdoc />
    public string Description => "Smoothed RDF, 100 bins of 0.1 Å to 10 Å, σ 0.1 Å, partial by element pair (paper 000).";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>
    {
        ["kinds"] = new[] { "Rdf" },
        ["Rdf"] = new Dictionary<string, object?> { ["cutoff"] = 10.0, ["spacing"] = 0.1, ["width"] = 0.1 },
    };
}
