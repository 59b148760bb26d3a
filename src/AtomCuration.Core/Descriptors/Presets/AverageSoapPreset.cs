namespace AtomCuration.Descriptors;

/// <summary>
/// The average-SOAP fingerprint of paper 003 with DScribe's usual settings: GTO basis,
/// r_cut 5 Å, n_max 8, l_max 6, σ 0.5 Å, structure vector = mean of the per-atom power spectra
/// (DScribe's "outer" average; a linear kernel on it is the average SOAP kernel).
/// </summary>
public sealed class AverageSoapPreset : IDescriptorPreset
{
    /// <inheritdoc />
    public string Name => "AverageSoap";

    /// <inheritdoc />
    public string Description => "SOAP GTO (r_cut 5, n_max 8, l_max 6, σ 0.5), mean over atoms (average kernel, paper 003).";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>
    {
        ["kinds"] = new[] { "Soap" },
        ["aggregate"] = "Mean",
        ["Soap"] = new Dictionary<string, object?> { ["rcut"] = 5.0, ["nmax"] = 8, ["lmax"] = 6, ["sigma"] = 0.5 },
    };
}
