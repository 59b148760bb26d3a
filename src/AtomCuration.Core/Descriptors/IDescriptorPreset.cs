namespace AtomCuration.Descriptors;

/// <summary>
/// A named fingerprint recipe. Adding a preset is one new file in Presets/ with a public
/// parameterless class implementing this interface; <see cref="DescriptorPresets"/> finds it.
/// </summary>
public interface IDescriptorPreset
{
    /// <summary>The name users type (<c>-Preset Name</c>), unique case-insensitively.</summary>
    string Name { get; }

    /// <summary>One line on what it is and where it comes from.</summary>
    string Description { get; }

    /// <summary>
    /// The recipe in the same shape as <c>-Parameters</c> and the YAML file: <c>kinds</c>
    /// (list), optional <c>aggregate</c>, <c>perAtom</c>, <c>species</c>, and one section per kind.
    /// </summary>
    IReadOnlyDictionary<string, object?> Parameters { get; }
}
