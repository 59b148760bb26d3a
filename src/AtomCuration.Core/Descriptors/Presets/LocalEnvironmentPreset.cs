namespace AtomCuration.Descriptors;

/// <summary>
/// Paper 001's fingerprint: modified Behler–Parrinello functions (Eqs. 4–6), 24 radial and
/// 16 angular (the default set), Rc = 6 Å, the angular double sum of Eq. 5 taken literally (each
/// neighbour pair counted twice), per-atom rows kept for the local-environment bank, structure
/// vector = mean over atoms.
/// </summary>
public sealed class LocalEnvironmentPreset : IDescriptorPreset
{
    /// <inheritdoc />
    public string Name => "LocalEnvironment";

    /// <inheritdoc />
    public string Description => "Modified Behler–Parrinello ACSF, 24 G2 + 16 G4, Rc 6 Å, per-atom (paper 001).";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>
    {
        ["kinds"] = new[] { "Acsf" },
        ["perAtom"] = true,
        ["Acsf"] = new Dictionary<string, object?> { ["cutoff"] = 6.0, ["form"] = "Modified", ["angularPairs"] = "Twice" },
    };
}
